// :copyfrom as multi-row INSERTs sized under the placeholder limit and max_allowed_packet,
// :batchexec as one execution per element: both in one transaction (a savepoint in the
// caller's), so that they load everything or nothing, and an error says which items failed.
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <ranges>
#include <string>
#include <tuple>
#include <vector>

#include "support/caught.hpp"
#include "support/mysql_scratch.hpp"

namespace {

using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

inline constexpr auto Setup = R"sql(
    CREATE TABLE readings (
        id BIGINT PRIMARY KEY,
        sensor VARCHAR(40) NOT NULL,
        value DOUBLE,
        taken_at DATETIME(6) NOT NULL,
        note MEDIUMTEXT
    );
)sql";

struct Reading {
    std::int64_t id;
    std::string sensor;
    std::optional<double> value;
    timestamp taken_at;
    std::optional<std::string> note;
};

inline constexpr auto CopyReadings = ctsql::query<R"sql(
-- name: CopyReadings :copyfrom
INSERT INTO readings (id, sensor, value, taken_at, note) VALUES ($1, $2, $3, $4, $5)
)sql">;
// Columns in another order than the parameters, and sqlc's ? style.
inline constexpr auto CopyShort = ctsql::query<R"sql(
-- name: CopyShort :copyfrom
INSERT INTO readings (sensor, id, taken_at) VALUES ($2, $1, $3)
)sql">;
// The sensor's name in the note too: one argument bound to two placeholders of each row.
inline constexpr auto CopyNamed = ctsql::query<R"sql(
-- name: CopyNamed :copyfrom
INSERT INTO readings (id, sensor, taken_at, note) VALUES ($1, $2, $3, $2)
)sql">;
inline constexpr auto ScaleReading = ctsql::query<"-- name: ScaleReading :batchexec\nUPDATE readings SET value = value * ? WHERE id = ?">;
inline constexpr auto AddReading = ctsql::query<R"sql(
-- name: AddReading :batchexec
INSERT INTO readings (id, sensor, taken_at) VALUES ($1, $2, $3)
)sql">;
inline constexpr auto CountReadings = ctsql::query<"-- name: CountReadings :one\nSELECT COUNT(*) FROM readings">;
inline constexpr auto SumValues = ctsql::query<"-- name: SumValues :one\nSELECT SUM(value) AS total FROM readings">;
inline constexpr auto AllReadings = ctsql::query<"-- name: AllReadings :many\nSELECT id, sensor, value, taken_at, note FROM readings ORDER BY id">;
inline constexpr auto NoteSizes = ctsql::query<"-- name: NoteSizes :one\nSELECT CAST(SUM(LENGTH(note)) AS SIGNED) FROM readings">;

const timestamp noon = std::chrono::sys_days{std::chrono::year{2024} / 7 / 1} + std::chrono::hours{12};

std::vector<Reading> make_readings(std::int64_t count) {
    std::vector<Reading> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 1; i <= count; ++i)
        rows.push_back({i, "sensor " + std::to_string(i % 7), i % 5 == 0 ? std::nullopt : std::optional<double>(i * 0.5),
                        noon + std::chrono::microseconds{i * 1001}, i % 3 == 0 ? std::nullopt : std::optional<std::string>("n")});
    return rows;
}

// The table holds exactly these rows, every value as loaded (rows given in id order).
void check_all(ctsql::mysql::connection& db, const std::vector<Reading>& rows) {
    const std::vector<Reading> back = db.execute<Reading>(AllReadings);
    REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO("row " << i);
        CHECK(back[i].id == rows[i].id);
        CHECK(back[i].sensor == rows[i].sensor);
        CHECK(back[i].value == rows[i].value);
        CHECK(back[i].taken_at == rows[i].taken_at);
        CHECK(back[i].note == rows[i].note);
    }
}

// A scratch database holding the tables of Setup, and a connection to it.
struct readings_database {
    test::mysql_scratch scratch;
    ctsql::mysql::connection db = scratch.connect();
    readings_database() { db.execute_script(Setup); }
};

}  // namespace

TEST_CASE_FIXTURE(readings_database, ":copyfrom loads 100k rows in multi-row INSERTs, every value intact") {
    const std::vector<Reading> rows = make_readings(100'000);
    CHECK(db.execute(CopyReadings, rows) == 100'000);
    const std::vector<Reading> back = db.execute<Reading>(AllReadings);
    REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); i += 997) {
        CHECK(back[i].id == rows[i].id);
        CHECK(back[i].sensor == rows[i].sensor);
        CHECK(back[i].value == rows[i].value);
        CHECK(back[i].taken_at == rows[i].taken_at);
        CHECK(back[i].note == rows[i].note);
    }
}

TEST_CASE_FIXTURE(readings_database, ":copyfrom splits large rows to stay under max_allowed_packet") {
    // 400 rows of 70 kB: 28 MB, more than the server takes in one packet (16 MiB by default).
    const std::string note(70'000, 'x');
    std::vector<Reading> rows = make_readings(400);
    for (Reading& r : rows) r.note = note;
    CHECK(db.execute(CopyReadings, rows) == 400);
    CHECK(db.execute<std::int64_t>(NoteSizes) == 400 * 70'000);

    // Two rows that fit the packet each but not together, and empty text that stays text.
    db.execute_script("DELETE FROM readings");
    std::vector<Reading> large = make_readings(3);
    large[0].note = std::string(7'000'000, 'a');
    large[1].note = std::string(9'500'000, 'b');
    large[2].note = "";
    CHECK(db.execute(CopyReadings, large) == 3);
    CHECK(db.execute<std::int64_t>(NoteSizes) == 16'500'000);
    CHECK(db.execute<Reading>(AllReadings)[2].note == "");
}

TEST_CASE_FIXTURE(readings_database, ":copyfrom keeps its INSERTs and their rows for the connection's next calls, every value intact") {
    std::vector<Reading> all;
    const auto load = [&](std::int64_t count, auto change) {
        std::vector<Reading> rows = make_readings(count);
        for (Reading& r : rows) {
            r.id += static_cast<std::int64_t>(all.size());
            change(r);
        }
        CHECK(db.execute(CopyReadings, rows) == static_cast<std::uint64_t>(count));
        all.insert(all.end(), rows.begin(), rows.end());
        check_all(db, all);
    };
    // Two full INSERTs and one of 500 rows; then rows whose NULLs are where values were, and
    // whose texts outgrow the memory the first call left; then as many rows as the last
    // call's shorter INSERT, whose binds are kept; then the full INSERT again.
    load(2500, [](Reading&) {});
    load(1200, [](Reading& r) {
        r.value = r.value ? std::nullopt : std::optional<double>(r.id * 0.25);
        r.note = r.note ? std::nullopt : std::optional<std::string>(std::string(static_cast<std::size_t>(r.id % 300), 'n'));
        r.sensor += std::string(static_cast<std::size_t>(r.id % 30), 's');
    });
    load(200, [](Reading& r) { r.note = "short"; });
    // Another :copyfrom between, with its own INSERTs on the same connection.
    std::vector<std::tuple<std::int64_t, std::string, timestamp>> others{{-1, "other", noon}, {-2, "other", noon}};
    CHECK(db.execute(CopyShort, others) == 2);
    db.execute_script("DELETE FROM readings WHERE id < 0");
    load(1000, [](Reading& r) { r.sensor = "s"; });

    // A call that fails in its second INSERT leaves the next one nothing of its rows.
    std::vector<Reading> failing = make_readings(1500);
    for (Reading& r : failing) r.id += static_cast<std::int64_t>(all.size());
    failing[1200].id = 1;  // already there
    CHECK(test::caught([&] { db.execute(CopyReadings, failing); }).code() == ctsql::errc::unique_violation);
    load(1500, [](Reading& r) { r.value = 1.5; });
}

TEST_CASE_FIXTURE(readings_database, ":copyfrom binds again when a column NULL in every row so far gets values") {
    // The first INSERT's values are all NULL, and nothing else changes for the second.
    std::vector<Reading> rows = make_readings(2000);
    for (Reading& r : rows) {
        r.sensor = "s";
        r.value = r.id <= 1000 ? std::nullopt : std::optional<double>(r.id * 0.5);
        r.note = "n";
    }
    CHECK(db.execute(CopyReadings, rows) == 2000);
    check_all(db, rows);
}

TEST_CASE_FIXTURE(readings_database, ":copyfrom sends a row past the byte budget in the next INSERT, its values and NULLs intact") {
    // About 1 MB each, against half the server's max_allowed_packet (16 MiB by default): a few
    // rows to an INSERT, and the row that does not fit the first of the next one.
    std::vector<Reading> rows = make_readings(30);
    for (Reading& r : rows) {
        r.note = std::string(1'000'000 + static_cast<std::size_t>(r.id), static_cast<char>('a' + r.id % 26));
        r.sensor = std::string(static_cast<std::size_t>(r.id), 'x');
        if (r.id % 3 == 0) r.value = std::nullopt;
    }
    rows[8].note = std::nullopt;
    CHECK(db.execute(CopyReadings, rows) == 30);
    check_all(db, rows);

    // Small rows next, in the rows whose large texts were given back.
    db.execute_script("DELETE FROM readings");
    const std::vector<Reading> small = make_readings(2000);
    CHECK(db.execute(CopyReadings, small) == 2000);
    check_all(db, small);
}

TEST_CASE_FIXTURE(readings_database, ":copyfrom copies the text of elements that its range makes as it is read") {
    // Each element, and its text, is gone once it is bound: the INSERT runs later.
    const auto make = [](std::int64_t id) {
        return std::tuple<std::int64_t, std::string, timestamp>{id, "sensor " + std::string(static_cast<std::size_t>(id % 30), 'y'),
                                                                 noon + std::chrono::seconds{id}};
    };
    CHECK(db.execute(CopyNamed, std::views::iota(std::int64_t{1}, std::int64_t{2501}) | std::views::transform(make)) == 2500);
    const std::vector<Reading> back = db.execute<Reading>(AllReadings);
    REQUIRE(back.size() == 2500);
    for (const Reading& r : back) {
        INFO("id " << r.id);
        const auto expected = make(r.id);
        CHECK(r.sensor == std::get<1>(expected));
        CHECK(r.note == std::get<1>(expected));  // the same argument, bound to two placeholders
        CHECK(r.taken_at == std::get<2>(expected));
        CHECK(r.value == std::nullopt);
    }
}

TEST_CASE_FIXTURE(readings_database, ":copyfrom takes tuples in another column order, and loads nothing when a row fails") {
    std::vector<std::tuple<std::int64_t, std::string, timestamp>> rows;
    for (std::int64_t id = 1; id <= 5000; ++id) rows.emplace_back(id, "s", noon);
    CHECK(db.execute(CopyShort, rows) == 5000);

    for (auto& row : rows) std::get<0>(row) += 5000;
    std::get<0>(rows[3500]) = 42;  // already there
    const ctsql::error e = test::caught([&] { db.execute(CopyShort, rows); });
    CHECK(e.code() == ctsql::errc::unique_violation);
    CHECK(e.native_code() == 1062);
    // The server does not say which row of a statement failed: the error names the items it held.
    CHECK(std::string{e.what()}.starts_with("CopyShort: unique_violation: items 3000 to 3999: Duplicate entry '42'"));
    CHECK(db.execute<std::int64_t>(CountReadings) == 5000);

    // Inside the caller's transaction: a savepoint, undone alone; the transaction goes on.
    db.execute_script("START TRANSACTION");
    CHECK(db.execute(CopyShort, std::vector<std::tuple<int, std::string, timestamp>>{{-1, "t", noon}}) == 1);
    CHECK_THROWS_AS(db.execute(CopyShort, rows), ctsql::error);
    CHECK(db.execute<std::int64_t>(CountReadings) == 5001);
    db.execute_script("ROLLBACK");
    CHECK(db.execute<std::int64_t>(CountReadings) == 5000);
}

TEST_CASE_FIXTURE(readings_database, ":batchexec runs the statement per element, and applies nothing when one fails") {
    db.execute(CopyReadings, make_readings(2000));
    const double before = *db.execute<double>(SumValues);
    std::vector<std::tuple<double, std::int64_t>> scale;
    for (std::int64_t id = 1; id <= 2000; ++id) scale.emplace_back(2.0, id);
    CHECK(db.execute(ScaleReading, scale) == 1600);  // rows with a NULL value do not change
    CHECK(db.execute<double>(SumValues) == 2 * before);

    std::vector<std::tuple<std::int64_t, std::string, timestamp>> items;
    for (std::int64_t id = 5001; id <= 6000; ++id) items.emplace_back(id, "s", noon);
    std::get<0>(items[600]) = 17;
    const ctsql::error e = test::caught([&] { db.execute(AddReading, items); });
    CHECK(e.code() == ctsql::errc::unique_violation);
    CHECK(std::string{e.what()}.starts_with("AddReading: unique_violation: item 600: Duplicate entry '17'"));
    CHECK(db.execute<std::int64_t>(CountReadings) == 2000);

    // An argument that cannot be bound, half-way: nothing before it stays either.
    std::vector<std::tuple<std::int64_t, std::string, timestamp>> unbindable{
        {7001, "a", noon}, {7002, "b", std::chrono::sys_days{std::chrono::year{-5} / 1 / 1}}};
    const ctsql::error bad = test::caught([&] { db.execute(AddReading, unbindable); });
    CHECK(std::string{bad.what()} == "AddReading: type_mismatch: item 1: argument 3: a timestamp outside the years 0 to 9999");
    CHECK(db.execute<std::int64_t>(CountReadings) == 2000);
}
