#pragma once
// Reads a type name where SQL writes one: a column definition, CAST(x AS type), x::type.
// Words (DOUBLE PRECISION, CHARACTER VARYING), arguments (255), WITH TIME ZONE, UNSIGNED,
// arrays (TEXT[], INT ARRAY), MySQL's ENUM('a', 'b') and the schema's own enum types.

#include <cstddef>
#include <string_view>

#include "detail/token_cursor.hpp"
#include "sql_type.hpp"

namespace ctsql::detail {

// Words that start a column constraint, and so end a column's type.
constexpr keyword_set column_constraint_words{
    "not",    "null",    "primary", "unique",  "default", "references", "check",   "constraint",
    "collate", "generated", "auto_increment", "autoincrement", "comment", "character", "charset",
    "on",     "as",      "visible", "invisible", "stored", "virtual",   "key",     "identity"};

enum class type_spelling : bool {
    known,  // in expressions: a name the rules know, or one word
    any,    // in SQLite's column definitions: any words ("UNSIGNED BIG INT")
};

// find_enum(name) gives a catalog enum's index or a value past every index; read_labels()
// reads ('a', 'b') after ENUM and gives the new enum's index.
constexpr declared_type read_declared_type(auto& cursor, std::string_view text, type_spelling words,
                                           auto find_enum, auto read_labels) {
    declared_type type;
    const token first = cursor.current();
    // SQLite allows no type at all; CHARACTER starts both a type and CHARACTER SET.
    if (!first.is_name() || (column_constraint_words.contains(first.word) && !is_keyword(first, "character")))
        return type;
    cursor.advance();
    type.name = find_type_word(first.text(text));
    if (is_keyword(first, "double")) {
        cursor.accept("precision");
        type.name = type_name::double_;
    } else if ((is_keyword(first, "character") || is_keyword(first, "char") || is_keyword(first, "national")) &&
               (cursor.at_keyword("varying") || cursor.at_keyword("character") || cursor.at_keyword("char"))) {
        while (cursor.at_keyword("varying") || cursor.at_keyword("character") || cursor.at_keyword("char"))
            cursor.advance();
        type.name = type_name::varchar;
    } else if (is_keyword(first, "bit") && cursor.accept("varying")) {
        type.name = type_name::blob;
    } else if (words == type_spelling::any && type.name == type_name::unknown) {
        while (cursor.current().is_name() && !column_constraint_words.contains(cursor.current().word) &&
               find_type_word(cursor.current().text(text)) == type_name::unknown)
            cursor.advance();
        if (cursor.current().is_name() && find_type_word(cursor.current().text(text)) != type_name::unknown) cursor.advance();
    }
    std::size_t spelling_end = cursor.current().offset;
    bool labels = false;  // ENUM('a', 'b'), kept in the catalog
    if (type.name == type_name::enumeration && cursor.at_symbol("(")) {
        type.enum_index = read_labels();
        labels = type.enum_index != static_cast<std::size_t>(-1);
        spelling_end = cursor.current().offset;
    } else if (cursor.at_symbol("(")) {
        const std::size_t begin = cursor.current().offset + 1;
        cursor.skip_group();
        type.arguments = text.substr(begin, text.rfind(')', cursor.current().offset) - begin);
    }
    if (is_keyword(first, "timestamp") || is_keyword(first, "time")) {
        if (cursor.accept("with")) {
            cursor.accept("time");
            cursor.accept("zone");
            if (type.name == type_name::timestamp) type.name = type_name::timestamptz;
        } else if (cursor.accept("without")) {
            cursor.accept("time");
            cursor.accept("zone");
        }
    }
    while (cursor.accept("unsigned") || cursor.accept("signed") || cursor.accept("zerofill")) type.is_unsigned = true;
    while (cursor.at_symbol("[") || cursor.at_keyword("array")) {
        type.array = true;
        cursor.advance();
        while (!cursor.at_symbol("]") && cursor.current().kind == token_kind::number) cursor.advance();
        cursor.accept_symbol("]");
    }
    // ENUM without labels, or with labels where no enum is kept (a cast): a name like any other.
    if (type.name == type_name::enumeration && !labels) {
        type.name = type_name::unknown;
        type.enum_index = 0;
    }
    if (type.name == type_name::unknown) {  // a user-defined type: one of the schema's enums?
        const std::size_t e = find_enum(first.unquoted(text));
        if (e != static_cast<std::size_t>(-1)) {
            type.name = type_name::enumeration;
            type.enum_index = e;
        }
    }
    type.spelling = text.substr(first.offset, spelling_end - first.offset);
    while (!type.spelling.empty() && is_space(type.spelling.back())) type.spelling.remove_suffix(1);
    return type;
}

}  // namespace ctsql::detail
