// Migrations on PostgreSQL: a schema of the test's own, opened by several connections; DDL is
// transactional, and the advisory lock keeps two processes from migrating at once.
#include <ctsql/postgres.hpp>

#include <cstdint>
#include <vector>

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

// The lock migrate holds is the one docs/migrations.md names: keyed by the eight bytes "ctsqlmig".
TEST_CASE("migrate holds the advisory lock keyed by the bytes ctsqlmig") {
    migrations_fixture f;
    auto db = f.opener()();
    const std::vector<ctsql::migration> list = {
        {1, "locks",
         "CREATE TABLE held AS SELECT (classid::bigint << 32) | objid::bigint AS lock_key FROM pg_locks "
         "WHERE locktype = 'advisory' AND pid = pg_backend_pid()",
         ""}};
    REQUIRE(ctsql::migrate(db, list) == 1);
    constexpr auto Held = ctsql::query<"-- name: Held :many\nSELECT lock_key FROM held">;
    CHECK(db.execute<std::int64_t>(Held) == std::vector<std::int64_t>{0x637473716c6d6967});
}
