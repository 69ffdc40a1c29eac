// IN lists from a range argument (sqlc.slice) on MySQL and MariaDB, whose placeholders are all
// ?: the checks every backend shares, which prove each ? bound to its value, and the limit on a
// statement's parameters.
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "support/caught.hpp"
#include "support/list_checks.hpp"
#include "support/mysql_scratch.hpp"

namespace {

inline constexpr auto PreparedCount = ctsql::query<R"sql(
-- name: PreparedCount :one
SELECT CAST(VARIABLE_VALUE AS SIGNED) FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'COM_STMT_PREPARE'
)sql">;

struct fixture {
    test::mysql_scratch scratch;
    ctsql::mysql::connection db = scratch.connect();
    fixture() { test::fill_items(db); }

    // The statements the session has prepared (Com_stmt_prepare), this count's own among them.
    std::int64_t statements_prepared() { return *db.execute<std::int64_t>(PreparedCount); }
};

inline constexpr auto ItemsByIds = test::list_queries.get<"ItemsByIds">();

}  // namespace

#include "support/list_cases.hpp"


TEST_CASE_FIXTURE(fixture, "lists: past MySQL's limit on a statement's parameters, a clear error") {
    CHECK(db.execute<test::ListedItem>(ItemsByIds, test::count_up(65535)).size() == 1000);
    const ctsql::error e = test::caught([&] { db.execute<test::ListedItem>(ItemsByIds, test::count_up(65536)); });
    CHECK(e.query_name() == "ItemsByIds");
    CHECK(e.native_code() == 1390);  // ER_PS_MANY_PARAM
    CHECK(e.text() == "Prepared statement contains too many placeholders");
    REQUIRE(db.is_open());
    CHECK(db.execute<test::ListedItem>(ItemsByIds, std::vector<std::int64_t>{1, 2}).size() == 2);
}
