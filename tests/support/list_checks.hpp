#pragma once
// IN lists from a range argument (sqlc.slice), the same on every backend: one query text for all
// three, checked against one schema, whose list placeholders are made at run time for each
// length. Each check takes a connection to a database of the test's own where fill_items has run.

#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <ranges>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace test {

// The ids 1 to n.
inline std::vector<std::int64_t> count_up(std::size_t n) {
    std::vector<std::int64_t> ids(n);
    std::iota(ids.begin(), ids.end(), 1);
    return ids;
}

inline constexpr const char* items_ddl =
    "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40) NOT NULL, shelf INTEGER NOT NULL)";

inline constexpr auto items_schema = ctsql::schema<R"sql(
CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40) NOT NULL, shelf INTEGER NOT NULL);
)sql">;

inline constexpr char list_queries_sql[] = R"sql(
-- name: AddItems :copyfrom
INSERT INTO items (id, label, shelf) VALUES ($1, $2, $3);

-- name: ItemsByIds :many
SELECT id, label FROM items WHERE id IN (sqlc.slice(ids)) ORDER BY id;

-- name: IdsByLabels :many
SELECT id FROM items WHERE label IN (sqlc.slice("labels")) ORDER BY id;

-- name: IdsOnShelves :many
SELECT id FROM items WHERE id >= @low AND shelf IN (sqlc.slice(shelves)) AND id < @high ORDER BY id;

-- name: IdsOnShelvesByPosition :many
SELECT id FROM items WHERE id >= ? AND shelf IN (sqlc.slice(shelves)) AND id < ? ORDER BY id;

-- name: IdsByIdsOrLabels :many
SELECT id FROM items WHERE id IN (sqlc.slice(ids)) OR label IN (sqlc.slice(labels)) ORDER BY id;

-- name: IdsNotIn :many
SELECT id FROM items WHERE id NOT IN (sqlc.slice(ids)) AND id <= @last ORDER BY id;

-- name: CountTwice :one
SELECT COUNT(*) AS n FROM items WHERE id IN (sqlc.slice(ids)) AND id - 1 IN (sqlc.slice(ids));

-- name: RelabelShelves :execrows
UPDATE items SET label = @label WHERE shelf IN (sqlc.slice(shelves));
)sql";

inline constexpr auto list_queries = ctsql::query_set<list_queries_sql, items_schema>;

struct ListedItem {
    std::int64_t id;
    std::string label;
};

inline std::string item_label(std::int64_t id) { return "item " + std::to_string(id); }

// Items 1 to 1000, labelled "item <id>", on shelf id % 10.
template <class Connection>
void fill_items(Connection& db) {
    db.execute_script(items_ddl);
    std::vector<std::tuple<std::int64_t, std::string, std::int32_t>> items;
    for (std::int32_t id = 1; id <= 1000; ++id) items.emplace_back(id, item_label(id), id % 10);
    REQUIRE(db.execute(list_queries.get<"AddItems">(), items) == 1000);
}

inline std::vector<std::int64_t> ids_of(const std::vector<ListedItem>& items) {
    std::vector<std::int64_t> ids;
    for (const ListedItem& item : items) ids.push_back(item.id);
    return ids;
}

using ids = std::vector<std::int64_t>;

// Lengths 0, 1, 2 and 1000 on one connection, each a statement of its own, and again in
// another order: each length's statement gives its own rows, and is prepared once.
// `prepared()` counts the statements the connection has prepared, in the backend's own way.
template <class Connection, class Prepared>
void check_list_lengths(Connection& db, Prepared prepared) {
    const auto ItemsByIds = list_queries.get<"ItemsByIds">();
    const auto before = prepared();  // after whatever statement the counting prepares for itself
    const auto prepared_here = [&] { return prepared() - before; };
    CHECK(db.template execute<ListedItem>(ItemsByIds, ids{}).empty());
    CHECK(prepared_here() == 1);
    const std::vector<ListedItem> one = db.template execute<ListedItem>(ItemsByIds, ids{7});
    REQUIRE(one.size() == 1);
    CHECK(one[0].label == "item 7");
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, ids{999, 3})) == ids{3, 999});
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, count_up(1000))) == count_up(1000));
    CHECK(prepared_here() == 4);
    // Each length again: its own statement, not prepared anew.
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, ids{5, 6})) == ids{5, 6});
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, ids{8})) == ids{8});
    CHECK(db.template execute<ListedItem>(ItemsByIds, ids{}).empty());
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, count_up(1000))) == count_up(1000));
    CHECK(prepared_here() == 4);
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, ids{2000, 4, 4})) == ids{4});  // no such id; a repeat
    CHECK(prepared_here() == 5);
}

// Any sized range of values: a std::span, a std::array, a std::set as well as a std::vector.
template <class Connection>
void check_list_ranges(Connection& db) {
    const auto ItemsByIds = list_queries.get<"ItemsByIds">();
    const std::array<std::int64_t, 3> array{10, 20, 30};
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, array)) == ids{10, 20, 30});
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, std::span<const std::int64_t>{array}.first(2))) == ids{10, 20});
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, std::set<std::int64_t>{40, 50})) == ids{40, 50});
    const std::vector<std::int32_t> narrow{60, 70};  // any integer type the column holds
    CHECK(ids_of(db.template execute<ListedItem>(ItemsByIds, narrow)) == ids{60, 70});
}

// Text elements, as std::string, std::string_view or const char*.
template <class Connection>
void check_text_lists(Connection& db) {
    const auto IdsByLabels = list_queries.get<"IdsByLabels">();
    CHECK(db.template execute<std::int64_t>(IdsByLabels, std::vector<std::string>{"item 10", "item 2", "none"}) == ids{2, 10});
    CHECK(db.template execute<std::int64_t>(IdsByLabels, std::vector<std::string_view>{"item 3"}) == ids{3});
    CHECK(db.template execute<std::int64_t>(IdsByLabels, std::array<const char*, 2>{"item 4", "item 5"}) == ids{4, 5});
    CHECK(db.template execute<std::int64_t>(IdsByLabels, std::vector<std::string>{}).empty());
}

// A range that makes its elements as it is read (std::views::transform): each element is gone
// before the statement runs, so its text is bound by copy. Short texts live in the string
// itself, long ones on the heap: both would be read after they are gone if they were borrowed.
template <class Connection>
void check_lists_made_as_read(Connection& db) {
    const auto IdsByLabels = list_queries.get<"IdsByLabels">();
    const ids wanted{12, 3, 7};
    CHECK(db.template execute<std::int64_t>(IdsByLabels, wanted | std::views::transform(item_label)) == ids{3, 7, 12});
    const auto shelf_label = [](std::int32_t shelf) { return "shelf " + std::to_string(shelf) + ", relabelled"; };
    const std::vector<std::int32_t> shelves{3, 4};
    for (std::int32_t shelf : shelves)
        REQUIRE(db.execute(list_queries.get<"RelabelShelves">(), shelf_label(shelf), std::vector{shelf}) == 100);
    CHECK(db.template execute<std::int64_t>(IdsByLabels, shelves | std::views::transform(shelf_label)).size() == 200);
    // Numbers are copied as they are bound, from any range.
    const auto next = [](std::int64_t id) { return id + 1; };
    CHECK(ids_of(db.template execute<ListedItem>(list_queries.get<"ItemsByIds">(), wanted | std::views::transform(next))) ==
          ids{4, 8, 13});
}

// The labels as bytes, which each database writes its own way.
inline constexpr char label_bytes_sql[] = R"sql(
-- name: IdsByLabelBytesSqlite :many
SELECT id FROM items WHERE CAST(label AS BLOB) IN (sqlc.slice(labels)) ORDER BY id;

-- name: IdsByLabelBytesPostgres :many
SELECT id FROM items WHERE convert_to(label, 'UTF8') IN (sqlc.slice(labels)) ORDER BY id;

-- name: IdsByLabelBytesMysql :many
SELECT id FROM items WHERE CAST(label AS BINARY) IN (sqlc.slice(labels)) ORDER BY id;
)sql";
inline constexpr auto label_bytes_queries = ctsql::query_set<label_bytes_sql>;

template <ctsql::dialect D>
constexpr auto ids_by_label_bytes() {
    if constexpr (D == ctsql::dialect::sqlite) return label_bytes_queries.get<"IdsByLabelBytesSqlite">();
    else if constexpr (D == ctsql::dialect::postgresql) return label_bytes_queries.get<"IdsByLabelBytesPostgres">();
    else return label_bytes_queries.get<"IdsByLabelBytesMysql">();
}

// Bytes made as the range is read are bound by copy too.
template <class Connection>
void check_bytes_made_as_read(Connection& db) {
    const auto label_bytes = [](std::int64_t id) {
        const std::string label = item_label(id);
        const auto* first = reinterpret_cast<const std::byte*>(label.data());
        return ctsql::blob(first, first + label.size());
    };
    const ids wanted{12, 3, 7};
    CHECK(db.template execute<std::int64_t>(ids_by_label_bytes<Connection::dialect>(),
                                            wanted | std::views::transform(label_bytes)) == ids{3, 7, 12});
}

struct ShelfFilter {  // by name, the list a field among the others
    std::int64_t high;
    std::vector<std::int32_t> shelves;
    std::int64_t low;
};

// A list between other parameters, named or ?: they keep their places whatever the list's
// length, given in order or by name.
template <class Connection>
void check_list_among_parameters(Connection& db) {
    const auto IdsOnShelves = list_queries.get<"IdsOnShelves">();
    CHECK(db.template execute<std::int64_t>(IdsOnShelves, 10, std::vector<std::int32_t>{1, 2}, 40) ==
          ids{11, 12, 21, 22, 31, 32});
    CHECK(db.template execute<std::int64_t>(IdsOnShelves, 10, std::vector<std::int32_t>{5}, 40) == ids{15, 25, 35});
    CHECK(db.template execute<std::int64_t>(IdsOnShelves, 10, std::vector<std::int32_t>{}, 40).empty());
    CHECK(db.template execute<std::int64_t>(IdsOnShelves, ShelfFilter{30, {9, 0}, 15}) == ids{19, 20, 29});
    const auto ByPosition = list_queries.get<"IdsOnShelvesByPosition">();
    CHECK(db.template execute<std::int64_t>(ByPosition, 10, std::vector<std::int32_t>{1, 2}, 40) == ids{11, 12, 21, 22, 31, 32});
    CHECK(db.template execute<std::int64_t>(ByPosition, 50, std::vector<std::int32_t>{3}, 80) == ids{53, 63, 73});
}

// Two lists in one query, of every pair of lengths; one list written twice.
template <class Connection>
void check_two_lists(Connection& db) {
    const auto IdsByIdsOrLabels = list_queries.get<"IdsByIdsOrLabels">();
    using labels = std::vector<std::string>;
    CHECK(db.template execute<std::int64_t>(IdsByIdsOrLabels, ids{1, 2}, labels{"item 5"}) == ids{1, 2, 5});
    CHECK(db.template execute<std::int64_t>(IdsByIdsOrLabels, ids{9}, labels{"item 5", "item 6"}) == ids{5, 6, 9});
    CHECK(db.template execute<std::int64_t>(IdsByIdsOrLabels, ids{}, labels{"item 7"}) == ids{7});
    CHECK(db.template execute<std::int64_t>(IdsByIdsOrLabels, ids{8}, labels{}) == ids{8});
    CHECK(db.template execute<std::int64_t>(IdsByIdsOrLabels, ids{}, labels{}).empty());
    // ids IN (3, 4, 6) whose predecessor is too: 4 only
    CHECK(db.template execute<std::int64_t>(list_queries.get<"CountTwice">(), ids{3, 4, 6}) == 1);
}

// An empty list is NULL: IN (NULL) matches no row, and so does NOT IN (NULL).
template <class Connection>
void check_empty_not_in(Connection& db) {
    const auto IdsNotIn = list_queries.get<"IdsNotIn">();
    CHECK(db.template execute<std::int64_t>(IdsNotIn, ids{1, 3}, 5) == ids{2, 4, 5});
    CHECK(db.template execute<std::int64_t>(IdsNotIn, ids{}, 5).empty());
}

// A stream with a list, and other list queries run while it is read; an :execrows with a list.
template <class Connection>
void check_list_stream_and_update(Connection& db) {
    std::vector<std::int64_t> streamed;
    for (const ListedItem& item : db.template stream<ListedItem>(list_queries.get<"ItemsByIds">(), ids{1, 2, 3})) {
        streamed.push_back(item.id);
        CHECK(db.template execute<ListedItem>(list_queries.get<"ItemsByIds">(), ids{item.id + 10}).size() == 1);
    }
    CHECK(streamed == ids{1, 2, 3});
    CHECK(db.execute(list_queries.get<"RelabelShelves">(), "moved", std::vector<std::int32_t>{0, 1}) == 200);
    CHECK(db.template execute<std::int64_t>(list_queries.get<"IdsByLabels">(), std::vector<std::string>{"moved"}).size() == 200);
}

}  // namespace test
