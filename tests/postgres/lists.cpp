// IN lists from a range argument (sqlc.slice) on PostgreSQL: the checks every backend shares,
// the parameters libpq can describe, and = ANY($1), PostgreSQL's own way, with an array
// parameter from a std::vector or a std::span.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "support/caught.hpp"
#include "support/list_checks.hpp"
#include "support/postgres_scratch.hpp"

namespace {

inline constexpr auto PreparedHere = ctsql::query<"-- name: PreparedHere :one\nSELECT count(*) FROM pg_prepared_statements">;

struct fixture {
    test::postgres_scratch scratch;
    ctsql::postgres::connection db = scratch.connect();
    fixture() { test::fill_items(db); }

    // The session's prepared statements, this count's own among them.
    std::int64_t statements_prepared() { return *db.execute<std::int64_t>(PreparedHere); }
};

inline constexpr char any_sql[] = R"sql(
-- name: IdsAny :many
SELECT id FROM items WHERE id = ANY($1) ORDER BY id;

-- name: IdsByLabelsAny :many
SELECT id FROM items WHERE label = ANY(@labels) AND shelf <> @shelf ORDER BY id;
)sql";
inline constexpr auto any_unchecked = ctsql::query_set<any_sql>;
inline constexpr auto any_checked = ctsql::query_set<any_sql, test::items_schema>;

inline constexpr auto ItemsByIds = test::list_queries.get<"ItemsByIds">();

}  // namespace

#include "support/list_cases.hpp"


TEST_CASE_FIXTURE(fixture, "lists: past the parameters libpq can describe, a clear error, and the connection stays") {
    CHECK(db.execute<test::ListedItem>(ItemsByIds, test::count_up(7498)).size() == 1000);
    const ctsql::error e = test::caught([&] { db.execute<test::ListedItem>(ItemsByIds, test::count_up(7499)); });
    CHECK(e.code() == ctsql::errc::other);
    CHECK(e.query_name() == "ItemsByIds");
    CHECK(e.text() == "7499 parameters, more than the 7498 libpq can describe: bind a long list as an array, = ANY($1)");
    REQUIRE(db.is_open());
    CHECK(db.execute<test::ListedItem>(ItemsByIds, std::vector<std::int64_t>{1, 2}).size() == 2);
}

TEST_CASE_FIXTURE(fixture, "lists: = ANY($1) with a std::vector or a std::span, with and without a schema") {
    using ids = std::vector<std::int64_t>;
    const ids wanted{3, 1, 2000};
    const std::array<std::int64_t, 2> array{7, 8};
    CHECK(db.execute<std::int64_t>(any_unchecked.get<"IdsAny">(), wanted) == ids{1, 3});
    CHECK(db.execute<std::int64_t>(any_unchecked.get<"IdsAny">(), std::span<const std::int64_t>{array}) == ids{7, 8});
    CHECK(db.execute<std::int64_t>(any_unchecked.get<"IdsAny">(), ids{}).empty());
    CHECK(db.execute<std::int64_t>(any_checked.get<"IdsAny">(), wanted) == ids{1, 3});
    CHECK(db.execute<std::int64_t>(any_checked.get<"IdsAny">(), std::span<const std::int64_t>{array}) == ids{7, 8});
    CHECK(db.execute<std::int64_t>(any_checked.get<"IdsAny">(), std::vector<std::optional<std::int64_t>>{4, std::nullopt}) ==
          ids{4});
    const std::vector<std::string> labels{"item 1", "item 11", "item 12"};
    CHECK(db.execute<std::int64_t>(any_checked.get<"IdsByLabelsAny">(), labels, 1) == ids{12});
    CHECK(db.execute<std::int64_t>(any_unchecked.get<"IdsByLabelsAny">(), std::span<const std::string>{labels}.first(1), 0) ==
          ids{1});
}
