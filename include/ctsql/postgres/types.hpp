#pragma once
// PostgreSQL's types as the binary protocol sees them: the built-in type OIDs ctsql encodes
// and decodes (fixed by PostgreSQL's catalog, pg_type.dat), and what each one is. Enums,
// domains and arrays of them have OIDs of their own, looked up once per connection.

#include <cstdint>
#include <string_view>

#include <libpq-fe.h>

namespace ctsql::postgres::detail {

enum class wire_kind : std::uint8_t {
    unsupported,  // a type ctsql has no C++ type for: time, interval, geometric, ranges, ...
    boolean,
    int2,
    int4,
    int8,
    float4,
    float8,
    numeric,
    text,         // text, varchar, char(n), name, json, xml, enum labels: the bytes as they are
    jsonb,        // a version byte, then the text
    bytea,
    uuid,
    timestamp,    // timestamp and timestamptz: microseconds since 2000-01-01 UTC
    date,         // days since 2000-01-01
    array,
};

// A type as ctsql reads and writes it; for arrays, the elements' type too.
struct wire_type {
    Oid oid = 0;
    wire_kind kind = wire_kind::unsupported;
    Oid element = 0;
    wire_kind element_kind = wire_kind::unsupported;
};

struct builtin_type {
    Oid oid;
    wire_kind kind;
    std::string_view name;
};

inline constexpr builtin_type builtin_types[] = {
    {16, wire_kind::boolean, "boolean"},    {17, wire_kind::bytea, "bytea"},
    {18, wire_kind::text, "\"char\""},      {19, wire_kind::text, "name"},
    {20, wire_kind::int8, "bigint"},        {21, wire_kind::int2, "smallint"},
    {23, wire_kind::int4, "integer"},       {25, wire_kind::text, "text"},
    {114, wire_kind::text, "json"},
    {142, wire_kind::text, "xml"},          {700, wire_kind::float4, "real"},
    {701, wire_kind::float8, "double precision"}, {705, wire_kind::text, "unknown"},
    {1042, wire_kind::text, "character"},   {1043, wire_kind::text, "character varying"},
    {1082, wire_kind::date, "date"},        {1083, wire_kind::unsupported, "time"},
    {1114, wire_kind::timestamp, "timestamp"}, {1184, wire_kind::timestamp, "timestamptz"},
    {1186, wire_kind::unsupported, "interval"}, {1700, wire_kind::numeric, "numeric"},
    {2950, wire_kind::uuid, "uuid"},        {3802, wire_kind::jsonb, "jsonb"},
};

// Built-in array types and their elements.
struct builtin_array {
    Oid oid;
    Oid element;
};

inline constexpr builtin_array builtin_arrays[] = {
    {1000, 16},   {1001, 17},   {1002, 18},   {1003, 19},   {1016, 20},   {1005, 21},
    {1007, 23},   {1009, 25},   {199, 114},   {143, 142},   {1021, 700},
    {1022, 701},  {1014, 1042}, {1015, 1043}, {1182, 1082}, {1115, 1114}, {1185, 1184},
    {1231, 1700}, {2951, 2950}, {3807, 3802},
};

constexpr const builtin_type* find_builtin(Oid oid) {
    for (const builtin_type& t : builtin_types)
        if (t.oid == oid) return &t;
    return nullptr;
}

constexpr wire_kind builtin_kind(Oid oid) {
    const builtin_type* t = find_builtin(oid);
    return t ? t->kind : wire_kind::unsupported;
}

// The built-in type of an OID, or nothing for a type of the database's own (an enum, a domain).
constexpr bool builtin_wire_type(Oid oid, wire_type& out) {
    if (const builtin_type* t = find_builtin(oid)) {
        out = {oid, t->kind};
        return true;
    }
    for (const builtin_array& a : builtin_arrays)
        if (a.oid == oid) {
            out = {oid, wire_kind::array, a.element, builtin_kind(a.element)};
            return true;
        }
    return false;
}

constexpr std::string_view to_string(wire_kind kind) {
    switch (kind) {
        case wire_kind::unsupported: return "a type ctsql does not read";
        case wire_kind::boolean: return "boolean";
        case wire_kind::int2: return "smallint";
        case wire_kind::int4: return "integer";
        case wire_kind::int8: return "bigint";
        case wire_kind::float4: return "real";
        case wire_kind::float8: return "double precision";
        case wire_kind::numeric: return "numeric";
        case wire_kind::text: return "text";
        case wire_kind::jsonb: return "jsonb";
        case wire_kind::bytea: return "bytea";
        case wire_kind::uuid: return "uuid";
        case wire_kind::timestamp: return "timestamp";
        case wire_kind::date: return "date";
        case wire_kind::array: return "array";
    }
    return "?";
}

}  // namespace ctsql::postgres::detail
