#pragma once
// The result types of the SQL functions the analysis knows, per dialect. A function not listed
// here has no known type: a query that returns its result needs a CAST.

#include <cstddef>
#include <string_view>

#include "detail/characters.hpp"
#include "detail/keyword_set.hpp"
#include "dialect.hpp"
#include "typed_value.hpp"

namespace ctsql::detail {

constexpr keyword_set text_functions{
    "lower", "upper", "trim", "ltrim", "rtrim", "btrim", "substr", "substring", "replace", "concat", "concat_ws",
    "left", "right", "lpad", "rpad", "initcap", "md5", "to_char", "format", "printf", "quote", "reverse",
    "repeat", "split_part", "translate", "hex", "group_concat", "string_agg", "typeof", "lcase", "ucase"};
constexpr keyword_set length_functions{"length", "char_length", "character_length", "octet_length",
                                                 "bit_length", "instr", "strpos", "position", "locate"};
constexpr keyword_set same_type_functions{"abs", "min", "max", "round", "ceil", "ceiling", "floor",
                                                    "trunc", "truncate", "sign", "greatest", "least"};
// COALESCE and its other spellings: the first argument that is not NULL.
constexpr keyword_set coalesce_functions{"coalesce", "ifnull", "nvl"};
constexpr keyword_set now_functions{"now", "current_timestamp", "localtimestamp", "transaction_timestamp",
                                              "statement_timestamp", "clock_timestamp", "datetime", "sysdate",
                                              "utc_timestamp"};

// Any argument that may be NULL makes these results NULL.
constexpr bool any_nullable(const typed_value* args, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        if (args[i].nullable) return true;
    return false;
}

constexpr const typed_value* first_known(const typed_value* args, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        if (args[i].known) return &args[i];
    return nullptr;
}

// The type of name(args...), or false when the function is not known. Aggregates over no rows
// give NULL, so SUM, AVG, MIN and MAX are nullable; COUNT never is.
constexpr bool function_result(word_id name, const typed_value* args, std::size_t count, dialect d,
                               typed_value& result) {
    const auto is = [name](keyword word) { return name == word.id; };
    const bool nullable_args = any_nullable(args, count);
    const typed_value* known = first_known(args, count);
    if (is("count")) {
        result = typed_value::of(bigint_type(), false);
    } else if (coalesce_functions.contains(name)) {
        bool all_nullable = true;
        for (std::size_t i = 0; i < count; ++i) all_nullable = all_nullable && args[i].nullable;
        if (known == nullptr) return false;
        result = typed_value::of(known->type, all_nullable);
    } else if (is("nullif")) {
        if (count == 0 || !args[0].known) return false;
        result = typed_value::of(args[0].type, true);
    } else if (is("sum") || is("total")) {
        if (known == nullptr) return false;
        sql_type t = known->type;
        if (t.family == type_family::integer) {
            if (d == dialect::mysql) t = {type_family::decimal};
            else if (d == dialect::postgresql) t = t.bits == 64 ? sql_type{type_family::decimal} : bigint_type();
            else t = bigint_type();
        }
        if (is("total")) t = double_type();  // SQLite's TOTAL is a real, never NULL
        result = typed_value::of(t, !is("total"));
    } else if (is("avg")) {
        if (known == nullptr) return false;
        const bool exact = known->type.family == type_family::integer || known->type.family == type_family::decimal;
        result = typed_value::of(exact && d != dialect::sqlite ? sql_type{type_family::decimal} : double_type(), true);
    } else if (same_type_functions.contains(name)) {
        if (known == nullptr) return false;
        const bool aggregate = is("min") || is("max");
        result = typed_value::of(known->type, aggregate || nullable_args);
    } else if (text_functions.contains(name)) {
        result = typed_value::of(text_type(), nullable_args || is("group_concat") || is("string_agg"));
    } else if (length_functions.contains(name)) {
        result = typed_value::of(d == dialect::postgresql ? integer_type(32) : bigint_type(), nullable_args);
    } else if (now_functions.contains(name)) {
        result = typed_value::of(timestamp_type(), false);
    } else if (is("current_date") || is("curdate")) {
        result = typed_value::of({type_family::date}, false);
    } else if (is("row_number") || is("rank") || is("dense_rank") || is("ntile")) {
        result = typed_value::of(bigint_type(), false);
    } else if (is("extract") || is("date_part")) {
        result = typed_value::of(d == dialect::postgresql ? sql_type{type_family::decimal} : bigint_type(), nullable_args);
    } else if (is("random")) {
        result = typed_value::of(d == dialect::sqlite ? bigint_type() : double_type(), false);
    } else if (is("rand")) {
        result = typed_value::of(double_type(), false);
    } else if (is("last_insert_id") || is("last_insert_rowid") || is("changes")) {
        result = typed_value::of(bigint_type(), false);
    } else if (is("bool_and") || is("bool_or") || is("every")) {
        result = typed_value::of(boolean_type(), true);
    } else if (is("gen_random_uuid") || is("uuid_generate_v4")) {
        result = typed_value::of({type_family::uuid}, false);
    } else {
        return false;
    }
    return true;
}

}  // namespace ctsql::detail
