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

// As many named parameters, bound from the fields of one struct and read back into a struct of that type.
inline constexpr auto EchoHundred = ctsql::query<"-- name: EchoHundred :one\nSELECT CAST(@c00 AS INTEGER) AS c00, CAST(@c01 AS INTEGER) AS c01, CAST(@c02 AS INTEGER) AS c02, CAST(@c03 AS INTEGER) AS c03, CAST(@c04 AS INTEGER) AS c04, CAST(@c05 AS INTEGER) AS c05, CAST(@c06 AS INTEGER) AS c06, CAST(@c07 AS INTEGER) AS c07, CAST(@c08 AS INTEGER) AS c08, CAST(@c09 AS INTEGER) AS c09, CAST(@c10 AS INTEGER) AS c10, CAST(@c11 AS INTEGER) AS c11, CAST(@c12 AS INTEGER) AS c12, CAST(@c13 AS INTEGER) AS c13, CAST(@c14 AS INTEGER) AS c14, CAST(@c15 AS INTEGER) AS c15, CAST(@c16 AS INTEGER) AS c16, CAST(@c17 AS INTEGER) AS c17, CAST(@c18 AS INTEGER) AS c18, CAST(@c19 AS INTEGER) AS c19, CAST(@c20 AS INTEGER) AS c20, CAST(@c21 AS INTEGER) AS c21, CAST(@c22 AS INTEGER) AS c22, CAST(@c23 AS INTEGER) AS c23, CAST(@c24 AS INTEGER) AS c24, CAST(@c25 AS INTEGER) AS c25, CAST(@c26 AS INTEGER) AS c26, CAST(@c27 AS INTEGER) AS c27, CAST(@c28 AS INTEGER) AS c28, CAST(@c29 AS INTEGER) AS c29, CAST(@c30 AS INTEGER) AS c30, CAST(@c31 AS INTEGER) AS c31, CAST(@c32 AS INTEGER) AS c32, CAST(@c33 AS INTEGER) AS c33, CAST(@c34 AS INTEGER) AS c34, CAST(@c35 AS INTEGER) AS c35, CAST(@c36 AS INTEGER) AS c36, CAST(@c37 AS INTEGER) AS c37, CAST(@c38 AS INTEGER) AS c38, CAST(@c39 AS INTEGER) AS c39, CAST(@c40 AS INTEGER) AS c40, CAST(@c41 AS INTEGER) AS c41, CAST(@c42 AS INTEGER) AS c42, CAST(@c43 AS INTEGER) AS c43, CAST(@c44 AS INTEGER) AS c44, CAST(@c45 AS INTEGER) AS c45, CAST(@c46 AS INTEGER) AS c46, CAST(@c47 AS INTEGER) AS c47, CAST(@c48 AS INTEGER) AS c48, CAST(@c49 AS INTEGER) AS c49, CAST(@c50 AS INTEGER) AS c50, CAST(@c51 AS INTEGER) AS c51, CAST(@c52 AS INTEGER) AS c52, CAST(@c53 AS INTEGER) AS c53, CAST(@c54 AS INTEGER) AS c54, CAST(@c55 AS INTEGER) AS c55, CAST(@c56 AS INTEGER) AS c56, CAST(@c57 AS INTEGER) AS c57, CAST(@c58 AS INTEGER) AS c58, CAST(@c59 AS INTEGER) AS c59, CAST(@c60 AS INTEGER) AS c60, CAST(@c61 AS INTEGER) AS c61, CAST(@c62 AS INTEGER) AS c62, CAST(@c63 AS INTEGER) AS c63, CAST(@c64 AS INTEGER) AS c64, CAST(@c65 AS INTEGER) AS c65, CAST(@c66 AS INTEGER) AS c66, CAST(@c67 AS INTEGER) AS c67, CAST(@c68 AS INTEGER) AS c68, CAST(@c69 AS INTEGER) AS c69, CAST(@c70 AS INTEGER) AS c70, CAST(@c71 AS INTEGER) AS c71, CAST(@c72 AS INTEGER) AS c72, CAST(@c73 AS INTEGER) AS c73, CAST(@c74 AS INTEGER) AS c74, CAST(@c75 AS INTEGER) AS c75, CAST(@c76 AS INTEGER) AS c76, CAST(@c77 AS INTEGER) AS c77, CAST(@c78 AS INTEGER) AS c78, CAST(@c79 AS INTEGER) AS c79, CAST(@c80 AS INTEGER) AS c80, CAST(@c81 AS INTEGER) AS c81, CAST(@c82 AS INTEGER) AS c82, CAST(@c83 AS INTEGER) AS c83, CAST(@c84 AS INTEGER) AS c84, CAST(@c85 AS INTEGER) AS c85, CAST(@c86 AS INTEGER) AS c86, CAST(@c87 AS INTEGER) AS c87, CAST(@c88 AS INTEGER) AS c88, CAST(@c89 AS INTEGER) AS c89, CAST(@c90 AS INTEGER) AS c90, CAST(@c91 AS INTEGER) AS c91, CAST(@c92 AS INTEGER) AS c92, CAST(@c93 AS INTEGER) AS c93, CAST(@c94 AS INTEGER) AS c94, CAST(@c95 AS INTEGER) AS c95, CAST(@c96 AS INTEGER) AS c96, CAST(@c97 AS INTEGER) AS c97, CAST(@c98 AS INTEGER) AS c98, CAST(@c99 AS INTEGER) AS c99">;

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

TEST_CASE("limits: a struct of 100 named arguments") {
    ctsql::sqlite::connection db{":memory:"};
    Hundred arguments{};
    arguments.c00 = 7;
    arguments.c57 = -57;
    arguments.c99 = std::int64_t{1} << 40;
    const Hundred row = db.execute<Hundred>(EchoHundred, arguments).value();
    CHECK(row.c00 == 7);
    CHECK(row.c01 == 0);
    CHECK(row.c57 == -57);
    CHECK(row.c99 == std::int64_t{1} << 40);
}

TEST_CASE("limits: a query of 20 kB runs") {
    ctsql::sqlite::connection db{":memory:"};
    const std::string text = db.execute<std::string>(LongLiteral).value();
    CHECK(text.size() == 20'000);
    CHECK(text.substr(19'990) == "0123456789");
}
