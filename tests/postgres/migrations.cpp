// Migrations on PostgreSQL: a schema of the test's own, opened by several connections; DDL is
// transactional, and the advisory lock keeps two processes from migrating at once.
#include <ctsql/postgres.hpp>

#include "support/postgres_scratch.hpp"

namespace {

struct migrations_fixture {
    static constexpr bool transactional_ddl = true;
    static constexpr const char* pause_statement = "SELECT pg_sleep(0.1)";

    test::postgres_scratch scratch;
    auto opener() const {
        return [this] { return scratch.connect(); };
    }
};

}  // namespace

#include "support/migration_cases.hpp"
