// The parser at its limits (docs/testing.md#limits): very long queries, parameters up to $65535,
// parentheses nested thousands deep. Each works, or is a clear error, at compile time and at run
// time; read at run time into capacities fixed in advance, as ctsql-check reads queries.
#include <ctsql/diagnostics.hpp>
#include <ctsql/fixed_string.hpp>
#include <ctsql/lexer.hpp>
#include <ctsql/parser.hpp>
#include <ctsql/query.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace {

using namespace ctsql;

template <fixed_string Text>
constexpr auto parsed = parse<measure(Text.view())>(Text.view());

// Literals of many kilobytes, made by the preprocessor: no constexpr work to build them.
#define CTSQL_TEN_TIMES(s) s s s s s s s s s s
#define CTSQL_THOUSAND_TIMES(s) CTSQL_TEN_TIMES(CTSQL_TEN_TIMES(CTSQL_TEN_TIMES(s)))

// --- very long queries: 20 kB in one string literal compile with both compilers' default
// constexpr limits; 100 kB of SQL compile with raised limits (tests/compile_time/long_query.sh)
// and are read at run time.
inline constexpr char twenty_kb[] = "-- name: Long :one\nSELECT '" CTSQL_THOUSAND_TIMES("01234567890123456789") "' AS text";
static_assert(sizeof(twenty_kb) > 20'000);
static_assert(parsed<twenty_kb>.ok() && parsed<twenty_kb>.columns.size() == 1);
static_assert(parsed<twenty_kb>.columns[0].name == "text");

// A thousand ? in a multi-row INSERT: numbering them, and respelling them for SQLite, each take
// one step per parameter (counting those before each one ran past clang's limit at about 700).
inline constexpr char thousand_rows[] = "-- name: ManyRows :exec\nINSERT INTO t (a) VALUES (?)" CTSQL_THOUSAND_TIMES(", (?)");
inline constexpr auto ManyRows = query<thousand_rows>;
static_assert(ManyRows.parameter_count() == 1001 && ManyRows.parameters()[1000].number == 1001);
// A query is parsed in the capacities most queries fit, and parsed again in the capacities it
// measured when it needs more, as this one does.
static_assert(sizeof(ManyRows.info().parameters.items) / sizeof(parameter) == 1024 && ManyRows.info().parameters.limit == 1001);
inline constexpr auto OneParameter = query<"-- name: OneParameter :one\nSELECT a FROM t WHERE b = $1">;
static_assert(sizeof(OneParameter.info().parameters.items) / sizeof(parameter) == detail::default_room.parameters);
static_assert(ManyRows.sql<dialect::sqlite>().ends_with(", (?)"));


// Room for text read at run time, the lists fixed in advance (see ctsql-check).
inline constexpr statement_shape room{.columns = 16'384, .parameters = 16, .tables = 16'384, .depth = 16, .stars = 4, .tokens = 65'536};

// Text parsed at run time straight onto the heap: statements of these capacities take megabytes,
// too many for a temporary on the stack besides the parser's own.
template <statement_shape Room>
std::unique_ptr<statement<Room>> read(std::string_view text) {
    return std::unique_ptr<statement<Room>>{new statement<Room>(parse<Room>(text))};
}

TEST_CASE("limits: a 100 kB query is read at run time, or refused as too large") {
    const std::string text = std::string{"-- name: Long :one\nSELECT '"} + std::string(100'000, 'x') + "' AS text";
    const auto s = read<room>(text);
    CHECK(s->ok());
    CHECK(s->columns[0].expression.size() == 100'002);

    std::string hundred_kb_of_columns = "-- name: Wide :many\nSELECT users.id";
    for (int column = 1; column < 10'001; ++column) hundred_kb_of_columns += ", users.id";
    hundred_kb_of_columns += " FROM users";
    CHECK(hundred_kb_of_columns.size() > 100'000);
    const auto wide = read<room>(hundred_kb_of_columns);
    REQUIRE(wide->ok());
    CHECK(wide->columns.size() == 10'001);

    constexpr statement_shape small_room{.columns = 1'024, .parameters = 16, .tables = 16'384, .depth = 16, .stars = 4, .tokens = 65'536};
    const auto refused = read<small_room>(hundred_kb_of_columns);
    CHECK(refused->error.code == problem::too_large);
    CHECK(describe(*refused).view() ==
          "query: too large to read here: it may need 10001 result columns, and there is room for 1024");
}

// --- parameters: $1 to $65535, as PostgreSQL and MySQL count them in 16 bits; $65536 is refused
// by the lexer (tests/compile_fail/parameter_out_of_range.cpp at compile time).
constexpr token lex_one(std::string_view text) { return lexer{text}.next(); }
static_assert(lex_one("$65535").kind == token_kind::parameter && lex_one("$65535").number == 65'535);
static_assert(lex_one("?65535").number == 65'535);
static_assert(lex_one("$65536").error == lex_error::malformed_parameter);
static_assert(lex_one("$99999999999999999999999").error == lex_error::malformed_parameter);  // no overflow

std::string sum_of_parameters(std::size_t count) {
    std::string text = "-- name: Sum :one\nSELECT $1";
    for (std::size_t n = 2; n <= count; ++n) text += " + $" + std::to_string(n);
    return text + " AS total";
}

TEST_CASE("limits: 65535 numbered parameters in one query") {
    constexpr statement_shape wide{.columns = 1, .parameters = 65'535, .tables = 1, .depth = 1, .stars = 0, .tokens = 140'000};
    const std::string text = sum_of_parameters(65'535);
    const auto s = read<wide>(text);
    REQUIRE(s->ok());
    CHECK(s->parameters.size() == 65'535);
    CHECK(s->parameters[65'534].number == 65'535);

    const std::string one_more = sum_of_parameters(65'536);  // the statement points into its text
    const auto refused = read<wide>(one_more);
    CHECK(refused->error.lexical == lex_error::malformed_parameter);
    CHECK(refused->error.subject.starts_with("$65536"));
}

// --- nesting: the parser reads parentheses with counters, not by recursion, so it takes any
// depth; the analysis against a schema stops at max_nesting (tests/schema/limits.cpp).
inline constexpr char nested_150[] =
    "-- name: Deep :one\nSELECT " CTSQL_TEN_TIMES("(((((((((((((((") "1" CTSQL_TEN_TIMES(")))))))))))))))") " AS x";
static_assert(parsed<nested_150>.ok() && parsed<nested_150>.columns[0].name == "x");

TEST_CASE("limits: 10000 levels of parentheses at run time") {
    constexpr statement_shape deep{.columns = 4, .parameters = 4, .tables = 4, .depth = 16'384, .stars = 0, .tokens = 32'768};
    const std::string text =
        "-- name: Deep :one\nSELECT " + std::string(10'000, '(') + "$1" + std::string(10'000, ')') + " AS x";
    const auto s = read<deep>(text);
    REQUIRE(s->ok());
    CHECK(s->columns[0].name == "x");
    CHECK(s->parameters.size() == 1);

    constexpr statement_shape shallow{.columns = 4, .parameters = 4, .tables = 4, .depth = 1'024, .stars = 0, .tokens = 32'768};
    const auto refused = read<shallow>(text);
    CHECK(describe(*refused).view() ==
          "query: too large to read here: it may need 10001 levels of parentheses, and there is room for 1024");
}

#undef CTSQL_THOUSAND_TIMES
#undef CTSQL_TEN_TIMES

}  // namespace
