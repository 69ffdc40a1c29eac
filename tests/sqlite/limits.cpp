// SQLite at ctsql's limits (docs/testing.md#limits): huge text values, the widest row struct,
// a query of tens of kilobytes.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "support/hundred_fields.hpp"

namespace {

inline constexpr auto EchoText = ctsql::query<"-- name: EchoText :one\nSELECT CAST($1 AS TEXT) AS value">;

// The most fields Boost.PFR reflects (Boost 1.81): one more is a compile error that says so
// (tests/compile_fail/row_struct_too_wide.cpp).
struct Hundred {
    CTSQL_TEST_HUNDRED_FIELDS
};
inline constexpr auto GetHundred = ctsql::query<"-- name: GetHundred :one\nSELECT 0 AS c00, 1 AS c01, 2 AS c02, 3 AS c03, 4 AS c04, 5 AS c05, 6 AS c06, 7 AS c07, 8 AS c08, 9 AS c09, 10 AS c10, 11 AS c11, 12 AS c12, 13 AS c13, 14 AS c14, 15 AS c15, 16 AS c16, 17 AS c17, 18 AS c18, 19 AS c19, 20 AS c20, 21 AS c21, 22 AS c22, 23 AS c23, 24 AS c24, 25 AS c25, 26 AS c26, 27 AS c27, 28 AS c28, 29 AS c29, 30 AS c30, 31 AS c31, 32 AS c32, 33 AS c33, 34 AS c34, 35 AS c35, 36 AS c36, 37 AS c37, 38 AS c38, 39 AS c39, 40 AS c40, 41 AS c41, 42 AS c42, 43 AS c43, 44 AS c44, 45 AS c45, 46 AS c46, 47 AS c47, 48 AS c48, 49 AS c49, 50 AS c50, 51 AS c51, 52 AS c52, 53 AS c53, 54 AS c54, 55 AS c55, 56 AS c56, 57 AS c57, 58 AS c58, 59 AS c59, 60 AS c60, 61 AS c61, 62 AS c62, 63 AS c63, 64 AS c64, 65 AS c65, 66 AS c66, 67 AS c67, 68 AS c68, 69 AS c69, 70 AS c70, 71 AS c71, 72 AS c72, 73 AS c73, 74 AS c74, 75 AS c75, 76 AS c76, 77 AS c77, 78 AS c78, 79 AS c79, 80 AS c80, 81 AS c81, 82 AS c82, 83 AS c83, 84 AS c84, 85 AS c85, 86 AS c86, 87 AS c87, 88 AS c88, 89 AS c89, 90 AS c90, 91 AS c91, 92 AS c92, 93 AS c93, 94 AS c94, 95 AS c95, 96 AS c96, 97 AS c97, 98 AS c98, 99 AS c99">;

// 20 kB in one literal: within both compilers' default constexpr limits.
#define CTSQL_TEN_TIMES(s) s s s s s s s s s s
inline constexpr auto LongLiteral = ctsql::query<"-- name: LongLiteral :one\nSELECT '" CTSQL_TEN_TIMES(
    CTSQL_TEN_TIMES(CTSQL_TEN_TIMES("01234567890123456789"))) "' AS text">;
#undef CTSQL_TEN_TIMES

}  // namespace

TEST_CASE("limits: a text value of 64 MiB round-trips") {
    ctsql::sqlite::connection db{":memory:"};
    const std::string huge(64 << 20, 'x');
    CHECK(db.execute<std::string>(EchoText, huge) == huge);
}

TEST_CASE("limits: a row of 100 columns into a struct of 100 fields") {
    ctsql::sqlite::connection db{":memory:"};
    const Hundred row = db.execute<Hundred>(GetHundred).value();
    CHECK(row.c00 == 0);
    CHECK(row.c57 == 57);
    CHECK(row.c99 == 99);
}

TEST_CASE("limits: a query of 20 kB runs") {
    ctsql::sqlite::connection db{":memory:"};
    const std::string text = db.execute<std::string>(LongLiteral).value();
    CHECK(text.size() == 20'000);
    CHECK(text.substr(19'990) == "0123456789");
}
