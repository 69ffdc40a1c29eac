#pragma once
// A schema given to queries: DDL read once, where it is defined, into a constexpr catalog
// that every query checked against it shares.
//
//   inline constexpr auto schema = ctsql::schema<R"sql(CREATE TABLE users (...);)sql">;
//   inline constexpr auto GetUser = ctsql::query<R"sql(-- name: GetUser :one ...)sql", schema>;

#include <string_view>
#include <type_traits>

#include "catalog.hpp"
#include "diagnostics.hpp"
#include "fixed_string.hpp"

namespace ctsql {

struct no_schema {};

// What is wrong with DDL the catalog could not read, or an empty text.
template <catalog_shape Shape>
constexpr message describe_problem(const catalog<Shape>& c) {
    message m;
    const catalog_diagnosis& e = c.error;
    switch (e.code) {
        case catalog_problem::none: break;
        case catalog_problem::unreadable: m << "schema: cannot read '" << e.subject << "' in '" << e.statement << "'"; break;
        case catalog_problem::unknown_statement: m << "schema: unknown statement '" << e.statement << "'"; break;
        case catalog_problem::unknown_table:
            m << "schema: unknown table '" << e.subject << "' in '" << e.statement << "'";
            break;
        case catalog_problem::unknown_column:
            m << "schema: unknown column '" << e.subject << "' in '" << e.statement << "'";
            break;
        case catalog_problem::duplicate_table: m << "schema: table '" << e.subject << "' is created twice"; break;
        case catalog_problem::duplicate_column:
            m << "schema: column '" << e.subject << "' is defined twice in '" << e.statement << "'";
            break;
    }
    return m;
}

// Line and column, from 1, of an offset in a text.
struct text_position {
    std::size_t line = 1;
    std::size_t column = 1;
};
constexpr text_position position_in(std::string_view text, std::size_t offset) {
    text_position p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

// The sentence for DDL the catalog could not read, with its place, or an empty text.
template <catalog_shape Shape>
constexpr message describe(const catalog<Shape>& c) {
    message m = describe_problem(c);
    if (m.empty()) return m;
    const text_position p = position_in(c.text, c.error.offset);
    return m << " (line " << p.line << ", column " << p.column << ")";
}

template <fixed_string Ddl>
class schema_definition {
    static constexpr auto value = read_catalog<detail::measure_catalog(Ddl.view())>(Ddl.view());

public:
    constexpr schema_definition() {
        if constexpr (!value.ok()) reject<describe(value)>();
    }
    static constexpr std::string_view text() { return Ddl.view(); }
    static constexpr const auto& catalog() { return value; }
};

template <fixed_string Ddl>
inline constexpr schema_definition<Ddl> schema{};

template <class T>
inline constexpr bool is_schema_v = false;
template <fixed_string Ddl>
inline constexpr bool is_schema_v<schema_definition<Ddl>> = true;

}  // namespace ctsql
