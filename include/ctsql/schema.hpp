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
#include "origin.hpp"

namespace ctsql {

// What a query without a schema is given in its place.
struct no_schema {};
inline constexpr no_schema no_schema_value{};

// What is wrong with DDL the catalog could not read, said of `subject` ("schema", or the
// migration the DDL came from), or an empty text.
template <catalog_shape Shape>
constexpr message describe_problem(const catalog<Shape>& c, std::string_view subject = "schema") {
    message m;
    const catalog_diagnosis& e = c.error;
    if (e.code != catalog_problem::none) m << subject << ": ";
    switch (e.code) {
        case catalog_problem::none: break;
        case catalog_problem::unreadable: m << "cannot read '" << e.subject << "' in '" << e.statement << "'"; break;
        case catalog_problem::unknown_statement: m << "unknown statement '" << e.statement << "'"; break;
        case catalog_problem::unknown_table: m << "unknown table '" << e.subject << "' in '" << e.statement << "'"; break;
        case catalog_problem::unknown_column:
            m << "unknown column '" << e.subject << "' in '" << e.statement << "'";
            break;
        case catalog_problem::duplicate_table: m << "table '" << e.subject << "' is created twice"; break;
        case catalog_problem::duplicate_column:
            m << "column '" << e.subject << "' is defined twice in '" << e.statement << "'";
            break;
        case catalog_problem::too_large: {
            const detail::shape_excess excess = ctsql::excess(detail::measure_catalog(c.text), Shape);
            m << "too large to read here: it may need " << excess.need << " " << e.subject << ", and there is room for "
              << excess.room;
            break;
        }
    }
    return m;
}

// The sentence for DDL the catalog could not read, with its place, or an empty text: in a file
// (see origin.hpp) as "schema.sql:3:15: schema: ...", else "schema: ... (line 3, column 15)",
// and in a migration's script "migration 2 'add_email': ..." instead of "schema: ...".
template <catalog_shape Shape>
constexpr message describe(const catalog<Shape>& c) {
    if (c.ok()) return message{};
    const text_place p = place_of(c.text, c.error.offset);
    message subject;
    if (p.migration_version.empty()) subject << "schema";
    else subject << "migration " << p.migration_version << " '" << p.migration_name << "'";
    message m;
    if (!p.file.empty()) {
        write_file_line(m, p);
        return m << ":" << p.column << ": " << describe_problem(c, subject.view()).view();
    }
    m = describe_problem(c, subject.view());
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

namespace detail {

// Whether a query (basic_query) is checked against a schema. A question of the schema's type
// alone: a static member of each query that said so would be one more entity for the compiler
// to make, and to name by the query's whole text, for every query.
template <class Query>
concept schema_checked = is_schema_v<typename Query::schema_type>;

// The type of a schema's catalog, or no_schema without one: a type of the schema's, which every
// query of the schema shares.
template <class Schema, bool = is_schema_v<Schema>>
struct catalog_type {
    using type = no_schema;
};
template <class Schema>
struct catalog_type<Schema, true> {
    using type = std::remove_cvref_t<decltype(Schema::catalog())>;
};
template <class Schema>
using catalog_type_t = typename catalog_type<Schema>::type;

}  // namespace detail

}  // namespace ctsql
