#pragma once
// What the analysis knows of an expression: its type on the backend, whether it may be NULL,
// and whether it is a lone parameter (whose type the expression's context then decides).

#include <cstddef>
#include <string_view>

#include "dialect.hpp"
#include "sql_type.hpp"

namespace ctsql {

inline constexpr std::size_t no_parameter = static_cast<std::size_t>(-1);

struct typed_value {
    sql_type type;
    bool known = false;     // false: the type cannot be told (a NULL literal, an unknown function)
    bool nullable = true;
    std::size_t parameter = no_parameter;  // the parameter's index, when the expression is one
    std::string_view origin;               // the column it reads, for messages

    static constexpr typed_value of(sql_type type, bool nullable) {
        typed_value v;
        v.type = type;
        v.known = true;
        v.nullable = nullable;
        return v;
    }
    constexpr bool is_parameter() const { return parameter != no_parameter; }
};

namespace detail {

constexpr sql_type integer_type(std::uint8_t bits) { return {type_family::integer, bits}; }
constexpr sql_type bigint_type() { return integer_type(64); }
constexpr sql_type double_type() { return {type_family::real, 64}; }
constexpr sql_type text_type() { return {type_family::text}; }
constexpr sql_type boolean_type() { return {type_family::boolean}; }
constexpr sql_type timestamp_type() { return {type_family::timestamp}; }

// The type of a + b, a * b, ...: the wider number; a timestamp plus an interval stays one.
constexpr sql_type arithmetic_result(const sql_type& a, const sql_type& b) {
    if (a.family == type_family::timestamp || a.family == type_family::date) return a;
    if (b.family == type_family::timestamp || b.family == type_family::date) return b;
    if (a.family == type_family::decimal || b.family == type_family::decimal) return {type_family::decimal};
    if (a.family == type_family::real || b.family == type_family::real) {
        const std::uint8_t bits = a.family == type_family::real && b.family == type_family::real
                                      ? (a.bits > b.bits ? a.bits : b.bits)
                                      : (a.family == type_family::real ? a.bits : b.bits);
        return {type_family::real, bits};
    }
    if (a.family == type_family::integer && b.family == type_family::integer)
        return {type_family::integer, a.bits > b.bits ? a.bits : b.bits, a.is_unsigned && b.is_unsigned};
    return a.family == type_family::any ? b : a;
}

// An integer literal: int4 on PostgreSQL when it fits, 64-bit elsewhere.
constexpr sql_type integer_literal_type(std::string_view digits, dialect d) {
    if (d != dialect::postgresql) return bigint_type();
    return digits.size() < 10 ? integer_type(32) : bigint_type();
}

// A literal with a point or an exponent: PostgreSQL and MySQL keep it exact.
constexpr sql_type decimal_literal_type(dialect d) {
    return d == dialect::sqlite ? double_type() : sql_type{type_family::decimal};
}

}  // namespace detail
}  // namespace ctsql
