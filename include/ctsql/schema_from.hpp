#pragma once
// The schema a list of migrations produces: their `up` scripts read in version order at
// compile time, as sqlc reads a folder of migrations, so that queries are checked against the
// database the migrations make.
//
//   inline constexpr ctsql::migration migrations[] = {{1, "users", users_up_sql, users_down_sql}, ...};
//   inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one ...", ctsql::schema_from<migrations>>;
//
// A problem in a script is reported with the migration it is in: "migration 2 'add_email':
// unknown table 'user' in 'ALTER TABLE user ...' (line 1, column 13)".

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <string_view>

#include "diagnostics.hpp"
#include "fixed_string.hpp"
#include "migration.hpp"
#include "origin.hpp"
#include "schema.hpp"

namespace ctsql {

namespace detail {

template <const auto& Migrations>
inline constexpr auto migrations_in_order = [] {
    std::array<migration, std::size(Migrations)> ordered{};
    std::copy(std::begin(Migrations), std::end(Migrations), ordered.begin());
    std::ranges::sort(ordered, {}, &migration::version);
    return ordered;
}();

// Each script after a marker naming its migration (origin.hpp), closed by a `;` on a line of
// its own in case it ends without one, or in a line comment.
constexpr void write_migrations_ddl(auto& out, const auto& ordered) {
    for (const migration& m : ordered) {
        text_buffer<24> version;
        write_version(version, m.version);
        write_migration_marker(out, version.view(), m.name);
        out << m.up << "\n;\n";
    }
}

template <const auto& Migrations>
inline constexpr std::size_t migrations_ddl_size = [] {
    text_sink length;
    write_migrations_ddl(length, migrations_in_order<Migrations>);
    return length.size;
}();

template <const auto& Migrations>
inline constexpr auto migrations_ddl = [] {
    fixed_string<migrations_ddl_size<Migrations>> text;
    text_sink writer{text.data};
    write_migrations_ddl(writer, migrations_in_order<Migrations>);
    return text;
}();

template <const auto& Migrations>
constexpr auto schema_of_migrations() {
    constexpr message problem = check_migrations(Migrations);
    if constexpr (!problem.empty()) {
        reject<problem>();
        return schema_definition<"">{};
    } else {
        return schema_definition<migrations_ddl<Migrations>>{};
    }
}

}  // namespace detail

// A constexpr array of ctsql::migration (or std::array of them) given by reference: the schema
// its `up` scripts build, in version order, as ctsql::schema builds one from DDL.
template <const auto& Migrations>
inline constexpr auto schema_from = detail::schema_of_migrations<Migrations>();

}  // namespace ctsql
