// Every type ctsql moves to and from MySQL and MariaDB, written as arguments of prepared
// statements, stored in real columns and read back on the binary protocol, edge values
// included; and the values a field cannot hold, refused.
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "support/caught.hpp"
#include "support/mysql_scratch.hpp"

namespace {

using namespace std::chrono;
using timestamp = sys_time<microseconds>;

enum class letter { a, b };
enum class only_a { a };

bool mentions(const ctsql::error& e, std::string_view part) { return std::string_view{e.what()}.find(part) != std::string_view::npos; }

// ---- booleans ----

struct Flags {
    std::int32_t id;
    bool flag;
    bool tiny;
};

inline constexpr auto InsertFlags = ctsql::query<R"sql(
-- name: InsertFlags :exec
INSERT INTO flags (id, flag, tiny) VALUES ($1, $2, $3)
)sql">;
inline constexpr auto AllFlags = ctsql::query<"-- name: AllFlags :many\nSELECT id, flag, tiny FROM flags ORDER BY id">;
inline constexpr auto TinyOf = ctsql::query<"-- name: TinyOf :one\nSELECT tiny FROM flags WHERE id = $1">;

// ---- integers ----

struct Signed {
    std::int32_t id;
    std::int8_t t;
    std::int16_t s;
    std::int32_t m;
    std::int32_t i;
    std::int64_t b;
    bool operator==(const Signed&) const = default;
};
struct Unsigned {
    std::int32_t id;
    std::uint8_t t;
    std::uint16_t s;
    std::uint32_t m;
    std::uint32_t i;
    std::uint64_t b;
    bool operator==(const Unsigned&) const = default;
};

inline constexpr auto InsertSigned = ctsql::query<R"sql(
-- name: InsertSigned :exec
INSERT INTO signed_ints (id, t, s, m, i, b) VALUES ($1, $2, $3, $4, $5, $6)
)sql">;
inline constexpr auto AllSigned = ctsql::query<"-- name: AllSigned :many\nSELECT id, t, s, m, i, b FROM signed_ints ORDER BY id">;
inline constexpr auto SignedBig = ctsql::query<"-- name: SignedBig :one\nSELECT b FROM signed_ints WHERE id = $1">;
inline constexpr auto InsertUnsigned = ctsql::query<R"sql(
-- name: InsertUnsigned :exec
INSERT INTO unsigned_ints (id, t, s, m, i, b) VALUES ($1, $2, $3, $4, $5, $6)
)sql">;
inline constexpr auto AllUnsigned = ctsql::query<"-- name: AllUnsigned :many\nSELECT id, t, s, m, i, b FROM unsigned_ints ORDER BY id">;
inline constexpr auto UnsignedBig = ctsql::query<"-- name: UnsignedBig :one\nSELECT b FROM unsigned_ints WHERE id = $1">;

// ---- reals and decimals ----

struct Reals {
    std::int32_t id;
    float single;
    double twice;
};
inline constexpr auto InsertReals = ctsql::query<"-- name: InsertReals :exec\nINSERT INTO reals (id, single, twice) VALUES ($1, $2, $3)">;
inline constexpr auto AllReals = ctsql::query<"-- name: AllReals :many\nSELECT id, single, twice FROM reals ORDER BY id">;
inline constexpr auto SingleOf = ctsql::query<"-- name: SingleOf :one\nSELECT single FROM reals WHERE id = $1">;

inline constexpr auto InsertDecimal = ctsql::query<"-- name: InsertDecimal :exec\nINSERT INTO decimals (id, exact, whole) VALUES ($1, $2, $3)">;
inline constexpr auto ExactOf = ctsql::query<"-- name: ExactOf :one\nSELECT exact FROM decimals WHERE id = $1">;
inline constexpr auto WholeOf = ctsql::query<"-- name: WholeOf :one\nSELECT whole FROM decimals WHERE id = $1">;

// ---- text and bytes ----

struct Texts {
    std::int32_t id;
    std::string fixed;
    std::string short_text;
    std::string body;
    std::string big;
};
inline constexpr auto InsertText = ctsql::query<R"sql(
-- name: InsertText :exec
INSERT INTO texts (id, fixed, short_text, body, big) VALUES ($1, $2, $3, $4, $5)
)sql">;
inline constexpr auto AllTexts = ctsql::query<"-- name: AllTexts :many\nSELECT id, fixed, short_text, body, big FROM texts ORDER BY id">;
// What the server holds, in characters and bytes: the text arrived as utf8mb4, not re-encoded.
inline constexpr auto Lengths = ctsql::query<R"sql(
-- name: Lengths :one
SELECT CHAR_LENGTH(big) AS characters, LENGTH(big) AS bytes FROM texts WHERE id = $1
)sql">;
struct Measured {
    std::int64_t characters;
    std::int64_t bytes;
};

struct Bytes {
    std::int32_t id;
    ctsql::blob fixed;
    ctsql::blob var;
    ctsql::blob small;
    ctsql::blob big;
};
inline constexpr auto InsertBytes = ctsql::query<R"sql(
-- name: InsertBytes :exec
INSERT INTO bytes (id, fixed, var, small, big) VALUES ($1, $2, $3, $4, $5)
)sql">;
inline constexpr auto AllBytes = ctsql::query<"-- name: AllBytes :many\nSELECT id, fixed, var, small, big FROM bytes ORDER BY id">;

// ---- times ----

struct Moments {
    std::int32_t id;
    timestamp precise;
    std::optional<timestamp> stamped;
    timestamp coarse;
    sys_days birthday;
};
inline constexpr auto InsertMoment = ctsql::query<R"sql(
-- name: InsertMoment :exec
INSERT INTO moments (id, precise, stamped, coarse, birthday) VALUES ($1, $2, $3, $4, $5)
)sql">;
inline constexpr auto AllMoments = ctsql::query<R"sql(
-- name: AllMoments :many
SELECT id, precise, stamped, coarse, birthday FROM moments ORDER BY id
)sql">;
inline constexpr auto EpochOf = ctsql::query<"-- name: EpochOf :one\nSELECT UNIX_TIMESTAMP(stamped) AS epoch FROM moments WHERE id = $1">;
inline constexpr auto PreciseOf = ctsql::query<"-- name: PreciseOf :one\nSELECT precise FROM moments WHERE id = $1">;
inline constexpr auto BirthdayOf = ctsql::query<"-- name: BirthdayOf :one\nSELECT birthday FROM moments WHERE id = $1">;
inline constexpr auto ServerVersion = ctsql::query<"-- name: ServerVersion :one\nSELECT VERSION() AS version">;

inline constexpr auto ZeroDay = ctsql::query<"-- name: ZeroDay :one\nSELECT zero_day FROM zeros WHERE id = $1">;
inline constexpr auto ZeroTime = ctsql::query<"-- name: ZeroTime :one\nSELECT zero_time FROM zeros WHERE id = $1">;

// ---- JSON, ENUM, UUID ----

inline constexpr auto InsertDoc = ctsql::query<"-- name: InsertDoc :exec\nINSERT INTO docs (id, body) VALUES ($1, $2)">;
inline constexpr auto DocOf = ctsql::query<"-- name: DocOf :one\nSELECT body FROM docs WHERE id = $1">;
inline constexpr auto DocPath = ctsql::query<"-- name: DocPath :one\nSELECT JSON_EXTRACT(body, '$.a') AS a FROM docs WHERE id = $1">;

inline constexpr auto picks_schema = ctsql::schema<R"sql(
CREATE TABLE picks (id INT PRIMARY KEY, pick ENUM('a', 'b') NOT NULL, maybe ENUM('a', 'b'));
)sql">;
inline constexpr auto InsertPick = ctsql::query<R"sql(
-- name: InsertPick :exec
INSERT INTO picks (id, pick, maybe) VALUES ($1, $2, $3)
)sql", picks_schema>;
inline constexpr auto GetPick = ctsql::query<"-- name: GetPick :one\nSELECT pick, maybe FROM picks WHERE id = $1", picks_schema>;
inline constexpr auto PickOf = ctsql::query<"-- name: PickOf :one\nSELECT pick FROM picks WHERE id = $1", picks_schema>;
// The same text without the schema: checked only when it runs.
inline constexpr auto PickUnchecked = ctsql::query<"-- name: PickUnchecked :one\nSELECT pick FROM picks WHERE id = $1">;
inline constexpr auto InsertPickUnchecked = ctsql::query<R"sql(
-- name: InsertPickUnchecked :exec
INSERT INTO picks (id, pick) VALUES ($1, $2)
)sql">;

struct Pick {
    letter pick;
    std::optional<letter> maybe;
};
struct PickOnlyA {
    only_a pick;
    std::optional<letter> maybe;
};

// The ENUM's labels are checked against the enumerators when the call compiles: reading needs an
// enumerator for each label, writing a label for each enumerator.
template <auto& Query, class Row, class... Args>
constexpr ctsql::message verdict = ctsql::check_call<std::remove_cvref_t<decltype(Query)>, ctsql::dialect::mysql, Row, Args...>();
enum class abc { a, b, c };
static_assert(verdict<GetPick, Pick, int>.empty());
static_assert(verdict<GetPick, PickOnlyA, int>.view() ==
              "GetPick: label 'b' of the column's ENUM has no enumerator of that name in field 'pick'");
static_assert(verdict<InsertPick, ctsql::detail::no_row, int, only_a, std::optional<letter>>.empty());
static_assert(verdict<InsertPick, ctsql::detail::no_row, int, abc, std::nullopt_t>.view() ==
              "InsertPick: enumerator 'c' of argument 2 is not a label of the column's ENUM");

inline constexpr auto InsertIds = ctsql::query<R"sql(
-- name: InsertIds :exec
INSERT INTO ids (id, txt, raw, native) VALUES ($1, $2, $3, $4)
)sql">;
struct Ids {
    ctsql::uuid txt;
    ctsql::uuid raw;
    ctsql::uuid native;
};
inline constexpr auto GetIds = ctsql::query<"-- name: GetIds :one\nSELECT txt, raw, native FROM ids WHERE id = $1">;
inline constexpr auto TxtOf = ctsql::query<"-- name: TxtOf :one\nSELECT txt FROM ids WHERE id = $1">;
inline constexpr auto NativeOf = ctsql::query<"-- name: NativeOf :one\nSELECT native FROM ids WHERE id = $1">;
inline constexpr auto InsertTxt = ctsql::query<"-- name: InsertTxt :exec\nINSERT INTO ids (id, txt) VALUES ($1, $2)">;

// ---- NULL of every family ----

struct Maybes {
    std::int32_t id;
    std::optional<bool> flag;
    std::optional<std::int64_t> num;
    std::optional<std::uint64_t> unum;
    std::optional<double> ratio;
    std::optional<std::string> amount;
    std::optional<std::string> label;
    std::optional<ctsql::blob> data;
    std::optional<timestamp> at;
    std::optional<sys_days> birthday;
    std::optional<ctsql::uuid> ident;
    std::optional<letter> pick;
    std::optional<std::string> doc;
};
inline constexpr auto InsertMaybes = ctsql::query<R"sql(
-- name: InsertMaybes :exec
INSERT INTO maybes (id, flag, num, unum, ratio, amount, label, data, at, birthday, ident, pick, doc)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
)sql">;
inline constexpr auto AllMaybes = ctsql::query<R"sql(
-- name: AllMaybes :many
SELECT id, flag, num, unum, ratio, amount, label, data, at, birthday, ident, pick, doc FROM maybes ORDER BY id
)sql">;
inline constexpr auto MaybeNum = ctsql::query<"-- name: MaybeNum :one\nSELECT num FROM maybes WHERE id = $1">;
inline constexpr auto MaybeLabel = ctsql::query<"-- name: MaybeLabel :one\nSELECT label FROM maybes WHERE id = $1">;
inline constexpr auto MaybeAt = ctsql::query<"-- name: MaybeAt :one\nSELECT at FROM maybes WHERE id = $1">;

ctsql::blob every_byte(std::size_t size) {
    ctsql::blob bytes(size);
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::byte>(i % 256);
    return bytes;
}

}  // namespace

TEST_CASE("BOOLEAN and TINYINT(1) as bool") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE flags (id INT PRIMARY KEY, flag BOOLEAN NOT NULL, tiny TINYINT(1) NOT NULL)");
    db.execute(InsertFlags, 1, true, false);
    db.execute(InsertFlags, 2, false, true);
    const std::vector<Flags> rows = db.execute<Flags>(AllFlags);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].flag);
    CHECK_FALSE(rows[0].tiny);
    CHECK_FALSE(rows[1].flag);
    CHECK(rows[1].tiny);
    // The server keeps a bool as the integer 1.
    CHECK(db.execute<std::int64_t>(TinyOf, 2) == 1);

    // TINYINT(1) holds any TINYINT: 2 is no bool, and is not taken for true.
    db.execute(InsertFlags, 3, true, 2);
    CHECK(db.execute<std::int64_t>(TinyOf, 3) == 2);
    const ctsql::error two = test::caught([&] { db.execute<bool>(TinyOf, 3); });
    CHECK(two.code() == ctsql::errc::type_mismatch);
    CHECK(std::string{two.what()} == "TinyOf: type_mismatch: column 'tiny': integer 2 is not a boolean (0 or 1)");
    CHECK(test::caught([&] { db.execute<Flags>(AllFlags); }).code() == ctsql::errc::type_mismatch);
    db.execute(InsertFlags, 4, true, -1);
    CHECK(test::caught([&] { db.execute<bool>(TinyOf, 4); }).code() == ctsql::errc::type_mismatch);
}

TEST_CASE("TINYINT to BIGINT, signed and UNSIGNED, at their limits") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(R"sql(
        CREATE TABLE signed_ints (id INT PRIMARY KEY, t TINYINT, s SMALLINT, m MEDIUMINT, i INT, b BIGINT);
        CREATE TABLE unsigned_ints (id INT PRIMARY KEY, t TINYINT UNSIGNED, s SMALLINT UNSIGNED, m MEDIUMINT UNSIGNED,
                                    i INT UNSIGNED, b BIGINT UNSIGNED);
    )sql");
    const Signed low{1, -128, -32768, -8388608, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int64_t>::min()};
    const Signed high{2, 127, 32767, 8388607, std::numeric_limits<std::int32_t>::max(), std::numeric_limits<std::int64_t>::max()};
    for (const Signed& v : {low, high}) db.execute(InsertSigned, v.id, v.t, v.s, v.m, v.i, v.b);
    CHECK(db.execute<Signed>(AllSigned) == std::vector<Signed>{low, high});

    constexpr std::uint64_t u64_max = std::numeric_limits<std::uint64_t>::max();
    const Unsigned zero{1, 0, 0, 0, 0, 0};
    const Unsigned top{2, 255, 65535, 16777215, 4294967295u, u64_max};
    for (const Unsigned& v : {zero, top}) db.execute(InsertUnsigned, v.id, v.t, v.s, v.m, v.i, v.b);
    CHECK(db.execute<Unsigned>(AllUnsigned) == std::vector<Unsigned>{zero, top});
    CHECK(db.execute<std::uint64_t>(UnsignedBig, 2) == u64_max);
    // Read through the signed 64-bit buffer, the unsigned flag keeps the value's meaning.
    CHECK(db.execute<double>(UnsignedBig, 2) == 18446744073709551615.0);

    // An unsigned value past int64's range, into an int64 field.
    const ctsql::error too_big = test::caught([&] { db.execute<std::int64_t>(UnsignedBig, 2); });
    CHECK(too_big.code() == ctsql::errc::type_mismatch);
    CHECK(mentions(too_big, "column 'b'"));
    CHECK(mentions(too_big, "18446744073709551615"));
    // 2^63 exactly: the first value that does not fit.
    db.execute(InsertUnsigned, 3, 0, 0, 0, 0, std::uint64_t{1} << 63);
    CHECK(test::caught([&] { db.execute<std::int64_t>(UnsignedBig, 3); }).code() == ctsql::errc::type_mismatch);
    CHECK(db.execute<std::uint64_t>(UnsignedBig, 3) == std::uint64_t{1} << 63);

    // Narrowing: BIGINT 300 into std::int8_t, -1 into unsigned fields.
    db.execute(InsertSigned, 3, 0, 0, 0, 0, 300);
    const ctsql::error narrow = test::caught([&] { db.execute<std::int8_t>(SignedBig, 3); });
    CHECK(narrow.code() == ctsql::errc::type_mismatch);
    CHECK(mentions(narrow, "300"));
    CHECK(db.execute<std::int16_t>(SignedBig, 3) == 300);
    CHECK(db.execute<std::uint16_t>(SignedBig, 3) == 300);
    db.execute(InsertSigned, 4, 0, 0, 0, 0, -1);
    CHECK(test::caught([&] { db.execute<std::uint64_t>(SignedBig, 4); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::uint8_t>(SignedBig, 4); }).code() == ctsql::errc::type_mismatch);
    CHECK(db.execute<std::int8_t>(SignedBig, 4) == -1);
    // The field's whole row goes through the same checks: -128 is not a uint8.
    CHECK(test::caught([&] { db.execute<Unsigned>(AllSigned); }).code() == ctsql::errc::type_mismatch);

    // Arguments past the column's range: refused by the server in strict mode, not wrapped.
    const ctsql::error wrapped = test::caught([&] { db.execute(InsertSigned, 5, 0, 0, 0, 0, u64_max); });
    CHECK(wrapped.code() == ctsql::errc::type_mismatch);
    CHECK(wrapped.native_code() == 1264);
    CHECK(test::caught([&] { db.execute(InsertUnsigned, 5, -1, 0, 0, 0, 0); }).native_code() == 1264);
    CHECK(test::caught([&] { db.execute(InsertSigned, 5, 128, 0, 0, 0, 0); }).native_code() == 1264);
}

TEST_CASE("FLOAT and DOUBLE") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE reals (id INT PRIMARY KEY, single FLOAT, twice DOUBLE)");
    const Reals values[] = {
        {1, 1.5f, 0.1},
        {2, -std::numeric_limits<float>::max(), std::numeric_limits<double>::lowest()},
        {3, std::numeric_limits<float>::max(), std::numeric_limits<double>::max()},
        {4, std::numeric_limits<float>::min(), std::numeric_limits<double>::min()},
        {5, 0.1f, -1.0 / 3.0},
        {6, 0.0f, 0.0},
        {7, 16777216.0f, 9007199254740992.0},  // 2^24 and 2^53: past them not every integer is held
        {8, -std::numeric_limits<float>::denorm_min(), std::numeric_limits<double>::denorm_min()},
    };
    for (const Reals& v : values) db.execute(InsertReals, v.id, v.single, v.twice);
    const std::vector<Reals> rows = db.execute<Reals>(AllReals);
    REQUIRE(rows.size() == std::size(values));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        CAPTURE(r);
        CHECK(rows[r].single == values[r].single);
        CHECK(rows[r].twice == values[r].twice);
    }
    // A FLOAT read into a double is the float's value, widened, not its shortest decimal text.
    CHECK(db.execute<double>(SingleOf, 1) == 1.5);
    CHECK(db.execute<double>(SingleOf, 5) == static_cast<double>(0.1f));
    // A double argument into a FLOAT column is rounded to single precision by the server.
    db.execute(InsertReals, 10, 0.1, 0.0);
    CHECK(db.execute<float>(SingleOf, 10) == 0.1f);
    // An integer argument into a FLOAT column, and back into an integer field it is not.
    db.execute(InsertReals, 11, 2, std::int64_t{1} << 52);
    CHECK(db.execute<float>(SingleOf, 11) == 2.0f);
    CHECK(test::caught([&] { db.execute<std::int64_t>(SingleOf, 11); }).code() == ctsql::errc::type_mismatch);
    // MySQL has no infinities or NaN: the server refuses them.
    const ctsql::error infinite =
        test::caught([&] { db.execute(InsertReals, 12, 0.0f, std::numeric_limits<double>::infinity()); });
    CHECK(infinite.code() == ctsql::errc::type_mismatch);
    CHECK(infinite.native_code() == 1264);
    CHECK(test::caught([&] { db.execute(InsertReals, 12, std::numeric_limits<float>::quiet_NaN(), 0.0); }).native_code() ==
          1264);
}

TEST_CASE("DECIMAL exact as text, into integers when whole, into double") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE decimals (id INT PRIMARY KEY, exact DECIMAL(30,10), whole DECIMAL(20,0))");
    db.execute(InsertDecimal, 1, "12345678901234567890.0123456789", "18446744073709551615");
    db.execute(InsertDecimal, 2, "-0.0000000001", "-9223372036854775808");
    db.execute(InsertDecimal, 3, 42, -42);
    db.execute(InsertDecimal, 4, 2.5, "9223372036854775808");
    db.execute(InsertDecimal, 5, "-99999999999999999999.9999999999", 0);

    CHECK(db.execute<std::string>(ExactOf, 1) == "12345678901234567890.0123456789");
    CHECK(db.execute<std::string>(ExactOf, 2) == "-0.0000000001");
    CHECK(db.execute<std::string>(ExactOf, 3) == "42.0000000000");
    CHECK(db.execute<std::string>(ExactOf, 4) == "2.5000000000");
    CHECK(db.execute<std::string>(ExactOf, 5) == "-99999999999999999999.9999999999");
    CHECK(db.execute<std::string>(WholeOf, 1) == "18446744073709551615");

    // Whole values into integers, the scale's zeros notwithstanding.
    CHECK(db.execute<std::int64_t>(ExactOf, 3) == 42);
    CHECK(db.execute<std::int8_t>(ExactOf, 3) == 42);
    CHECK(db.execute<std::uint64_t>(WholeOf, 1) == std::numeric_limits<std::uint64_t>::max());
    CHECK(db.execute<std::int64_t>(WholeOf, 2) == std::numeric_limits<std::int64_t>::min());
    CHECK(db.execute<std::int64_t>(WholeOf, 3) == -42);
    CHECK(db.execute<std::int64_t>(WholeOf, 5) == 0);
    // Fractions and values out of range are refused, not cut.
    const ctsql::error fraction = test::caught([&] { db.execute<std::int64_t>(ExactOf, 4); });
    CHECK(fraction.code() == ctsql::errc::type_mismatch);
    CHECK(mentions(fraction, "column 'exact'"));
    CHECK(mentions(fraction, "2.5000000000"));
    CHECK(test::caught([&] { db.execute<std::int64_t>(ExactOf, 2); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::int64_t>(ExactOf, 1); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::int64_t>(WholeOf, 1); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::int64_t>(WholeOf, 4); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::uint64_t>(WholeOf, 3); }).code() == ctsql::errc::type_mismatch);
    CHECK(db.execute<std::int8_t>(WholeOf, 3) == -42);

    // Into a double: the nearest one.
    CHECK(db.execute<double>(ExactOf, 1) == 12345678901234567890.0123456789);
    CHECK(db.execute<double>(ExactOf, 2) == -0.0000000001);
    CHECK(db.execute<double>(ExactOf, 4) == 2.5);
    CHECK(db.execute<double>(WholeOf, 2) == -9223372036854775808.0);

    // More digits than the column has: the server refuses the value in strict mode.
    CHECK(test::caught([&] { db.execute(InsertDecimal, 6, "123456789012345678901", 0); }).code() ==
          ctsql::errc::type_mismatch);
}

TEST_CASE("CHAR, VARCHAR, TEXT and MEDIUMTEXT, long values and UTF-8") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(R"sql(
        CREATE TABLE texts (id INT PRIMARY KEY, fixed CHAR(10), short_text VARCHAR(100), body TEXT, big MEDIUMTEXT)
        DEFAULT CHARSET = utf8mb4
    )sql");
    // 70 kB: longer than TEXT's 64 kB and than any buffer a first fetch gives it, with 4-byte emoji.
    std::string big;
    std::int64_t characters = 0;
    while (big.size() < 70'000) {
        big += "emoji \xF0\x9F\x98\x80 \xC3\xBC ";  // "emoji 😀 ü "
        characters += 10;
    }
    const std::string quoted = "it's \"quoted\", back\\slash, tab\t, newline\n, \xF0\x9F\x8E\x89 and \xE2\x9C\x93";
    // Long rows between short ones: a buffer grown for one row serves the next, and grows again.
    db.execute(InsertText, 1, "ab", "ab  ", quoted, big);
    db.execute(InsertText, 2, "", "", "", "x");
    db.execute(InsertText, 3, "\xF0\x9F\x98\x80", std::string(100, 'v'), std::string(65'535, 't'), big + big);
    db.execute(InsertText, 4, std::string(10, 'c'), "\xF0\x9F\x98\x80", std::string(300, 'b'), "");

    const std::vector<Texts> rows = db.execute<Texts>(AllTexts);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].fixed == "ab");  // CHAR drops its padding when read
    CHECK(rows[0].short_text == "ab  ");  // VARCHAR keeps trailing spaces
    CHECK(rows[0].body == quoted);
    CHECK(rows[0].big == big);
    CHECK(rows[1].fixed.empty());
    CHECK(rows[1].short_text.empty());
    CHECK(rows[1].body.empty());
    CHECK(rows[1].big == "x");
    CHECK(rows[2].fixed == "\xF0\x9F\x98\x80");
    CHECK(rows[2].short_text == std::string(100, 'v'));
    CHECK(rows[2].body == std::string(65'535, 't'));
    CHECK(rows[2].big == big + big);
    CHECK(rows[3].fixed == std::string(10, 'c'));
    CHECK(rows[3].short_text == "\xF0\x9F\x98\x80");
    CHECK(rows[3].body == std::string(300, 'b'));
    CHECK(rows[3].big.empty());

    const std::optional<Measured> measured = db.execute<Measured>(Lengths, 1);
    REQUIRE(measured.has_value());
    CHECK(measured->characters == characters);
    CHECK(measured->bytes == static_cast<std::int64_t>(big.size()));

    // Too long for the column: refused in strict mode, not cut.
    const ctsql::error too_long = test::caught([&] { db.execute(InsertText, 5, std::string(11, 'c'), "", "", ""); });
    CHECK(too_long.code() == ctsql::errc::type_mismatch);
    CHECK(too_long.native_code() == 1406);
    CHECK(test::caught([&] { db.execute(InsertText, 5, "", "", std::string(65'536, 't'), ""); }).native_code() == 1406);
}

TEST_CASE("BINARY, VARBINARY, BLOB and MEDIUMBLOB with every byte value") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(R"sql(
        CREATE TABLE bytes (id INT PRIMARY KEY, fixed BINARY(4), var VARBINARY(300), small BLOB, big MEDIUMBLOB)
    )sql");
    const ctsql::blob two{std::byte{1}, std::byte{0}};
    const ctsql::blob all = every_byte(256);  // exactly the size of a first fetch's buffer
    const ctsql::blob zeros(300, std::byte{0});
    const ctsql::blob big = every_byte(70'000);  // 70 kB, zero bytes every 256
    db.execute(InsertBytes, 1, two, all, zeros, big);
    db.execute(InsertBytes, 2, ctsql::blob{}, ctsql::blob{}, ctsql::blob{}, ctsql::blob{});
    db.execute(InsertBytes, 3, every_byte(4), every_byte(257), every_byte(65'535), every_byte(300'000));

    const std::vector<Bytes> rows = db.execute<Bytes>(AllBytes);
    REQUIRE(rows.size() == 3);
    // BINARY(n) pads with zero bytes.
    CHECK(rows[0].fixed == ctsql::blob{std::byte{1}, std::byte{0}, std::byte{0}, std::byte{0}});
    CHECK(rows[0].var == all);
    CHECK(rows[0].small == zeros);
    CHECK(rows[0].big == big);
    CHECK(rows[1].fixed == ctsql::blob(4, std::byte{0}));
    CHECK(rows[1].var.empty());
    CHECK(rows[1].small.empty());
    CHECK(rows[1].big.empty());
    CHECK(rows[2].fixed == every_byte(4));
    CHECK(rows[2].var == every_byte(257));
    CHECK(rows[2].small == every_byte(65'535));
    CHECK(rows[2].big == every_byte(300'000));

    // Bytes are not text: a blob column read into std::string is a byte-exact copy too.
    const auto VarText = ctsql::query<"-- name: VarText :one\nSELECT var FROM bytes WHERE id = $1">;
    const std::optional<std::string> text = db.execute<std::string>(VarText, 1);
    REQUIRE(text.has_value());
    CHECK(text->size() == 256);
    CHECK(text->find('\0') == 0);
    CHECK(test::caught([&] { db.execute(InsertBytes, 4, every_byte(5), ctsql::blob{}, ctsql::blob{}, ctsql::blob{}); })
              .native_code() == 1406);
}

TEST_CASE("DATETIME(6), TIMESTAMP(6), DATETIME and DATE") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(R"sql(
        CREATE TABLE moments (id INT PRIMARY KEY, precise DATETIME(6) NOT NULL, stamped TIMESTAMP(6) NULL,
                              coarse DATETIME NOT NULL, birthday DATE NOT NULL)
    )sql");
    const timestamp noon = sys_days{2024y / July / 1} + 12h + 34min + 56s + 789012us;
    struct written {
        timestamp precise;
        std::optional<timestamp> stamped;  // TIMESTAMP holds 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC
        sys_days birthday;
    };
    const written values[] = {
        {noon, noon, sys_days{2024y / February / 29}},
        {sys_days{1969y / December / 31} + 23h + 59min + 59s + 999999us, sys_days{1970y / January / 1} + 1s + 1us,
         sys_days{1969y / July / 20}},
        {sys_days{1900y / January / 1}, sys_days{2038y / January / 19} + 3h + 14min + 7s + 999999us, sys_days{1900y / March / 1}},
        {sys_days{9999y / December / 31} + 23h + 59min + 59s + 999999us, std::nullopt, sys_days{9999y / December / 31}},
        {sys_days{1000y / January / 1} + 1us, std::nullopt, sys_days{1000y / January / 1}},
        {sys_days{2038y / January / 19} + 3h + 14min + 8s + 1us, std::nullopt, sys_days{2100y / March / 1}},
        {sys_days{0y / January / 1} + 1us, std::nullopt, sys_days{0y / January / 1}},  // year 0 is a date
        {sys_days{1y / January / 1}, std::nullopt, sys_days{1y / December / 31}},
    };
    std::int32_t id = 0;
    for (const written& v : values) db.execute(InsertMoment, ++id, v.precise, v.stamped, v.precise, v.birthday);

    const std::vector<Moments> rows = db.execute<Moments>(AllMoments);
    REQUIRE(rows.size() == std::size(values));
    // A second-precision DATETIME: MariaDB drops the fraction, MySQL rounds it.
    const std::optional<std::string> version = db.execute<std::string>(ServerVersion);
    REQUIRE(version.has_value());
    const bool mariadb = version->find("MariaDB") != std::string::npos;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        CAPTURE(r);
        CHECK(rows[r].precise == values[r].precise);
        CHECK(rows[r].stamped == values[r].stamped);
        CHECK(rows[r].birthday == values[r].birthday);
        const timestamp whole = mariadb ? floor<seconds>(values[r].precise) : round<seconds>(values[r].precise);
        CHECK(rows[r].coarse == whole);
    }
    CHECK(rows[0].coarse == sys_days{2024y / July / 1} + 12h + 34min + (mariadb ? 56s : 57s));

    // The session's time zone is UTC: a TIMESTAMP is kept as the instant written.
    CHECK(db.execute<std::string>(EpochOf, 1) == "1719837296.789012");
    CHECK(db.execute<std::string>(EpochOf, 2) == "1.000001");
    CHECK(db.execute<std::string>(EpochOf, 3) == "2147483647.999999");

    // A DATE into a microsecond timestamp: its midnight. A time of day into a day: refused.
    CHECK(db.execute<timestamp>(BirthdayOf, 1) == timestamp{sys_days{2024y / February / 29}});
    CHECK(db.execute<sys_days>(PreciseOf, 3) == sys_days{1900y / January / 1});
    const ctsql::error precision = test::caught([&] { db.execute<sys_days>(PreciseOf, 1); });
    CHECK(precision.code() == ctsql::errc::type_mismatch);
    CHECK(mentions(precision, "column 'precise'"));
    CHECK(db.execute<sys_time<seconds>>(PreciseOf, 3) == sys_seconds{sys_days{1900y / January / 1}});
    CHECK(test::caught([&] { db.execute<sys_time<seconds>>(PreciseOf, 1); }).code() == ctsql::errc::type_mismatch);
    // A time read into text or a number is a column of another kind.
    CHECK(test::caught([&] { db.execute<std::string>(PreciseOf, 1); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<std::int64_t>(BirthdayOf, 1); }).code() == ctsql::errc::type_mismatch);

    // Years 0 and 9999 are the ends of what can be written; beyond them is refused before sending.
    const timestamp year_10000 = sys_days{10000y / January / 1};
    const ctsql::error late = test::caught([&] { db.execute(InsertMoment, 10, year_10000, std::nullopt, noon, sys_days{}); });
    CHECK(late.code() == ctsql::errc::type_mismatch);
    CHECK(std::string{late.what()} == "InsertMoment: type_mismatch: argument 2: a timestamp outside the years 0 to 9999");
    const timestamp before_0 = sys_days{-1y / December / 31} + 23h;
    const ctsql::error early = test::caught([&] { db.execute(InsertMoment, 10, noon, std::nullopt, noon, before_0); });
    CHECK(early.code() == ctsql::errc::type_mismatch);
    CHECK(mentions(early, "argument 5"));
    // Nothing was written by either.
    CHECK(db.execute<Moments>(AllMoments).size() == std::size(values));
    // TIMESTAMP's own range is the server's to refuse.
    CHECK(test::caught([&] { db.execute(InsertMoment, 10, noon, sys_days{1969y / January / 1}, noon, sys_days{}); })
              .code() == ctsql::errc::type_mismatch);
}

TEST_CASE("MySQL's zero dates have no time point") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    // Without strict mode and NO_ZERO_DATE the server stores them.
    db.execute_script(R"sql(
        SET SESSION sql_mode = '';
        CREATE TABLE zeros (id INT PRIMARY KEY, zero_day DATE, zero_time DATETIME(6));
        INSERT INTO zeros VALUES (1, '0000-00-00', '0000-00-00 00:00:00'), (2, '2024-00-10', '2024-05-00 10:00:00'),
                                 (3, '2024-05-10', '2024-05-10 10:00:00.5');
    )sql");
    const ctsql::error day = test::caught([&] { db.execute<std::optional<sys_days>>(ZeroDay, 1); });
    CHECK(day.code() == ctsql::errc::type_mismatch);
    CHECK(day.query_name() == "ZeroDay");
    CHECK(mentions(day, "column 'zero_day'"));
    CHECK(mentions(day, "0000-00-00"));
    const ctsql::error time = test::caught([&] { db.execute<timestamp>(ZeroTime, 1); });
    CHECK(time.code() == ctsql::errc::type_mismatch);
    CHECK(mentions(time, "column 'zero_time'"));
    // A zero month or day alone is no date either.
    CHECK(test::caught([&] { db.execute<sys_days>(ZeroDay, 2); }).code() == ctsql::errc::type_mismatch);
    CHECK(test::caught([&] { db.execute<timestamp>(ZeroTime, 2); }).code() == ctsql::errc::type_mismatch);
    // The real dates beside them read as usual.
    CHECK(db.execute<sys_days>(ZeroDay, 3) == sys_days{2024y / May / 10});
    CHECK(db.execute<timestamp>(ZeroTime, 3) == sys_days{2024y / May / 10} + 10h + 500ms);
}

TEST_CASE("JSON as text") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE docs (id INT PRIMARY KEY, body JSON)");
    const std::string doc = R"({"a": [1, 2], "s": "\u00fc \ud83d\ude00", "e": "\xF0\x9F\x98\x80", "n": null})";
    db.execute(InsertDoc, 1, doc);
    CHECK(db.execute<std::string>(DocOf, 1) == doc);  // MariaDB keeps the text as written
    CHECK(db.execute<std::string>(DocPath, 1) == "[1, 2]");
    db.execute(InsertDoc, 2, std::string{"[]"});
    CHECK(db.execute<std::string>(DocOf, 2) == "[]");
    CHECK(db.execute<ctsql::blob>(DocOf, 2) == ctsql::blob{std::byte{'['}, std::byte{']'}});
    // Not JSON: MariaDB's JSON is LONGTEXT with a JSON_VALID check constraint.
    const ctsql::error invalid = test::caught([&] { db.execute(InsertDoc, 3, "{not json"); });
    CHECK(invalid.code() == ctsql::errc::check_violation);
    CHECK(invalid.native_code() == 4025);
    CHECK(invalid.query_name() == "InsertDoc");
}

TEST_CASE("ENUM columns as enum classes, by label, checked against a schema") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(picks_schema.text());
    db.execute(InsertPick, 1, letter::b, std::nullopt);
    db.execute(InsertPick, 2, letter::a, letter::b);
    db.execute(InsertPick, 3, only_a::a, std::optional<letter>{letter::a});

    const std::optional<Pick> first = db.execute<Pick>(GetPick, 1);
    REQUIRE(first.has_value());
    CHECK(first->pick == letter::b);
    CHECK(first->maybe == std::nullopt);
    const std::optional<Pick> second = db.execute<Pick>(GetPick, 2);
    REQUIRE(second.has_value());
    CHECK(second->pick == letter::a);
    CHECK(second->maybe == letter::b);
    CHECK(db.execute<letter>(PickOf, 3) == letter::a);
    // Without a row type, the schema gives the labels as text.
    const auto inferred = db.execute(GetPick, 2);
    REQUIRE(inferred.has_value());
    CHECK(inferred->get<"pick">() == "a");
    CHECK(inferred->get<"maybe">() == std::optional<std::string>{"b"});
    CHECK(db.execute(PickOf, 1) == std::optional<std::string>{"b"});

    // Without the schema the labels are checked as each value is read or written.
    CHECK(db.execute<letter>(PickUnchecked, 1) == letter::b);
    CHECK(db.execute<only_a>(PickUnchecked, 3) == only_a::a);
    const ctsql::error unnamed = test::caught([&] { db.execute<only_a>(PickUnchecked, 1); });
    CHECK(unnamed.code() == ctsql::errc::type_mismatch);
    CHECK(std::string{unnamed.what()} == "PickUnchecked: type_mismatch: column 'pick': label 'b' has no enumerator of that name");
    const ctsql::error no_label = test::caught([&] { db.execute(InsertPickUnchecked, 4, static_cast<letter>(7)); });
    CHECK(no_label.code() == ctsql::errc::type_mismatch);
    CHECK(mentions(no_label, "argument 2"));
    // A label the column does not have: the server refuses it in strict mode.
    const ctsql::error unknown = test::caught([&] { db.execute(InsertPickUnchecked, 4, abc::c); });
    CHECK(unknown.code() == ctsql::errc::type_mismatch);
    CHECK(unknown.native_code() == 1265);
}

TEST_CASE("uuid as CHAR(36) text, as BINARY(16) bytes and as MariaDB's UUID") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE ids (id INT PRIMARY KEY, txt CHAR(36), raw BINARY(16), native UUID)");
    const std::optional<ctsql::uuid> id = ctsql::uuid::parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
    REQUIRE(id.has_value());
    const ctsql::blob raw(reinterpret_cast<const std::byte*>(id->bytes.data()),
                          reinterpret_cast<const std::byte*>(id->bytes.data()) + id->bytes.size());
    db.execute(InsertIds, 1, *id, raw, *id);
    // The nil UUID and one with every bit set: the bytes' ends.
    const ctsql::uuid nil{};
    const std::optional<ctsql::uuid> max = ctsql::uuid::parse("ffffffff-ffff-ffff-ffff-ffffffffffff");
    REQUIRE(max.has_value());
    db.execute(InsertIds, 2, nil, ctsql::blob(16, std::byte{0}), *max);

    const std::optional<Ids> first = db.execute<Ids>(GetIds, 1);
    REQUIRE(first.has_value());
    CHECK(first->txt == *id);
    CHECK(first->raw == *id);
    CHECK(first->native == *id);
    const std::optional<Ids> second = db.execute<Ids>(GetIds, 2);
    REQUIRE(second.has_value());
    CHECK(second->txt == nil);
    CHECK(second->raw == nil);
    CHECK(second->native == *max);
    // Written as its canonical lowercase text.
    CHECK(db.execute<std::string>(TxtOf, 1) == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    CHECK(db.execute<std::string>(NativeOf, 1) == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

    // Text that is no UUID is refused when read as one.
    db.execute(InsertTxt, 3, "not a uuid");
    const ctsql::error bad = test::caught([&] { db.execute<ctsql::uuid>(TxtOf, 3); });
    CHECK(bad.code() == ctsql::errc::type_mismatch);
    CHECK(mentions(bad, "column 'txt'"));
    // Sixteen characters of text are no UUID either: only a binary column's 16 bytes are its bytes.
    db.execute(InsertTxt, 4, "0123456789abcdef");
    CHECK(test::caught([&] { db.execute<ctsql::uuid>(TxtOf, 4); }).code() == ctsql::errc::type_mismatch);
}

TEST_CASE("NULL in every family, into std::optional and into plain fields") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(R"sql(
        CREATE TABLE maybes (id INT PRIMARY KEY, flag BOOLEAN, num BIGINT, unum BIGINT UNSIGNED, ratio DOUBLE,
                             amount DECIMAL(10,2), label VARCHAR(20), data VARBINARY(20), at DATETIME(6), birthday DATE,
                             ident CHAR(36), pick ENUM('a', 'b'), doc JSON)
    )sql");
    db.execute(InsertMaybes, 1, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
               std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt);
    const std::optional<ctsql::uuid> id = ctsql::uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    const Maybes full{2,
                      true,
                      -7,
                      std::numeric_limits<std::uint64_t>::max(),
                      0.25,
                      "-12.50",
                      "label",
                      ctsql::blob{std::byte{0}, std::byte{0xff}},
                      sys_days{1999y / December / 31} + 23h + 59min + 59s + 999999us,
                      sys_days{2000y / February / 29},
                      id,
                      letter::b,
                      R"({"k": "v"})"};
    db.execute(InsertMaybes, full.id, full.flag, full.num, full.unum, full.ratio, full.amount, full.label, full.data,
               full.at, full.birthday, full.ident, full.pick, full.doc);
    const std::vector<Maybes> rows = db.execute<Maybes>(AllMaybes);
    REQUIRE(rows.size() == 2);
    const Maybes& none = rows[0];
    CHECK(none.flag == std::nullopt);
    CHECK(none.num == std::nullopt);
    CHECK(none.unum == std::nullopt);
    CHECK(none.ratio == std::nullopt);
    CHECK(none.amount == std::nullopt);
    CHECK(none.label == std::nullopt);
    CHECK(none.data == std::nullopt);
    CHECK(none.at == std::nullopt);
    CHECK(none.birthday == std::nullopt);
    CHECK(none.ident == std::nullopt);
    CHECK(none.pick == std::nullopt);
    CHECK(none.doc == std::nullopt);
    const Maybes& all = rows[1];
    CHECK(all.flag == full.flag);
    CHECK(all.num == full.num);
    CHECK(all.unum == full.unum);
    CHECK(all.ratio == full.ratio);
    CHECK(all.amount == full.amount);
    CHECK(all.label == full.label);
    CHECK(all.data == full.data);
    CHECK(all.at == full.at);
    CHECK(all.birthday == full.birthday);
    CHECK(all.ident == full.ident);
    CHECK(all.pick == full.pick);
    CHECK(all.doc == full.doc);

    // A row whose value is NULL is not the same as no row.
    CHECK(db.execute<std::optional<std::int64_t>>(MaybeNum, 1) ==
          std::optional<std::optional<std::int64_t>>{std::optional<std::int64_t>{}});
    CHECK(db.execute<std::optional<std::int64_t>>(MaybeNum, 3) == std::nullopt);
    // NULL into a field that is not std::optional, of each kind of buffer.
    const ctsql::error null = test::caught([&] { db.execute<std::int64_t>(MaybeNum, 1); });
    CHECK(null.code() == ctsql::errc::unexpected_null);
    CHECK(std::string{null.what()} == "MaybeNum: unexpected_null: column 'num': NULL read into a field that is not std::optional");
    CHECK(test::caught([&] { db.execute<std::string>(MaybeLabel, 1); }).code() == ctsql::errc::unexpected_null);
    CHECK(test::caught([&] { db.execute<timestamp>(MaybeAt, 1); }).code() == ctsql::errc::unexpected_null);
}
