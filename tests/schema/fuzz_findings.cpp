// What the fuzz targets (fuzz/) found in the catalog and the analysis, kept as regressions. Each
// input is checked where a program meets it, at compile time, and at run time as ctsql-check and
// the fuzzers read it (tests/support/run_time_analysis.hpp): the two verdicts must agree.
#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include "support/run_time_analysis.hpp"

namespace {

using ctsql::dialect;

// The diagnostic of Query against Ddl at compile time, empty when the analysis accepts it.
template <auto& Ddl, auto& Query, dialect D>
constexpr ctsql::message at_compile_time() {
    using query = std::remove_cvref_t<decltype(ctsql::query<Query, ctsql::schema<Ddl>>)>;
    return ctsql::describe(query::template analysed<D>, query::label(), D);
}

template <auto& Ddl, auto& Query, dialect D = dialect::postgresql>
test::run_time_verdict verdict() {
    static constexpr ctsql::message compile_time = at_compile_time<Ddl, Query, D>();
    test::run_time_verdict run_time = test::analyse_at_run_time(D, Ddl, Query);
    CHECK(run_time.problem == compile_time.view());
    return run_time;
}

// Lists that outgrew the bounds measured for them: compile errors ("fixed_vector capacity
// exceeded") in these everyday queries, and at run time a thrown message.
inline constexpr char two_tables[] = "CREATE TABLE t (a INT, b INT, c INT); CREATE TABLE u (a INT, d INT, e INT)";
inline constexpr char insert_select[] = "-- name: CopyRows :exec\nINSERT INTO t SELECT a, a, a FROM u";
inline constexpr char star_join[] = "-- name: Joined :many\nSELECT * FROM t JOIN u ON t.a = u.a";
inline constexpr char subquery_join[] =
    "-- name: Pairs :many\nSELECT x.b, y.d FROM (SELECT b FROM t) x JOIN (SELECT d FROM u) y ON true";
inline constexpr char names_without_commas[] = "-- name: Odd :exec\nINSERT INTO t (a a a a a a a a) VALUES (1)";

// Each subquery in FROM was analysed again when the FROM clause around it was read, its columns
// stored anew each time, and the subquery's columns taken from the last one analysed.
inline constexpr char nested_subqueries[] =
    "-- name: Nested :many\nSELECT a FROM (SELECT a FROM (SELECT a FROM (SELECT a FROM (SELECT a FROM (SELECT a FROM "
    "(SELECT a FROM (SELECT a FROM t) s0) s1) s2) s3) s4) s5) s6";
inline constexpr char where_subquery[] =
    "-- name: Filtered :many\nSELECT x.b FROM (SELECT a, b FROM t WHERE a IN (SELECT d FROM (SELECT d FROM u) z)) x";

TEST_CASE("fuzz findings: INSERT ... SELECT, * over a join, subqueries in FROM") {
    CHECK(verdict<two_tables, insert_select>().problem.empty());
    const test::run_time_verdict joined = verdict<two_tables, star_join>();
    CHECK(joined.problem.empty());
    CHECK(joined.columns == 6);
    CHECK(verdict<two_tables, subquery_join>().problem.empty());
    CHECK(verdict<two_tables, names_without_commas>().problem.empty());  // was a write past a list's end
    CHECK(verdict<two_tables, nested_subqueries>().problem.empty());
    CHECK(verdict<two_tables, where_subquery>().problem.empty());  // was: unknown column 'b' in 'x'
}

// Views: each was analysed again wherever it was read, its columns stored anew each time; a view
// that read itself recursed without end.
inline constexpr char view_chain[] = R"sql(
CREATE TABLE t (a INT, b INT, c INT);
CREATE VIEW v1 AS SELECT a, b, c FROM t;
CREATE VIEW v2 AS SELECT * FROM v1;
CREATE VIEW v3 AS SELECT * FROM v2)sql";
inline constexpr char read_often[] =
    "-- name: Often :many\nSELECT v3.a, w.b, x.c FROM v3 JOIN v3 AS w ON true JOIN v3 AS x ON true JOIN v1 ON true";
inline constexpr char self_view[] = "CREATE TABLE t (a INT); CREATE OR REPLACE VIEW v AS SELECT a FROM v";
inline constexpr char read_self[] = "-- name: Loop :many\nSELECT a FROM v";

TEST_CASE("fuzz findings: views read several times, and a view that reads itself") {
    const test::run_time_verdict often = verdict<view_chain, read_often>();
    CHECK(often.problem.empty());
    CHECK(often.columns == 3);
    CHECK(verdict<self_view, read_self>().problem == "Loop: view 'v' reads itself");
}

// ENUM without labels is a type name like any other, not an enum of the catalog that is not
// there; a cast to ENUM('a') makes none either.
inline constexpr char bare_enum[] = "CREATE TABLE t (a INT, mood enum)";
inline constexpr char cast_to_enum[] = "-- name: Cast :one\nSELECT CAST(mood AS ENUM('x', 'y')) AS m FROM t WHERE a = $1";

TEST_CASE("fuzz findings: ENUM without labels, and a cast to ENUM(...)") {
    CHECK(verdict<bare_enum, cast_to_enum>().problem.empty());
    CHECK(verdict<bare_enum, cast_to_enum, dialect::mysql>().problem.empty());
    const auto c = ctsql::read_catalog_bounded<test::schema_room>(bare_enum);
    REQUIRE(c.ok());
    CHECK(c.columns[1].type.name != ctsql::type_name::enumeration);
}
static_assert(ctsql::schema<bare_enum>.catalog().columns[1].type.name != ctsql::type_name::enumeration);

// A * over a subquery gives the columns the subquery gave, which its own *s may have multiplied:
// past the room the query's shape makes, that is an error, not an overflow.
inline constexpr char one_table[] = "CREATE TABLE t (a INT, b INT, c INT)";
inline constexpr char stars_of_stars[] =
    "-- name: Wide :many\nSELECT *, *, *, * FROM (SELECT *, *, *, * FROM (SELECT *, *, *, * FROM (SELECT *, *, *, * "
    "FROM (SELECT *, *, *, * FROM (SELECT * FROM t) s0) s1) s2) s3) s4";

TEST_CASE("fuzz findings: a * that multiplies columns past the room measured for them") {
    CHECK(verdict<one_table, stars_of_stars>().problem ==
          "Wide: '*' over 's4' gives more columns than the query has room for (its own '*'s multiplied them): list "
          "the columns");
}

// measure_catalog() counted a table's columns from its last ';', but the reader also skipped
// past a ';' inside parentheses (u c(;)), and began a new statement at one (e as(;CREATE ...)).
template <ctsql::catalog_shape Room>
std::size_t widest_read(const ctsql::catalog<Room>& c) {
    std::size_t widest = 0;
    for (std::size_t t = 0; t < c.tables.size(); ++t) {
        std::size_t width = 0;
        for (const ctsql::column_definition& column : c.columns) width += column.table == t ? 1 : 0;
        if (width > widest) widest = width;
    }
    return widest;
}

TEST_CASE("fuzz findings: a semicolon inside parentheses of DDL") {
    for (const std::string_view ddl : {"CREATE TABLE p(Y,u\nc(;),P", "CREATE TABLE e as(;CREATE TABLE s(S,T",
                                       "CREATE TABLE p(Y,u c(;;),P, Q)", "CREATE TABLE t (a, b, CHECK (x;; y), c, d)"}) {
        CAPTURE(ddl);
        const auto c = std::make_unique<ctsql::catalog<test::schema_room>>(
            ctsql::read_catalog_bounded<test::schema_room>(ddl));
        CHECK(widest_read(*c) <= ctsql::detail::measure_catalog(ddl).widest_table);
    }
}
static_assert(ctsql::detail::measure_catalog("CREATE TABLE e as(;CREATE TABLE s(S,T").widest_table >= 2);

// A table made AS a query is typed like a view, and its query's tokens kept as a view's are; but
// measure_catalog() kept room for them only in a statement with VIEW or SELECT in it, and a table
// may be made AS VALUES, AS TABLE or AS anything the reader takes for a query.
inline constexpr char table_as_values[] = "CREATE TABLE t AS VALUES (1, 2)";
static_assert(ctsql::schema<table_as_values>.catalog().tables[0].view);

TEST_CASE("fuzz findings: CREATE TABLE ... AS without a SELECT") {
    for (const std::string_view ddl : {std::string_view{table_as_values}, std::string_view{"CREATE TABLE u AS TABLE t; CREATE TABLE v as (x)"}}) {
        CAPTURE(ddl);
        const std::unique_ptr<ctsql::catalog<test::schema_room>> c{
            new ctsql::catalog<test::schema_room>(ctsql::read_catalog_bounded<test::schema_room>(ddl))};
        REQUIRE(c->ok());
        CHECK(c->view_tokens.size() <= ctsql::detail::measure_catalog(ddl).view_tokens);
    }
}

}  // namespace
