// Every type ctsql moves to and from PostgreSQL, round-tripped through a real server in binary,
// edge values included; and the values a field cannot hold, refused.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "support/caught.hpp"
#include "support/postgres_scratch.hpp"

namespace {

using namespace std::chrono;
using timestamp = sys_time<microseconds>;

enum class mood { sad, ok, happy };
enum class fewer_moods { sad, ok };

struct Numbers {
    std::int16_t small;
    std::int32_t medium;
    std::int64_t big;
    float single;
    double twice;
};

inline constexpr auto CreateTables = ctsql::query<R"sql(
-- name: CreateTables :exec
CREATE TABLE numbers (small int2, medium int4, big int8, single float4, twice float8)
)sql">;
inline constexpr auto InsertNumbers = ctsql::query<R"sql(
-- name: InsertNumbers :exec
INSERT INTO numbers (small, medium, big, single, twice) VALUES ($1, $2, $3, $4, $5)
)sql">;
inline constexpr auto AllNumbers = ctsql::query<R"sql(
-- name: AllNumbers :many
SELECT small, medium, big, single, twice FROM numbers ORDER BY big
)sql">;

// SELECT $1::<type>: the value goes to the server in binary and comes back in binary.
template <class T, class Query>
T echo(ctsql::postgres::connection& db, const Query& query, const T& value) {
    const std::optional<T> back = db.execute<T>(query, value);
    REQUIRE(back.has_value());
    return *back;
}

#define CTSQL_ECHO(name, type) \
    inline constexpr auto name = ctsql::query<"-- name: " #name " :one\nSELECT $1::" type " AS value">

// Texts of every length read into the same strings, as a stream reads each row into the one it
// reuses: a long text, a short one in the room it left, one longer again, an empty text that is
// not NULL, and NULL.
struct Text {
    std::int32_t n;
    std::string text;
    std::optional<std::string> maybe;
    friend bool operator==(const Text&, const Text&) = default;
};
inline constexpr auto Texts = ctsql::query<R"sql(
-- name: Texts :many
SELECT n, coalesce(t, 'was NULL') AS text, t AS maybe
FROM (VALUES (1, 'a text longer than a short string holds'), (2, 'short'),
             (3, 'longer again: longer than the first text and its room'), (4, ''), (5, NULL)) AS v (n, t)
ORDER BY n
)sql">;

CTSQL_ECHO(EchoBool, "boolean");
CTSQL_ECHO(EchoInt2, "int2");
CTSQL_ECHO(EchoInt4, "int4");
CTSQL_ECHO(EchoInt8, "int8");
CTSQL_ECHO(EchoFloat4, "float4");
CTSQL_ECHO(EchoFloat8, "float8");
CTSQL_ECHO(EchoText, "text");
CTSQL_ECHO(EchoVarchar, "varchar(20)");
CTSQL_ECHO(EchoChar, "char(5)");
CTSQL_ECHO(EchoName, "name");
CTSQL_ECHO(EchoBytea, "bytea");
CTSQL_ECHO(EchoUuid, "uuid");
CTSQL_ECHO(EchoTimestamp, "timestamp");
CTSQL_ECHO(EchoTimestamptz, "timestamptz");
CTSQL_ECHO(EchoDate, "date");
CTSQL_ECHO(EchoJson, "json");
CTSQL_ECHO(EchoJsonb, "jsonb");
CTSQL_ECHO(EchoNumeric, "numeric");
CTSQL_ECHO(EchoIntArray, "int4[]");
CTSQL_ECHO(EchoBigintArray, "int8[]");
CTSQL_ECHO(EchoTextArray, "text[]");
CTSQL_ECHO(EchoFloatArray, "float8[]");
CTSQL_ECHO(EchoBoolArray, "bool[]");
CTSQL_ECHO(EchoUuidArray, "uuid[]");
CTSQL_ECHO(EchoTimestampArray, "timestamptz[]");
CTSQL_ECHO(EchoByteaArray, "bytea[]");
CTSQL_ECHO(EchoMood, "mood");
CTSQL_ECHO(EchoMoodArray, "mood[]");
CTSQL_ECHO(EchoTime, "time");

}  // namespace

TEST_CASE("integers and reals at their limits") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute(CreateTables);
    const Numbers low{std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int32_t>::min(),
                      std::numeric_limits<std::int64_t>::min(), -std::numeric_limits<float>::max(),
                      std::numeric_limits<double>::lowest()};
    const Numbers high{std::numeric_limits<std::int16_t>::max(), std::numeric_limits<std::int32_t>::max(),
                       std::numeric_limits<std::int64_t>::max(), std::numeric_limits<float>::min(),
                       std::numeric_limits<double>::denorm_min()};
    db.execute(InsertNumbers, low.small, low.medium, low.big, low.single, low.twice);
    db.execute(InsertNumbers, high.small, high.medium, high.big, high.single, high.twice);
    const std::vector<Numbers> rows = db.execute<Numbers>(AllNumbers);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].small == low.small);
    CHECK(rows[0].medium == low.medium);
    CHECK(rows[0].big == low.big);
    CHECK(rows[0].single == low.single);
    CHECK(rows[0].twice == low.twice);
    CHECK(rows[1].small == high.small);
    CHECK(rows[1].medium == high.medium);
    CHECK(rows[1].big == high.big);
    CHECK(rows[1].single == high.single);
    CHECK(rows[1].twice == high.twice);

    CHECK(echo(db, EchoBool, true) == true);
    CHECK(echo(db, EchoBool, false) == false);
    CHECK(std::isnan(echo(db, EchoFloat8, std::numeric_limits<double>::quiet_NaN())));
    CHECK(echo(db, EchoFloat8, std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
    CHECK(echo(db, EchoFloat4, -std::numeric_limits<float>::infinity()) == -std::numeric_limits<float>::infinity());
    // A smaller column read into a wider field; an int2 parameter given a 64-bit value that fits.
    CHECK(db.execute<std::int64_t>(EchoInt2, std::int64_t{-5}) == -5);
    CHECK(db.execute<std::uint16_t>(EchoInt4, 65535) == 65535);
}

TEST_CASE("values that do not fit are refused, not cut") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    // An argument too large for the parameter's type.
    CHECK(test::caught([&] { db.execute<std::int16_t>(EchoInt2, 40000); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::int64_t>(EchoInt8, std::numeric_limits<std::uint64_t>::max()); }).code() ==
          ctsql::errc::type_mismatch);
    // A value too large for the field.
    CHECK(test::caught([&] { db.execute<std::int8_t>(EchoInt4, 300); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::uint32_t>(EchoInt4, -1); }).code() == ctsql::errc::type_mismatch);
    // A column of another type altogether.
    CHECK(test::caught([&] { db.execute<std::int64_t>(EchoText, "12"); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::string>(EchoTime, "12:00"); }).code() == ctsql::errc::type_mismatch);
    // NULL into a field that is not optional.
    CHECK(test::caught([&] { db.execute<std::int32_t>(EchoInt4, std::optional<int>{}); }).code() ==
          ctsql::errc::unexpected_null);
    // A row whose value is NULL, which is not the same as no row.
    CHECK(db.execute<std::optional<std::int32_t>>(EchoInt4, std::optional<int>{}) ==
          std::optional<std::optional<int>>{std::optional<int>{}});
    {
        const ctsql::error e = test::caught([&] { db.execute<std::int16_t>(EchoInt2, 40000); });
        CHECK(std::string{e.what()} == "EchoInt2: type_mismatch: argument 1: 40000 does not fit a smallint");
    }
}

TEST_CASE("text, names and bytes") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    CHECK(echo<std::string>(db, EchoText, "") == "");
    CHECK(echo<std::string>(db, EchoText, "it's \"quoted\", {braced}, \\ and ünïcødé ✓") ==
          "it's \"quoted\", {braced}, \\ and ünïcødé ✓");
    const std::string long_text(1 << 20, 'x');
    CHECK(echo(db, EchoText, long_text) == long_text);
    CHECK(db.execute<std::string>(EchoVarchar, std::string_view{"view"}) == "view");
    CHECK(db.execute<std::string>(EchoChar, "ab") == "ab   ");  // char(n) pads
    CHECK(db.execute<std::string>(EchoName, "pg_class") == "pg_class");
    const char* pointer = "from a pointer";
    CHECK(db.execute<std::string>(EchoText, pointer) == "from a pointer");

    const std::vector<Text> texts{{1, "a text longer than a short string holds", "a text longer than a short string holds"},
                                  {2, "short", "short"},
                                  {3, "longer again: longer than the first text and its room",
                                   "longer again: longer than the first text and its room"},
                                  {4, "", ""},
                                  {5, "was NULL", std::nullopt}};
    CHECK(db.execute<Text>(Texts) == texts);
    std::vector<Text> streamed;
    for (const Text& text : db.stream<Text>(Texts)) streamed.push_back(text);
    CHECK(streamed == texts);

    const ctsql::blob bytes{std::byte{0}, std::byte{1}, std::byte{0}, std::byte{0xff}, std::byte{'\\'}};
    CHECK(echo(db, EchoBytea, bytes) == bytes);
    CHECK(echo(db, EchoBytea, ctsql::blob{}) == ctsql::blob{});
}

TEST_CASE("uuid") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    const auto id = ctsql::uuid::parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
    REQUIRE(id.has_value());
    CHECK(echo(db, EchoUuid, *id) == *id);
    CHECK(echo(db, EchoUuid, *id).to_string() == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    // As text both ways, and the canonical forms PostgreSQL also accepts.
    CHECK(db.execute<std::string>(EchoUuid, "{a0eebc999c0b4ef8bb6d6bb9bd380a11}") ==
          "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    CHECK(db.execute<ctsql::uuid>(EchoUuid, "a0eebc999c0b4ef8bb6d6bb9bd380a11") == id);
    CHECK_THROWS_AS(db.execute<ctsql::uuid>(EchoUuid, "not a uuid"), ctsql::error);
    CHECK(ctsql::uuid{} < *id);
    CHECK_FALSE(ctsql::uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1"));
}

TEST_CASE("timestamps, time zones and dates beyond 1970 and 2038") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    const timestamp moments[] = {
        sys_days{1969y / December / 31} + 23h + 59min + 59s + 999999us,
        sys_days{1900y / January / 1},
        sys_days{1999y / December / 31} + 12h,
        sys_days{2000y / January / 1},
        sys_days{2038y / January / 19} + 3h + 14min + 8s + 1us,
        sys_days{2262y / April / 11} + 1s,
        sys_days{1y / January / 1},
    };
    for (const timestamp t : moments) {
        CHECK(echo(db, EchoTimestamp, t) == t);
        CHECK(echo(db, EchoTimestamptz, t) == t);
    }
    // timestamptz is an instant: the session's time zone changes how it is shown, not its value.
    db.execute_script("SET TIME ZONE 'America/New_York'");
    const timestamp noon = sys_days{2024y / July / 1} + 12h;
    CHECK(echo(db, EchoTimestamptz, noon) == noon);
    const auto TextOfInstant = ctsql::query<"-- name: TextOfInstant :one\nSELECT $1::timestamptz::text AS value">;
    CHECK(db.execute<std::string>(TextOfInstant, noon) == "2024-07-01 08:00:00-04");
    // Coarser clocks are written exactly; a finer value into a coarser field is refused.
    CHECK(db.execute<sys_time<seconds>>(EchoTimestamptz, sys_seconds{sys_days{2024y / July / 1}} + 5s) ==
          sys_seconds{sys_days{2024y / July / 1}} + 5s);
    CHECK_THROWS_AS(db.execute<sys_time<seconds>>(EchoTimestamptz, noon + 1us), ctsql::error);
    // 'infinity' has no std::chrono value.
    const auto Infinite = ctsql::query<"-- name: Infinite :one\nSELECT 'infinity'::timestamptz AS value">;
    CHECK_THROWS_AS(db.execute<timestamp>(Infinite), ctsql::error);

    for (const sys_days day : {sys_days{1969y / July / 20}, sys_days{2000y / February / 29}, sys_days{2100y / March / 1},
                               sys_days{1000y / January / 1}})
        CHECK(echo(db, EchoDate, day) == day);
    CHECK(db.execute<timestamp>(EchoDate, sys_days{2024y / May / 5}) == timestamp{sys_days{2024y / May / 5}});
    CHECK_THROWS_AS(db.execute<sys_days>(EchoDate, noon), ctsql::error);  // a time of day for a date
}

TEST_CASE("json, jsonb and exact numerics as text") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    CHECK(db.execute<std::string>(EchoJson, R"({"a": [1, 2]})") == R"({"a": [1, 2]})");
    CHECK(db.execute<std::string>(EchoJsonb, R"({"b":1,  "a": [1, 2]})") == R"({"a": [1, 2], "b": 1})");
    for (const char* number : {"0", "1", "-1", "123456789012345678901234567890.000000000000000000001", "0.0001",
                               "-0.5", "10000", "99990000.0010", "1e-3", "NaN", "Infinity", "-Infinity"}) {
        const std::string expected = std::string{number} == "1e-3" ? "0.001" : number;
        CHECK(db.execute<std::string>(EchoNumeric, number) == expected);
    }
    CHECK(db.execute<std::string>(EchoNumeric, 42) == "42");
    CHECK(db.execute<std::string>(EchoNumeric, std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
    CHECK(db.execute<std::uint64_t>(EchoNumeric, std::numeric_limits<std::uint64_t>::max()) ==
          std::numeric_limits<std::uint64_t>::max());
    CHECK(db.execute<std::string>(EchoNumeric, 1e300).value().size() == 301);
    CHECK(db.execute<std::string>(EchoNumeric, 2.5e-7) == "0.00000025");
    CHECK(db.execute<std::string>(EchoNumeric, "-0.000") == "0.000");
    CHECK_THROWS_AS(db.execute<std::string>(EchoNumeric, "12,5"), ctsql::error);
    CHECK_THROWS_AS(db.execute<double>(EchoNumeric, "1e400"), ctsql::error);
    CHECK(db.execute<std::string>(EchoNumeric, 0.1) == "0.1");
    CHECK(db.execute<double>(EchoNumeric, "2.5") == 2.5);
    CHECK(db.execute<std::int64_t>(EchoNumeric, "-9223372036854775808") == std::numeric_limits<std::int64_t>::min());
    CHECK(db.execute<std::int64_t>(EchoNumeric, "12.000") == 12);
    CHECK_THROWS_AS(db.execute<std::int64_t>(EchoNumeric, "12.5"), ctsql::error);
    CHECK_THROWS_AS(db.execute<std::int64_t>(EchoNumeric, "9223372036854775808"), ctsql::error);
}

TEST_CASE("one-dimensional arrays") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    CHECK(echo(db, EchoIntArray, std::vector<std::int32_t>{1, -2, std::numeric_limits<std::int32_t>::max()}) ==
          std::vector<std::int32_t>{1, -2, std::numeric_limits<std::int32_t>::max()});
    CHECK(echo(db, EchoIntArray, std::vector<std::int32_t>{}).empty());
    CHECK(echo(db, EchoBigintArray, std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min()}) ==
          std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min()});
    const std::vector<std::string> awkward{"", "a,b", "\"quoted\"", "{braces}", "back\\slash", "NULL", " spaced "};
    CHECK(echo(db, EchoTextArray, awkward) == awkward);
    const std::vector<std::optional<std::string>> holes{"a", std::nullopt, "c"};
    CHECK(echo(db, EchoTextArray, holes) == holes);
    CHECK(echo(db, EchoFloatArray, std::vector<double>{0.5, -1e300}) == std::vector<double>{0.5, -1e300});
    CHECK(echo(db, EchoBoolArray, std::vector<bool>{true, false, true}) == std::vector<bool>{true, false, true});
    const auto id = *ctsql::uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    CHECK(echo(db, EchoUuidArray, std::vector<ctsql::uuid>{id, ctsql::uuid{}}) == std::vector<ctsql::uuid>{id, ctsql::uuid{}});
    const std::vector<timestamp> times{sys_days{1950y / June / 1}, sys_days{2050y / June / 1} + 1us};
    CHECK(echo(db, EchoTimestampArray, times) == times);
    const std::vector<ctsql::blob> blobs{{std::byte{0}}, {}};
    CHECK(echo(db, EchoByteaArray, blobs) == blobs);

    // A NULL element needs std::optional elements; more than one dimension needs another type.
    const auto WithNull = ctsql::query<"-- name: WithNull :one\nSELECT ARRAY[1, NULL, 3] AS value">;
    CHECK(db.execute<std::vector<std::optional<std::int32_t>>>(WithNull) ==
          std::vector<std::optional<std::int32_t>>{1, std::nullopt, 3});
    CHECK_THROWS_AS(db.execute<std::vector<std::int32_t>>(WithNull), ctsql::error);
    const auto Matrix = ctsql::query<"-- name: Matrix :one\nSELECT ARRAY[[1, 2], [3, 4]] AS value">;
    CHECK_THROWS_AS(db.execute<std::vector<std::int32_t>>(Matrix), ctsql::error);
}

TEST_CASE("enums by their labels") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
    auto fresh = scratch.connect();  // the type exists before the connection's first query
    CHECK(echo(fresh, EchoMood, mood::happy) == mood::happy);
    CHECK(fresh.execute<std::string>(EchoMood, mood::sad) == "sad");
    CHECK(fresh.execute<mood>(EchoMood, "ok") == mood::ok);
    CHECK(echo(fresh, EchoMoodArray, std::vector<mood>{mood::ok, mood::sad}) == std::vector<mood>{mood::ok, mood::sad});
    // A label with no enumerator of its name is refused when read.
    CHECK_THROWS_AS(fresh.execute<fewer_moods>(EchoMood, "happy"), ctsql::error);
    // A value no enumerator names cannot be written.
    CHECK_THROWS_AS(fresh.execute<mood>(EchoMood, static_cast<mood>(7)), ctsql::error);
}
