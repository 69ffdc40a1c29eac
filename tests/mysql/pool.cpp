// Pools of MariaDB connections shared by threads, and a connection the server ends.
#include <ctsql/mysql.hpp>
#include <ctsql/pool.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "support/caught.hpp"
#include "support/transaction_checks.hpp"
#include "support/mysql_scratch.hpp"

namespace {

inline constexpr auto ConnectionId = ctsql::query<"-- name: ConnectionId :one\nSELECT CONNECTION_ID() AS id">;

// A database of the test's own with the accounts table.
struct pool_fixture {
    using connection = ctsql::mysql::connection;
    static constexpr const char* begin_statement = "START TRANSACTION";
    test::mysql_scratch scratch;
    pool_fixture() { scratch.connect().execute_script(test::accounts_ddl); }
    std::string url() const { return scratch.url(); }
};

}  // namespace

#include "support/pool_cases.hpp"

TEST_CASE("a connection the server ended is dropped and replaced") {
    pool_fixture d;
    test::check_pool_replaces_lost<ctsql::mysql::connection>(d.url(), [&](ctsql::mysql::connection& db) {
        const std::uint64_t id = db.execute<std::uint64_t>(ConnectionId).value();
        d.scratch.connect().execute_script("KILL CONNECTION " + std::to_string(id));
    });
}

TEST_CASE("a pool whose server cannot be reached fails when it is made") {
    CHECK(test::caught([] {
              ctsql::pool<ctsql::mysql::connection>("mysql://root@127.0.0.1:1/ctsql", {.min_size = 1});
          }).code() == ctsql::errc::connection_failure);
}
