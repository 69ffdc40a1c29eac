// :copyfrom through COPY ... FROM STDIN in binary, :batchexec through pipeline mode: both load
// everything or nothing, and an error says which item failed.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "support/caught.hpp"
#include "support/postgres_scratch.hpp"

namespace {

using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

inline constexpr auto Setup = R"sql(
    CREATE TABLE readings (
        id bigint PRIMARY KEY,
        sensor text NOT NULL,
        value double precision,
        taken_at timestamptz NOT NULL,
        tags text[]
    );
)sql";

struct Reading {
    std::int64_t id;
    std::string sensor;
    std::optional<double> value;
    timestamp taken_at;
    std::optional<std::vector<std::string>> tags;
};

inline constexpr auto CopyReadings = ctsql::query<R"sql(
-- name: CopyReadings :copyfrom
INSERT INTO readings (id, sensor, value, taken_at, tags) VALUES ($1, $2, $3, $4, $5)
)sql">;
// A named parameter style.
inline constexpr auto CopyNamed = ctsql::query<R"sql(
-- name: CopyNamed :copyfrom
INSERT INTO readings (sensor, id, taken_at) VALUES (@sensor, @id, @taken_at)
)sql">;
// Columns in another order than the parameters: a row's values wait until all are bound.
inline constexpr auto CopyReordered = ctsql::query<R"sql(
-- name: CopyReordered :copyfrom
INSERT INTO readings (id, taken_at, sensor, value) VALUES ($1, $3, $2, $4)
)sql">;
inline constexpr auto ScaleReading = ctsql::query<R"sql(
-- name: ScaleReading :batchexec
UPDATE readings SET value = value * $2 WHERE id = $1
)sql">;
inline constexpr auto AddReading = ctsql::query<R"sql(
-- name: AddReading :batchexec
INSERT INTO readings (id, sensor, taken_at) VALUES ($1, $2, $3)
)sql">;
inline constexpr auto CountReadings = ctsql::query<"-- name: CountReadings :one\nSELECT count(*) FROM readings">;
inline constexpr auto SumValues = ctsql::query<"-- name: SumValues :one\nSELECT sum(value) AS total FROM readings">;
inline constexpr auto AllReadings = ctsql::query<R"sql(
-- name: AllReadings :many
SELECT id, sensor, value, taken_at, tags FROM readings ORDER BY id
)sql">;
inline constexpr auto ReadingsFrom = ctsql::query<R"sql(
-- name: ReadingsFrom :many
SELECT id, sensor, value, taken_at, tags FROM readings WHERE id >= $1 ORDER BY id
)sql">;

const timestamp noon = std::chrono::sys_days{std::chrono::year{2024} / 7 / 1} + std::chrono::hours{12};

std::vector<Reading> make_readings(std::int64_t count) {
    std::vector<Reading> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 1; i <= count; ++i)
        rows.push_back({i, "sensor " + std::to_string(i % 7), i % 5 == 0 ? std::nullopt : std::optional<double>(i * 0.5),
                        noon + std::chrono::seconds{i},
                        i % 3 == 0 ? std::nullopt : std::optional<std::vector<std::string>>({"a", "b,c"})});
    return rows;
}

}  // namespace

TEST_CASE(":copyfrom loads 100k rows through COPY, structs field by field") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);
    const std::vector<Reading> rows = make_readings(100'000);
    CHECK(db.execute(CopyReadings, rows) == 100'000);
    CHECK(db.execute<std::int64_t>(CountReadings) == 100'000);
    const std::vector<Reading> back = db.execute<Reading>(AllReadings);
    REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); i += 997) {
        CHECK(back[i].id == rows[i].id);
        CHECK(back[i].sensor == rows[i].sensor);
        CHECK(back[i].value == rows[i].value);
        CHECK(back[i].taken_at == rows[i].taken_at);
        CHECK(back[i].tags == rows[i].tags);
    }
}

TEST_CASE(":copyfrom takes tuples and named structs, and loads nothing when a row fails") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);
    struct Named {
        std::string sensor;
        std::int64_t id;
        timestamp taken_at;
    };
    CHECK(db.execute(CopyNamed, std::vector<Named>{{"x", 1, noon}, {"y", 2, noon}}) == 2);
    using row = std::tuple<std::int64_t, std::string, std::optional<double>, timestamp, std::nullopt_t>;
    CHECK(db.execute(CopyReadings, std::vector<row>{{3, "z", 1.5, noon, std::nullopt}}) == 1);
    CHECK(db.execute(CopyReadings, std::vector<row>{}) == 0);
    using reordered = std::tuple<std::int64_t, std::string, timestamp, std::optional<double>>;
    CHECK(db.execute(CopyReordered, std::vector<reordered>{{4, "r", noon, std::nullopt}, {5, "s", noon, 2.5}}) == 2);
    const std::vector<Reading> read_back = db.execute<Reading>(ReadingsFrom, std::int64_t{4});
    REQUIRE(read_back.size() == 2);
    CHECK(read_back[0].sensor == "r");
    CHECK(read_back[0].value == std::nullopt);
    CHECK(read_back[1].sensor == "s");
    CHECK(read_back[1].value == 2.5);
    CHECK(read_back[1].taken_at == noon);
    db.execute_script("DELETE FROM readings WHERE id IN (4, 5)");

    // A duplicate key in the middle: COPY is one statement, so nothing of it stays.
    std::vector<row> clash;
    for (std::int64_t id = 10; id < 20; ++id) clash.emplace_back(id, "c", 1.0, noon, std::nullopt);
    clash.emplace_back(2, "dup", 1.0, noon, std::nullopt);
    {
        const ctsql::error e = test::caught([&] { db.execute(CopyReadings, clash); });
        CHECK(e.code() == ctsql::errc::unique_violation);
        CHECK(e.query_name() == "CopyReadings");
    }
    CHECK(db.execute<std::int64_t>(CountReadings) == 3);
    // NULL into a NOT NULL column, and the connection is usable after the failed COPY.
    std::vector<std::tuple<std::int64_t, std::optional<std::string>, std::nullopt_t, timestamp, std::nullopt_t>> nulls{
        {50, std::nullopt, std::nullopt, noon, std::nullopt}};
    {
        const ctsql::error e = test::caught([&] { db.execute(CopyReadings, nulls); });
        CHECK(e.code() == ctsql::errc::not_null_violation);
    }
    CHECK(db.execute<std::int64_t>(CountReadings) == 3);
}

TEST_CASE(":copyfrom encodes exact numerics and dates in binary") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE ledger (id int PRIMARY KEY, amount numeric(12, 2), booked date NOT NULL)");
    const auto CopyLedger = ctsql::query<R"sql(
        -- name: CopyLedger :copyfrom
        INSERT INTO ledger (id, amount, booked) VALUES ($1, $2, $3)
    )sql">;
    const auto day = std::chrono::sys_days{std::chrono::year{1999} / 12 / 31};
    CHECK(db.execute(CopyLedger, std::vector<std::tuple<int, std::string, std::chrono::sys_days>>{
                                     {1, "12.34", day}, {2, "-0.5", day}, {3, "1e3", day}}) == 3);
    CHECK(db.execute(CopyLedger, std::vector<std::tuple<int, double, std::chrono::sys_days>>{{4, 0.25, day}}) == 1);
    CHECK(db.execute(CopyLedger, std::vector<std::tuple<int, std::int64_t, std::chrono::sys_days>>{{5, -7, day}}) == 1);
    const auto Amounts = ctsql::query<R"sql(
        -- name: Amounts :many
        SELECT amount::text || ' ' || booked::text AS line FROM ledger ORDER BY id
    )sql">;
    CHECK(db.execute<std::string>(Amounts) == std::vector<std::string>{"12.34 1999-12-31", "-0.50 1999-12-31",
                                                                        "1000.00 1999-12-31", "0.25 1999-12-31",
                                                                        "-7.00 1999-12-31"});
}

TEST_CASE(":batchexec runs 10k statements in a pipeline") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);
    db.execute(CopyReadings, make_readings(10'000));
    const double before = *db.execute<double>(SumValues);
    std::vector<std::tuple<std::int64_t, double>> scale;
    for (std::int64_t id = 1; id <= 10'000; ++id) scale.emplace_back(id, 2.0);
    CHECK(db.execute(ScaleReading, scale) == 10'000);
    CHECK(db.execute<double>(SumValues) == 2 * before);
    // Items that touch no row count nothing.
    CHECK(db.execute(ScaleReading, std::vector<std::tuple<int, double>>{{-1, 2.0}, {-2, 2.0}}) == 0);
}

TEST_CASE(":batchexec with a failure in the middle applies nothing and names the item") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);
    std::vector<std::tuple<std::int64_t, std::string, timestamp>> items;
    for (std::int64_t id = 1; id <= 10'000; ++id) items.emplace_back(id, "s", noon);
    std::get<0>(items[6000]) = 17;  // a key already used by item 16
    {
        const ctsql::error e = test::caught([&] { db.execute(AddReading, items); });
        CHECK(e.code() == ctsql::errc::unique_violation);
        CHECK(std::string{e.what()}.starts_with("AddReading: unique_violation: item 6000: duplicate key value"));
    }
    CHECK(db.execute<std::int64_t>(CountReadings) == 0);

    // An argument that cannot be encoded, half-way: nothing sent before it stays either.
    std::vector<std::tuple<std::uint64_t, std::string, timestamp>> unencodable{
        {1, "a", noon}, {2, "b", noon}, {std::numeric_limits<std::uint64_t>::max(), "c", noon}};
    {
        const ctsql::error e = test::caught([&] { db.execute(AddReading, unencodable); });
        CHECK(e.code() == ctsql::errc::type_mismatch);
        CHECK(std::string{e.what()} ==
              "AddReading: type_mismatch: item 2: argument 1: 18446744073709551615 does not fit a bigint");
    }
    CHECK(db.execute<std::int64_t>(CountReadings) == 0);
    CHECK(db.execute(AddReading, std::vector<std::tuple<std::int64_t, std::string, timestamp>>{{1, "a", noon}}) == 1);

    // Inside a transaction of the caller's, an abandoned batch goes back to where it started,
    // and the transaction goes on.
    db.execute_script("BEGIN");
    CHECK(db.execute(AddReading, std::vector<std::tuple<std::int64_t, std::string, timestamp>>{{2, "b", noon}}) == 1);
    std::get<0>(unencodable[0]) = 10;
    std::get<0>(unencodable[1]) = 11;
    CHECK_THROWS_AS(db.execute(AddReading, unencodable), ctsql::error);
    CHECK(db.execute<std::int64_t>(CountReadings) == 2);
    db.execute_script("COMMIT");
    CHECK(db.execute<std::int64_t>(CountReadings) == 2);
}
