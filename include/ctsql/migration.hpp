#pragma once
// A migration: one numbered step of a database's schema, with the script that takes the
// database forward and the one that takes it back, as golang-migrate and sqlx keep them.
//
//   inline constexpr ctsql::migration migrations[] = {
//       {1, "users", db::users_up_sql, db::users_down_sql},
//       {2, "add_email", db::add_email_up_sql, db::add_email_down_sql},
//   };
//
// ctsql::migrate, rollback and status run them (migrations.hpp); ctsql::schema_from reads their
// `up` scripts into the schema queries are checked against (schema_from.hpp).

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "diagnostics.hpp"

namespace ctsql {

struct migration {
    std::int64_t version;   // positive, each given once; migrations apply in ascending order
    std::string_view name;
    std::string_view up;    // statements separated by `;`
    std::string_view down;  // empty when the migration cannot be undone
};

namespace detail {

constexpr void write_version(auto& out, std::int64_t version) {
    if (version >= 0) {
        out << static_cast<std::size_t>(version);
    } else {  // the magnitude, without overflowing at the lowest value
        out << "-" << static_cast<std::size_t>(-(version + 1)) + 1;
    }
}

// What is wrong with a program's list of migrations, or an empty text: every version must be
// positive and given once.
constexpr message check_migrations(const auto& migrations) {
    message m;
    for (auto i = std::begin(migrations); i != std::end(migrations); ++i) {
        if (i->version <= 0) {
            m << "migrations: version ";
            write_version(m, i->version);
            return m << " of '" << i->name << "' is not positive (versions count from 1)";
        }
        for (auto j = std::begin(migrations); j != i; ++j)
            if (j->version == i->version) {
                m << "migrations: version ";
                write_version(m, i->version);
                return m << " is given twice ('" << j->name << "' and '" << i->name << "')";
            }
    }
    return m;
}

}  // namespace detail

}  // namespace ctsql
