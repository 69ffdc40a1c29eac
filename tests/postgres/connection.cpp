// Connecting, prepared statements per connection, streams in single-row mode beside other
// queries, and a connection that is lost.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "support/caught.hpp"
#include "support/postgres_scratch.hpp"

namespace {

struct Item {
    std::int64_t id;
    std::string label;
};

inline constexpr auto CreateItems = ctsql::query<R"sql(
-- name: CreateItems :exec
CREATE TABLE items (id bigint PRIMARY KEY, label text NOT NULL)
)sql">;
inline constexpr auto FillItems = ctsql::query<R"sql(
-- name: FillItems :execrows
INSERT INTO items (id, label) SELECT n, 'item ' || n FROM generate_series(1, $1::int) AS n
)sql">;
inline constexpr auto ListItems = ctsql::query<R"sql(
-- name: ListItems :many
SELECT id, label FROM items ORDER BY id
)sql">;
inline constexpr auto GetItem = ctsql::query<R"sql(
-- name: GetItem :one
SELECT id, label FROM items WHERE id = @id
)sql">;
inline constexpr auto ItemsFrom = ctsql::query<R"sql(
-- name: ItemsFrom :many
SELECT id, label FROM items WHERE id >= $1 ORDER BY id
)sql">;
inline constexpr auto CountItems = ctsql::query<"-- name: CountItems :one\nSELECT count(*) FROM items">;
inline constexpr auto CountMeasures = ctsql::query<"-- name: CountMeasures :one\nSELECT count(*) FROM measures">;
inline constexpr auto MyPid = ctsql::query<"-- name: MyPid :one\nSELECT pg_backend_pid() AS pid">;
inline constexpr auto Terminate = ctsql::query<"-- name: Terminate :one\nSELECT pg_terminate_backend($1) AS done">;
inline constexpr auto PreparedHere = ctsql::query<R"sql(
-- name: PreparedHere :many
SELECT name FROM pg_prepared_statements ORDER BY name
)sql">;

}  // namespace

TEST_CASE("URL forms and a failure to connect") {
    const std::string url = test::postgres_scratch::server_url();  // postgresql://user@host:port/db
    CHECK(ctsql::postgres::connection{url}.is_open());
    CHECK(ctsql::postgres::connection{"postgres://" + url.substr(url.find("://") + 3)}.is_open());
    const std::string rest = url.substr(url.find("@") + 1);
    const std::string host = rest.substr(0, rest.find(':'));
    const std::string port = rest.substr(rest.find(':') + 1, rest.find('/') - rest.find(':') - 1);
    const std::string keywords = "host=" + host + " port=" + port + " user=postgres dbname=ctsql";
    CHECK(ctsql::postgres::connection{keywords}.is_open());

    // The password never appears in the message, in URL or keyword form.
    for (const std::string& wrong : {"postgresql://postgres:S3cretPw@" + host + ":" + port + "/no_such_database",
                                     "host=" + host + " port=" + port + " password=S3cretPw dbname=no_such_database",
                                     std::string{"postgresql://postgres:S3cretPw@127.0.0.1:1/ctsql"},
                                     std::string{"postgresql://postgres:S3cret@Pw@127.0.0.1:1/ctsql"},  // '@' not encoded
                                     std::string{"postgresql://postgres:S3cretPw@[not a url"}}) {
        const ctsql::error e = test::caught([&] { ctsql::postgres::connection db{wrong}; });
        CHECK(e.code() == ctsql::errc::connection_failure);
        CHECK(std::string{e.what()}.find("S3cret") == std::string::npos);
        CHECK(std::string{e.what()}.find("cannot connect") != std::string::npos);
    }
}

TEST_CASE("each query is prepared once per connection, under a name of its own") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute(CreateItems);
    CHECK(db.execute(FillItems, 3) == 3);
    for (int i = 0; i < 3; ++i) CHECK(db.execute<Item>(GetItem, Item{2, {}})->label == "item 2");
    CHECK(db.execute<std::int64_t>(CountItems) == 3);
    const std::vector<std::string> names = db.execute<std::string>(PreparedHere);
    CHECK(names.size() == 5);  // CreateItems, FillItems, GetItem, CountItems, PreparedHere
    for (const std::string& name : names) CHECK(name.starts_with("ctsql_"));
    // Another connection prepares its own.
    auto other = scratch.connect();
    CHECK(other.execute<std::string>(PreparedHere).size() == 1);
}

TEST_CASE("a stream reads rows one at a time, and gives way to other queries") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute(CreateItems);
    db.execute(FillItems, 2000);

    std::int64_t expected = 1;
    for (const Item& item : db.stream<Item>(ListItems)) {
        CHECK(item.id == expected);
        if (item.id == 10) {  // another query on the same connection in the middle of the stream
            CHECK(db.execute<Item>(GetItem, Item{1500, {}})->label == "item 1500");
            CHECK(db.execute<Item>(ListItems).size() == 2000);
        }
        ++expected;
    }
    CHECK(expected == 2001);

    // Two streams at once, and a stream left half-read: the connection stays usable.
    {
        auto first = db.stream<Item>(ListItems);
        auto second = db.stream<Item>(ListItems);
        auto a = first.begin();
        auto b = second.begin();
        CHECK(a->id == 1);
        CHECK(b->id == 1);
        ++a;
        CHECK(a->id == 2);
    }
    CHECK(db.execute<std::int64_t>(CountItems) == 2000);

    // A stream outlives its connection, even one moved away.
    auto stream = [&] {
        auto moved = std::move(db);
        return moved.stream<Item>(ListItems);
    }();
    std::int64_t count = 0;
    for (const Item& item : stream) count += item.id > 0 ? 1 : 0;
    CHECK(count == 2000);
}

// A call borrows its statement's parameter buffers; a second call of the statement while a
// stream of it holds them has buffers of its own, and neither sees the other's values.
TEST_CASE("the same query called while a stream of it is open: each keeps its own arguments") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute(CreateItems);
    db.execute(FillItems, 2000);
    std::int64_t expected = 1990;
    for (const Item& item : db.stream<Item>(ItemsFrom, std::int64_t{1990})) {
        CHECK(item.id == expected++);
        if (item.id == 1992) {
            const std::vector<Item> inner = db.execute<Item>(ItemsFrom, std::int64_t{1999});
            REQUIRE(inner.size() == 2);
            CHECK(inner[0].label == "item 1999");
        }
    }
    CHECK(expected == 2001);
    CHECK(db.execute<Item>(ItemsFrom, std::int64_t{1998}).size() == 3);  // the statement's buffers, given back
}

TEST_CASE("a stream keeps the column types it was prepared with when its query is prepared again") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE measures (id bigint PRIMARY KEY, value float8 NOT NULL);"
                      "INSERT INTO measures SELECT n, n + 0.5 FROM generate_series(1, 100) AS n");
    struct Measure {
        std::int64_t id;
        double value;
    };
    const auto ListMeasures = ctsql::query<"-- name: ListMeasures :many\nSELECT id, value FROM measures ORDER BY id">;
    auto stream = db.stream<Measure>(ListMeasures);
    auto row = stream.begin();
    CHECK(row->value == 1.5);
    CHECK(db.execute<std::int64_t>(CountMeasures) == 100);  // the stream's rows wait in memory

    // The column changes type; the query is refused once, then prepared again for the new type.
    scratch.connect().execute_script("ALTER TABLE measures ALTER COLUMN value TYPE int8 USING value::int8");
    CHECK(test::caught([&] { db.execute<Measure>(ListMeasures); }).code() == ctsql::errc::type_mismatch);
    CHECK(db.execute<Measure>(ListMeasures).front().value == 2.0);  // 1.5 rounded by the ALTER
    // The stream still reads its float8 values as float8.
    double total = 0;
    for (; row != stream.end(); ++row) total += row->value;
    CHECK(total == 5050.0 + 50.0);
}

TEST_CASE("a lost connection is a connection_failure, and the connection says it is broken") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    auto killer = scratch.connect();
    const std::int32_t pid = *db.execute<std::int32_t>(MyPid);
    CHECK(db.is_open());
    CHECK(killer.execute<bool>(Terminate, pid) == true);
    CHECK(test::caught([&] { db.execute<std::int32_t>(MyPid); }).code() == ctsql::errc::connection_failure);
    CHECK_FALSE(db.is_open());
    CHECK(test::caught([&] { db.execute<std::int32_t>(MyPid); }).code() == ctsql::errc::connection_failure);

    // A session the server ends for being idle (57P05) is lost too.
    auto idle = scratch.connect();
    idle.execute_script("SET idle_session_timeout = '100ms'");
    std::this_thread::sleep_for(std::chrono::milliseconds{500});
    CHECK(test::caught([&] { idle.execute<std::int32_t>(MyPid); }).code() == ctsql::errc::connection_failure);
    CHECK_FALSE(idle.is_open());
}
