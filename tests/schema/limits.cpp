// The analysis at its limits (docs/testing.md#limits): 1000-column tables and results, and
// expressions nested deeper than it reads. Each works, or is a clear error, at compile time (as
// far as the compilers' constexpr limits allow) and at run time, as ctsql-check reads them.
#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <type_traits>

#include "support/run_time_analysis.hpp"

namespace {

using ctsql::dialect;

std::string wide_table(std::size_t columns) {
    std::string ddl = "CREATE TABLE wide (c0 INTEGER NOT NULL";
    for (std::size_t c = 1; c < columns; ++c) ddl += ", c" + std::to_string(c) + " INTEGER NOT NULL";
    return ddl + ")";
}

TEST_CASE("limits: a 1000-column table, and results of 1000 columns, at run time") {
    const std::string ddl = wide_table(1000);
    const test::run_time_verdict star = test::analyse_at_run_time(dialect::sqlite, ddl, "-- name: All :many\nSELECT * FROM wide");
    CHECK(star.problem.empty());
    CHECK(star.columns == 1000);

    std::string listed = "-- name: Listed :many\nSELECT c0";
    for (std::size_t c = 1; c < 1000; ++c) listed += ", c" + std::to_string(c);
    const test::run_time_verdict columns = test::analyse_at_run_time(dialect::postgresql, ddl, listed + " FROM wide");
    CHECK(columns.problem.empty());
    CHECK(columns.columns == 1000);
}

// At compile time a schema is read within the compilers' constexpr limits: clang 16's default
// (-fconstexpr-steps=1048576) reads about 200 column definitions, g++ 12's several times more.
// Past them the compiler says so; a row struct takes at most 100 fields
// (tests/compile_fail/row_struct_too_wide.cpp).
inline constexpr auto hundred = ctsql::schema<"CREATE TABLE wide (c0 INTEGER NOT NULL, c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, c3 INTEGER NOT NULL, c4 INTEGER NOT NULL, c5 INTEGER NOT NULL, c6 INTEGER NOT NULL, c7 INTEGER NOT NULL, c8 INTEGER NOT NULL, c9 INTEGER NOT NULL, c10 INTEGER NOT NULL, c11 INTEGER NOT NULL, c12 INTEGER NOT NULL, c13 INTEGER NOT NULL, c14 INTEGER NOT NULL, c15 INTEGER NOT NULL, c16 INTEGER NOT NULL, c17 INTEGER NOT NULL, c18 INTEGER NOT NULL, c19 INTEGER NOT NULL, c20 INTEGER NOT NULL, c21 INTEGER NOT NULL, c22 INTEGER NOT NULL, c23 INTEGER NOT NULL, c24 INTEGER NOT NULL, c25 INTEGER NOT NULL, c26 INTEGER NOT NULL, c27 INTEGER NOT NULL, c28 INTEGER NOT NULL, c29 INTEGER NOT NULL, c30 INTEGER NOT NULL, c31 INTEGER NOT NULL, c32 INTEGER NOT NULL, c33 INTEGER NOT NULL, c34 INTEGER NOT NULL, c35 INTEGER NOT NULL, c36 INTEGER NOT NULL, c37 INTEGER NOT NULL, c38 INTEGER NOT NULL, c39 INTEGER NOT NULL, c40 INTEGER NOT NULL, c41 INTEGER NOT NULL, c42 INTEGER NOT NULL, c43 INTEGER NOT NULL, c44 INTEGER NOT NULL, c45 INTEGER NOT NULL, c46 INTEGER NOT NULL, c47 INTEGER NOT NULL, c48 INTEGER NOT NULL, c49 INTEGER NOT NULL, c50 INTEGER NOT NULL, c51 INTEGER NOT NULL, c52 INTEGER NOT NULL, c53 INTEGER NOT NULL, c54 INTEGER NOT NULL, c55 INTEGER NOT NULL, c56 INTEGER NOT NULL, c57 INTEGER NOT NULL, c58 INTEGER NOT NULL, c59 INTEGER NOT NULL, c60 INTEGER NOT NULL, c61 INTEGER NOT NULL, c62 INTEGER NOT NULL, c63 INTEGER NOT NULL, c64 INTEGER NOT NULL, c65 INTEGER NOT NULL, c66 INTEGER NOT NULL, c67 INTEGER NOT NULL, c68 INTEGER NOT NULL, c69 INTEGER NOT NULL, c70 INTEGER NOT NULL, c71 INTEGER NOT NULL, c72 INTEGER NOT NULL, c73 INTEGER NOT NULL, c74 INTEGER NOT NULL, c75 INTEGER NOT NULL, c76 INTEGER NOT NULL, c77 INTEGER NOT NULL, c78 INTEGER NOT NULL, c79 INTEGER NOT NULL, c80 INTEGER NOT NULL, c81 INTEGER NOT NULL, c82 INTEGER NOT NULL, c83 INTEGER NOT NULL, c84 INTEGER NOT NULL, c85 INTEGER NOT NULL, c86 INTEGER NOT NULL, c87 INTEGER NOT NULL, c88 INTEGER NOT NULL, c89 INTEGER NOT NULL, c90 INTEGER NOT NULL, c91 INTEGER NOT NULL, c92 INTEGER NOT NULL, c93 INTEGER NOT NULL, c94 INTEGER NOT NULL, c95 INTEGER NOT NULL, c96 INTEGER NOT NULL, c97 INTEGER NOT NULL, c98 INTEGER NOT NULL, c99 INTEGER NOT NULL)">;
inline constexpr auto AllHundred = ctsql::query<"-- name: AllHundred :many\nSELECT * FROM wide", hundred>;
static_assert(std::remove_cvref_t<decltype(AllHundred)>::analysed<dialect::sqlite>.columns.size() == 100);

// --- nesting: the analysis reads expressions and subqueries by recursion and stops at
// max_nesting levels, both at compile time (tests/compile_fail/nested_too_deep.cpp) and at run
// time, where 10000 levels would exhaust the stack.
inline constexpr auto users = ctsql::schema<"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)">;
// The select list and its item are two levels: 97 parentheses around the item fit.
inline constexpr auto Nested = ctsql::query<"-- name: Nested :one\nSELECT (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((id))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))) AS x FROM users", users>;
static_assert(std::remove_cvref_t<decltype(Nested)>::analysed<dialect::sqlite>.ok());

TEST_CASE("limits: 10000 levels of parentheses against a schema at run time") {
    const std::string deep = "-- name: Deep :one\nSELECT " + std::string(10'000, '(') + "id" + std::string(10'000, ')') + " AS x FROM users";
    CHECK(test::analyse_at_run_time(dialect::sqlite, users.text(), deep).problem ==
          "Deep: expressions and subqueries nest more than 100 levels deep at '('");

    std::string subqueries = "SELECT id FROM users";
    for (int level = 0; level < 200; ++level) subqueries = "SELECT (" + subqueries + ") AS id";
    CHECK(test::analyse_at_run_time(dialect::postgresql, users.text(), "-- name: Sub :one\n" + subqueries).problem ==
          "Sub: expressions and subqueries nest more than 100 levels deep at '('");
}

}  // namespace
