// Connecting, placeholders rewritten to ? with their arguments mapped at compile time, sqlc's
// MySQL style, statements prepared once per connection, streams beside other queries, scripts,
// and a result that drifted from the compiled query.
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "support/caught.hpp"
#include "support/mysql_scratch.hpp"

namespace {

struct Item {
    std::int64_t id;
    std::string label;
};

inline constexpr auto CreateItems = ctsql::query<R"sql(
-- name: CreateItems :exec
CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(100) NOT NULL, note TEXT)
)sql">;
inline constexpr auto FillItems = ctsql::query<R"sql(
-- name: FillItems :execrows
INSERT INTO items (id, label) SELECT seq, CONCAT('item ', seq) FROM seq_1_to_1000000 WHERE seq <= $1
)sql">;
inline constexpr auto ListItems = ctsql::query<"-- name: ListItems :many\nSELECT id, label FROM items ORDER BY id">;
inline constexpr auto GetItem = ctsql::query<"-- name: GetItem :one\nSELECT id, label FROM items WHERE id = @id">;
inline constexpr auto CountItems = ctsql::query<"-- name: CountItems :one\nSELECT COUNT(*) FROM items">;

// $3 first, $1 twice: the text the server gets has only ?, bound 3, 1, 1, 2.
inline constexpr auto AddNoted = ctsql::query<R"sql(
-- name: AddNoted :exec
INSERT INTO items (id, label, note) VALUES ($3, $1, CONCAT($1, ' / ', $2))
)sql">;
inline constexpr auto GetNote = ctsql::query<"-- name: GetNote :one\nSELECT note FROM items WHERE id = $1">;

// sqlc's MySQL style: ? in order, and a tag in a block comment.
inline constexpr auto FindByLabel = ctsql::query<R"sql(
/* name: FindByLabel :many */
SELECT id, label FROM items WHERE label LIKE ? AND id > ? ORDER BY id
)sql">;

inline constexpr auto AddCounter = ctsql::query<R"sql(
-- name: AddCounter :execlastid
INSERT INTO counters (hits) VALUES ($1)
)sql">;
inline constexpr auto SetHits = ctsql::query<"-- name: SetHits :execrows\nUPDATE counters SET hits = $1">;

inline constexpr auto PreparedCount = ctsql::query<R"sql(
-- name: PreparedCount :one
SELECT CAST(VARIABLE_VALUE AS SIGNED) FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'COM_STMT_PREPARE'
)sql">;

// Its 3000th row fails: the subquery returns two rows there.
inline constexpr auto FailsLate = ctsql::query<R"sql(
-- name: FailsLate :many
SELECT seq AS n FROM seq_1_to_5000 WHERE IF(seq = 3000, (SELECT 1 UNION SELECT 2), 1) = 1
)sql">;
inline constexpr auto Echo = ctsql::query<"-- name: Echo :one\nSELECT $1 IS NULL AS missing, $1 AS text">;
struct Echoed {
    std::int64_t missing;
    std::optional<std::string> text;
};

inline constexpr auto Sum = ctsql::query<"-- name: Sum :one\nSELECT CAST(SUM(n) AS SIGNED) AS total FROM t">;

inline constexpr auto catalog = ctsql::schema<"CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(100) NOT NULL);">;
inline constexpr auto AllItems = ctsql::query<"-- name: AllItems :many\nSELECT * FROM items ORDER BY id", catalog>;

}  // namespace

TEST_CASE("URL forms: mysql://, mariadb:// and a unix socket") {
    test::mysql_scratch scratch;
    const std::string url = scratch.url();
    CHECK(ctsql::mysql::connection{url}.is_open());
    CHECK(ctsql::mysql::connection{"mariadb://" + url.substr(url.find("://") + 3)}.is_open());
    const char* socket = std::getenv("CTSQL_MYSQL_SOCKET");
    REQUIRE_MESSAGE(socket != nullptr, "scripts/test sets CTSQL_MYSQL_SOCKET beside CTSQL_MYSQL_URL");
    auto by_socket = ctsql::mysql::connection{"mysql://root@localhost/" + scratch.name() + "?socket=" + socket};
    by_socket.execute(CreateItems);
    CHECK(by_socket.execute(FillItems, 3) == 3);
}

TEST_CASE("$n in any order and more than once, ? in order, named parameters") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute(CreateItems);
    db.execute(AddNoted, "first", "second", 7);
    CHECK(db.execute<std::optional<std::string>>(GetNote, 7) == std::optional<std::optional<std::string>>{"first / second"});
    CHECK(db.execute<Item>(GetItem, Item{7, {}})->label == "first");
    CHECK(db.execute(FillItems, 5) == 5);
    const std::vector<Item> found = db.execute<Item>(FindByLabel, "item %", 3);
    REQUIRE(found.size() == 2);
    CHECK(found[0].id == 4);
    CHECK(found[1].label == "item 5");
}

TEST_CASE(":execlastid gives the AUTO_INCREMENT id, and :execrows counts changed rows, or matched ones when asked") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE counters (id INT AUTO_INCREMENT PRIMARY KEY, hits INT NOT NULL)");
    CHECK(db.execute(AddCounter, 5) == 1);
    CHECK(db.execute(AddCounter, 5) == 2);
    CHECK(db.execute(SetHits, 5) == 0);  // both rows already hold 5: none changed
    CHECK(db.execute(SetHits, 6) == 2);
    auto matching = scratch.connect({.count_matched_rows = true});
    CHECK(matching.execute(SetHits, 6) == 2);
}

TEST_CASE("each query is prepared once per connection") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute(CreateItems);
    db.execute(FillItems, 3);
    const auto before = db.execute<std::int64_t>(PreparedCount);
    for (int i = 0; i < 5; ++i) CHECK(db.execute<Item>(GetItem, Item{2, {}})->label == "item 2");
    CHECK(*db.execute<std::int64_t>(PreparedCount) == *before + 1);
    // Another connection prepares its own.
    auto other = scratch.connect();
    CHECK(other.execute<Item>(GetItem, Item{3, {}})->label == "item 3");
}

TEST_CASE("a stream reads rows as asked, and gives way to other queries") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute(CreateItems);
    db.execute(FillItems, 3000);

    std::int64_t expected = 1;
    for (const Item& item : db.stream<Item>(ListItems)) {
        CHECK(item.id == expected++);
        if (item.id == 1000) {
            // Mid-stream: the rest of its rows are read ahead, and these run.
            CHECK(db.execute<Item>(GetItem, Item{1500, {}})->label == "item 1500");
            CHECK(*db.execute<std::int64_t>(CountItems) == 3000);
            // The same query again while its statement is being read: a statement of its own.
            CHECK(db.execute<Item>(ListItems).size() == 3000);
        }
    }
    CHECK(expected == 3001);

    {  // abandoned after one row: the connection is free again
        auto stream = db.stream<Item>(ListItems);
        CHECK(stream.begin()->id == 1);
    }
    {  // a second stream of the same query, never read: closing its statement leaves the first whole
        std::size_t rows = 0;
        for (const Item& item : db.stream<Item>(ListItems)) {
            if (item.id == 10) auto unread = db.stream<Item>(ListItems);
            ++rows;
        }
        CHECK(rows == 3000);
    }
    CHECK(*db.execute<std::int64_t>(CountItems) == 3000);

    // A stream outlives its connection.
    auto stream = [&] {
        auto own = scratch.connect();
        return own.stream<Item>(ListItems);
    }();
    std::size_t rows = 0;
    for (const Item& item : stream) rows += item.label.empty() ? 0 : 1;
    CHECK(rows == 3000);
}

TEST_CASE("a stream whose rows fail while read ahead throws at its next step, and the connection goes on") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute(CreateItems);
    auto stream = db.stream<std::int64_t>(FailsLate);
    auto row = stream.begin();
    CHECK(*row == 1);
    CHECK(*db.execute<std::int64_t>(CountItems) == 0);  // the stream's rows are read ahead, and fail
    const ctsql::error e = test::caught([&] { ++row; });
    CHECK(e.native_code() == 1242);  // ER_SUBQUERY_NO_1_ROW
    CHECK(e.query_name() == "FailsLate");
    CHECK(*db.execute<std::int64_t>(CountItems) == 0);
}

TEST_CASE("an empty text argument is empty, not NULL, in calls and in streams") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    const std::optional<Echoed> called = db.execute<Echoed>(Echo, std::string{});
    CHECK(called->missing == 0);
    CHECK(called->text == "");
    for (const Echoed& streamed : db.stream<Echoed>(Echo, std::string{})) {
        CHECK(streamed.missing == 0);
        CHECK(streamed.text == "");
    }
}

// A statement's parameters are bound again only when the values' layout changes: short texts
// are copied into buffers of the statement's own, long ones read where the caller has them.
TEST_CASE("a statement run again and again reads each call's values: short and long texts, NULL, in turn") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    const std::string long_text(300, 'x');
    const std::string longer_text(5000, 'y');
    for (const std::optional<std::string>& sent :
         std::vector<std::optional<std::string>>{"a", long_text, std::nullopt, "bb", longer_text, "", std::nullopt, "c", long_text}) {
        CAPTURE(sent.value_or("NULL").size());
        const std::optional<Echoed> echoed = db.execute<Echoed>(Echo, sent);
        REQUIRE(echoed.has_value());
        CHECK(echoed->missing == (sent ? 0 : 1));
        CHECK(echoed->text == sent);
    }
}

TEST_CASE("execute_script runs several statements, and stops at the first that fails") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE t (n INT); INSERT INTO t VALUES (1), (2); SELECT * FROM t; INSERT INTO t VALUES (3)");
    const ctsql::error e = test::caught([&] { db.execute_script("INSERT INTO t VALUES (4); INSERT INTO nowhere VALUES (5); INSERT INTO t VALUES (6)"); });
    CHECK(e.code() == ctsql::errc::undefined_object);
    CHECK(e.native_code() == 1146);
    CHECK(db.execute<std::int64_t>(Sum) == 10);  // 1 + 2 + 3 + 4: the statement after the failure did not run
}

TEST_CASE("a table altered under the code: type_mismatch naming the query and the column") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(100) NOT NULL); INSERT INTO items VALUES (1, '11')");
    CHECK(db.execute(AllItems).size() == 1);

    // A column added under a prepared SELECT *: the server sends three columns now.
    db.execute_script("ALTER TABLE items ADD COLUMN extra INT");
    const ctsql::error added = test::caught([&] { db.execute(AllItems); });
    CHECK(added.code() == ctsql::errc::type_mismatch);
    CHECK(added.query_name() == "AllItems");
    // Prepared again, the statement is checked again, and still differs.
    const ctsql::error again = test::caught([&] { db.execute(AllItems); });
    CHECK(again.text().find("returns 3 columns, the query was compiled with 2") != std::string::npos);

    // A column whose type changed: found when the statement is first prepared.
    db.execute_script("ALTER TABLE items DROP COLUMN extra, MODIFY label INT NOT NULL");
    auto fresh = scratch.connect();
    const ctsql::error retyped = test::caught([&] { fresh.execute(AllItems); });
    CHECK(retyped.code() == ctsql::errc::type_mismatch);
    CHECK(retyped.text().find("result column 'label' holds integer values") != std::string::npos);
}
