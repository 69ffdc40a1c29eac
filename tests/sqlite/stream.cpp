// stream: rows read one at a time as an input range.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <ranges>
#include <string>
#include <vector>

namespace {

struct Item {
    std::int64_t id;
    std::string label;
};

inline constexpr char items_sql[] = R"sql(
-- name: CreateItems :exec
CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
-- name: AddItem :exec
INSERT INTO items (label) VALUES ($1);
-- name: ListItems :many
SELECT id, label FROM items WHERE id > $1 ORDER BY id;
-- name: GetItem :one
SELECT id, label FROM items WHERE id = $1;
-- name: FindItems :many
SELECT id, label FROM items WHERE label LIKE $1 ORDER BY id;
)sql";
inline constexpr auto items = ctsql::query_set<items_sql>;

struct fixture {
    ctsql::sqlite::connection db{":memory:"};
    fixture() {
        db.execute(items.get<"CreateItems">());
        for (int i = 1; i <= 1000; ++i) db.execute(items.get<"AddItem">(), "item " + std::to_string(i));
    }
};

}  // namespace

TEST_CASE_FIXTURE(fixture, "a stream yields every row in order") {
    auto rows = db.stream<Item>(items.get<"ListItems">(), 0);
    static_assert(std::ranges::input_range<decltype(rows)>);
    std::int64_t expected = 1;
    for (const Item& item : rows) {
        CHECK(item.id == expected);
        CHECK(item.label == "item " + std::to_string(expected));
        ++expected;
    }
    CHECK(expected == 1001);
}

TEST_CASE_FIXTURE(fixture, "a stream with no rows ends at once; a stream left early frees its statement") {
    for (const Item& item : db.stream<Item>(items.get<"ListItems">(), 5000)) FAIL("unexpected row " << item.id);
    for (const Item& item : db.stream<Item>(items.get<"ListItems">(), 0))
        if (item.id == 3) break;
    // The statement is free again: a full run sees every row from the start.
    CHECK(db.execute<Item>(items.get<"ListItems">(), 990).size() == 10);
}

TEST_CASE_FIXTURE(fixture, "the same query may run while a stream of it is open") {
    int outer = 0;
    for (const Item& item : db.stream<Item>(items.get<"ListItems">(), 995)) {
        const std::vector<Item> inner = db.execute<Item>(items.get<"ListItems">(), item.id);
        CHECK(inner.size() == static_cast<std::size_t>(1000 - item.id));
        ++outer;
    }
    CHECK(outer == 5);
}

TEST_CASE_FIXTURE(fixture, "streams work with ranges algorithms and with scalar rows") {
    auto labels = db.stream<Item>(items.get<"ListItems">(), 997);
    std::vector<std::string> seen;
    for (const Item& item : labels | std::views::take(2)) seen.push_back(item.label);
    CHECK(seen == std::vector<std::string>{"item 998", "item 999"});

    auto one = db.stream<Item>(items.get<"GetItem">(), 7);
    auto it = one.begin();
    REQUIRE(it != one.end());
    CHECK(it->label == "item 7");
    ++it;
    CHECK(it == one.end());
}

TEST_CASE_FIXTURE(fixture, "a stream keeps its own copy of arguments that die before the loop body runs") {
    std::vector<std::int64_t> ids;
    // The temporary string is destroyed before the first row is read (C++20 range-for rules).
    for (const Item& item : db.stream<Item>(items.get<"FindItems">(), std::string{"item 99%"})) ids.push_back(item.id);
    CHECK(ids == std::vector<std::int64_t>{99, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999});
}

TEST_CASE("a stream outliving its connection, or a connection moved while a stream is open, is safe") {
    std::optional<ctsql::row_stream<Item, std::remove_cvref_t<decltype(items.get<"ListItems">())>,
                                    ctsql::dialect::sqlite, ctsql::sqlite::cursor>>
        kept;
    {
        fixture f;
        kept.emplace(f.db.stream<Item>(items.get<"ListItems">(), 998));
        auto moved = std::move(f.db);
        CHECK(moved.execute<Item>(items.get<"ListItems">(), 999).size() == 1);
        auto it = kept->begin();
        REQUIRE(it != kept->end());
        CHECK(it->id == 999);
    }
    kept.reset();  // finalizes the statements of a connection that is gone
}
