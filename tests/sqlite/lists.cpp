// IN lists from a range argument (sqlc.slice) on SQLite: the checks every backend shares, the
// statement kept for a length run again, an element that cannot be bound, and the limit on a
// statement's parameters.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <set>
#include <string_view>
#include <thread>
#include <vector>

#include <sqlite3.h>

#include "support/caught.hpp"
#include "support/list_checks.hpp"

namespace {

struct fixture {
    ctsql::sqlite::connection db{":memory:"};
    fixture() { test::fill_items(db); }

    // The statements open on the connection: ctsql keeps each one it prepares.
    std::vector<sqlite3_stmt*> statements() {
        sqlite3* handle = db.backend().native_handle();
        std::vector<sqlite3_stmt*> open;
        for (sqlite3_stmt* s = sqlite3_next_stmt(handle, nullptr); s != nullptr; s = sqlite3_next_stmt(handle, s))
            open.push_back(s);
        return open;
    }
    std::size_t statements_prepared() { return statements().size(); }
};

// Without a schema, so that an unsigned argument reaches the backend.
inline constexpr auto CountIds = ctsql::query<R"sql(
-- name: CountIds :one
SELECT COUNT(*) AS n FROM items WHERE id IN (sqlc.slice(ids))
)sql">;

}  // namespace

#include "support/list_cases.hpp"


// The text for each length is made once per program, by whichever thread asks first.
TEST_CASE("lists: threads with connections of their own share the texts made for each length") {
    std::vector<std::thread> threads;
    std::atomic<int> right{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            ctsql::sqlite::connection db{":memory:"};
            test::fill_items(db);
            for (std::size_t n = 1; n <= 60; ++n)
                right += db.execute<std::int64_t>(CountIds, test::count_up(n)) == static_cast<std::int64_t>(n) ? 1 : 0;
        });
    for (std::thread& thread : threads) thread.join();
    CHECK(right == 4 * 60);
}

// SQLite counts each statement's runs: a length seen before runs the statement kept for it.
TEST_CASE_FIXTURE(fixture, "lists: a length seen before runs the statement prepared for it") {
    const auto ItemsByIds = test::list_queries.get<"ItemsByIds">();
    for (int i = 0; i < 3; ++i) CHECK(db.execute<test::ListedItem>(ItemsByIds, test::count_up(2)).size() == 2);
    CHECK(db.execute<test::ListedItem>(ItemsByIds, test::count_up(1)).size() == 1);
    std::multiset<int> runs;
    for (sqlite3_stmt* s : statements())
        if (std::string_view{sqlite3_sql(s)}.find("FROM items WHERE id IN (") != std::string_view::npos)
            runs.insert(sqlite3_stmt_status(s, SQLITE_STMTSTATUS_RUN, 0));
    CHECK(runs == std::multiset<int>{1, 3});
}

TEST_CASE_FIXTURE(fixture, "lists: an element that cannot be bound is named") {
    const ctsql::error e = test::caught([&] {
        db.execute<std::int64_t>(CountIds, std::vector<std::uint64_t>{1, std::numeric_limits<std::uint64_t>::max()});
    });
    CHECK(e.code() == ctsql::errc::type_mismatch);
    CHECK(e.query_name() == "CountIds");
    CHECK(e.text().starts_with("list 'ids', element 1: "));
}

TEST_CASE_FIXTURE(fixture, "lists: past SQLite's limit on a statement's parameters, a clear error") {
    sqlite3* handle = db.backend().native_handle();
    const int limit = sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1);  // 32766 unless SQLite was built otherwise
    CHECK(db.execute<std::int64_t>(CountIds, test::count_up(static_cast<std::size_t>(limit))) == 1000);
    const ctsql::error e = test::caught([&] { db.execute<std::int64_t>(CountIds, test::count_up(limit + std::size_t{1})); });
    CHECK(e.query_name() == "CountIds");
    CHECK(e.text().find("too many SQL variables") != std::string::npos);

    sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, 100);  // lowered for this connection
    CHECK(db.execute<std::int64_t>(CountIds, test::count_up(100)) == 100);
    CHECK(test::caught([&] { db.execute<std::int64_t>(CountIds, test::count_up(101)); }).text().find("too many SQL variables") !=
          std::string::npos);
}
