// Faults on PostgreSQL, on the fault server (CTSQL_FAULT_POSTGRES_URL), which the tests kill with
// `pg_ctl stop -m immediate` (every backend ends at once, as in a crash) and start again.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "support/fault_server.hpp"
#include "support/postgres_scratch.hpp"
#include "support/transaction_checks.hpp"

namespace {

inline constexpr auto BackendPid = ctsql::query<"-- name: BackendPid :one\nSELECT pg_backend_pid() AS pid">;
inline constexpr auto SleepingStatement = ctsql::query<R"sql(-- name: SleepingStatement :one
SELECT query FROM pg_stat_activity WHERE pid = $1 AND wait_event = 'PgSleep')sql">;
inline constexpr auto CancelBackend = ctsql::query<"-- name: CancelBackend :one\nSELECT pg_cancel_backend($1) AS done">;

// A row in commit_hold makes COMMIT sleep in a deferred trigger, before the commit is written.
inline constexpr const char* commit_hold_ddl = R"sql(
CREATE TABLE commit_hold (id INTEGER);
CREATE FUNCTION sleep_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER sleep_at_commit AFTER INSERT ON commit_hold DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION sleep_at_commit();
INSERT INTO commit_hold (id) VALUES (1);
)sql";

// A schema of the test's own on the fault server, with the accounts table.
struct fault_fixture {
    using connection = ctsql::postgres::connection;
    static constexpr auto Sleep = ctsql::query<"-- name: Sleep :one\nSELECT 1 AS slept FROM pg_sleep($1)">;
    // In the select list, the series is made as it is sent (in FROM, it would be made whole first).
    static constexpr auto Numbers =
        ctsql::query<"-- name: Numbers :many\nSELECT generate_series(1::bigint, 10000000) AS n">;

    test::fault_server server{"CTSQL_FAULT_POSTGRES_URL", "CTSQL_FAULT_POSTGRES_CONTROL"};
    test::postgres_scratch scratch{server.url()};

    fault_fixture() { scratch.connect().execute_script(test::accounts_ddl); }
    std::string url() const { return scratch.url(); }
    connection connect() const { return scratch.connect(); }

    static std::int64_t session_of(connection& db) { return db.execute<std::int32_t>(BackendPid).value(); }
    static std::string waiting_statement(connection& observer, std::int64_t session) {
        return observer.execute<std::string>(SleepingStatement, session).value_or("");
    }
    static void cancel(connection& observer, std::int64_t session) {
        REQUIRE(observer.execute<bool>(CancelBackend, session) == true);
    }
    static void set_statement_timeout(connection& db, std::chrono::milliseconds limit) {
        db.execute_script(fmt::format("SET statement_timeout = {}", limit.count()));
    }
    template <class Transaction>
    static bool hold_commit(Transaction& tx) {
        tx.execute_script(commit_hold_ddl);
        return true;
    }
};

}  // namespace

#define CTSQL_FAULT_SERVER "postgres"
#include "support/fault_cases.hpp"
