// Migrations on SQLite: a database file of the test's own, opened by several connections; DDL
// is transactional, and each migration's BEGIN IMMEDIATE keeps two processes from applying it
// twice.
#include <ctsql/sqlite.hpp>

#include <string>

#include "support/temp_dir.hpp"

namespace {

struct migrations_fixture {
    static constexpr bool transactional_ddl = true;
    static constexpr const char* pause_statement =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT COUNT(*) FROM n";

    ctsql_test::temp_dir dir;
    std::string path = dir.file("migrations.db");
    auto opener() const {
        return [this] { return ctsql::sqlite::connection{path}; };
    }
};

}  // namespace

#include "support/migration_cases.hpp"
