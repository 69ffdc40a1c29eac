// Pools of SQLite connections to one database file, shared by threads.
#include <ctsql/pool.hpp>
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <string>

#include "support/caught.hpp"
#include "support/temp_dir.hpp"
#include "support/transaction_checks.hpp"

namespace {

// A new database file with the accounts table.
struct pool_fixture {
    using connection = ctsql::sqlite::connection;
    static constexpr const char* begin_statement = "BEGIN";
    ctsql_test::temp_dir dir;
    pool_fixture() { connection{url()}.execute_script(test::accounts_ddl); }
    std::string url() const { return "sqlite://" + dir.file("accounts.db"); }
};

}  // namespace

#include "support/pool_cases.hpp"

TEST_CASE("a pool whose database cannot be opened fails when it is made") {
    ctsql_test::temp_dir dir;
    const std::string url = "sqlite://" + dir.file("missing/folder/x.db");
    CHECK(test::caught([&] { ctsql::pool<ctsql::sqlite::connection>(url, {.min_size = 1}); }).code() ==
          ctsql::errc::connection_failure);
}
