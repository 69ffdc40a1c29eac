// Faults on MariaDB, on the fault server (CTSQL_FAULT_MYSQL_URL), which the tests kill with
// SIGKILL (every session ends at once, as in a crash) and start again.
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "support/fault_server.hpp"
#include "support/mysql_scratch.hpp"
#include "support/transaction_checks.hpp"

namespace {

inline constexpr auto ConnectionId = ctsql::query<"-- name: ConnectionId :one\nSELECT CONNECTION_ID() AS id">;
inline constexpr auto WaitingStatement = ctsql::query<R"sql(-- name: WaitingStatement :one
SELECT INFO FROM information_schema.PROCESSLIST
WHERE ID = $1 AND STATE IN ('User sleep', 'Waiting for backup lock'))sql">;

// A database of the test's own on the fault server, with the accounts table.
struct fault_fixture {
    using connection = ctsql::mysql::connection;
    static constexpr auto Sleep = ctsql::query<"-- name: Sleep :one\nSELECT SLEEP($1) AS slept">;
    static constexpr auto Numbers =
        ctsql::query<"-- name: Numbers :many\nSELECT CAST(seq AS SIGNED) AS n FROM seq_1_to_10000000">;

    test::fault_server server{"CTSQL_FAULT_MYSQL_URL", "CTSQL_FAULT_MYSQL_CONTROL"};
    test::mysql_scratch scratch{server.url()};

    fault_fixture() { scratch.connect().execute_script(test::accounts_ddl); }
    std::string url() const { return scratch.url(); }
    connection connect() const { return scratch.connect(); }

    static std::int64_t session_of(connection& db) {
        return static_cast<std::int64_t>(db.execute<std::uint64_t>(ConnectionId).value());
    }
    static std::string waiting_statement(connection& observer, std::int64_t session) {
        return observer.execute<std::string>(WaitingStatement, session).value_or("");
    }
    static void cancel(connection& observer, std::int64_t session) {
        observer.execute_script(fmt::format("KILL QUERY {}", session));
    }
    static void set_statement_timeout(connection& db, std::chrono::milliseconds limit) {
        db.execute_script(fmt::format("SET SESSION max_statement_time = {}", limit.count() / 1000.0));
    }
    // Another session blocks every commit (BACKUP STAGE BLOCK_COMMIT) while it is open: COMMIT
    // waits before it writes anything, for 30 s at most (the lock's own wait is a day).
    template <class Transaction>
    connection hold_commit(Transaction& tx) const {
        tx.execute_script("SET SESSION lock_wait_timeout = 30");
        connection holder = connect();
        holder.execute_script("BACKUP STAGE START; BACKUP STAGE BLOCK_COMMIT");
        return holder;
    }
};

}  // namespace

#define CTSQL_FAULT_SERVER "mysql"
#include "support/fault_cases.hpp"
