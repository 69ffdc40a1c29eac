// Every supported C++ type through SQLite and back, with the edges where a value cannot fit.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "support/caught.hpp"

namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

inline constexpr auto Echo = ctsql::query<"-- name: Echo :one\nSELECT $1 AS value">;
inline constexpr auto EchoType = ctsql::query<"-- name: EchoType :one\nSELECT typeof($1) AS t">;
inline constexpr auto Literal = ctsql::query<"-- name: Literal :one\nSELECT CAST($1 AS TEXT) AS value">;
inline constexpr auto Timestamp = ctsql::query<"-- name: Timestamp :one\nSELECT CURRENT_TIMESTAMP AS now">;
inline constexpr auto Now = ctsql::query<"-- name: Now :one\nSELECT NOW() AS now">;
inline constexpr auto Times = ctsql::query<R"sql(
  -- name: Times :many
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT $1 AS at, $2 AS later, i FROM n
)sql">;
inline constexpr auto CountEvents = ctsql::query<R"sql(
  -- name: CountEvents :one
  SELECT COUNT(*) AS n FROM events WHERE at IN (sqlc.slice(times))
)sql">;

struct TimedRow {
    sys_time<microseconds> at;
    sys_time<microseconds> later;
    std::int64_t i;
};

template <class T>
T echo(ctsql::sqlite::connection& db, const T& value) {
    return db.execute<T>(Echo, value).value();
}

template <class T>
ctsql::errc echo_error(ctsql::sqlite::connection& db, const auto& value) {
    return test::caught([&] { db.execute<T>(Echo, value); }).code();
}

}  // namespace

TEST_CASE("integers of every width round-trip, and a value that does not fit is an error") {
    ctsql::sqlite::connection db{":memory:"};
    CHECK(echo(db, std::int8_t{-128}) == -128);
    CHECK(echo(db, std::uint8_t{255}) == 255);
    CHECK(echo(db, std::int16_t{-32768}) == -32768);
    CHECK(echo(db, std::uint16_t{65535}) == 65535);
    CHECK(echo(db, std::numeric_limits<std::int32_t>::min()) == std::numeric_limits<std::int32_t>::min());
    CHECK(echo(db, std::numeric_limits<std::uint32_t>::max()) == std::numeric_limits<std::uint32_t>::max());
    CHECK(echo(db, std::numeric_limits<std::int64_t>::min()) == std::numeric_limits<std::int64_t>::min());
    CHECK(echo(db, std::numeric_limits<std::int64_t>::max()) == std::numeric_limits<std::int64_t>::max());
    CHECK(echo(db, std::uint64_t{std::numeric_limits<std::int64_t>::max()}) ==
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()));

    // Reading: never a silent truncation.
    CHECK(db.execute<std::int8_t>(Echo, 127) == 127);
    CHECK(echo_error<std::int8_t>(db, 128) == ctsql::errc::type_mismatch);
    CHECK(echo_error<std::uint8_t>(db, -1) == ctsql::errc::type_mismatch);
    CHECK(echo_error<std::int32_t>(db, std::int64_t{1} << 40) == ctsql::errc::type_mismatch);
    CHECK(echo_error<std::uint64_t>(db, std::int64_t{-5}) == ctsql::errc::type_mismatch);
    // Writing: SQLite's integers are signed 64-bit.
    CHECK(echo_error<std::uint64_t>(db, std::numeric_limits<std::uint64_t>::max()) == ctsql::errc::type_mismatch);
    // Another storage class is not an integer.
    CHECK(echo_error<int>(db, "12") == ctsql::errc::type_mismatch);
    CHECK(echo_error<int>(db, 1.5) == ctsql::errc::type_mismatch);
}

TEST_CASE("bool is stored as 0 or 1 and read back only from those") {
    ctsql::sqlite::connection db{":memory:"};
    CHECK(echo(db, true) == true);
    CHECK(echo(db, false) == false);
    CHECK(db.execute<std::string>(EchoType, true) == "integer");
    CHECK(db.execute<bool>(Echo, 1) == true);
    CHECK(echo_error<bool>(db, 2) == ctsql::errc::type_mismatch);
}

TEST_CASE("floating point round-trips exactly, and reads integers too") {
    ctsql::sqlite::connection db{":memory:"};
    CHECK(echo(db, 0.1) == 0.1);
    CHECK(echo(db, -1e308) == -1e308);
    CHECK(echo(db, std::numeric_limits<double>::denorm_min()) == std::numeric_limits<double>::denorm_min());
    CHECK(echo(db, 1.5f) == 1.5f);
    CHECK(db.execute<double>(Echo, 3) == 3.0);
    CHECK(echo(db, std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
    CHECK(echo_error<double>(db, "1.5") == ctsql::errc::type_mismatch);
}

TEST_CASE("text: empty is not NULL, embedded NULs and UTF-8 survive, every argument form binds") {
    ctsql::sqlite::connection db{":memory:"};
    CHECK(echo(db, std::string{}) == "");
    CHECK(db.execute<std::optional<std::string>>(Echo, std::string_view{}).value() == std::optional<std::string>{""});
    const std::string with_nul{"a\0b", 3};
    CHECK(echo(db, with_nul) == with_nul);
    CHECK(echo(db, std::string{"grüße, 世界"}) == "grüße, 世界");
    const char* pointer = "pointer";
    CHECK(db.execute<std::string>(Echo, pointer) == "pointer");
    CHECK(db.execute<std::string>(Echo, "literal") == "literal");
    CHECK(db.execute<std::string>(Echo, std::string_view{"view"}) == "view");
    const char* null_pointer = nullptr;
    CHECK(db.execute<std::optional<std::string>>(Echo, null_pointer).value() == std::nullopt);
    const std::string big(1 << 20, 'x');
    CHECK(echo(db, big) == big);
    CHECK(echo_error<std::string>(db, 5) == ctsql::errc::type_mismatch);
}

TEST_CASE("blobs: bytes as they are, empty or not, from vectors and spans") {
    ctsql::sqlite::connection db{":memory:"};
    const ctsql::blob bytes{std::byte{0}, std::byte{0xff}, std::byte{0}, std::byte{7}};
    CHECK(echo(db, bytes) == bytes);
    CHECK(echo(db, ctsql::blob{}) == ctsql::blob{});
    CHECK(db.execute<std::string>(EchoType, ctsql::blob{}) == "blob");
    CHECK(db.execute<ctsql::blob>(Echo, std::span<const std::byte>{bytes}.subspan(1, 2)) ==
          ctsql::blob{std::byte{0xff}, std::byte{0}});
    CHECK(echo_error<ctsql::blob>(db, "text") == ctsql::errc::type_mismatch);
}

TEST_CASE("timestamps: written as UTC text, read from text in several forms or from unix seconds") {
    ctsql::sqlite::connection db{":memory:"};
    const sys_time<microseconds> precise = sys_days{2024y / March / 9} + 13h + 5min + 7s + 123456us;
    CHECK(echo(db, precise) == precise);
    CHECK(db.execute<std::string>(Echo, precise) == "2024-03-09 13:05:07.123456");
    const sys_seconds whole = sys_days{1969y / July / 20} + 20h + 17min;
    CHECK(db.execute<std::string>(Echo, whole) == "1969-07-20 20:17:00");
    CHECK(echo(db, whole) == whole);
    const sys_days far = sys_days{2100y / December / 31};
    CHECK(echo(db, far) == far);

    const auto read = [&](const char* text) { return db.execute<sys_time<microseconds>>(Literal, text).value(); };
    CHECK(read("2024-03-09T13:05:07Z") == sys_days{2024y / March / 9} + 13h + 5min + 7s);
    CHECK(read("2024-03-09 15:05:07+02:00") == sys_days{2024y / March / 9} + 13h + 5min + 7s);
    CHECK(read("2024-03-09 08:05-0500") == sys_days{2024y / March / 9} + 13h + 5min);
    CHECK(read("2024-03-09 13:05:07.5") == sys_days{2024y / March / 9} + 13h + 5min + 7s + 500ms);
    CHECK(read("2024-03-09") == sys_days{2024y / March / 9});
    CHECK(db.execute<sys_seconds>(Echo, std::int64_t{86400}) == sys_days{1970y / January / 2});

    // CURRENT_TIMESTAMP and NOW() read as the current time.
    const auto now = system_clock::now();
    CHECK(abs(db.execute<sys_seconds>(Timestamp).value() - floor<seconds>(now)) < 5s);
    CHECK(abs(db.execute<sys_time<microseconds>>(Now).value() - now) < 5s);

    // What cannot be read exactly is an error.
    CHECK_THROWS_AS(read("2024-02-30"), ctsql::error);
    CHECK_THROWS_AS(read("yesterday"), ctsql::error);
    CHECK_THROWS_AS(read("2024-03-09 13:05:07.1234567"), ctsql::error);
    CHECK(echo_error<sys_seconds>(db, precise) == ctsql::errc::type_mismatch);  // the fraction would be lost
    CHECK(echo_error<sys_seconds>(db, 1.5) == ctsql::errc::type_mismatch);
}

// Timestamp text is kept beside a cached statement until it runs again; a statement of a stream's
// own (the same query run while the stream reads) and one of more than 1024 parameters have SQLite
// copy it instead. Every path must bind what was given.
TEST_CASE("timestamps bind right from a cached statement, a statement of its own, and past 1024 parameters") {
    ctsql::sqlite::connection db{":memory:"};
    const sys_time<microseconds> first = sys_days{2026y / January / 1} + 1us;
    const sys_time<microseconds> second = first + 90min + 250us;
    int streamed = 0;
    for (const TimedRow& row : db.stream<TimedRow>(Times, first, second)) {
        CHECK(row.at == first);
        CHECK(row.later == second);
        // Run while the stream holds the cached statement: a statement of its own, the text copied.
        const std::vector<TimedRow> inner = db.execute<TimedRow>(Times, second + 1s, first - 1s);
        REQUIRE(inner.size() == 3);
        CHECK(inner[2].at == second + 1s);
        CHECK(inner[2].later == first - 1s);
        ++streamed;
    }
    CHECK(streamed == 3);
    const std::vector<TimedRow> again = db.execute<TimedRow>(Times, second, first);  // the cached one, rebound
    REQUIRE(again.size() == 3);
    CHECK((again[0].at == second && again[0].later == first));

    db.execute_script("CREATE TABLE events (at TEXT NOT NULL)");
    std::vector<sys_time<microseconds>> times;
    for (int i = 0; i < 1100; ++i) times.push_back(first + i * 1s + i * 1us);
    for (int i : {0, 512, 1099}) db.execute_script("INSERT INTO events VALUES ('" + std::string{[&] {
        char text[ctsql::detail::timestamp_text_size];
        return std::string{text, ctsql::detail::format_timestamp(times[static_cast<std::size_t>(i)], text)};
    }()} + "')");
    CHECK(db.execute<std::int64_t>(CountEvents, times).value() == 3);
    times.erase(times.begin() + 512);
    CHECK(db.execute<std::int64_t>(CountEvents, times).value() == 2);
}

TEST_CASE("optional: NULL reads as nullopt, and NULL into a plain field is an error") {
    ctsql::sqlite::connection db{":memory:"};
    CHECK(db.execute<std::optional<int>>(Echo, std::nullopt).value() == std::nullopt);
    CHECK(db.execute<std::optional<int>>(Echo, std::optional<int>{}).value() == std::nullopt);
    CHECK(db.execute<std::optional<int>>(Echo, std::optional<int>{4}).value() == 4);
    CHECK(echo_error<int>(db, std::nullopt) == ctsql::errc::unexpected_null);
    CHECK(echo_error<std::string>(db, nullptr) == ctsql::errc::unexpected_null);
    try {
        db.execute<int>(Echo, std::nullopt);
    } catch (const ctsql::error& e) {
        CHECK(e.query_name() == "Echo");
        CHECK(std::string{e.what()}.find("column 'value'") != std::string::npos);
    }
}

TEST_CASE("timestamps outside four-digit years are refused when written, and malformed offsets when read") {
    ctsql::sqlite::connection db{":memory:"};
    CHECK(echo_error<sys_seconds>(db, sys_days{year{10000} / January / 1}) == ctsql::errc::type_mismatch);
    CHECK(echo_error<sys_seconds>(db, sys_days{year{-1} / January / 1}) == ctsql::errc::type_mismatch);
    const auto read = [&](const char* text) { return db.execute<sys_time<microseconds>>(Literal, text).value(); };
    CHECK_THROWS_AS(read("2024-01-01 10:00:00+02:"), ctsql::error);
    CHECK_THROWS_AS(read("2024-01-01 10:00:00+99:99"), ctsql::error);
    CHECK(read("0001-01-01 00:00:00") == sys_days{year{1} / January / 1});
}
