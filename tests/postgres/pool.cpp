// Pools of PostgreSQL connections shared by threads, and a connection the server ends.
#include <ctsql/pool.hpp>
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>

#include <unistd.h>

#include "support/caught.hpp"
#include "support/transaction_checks.hpp"
#include "support/postgres_scratch.hpp"

namespace {

inline constexpr auto MyPid = ctsql::query<"-- name: MyPid :one\nSELECT pg_backend_pid() AS pid">;
inline constexpr auto Terminate = ctsql::query<"-- name: Terminate :one\nSELECT pg_terminate_backend($1) AS done">;

// A schema of the test's own with the accounts table.
struct pool_fixture {
    using connection = ctsql::postgres::connection;
    static constexpr const char* begin_statement = "BEGIN";
    test::postgres_scratch scratch;
    pool_fixture() { scratch.connect().execute_script(test::accounts_ddl); }
    std::string url() const { return scratch.url(); }
};

}  // namespace

#include "support/pool_cases.hpp"

TEST_CASE("a connection the server ended is dropped and replaced") {
    pool_fixture s;
    test::check_pool_replaces_lost<ctsql::postgres::connection>(s.url(), [&](ctsql::postgres::connection& db) {
        const std::int32_t pid = db.execute<std::int32_t>(MyPid).value();
        CHECK(s.scratch.connect().execute<bool>(Terminate, pid) == true);
    });
}

TEST_CASE("a pool whose server cannot be reached fails when it is made") {
    CHECK(test::caught([] {
              ctsql::pool<ctsql::postgres::connection>("postgresql://postgres@127.0.0.1:1/ctsql", {.min_size = 1});
          }).code() == ctsql::errc::connection_failure);
}

TEST_CASE("a pool's idle connections close with it, and a handle that outlives it closes its own") {
    using namespace std::chrono_literals;
    pool_fixture s;
    const std::string name = "ctsql_pool_" + std::to_string(::getpid());
    constexpr auto Sessions = ctsql::query<
        "-- name: Sessions :one\nSELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1">;
    auto observer = s.scratch.connect();
    // The server forgets a closed session shortly after the client has gone.
    const auto sessions_become = [&](std::int64_t expected) {
        for (int tries = 0; tries < 500; ++tries) {
            if (observer.execute<std::int64_t>(Sessions, name) == expected) return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    };
    std::optional<ctsql::pool<ctsql::postgres::connection>::handle> kept;
    {
        ctsql::pool<ctsql::postgres::connection> pool{s.url() + "&application_name=" + name, {.min_size = 3, .max_size = 3}};
        CHECK(sessions_become(3));
        kept.emplace(pool.acquire());
    }
    CHECK(sessions_become(1));
    CHECK(test::count_accounts(**kept) == 0);
    kept.reset();
    CHECK(sessions_become(0));
}
