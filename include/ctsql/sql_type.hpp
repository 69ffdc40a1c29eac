#pragma once
// Column types: the name a schema declares (dialect-neutral, read by the catalog), and the
// type it is on one backend (family, width, signedness), resolved when a query meets it:
// INTEGER is 64-bit on SQLite and 32-bit on PostgreSQL and MySQL.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/characters.hpp"
#include "dialect.hpp"

namespace ctsql {

// The type names the catalog knows, whatever the dialect that wrote them.
enum class type_name : std::uint8_t {
    unknown,  // none given (SQLite allows it) or a name no rule below knows
    boolean,
    tinyint,
    smallint,
    mediumint,
    integer,
    bigint,
    smallserial,
    serial,
    bigserial,
    real,
    float_,
    double_,
    decimal,
    text,
    varchar,
    character,
    blob,
    timestamp,
    timestamptz,
    date,
    time,
    interval,
    json,
    uuid,
    enumeration,  // CREATE TYPE ... AS ENUM, or MySQL's ENUM('a', 'b')
};

struct declared_type {
    type_name name = type_name::unknown;
    std::string_view spelling;   // as written, without arguments: "DOUBLE PRECISION"
    std::string_view arguments;  // "255", "12,2"
    bool array = false;
    bool is_unsigned = false;
    std::size_t enum_index = 0;  // for type_name::enumeration: which of the catalog's enums
};

// What a column holds on one backend.
enum class type_family : std::uint8_t {
    boolean,
    integer,
    real,
    decimal,
    text,
    blob,
    timestamp,
    date,
    time,
    interval,
    json,
    uuid,
    enumeration,
    any,  // SQLite without a declared type: anything
};

struct sql_type {
    type_family family = type_family::any;
    std::uint8_t bits = 0;  // integers and reals
    bool is_unsigned = false;
    bool array = false;
    std::size_t enum_index = 0;
};

constexpr std::string_view to_string(type_family f) {
    switch (f) {
        case type_family::boolean: return "boolean";
        case type_family::integer: return "integer";
        case type_family::real: return "real";
        case type_family::decimal: return "decimal";
        case type_family::text: return "text";
        case type_family::blob: return "blob";
        case type_family::timestamp: return "timestamp";
        case type_family::date: return "date";
        case type_family::time: return "time";
        case type_family::interval: return "interval";
        case type_family::json: return "json";
        case type_family::uuid: return "uuid";
        case type_family::enumeration: return "enum";
        case type_family::any: return "any";
    }
    return "?";
}

namespace detail {

struct type_word {
    std::string_view word;
    type_name name;
};

// Single-word type names; the multi-word ones (DOUBLE PRECISION, CHARACTER VARYING,
// TIMESTAMP WITH TIME ZONE) are read by the catalog, which knows the words that follow.
inline constexpr type_word type_words[] = {
    {"bool", type_name::boolean},        {"boolean", type_name::boolean},
    {"tinyint", type_name::tinyint},     {"smallint", type_name::smallint},
    {"int2", type_name::smallint},       {"mediumint", type_name::mediumint},
    {"int", type_name::integer},         {"integer", type_name::integer},
    {"int4", type_name::integer},        {"bigint", type_name::bigint},
    {"int8", type_name::bigint},         {"smallserial", type_name::smallserial},
    {"serial2", type_name::smallserial}, {"serial", type_name::serial},
    {"serial4", type_name::serial},      {"bigserial", type_name::bigserial},
    {"serial8", type_name::bigserial},   {"real", type_name::real},
    {"float4", type_name::real},         {"float", type_name::float_},
    {"float8", type_name::double_},      {"double", type_name::double_},
    {"decimal", type_name::decimal},     {"numeric", type_name::decimal},
    {"dec", type_name::decimal},         {"money", type_name::decimal},
    {"text", type_name::text},           {"tinytext", type_name::text},
    {"mediumtext", type_name::text},     {"longtext", type_name::text},
    {"clob", type_name::text},           {"citext", type_name::text},
    {"name", type_name::text},           {"varchar", type_name::varchar},
    {"nvarchar", type_name::varchar},    {"char", type_name::character},
    {"character", type_name::character}, {"nchar", type_name::character},
    {"bpchar", type_name::character},    {"blob", type_name::blob},
    {"tinyblob", type_name::blob},       {"mediumblob", type_name::blob},
    {"longblob", type_name::blob},       {"bytea", type_name::blob},
    {"binary", type_name::blob},         {"varbinary", type_name::blob},
    {"timestamp", type_name::timestamp}, {"datetime", type_name::timestamp},
    {"timestamptz", type_name::timestamptz}, {"date", type_name::date},
    {"time", type_name::time},           {"timetz", type_name::time},
    {"interval", type_name::interval},   {"json", type_name::json},
    {"jsonb", type_name::json},          {"uuid", type_name::uuid},
    {"enum", type_name::enumeration},
};

constexpr type_name find_type_word(std::string_view word) {
    for (const type_word& w : type_words)
        if (iequals(w.word, word)) return w.name;
    return type_name::unknown;
}

constexpr bool contains_ignoring_case(std::string_view text, std::string_view part) {
    for (std::size_t i = 0; i + part.size() <= text.size(); ++i)
        if (iequals(text.substr(i, part.size()), part)) return true;
    return false;
}

// SQLite's rules for a type name it does not know (https://www.sqlite.org/datatype3.html).
constexpr sql_type sqlite_affinity(std::string_view spelling) {
    if (contains_ignoring_case(spelling, "int")) return {type_family::integer, 64};
    if (contains_ignoring_case(spelling, "char") || contains_ignoring_case(spelling, "clob") ||
        contains_ignoring_case(spelling, "text"))
        return {type_family::text};
    if (spelling.empty() || contains_ignoring_case(spelling, "blob")) return {type_family::any};
    if (contains_ignoring_case(spelling, "real") || contains_ignoring_case(spelling, "floa") ||
        contains_ignoring_case(spelling, "doub"))
        return {type_family::real, 64};
    return {type_family::decimal};
}

}  // namespace detail

// The type a declared column has on a backend of dialect D.
constexpr sql_type resolve(const declared_type& declared, dialect d) {
    const bool sqlite = d == dialect::sqlite;
    const bool mysql = d == dialect::mysql;
    const auto integer = [&](std::uint8_t bits) {
        return sql_type{type_family::integer, sqlite ? std::uint8_t{64} : bits, declared.is_unsigned && !sqlite};
    };
    sql_type t;
    switch (declared.name) {
        case type_name::boolean: t = {type_family::boolean}; break;
        case type_name::tinyint: t = integer(8); break;
        case type_name::smallint:
        case type_name::smallserial: t = integer(16); break;
        case type_name::mediumint:
        case type_name::integer:
        case type_name::serial: t = integer(32); break;
        case type_name::bigint:
        case type_name::bigserial: t = integer(64); break;
        // MySQL's SERIAL is BIGINT UNSIGNED.
        case type_name::real: t = {type_family::real, static_cast<std::uint8_t>(sqlite || mysql ? 64 : 32)}; break;
        case type_name::float_: t = {type_family::real, static_cast<std::uint8_t>(mysql ? 32 : 64)}; break;
        case type_name::double_: t = {type_family::real, 64}; break;
        // SQLite keeps NUMERIC values as integers or reals, never as exact decimals.
        case type_name::decimal: t = sqlite ? sql_type{type_family::real, 64} : sql_type{type_family::decimal}; break;
        case type_name::text:
        case type_name::varchar:
        case type_name::character: t = {type_family::text}; break;
        case type_name::blob: t = {type_family::blob}; break;
        case type_name::timestamp:
        case type_name::timestamptz: t = {type_family::timestamp}; break;
        case type_name::date: t = {type_family::date}; break;
        // SQLite keeps times of day and intervals as text.
        case type_name::time: t = {sqlite ? type_family::text : type_family::time}; break;
        case type_name::interval: t = {sqlite ? type_family::text : type_family::interval}; break;
        case type_name::json: t = {type_family::json}; break;
        case type_name::uuid: t = sqlite ? sql_type{type_family::text} : sql_type{type_family::uuid}; break;
        case type_name::enumeration: t = {type_family::enumeration, 0, false, false, declared.enum_index}; break;
        case type_name::unknown: t = sqlite ? detail::sqlite_affinity(declared.spelling) : sql_type{type_family::any}; break;
    }
    if (mysql && declared.name == type_name::serial) t = {type_family::integer, 64, true};
    // Only PostgreSQL has arrays: SQLite keeps a TEXT[] column's values as text, by its affinity.
    t.array = declared.array && has_arrays(d);
    return t;
}

}  // namespace ctsql
