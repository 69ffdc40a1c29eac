// The checks of a call, by their messages: what the compiler prints for each rejection. The
// compile_fail tests prove the messages reach the compiler's output; these cover the variants.
#include <ctsql/checks.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using ctsql::check_call;
using ctsql::detail::no_row;

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
};
struct Renamed {
    std::int64_t id;
    std::string full_name;
    std::string email;
};
struct Shuffled {
    std::string email;
    std::int64_t id;
    std::string name;
};
struct Params {
    std::string name;
    std::optional<std::string> email;
    int unused;
};
struct Opaque {
    int x;
};
struct Holder {
    std::int64_t id;
    Opaque what;
};

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1">;
inline constexpr auto CountUsers = ctsql::query<"-- name: CountUsers :one\nSELECT count(*) FROM users">;
inline constexpr auto AllUsers = ctsql::query<"-- name: AllUsers :many\nSELECT * FROM users">;
inline constexpr auto Twice = ctsql::query<"-- name: Twice :many\nSELECT id, name, email, u.id FROM users u">;
inline constexpr auto Rename = ctsql::query<"-- name: Rename :exec\nUPDATE users SET name = @name, email = @email WHERE name = @name">;
inline constexpr auto Delete = ctsql::query<"-- name: Delete :exec\nDELETE FROM users WHERE id = $1">;
inline constexpr auto GetHolder = ctsql::query<"-- name: GetHolder :one\nSELECT id, what FROM h">;

template <class Query, class Row, class... Args>
constexpr ctsql::message reason = check_call<Query, ctsql::dialect::sqlite, Row, Args...>();

template <auto& Query>
using type_of = std::remove_cvref_t<decltype(Query)>;

// Right calls pass.
static_assert(reason<type_of<GetUser>, User, int>.empty());
static_assert(reason<type_of<GetUser>, Shuffled, std::int64_t>.empty());  // matched by name, not position
static_assert(reason<type_of<CountUsers>, std::int64_t>.empty());
static_assert(reason<type_of<CountUsers>, std::optional<int>>.empty());
static_assert(reason<type_of<Rename>, no_row, Params>.empty());  // named parameters from fields
static_assert(reason<type_of<Rename>, no_row, const char*, std::nullopt_t>.empty());
static_assert(reason<type_of<Delete>, no_row, std::optional<long>>.empty());

// Row struct against result columns.
static_assert(reason<type_of<GetUser>, Renamed, int>.view() == "GetUser: result column 'name' has no field in the row struct");
static_assert(reason<type_of<CountUsers>, User>.view() ==
              "CountUsers: result column 'count(*)' has no name: give it one with AS <field>");
static_assert(reason<type_of<AllUsers>, User>.view() ==
              "AllUsers: result column '*' cannot be matched to the row type without a schema: list the columns");
static_assert(reason<type_of<AllUsers>, std::int64_t>.view() ==
              "AllUsers: result column '*' cannot be matched to the row type without a schema: list the columns");
static_assert(reason<type_of<Twice>, User>.view() == "Twice: result column 'id' appears twice");
static_assert(reason<type_of<GetHolder>, Holder>.view() ==
              "GetHolder: field 'what' has a type ctsql cannot read (use bool, integers, floating point, std::string, "
              "ctsql::blob, std::chrono::sys_time, ctsql::uuid, an enum class, a std::vector of one, or std::optional of one)");

// Scalar rows, no rows.
static_assert(reason<type_of<GetUser>, std::int64_t, int>.view() ==
              "GetUser: the row type is a single value, but the result column 'id' is not the only one: use a struct");
static_assert(reason<type_of<GetUser>, no_row, int>.view() ==
              "GetUser: name the row type, db.execute<Row>(...), for the result column 'id' (inferring it needs a schema)");
static_assert(reason<type_of<Delete>, User, int>.view() ==
              "Delete: ':exec' query returns no rows, so it takes no row type (the call names one)");
static_assert(reason<type_of<GetUser>, Opaque *, int>.view() ==
              "GetUser: the row type for result column 'id' is neither a struct nor a type ctsql can read");

// Arguments against parameters.
static_assert(reason<type_of<GetUser>, User>.view() == "GetUser: no argument for parameter '$1' (1 expected, 0 given)");
static_assert(reason<type_of<GetUser>, User, int, int>.view() ==
              "GetUser: argument 2 has no parameter to bind to (1 expected, 2 given)");
static_assert(reason<type_of<GetUser>, User, Opaque>.view() ==
              "GetUser: argument 1 for parameter '$1' has a type ctsql cannot bind");
static_assert(reason<type_of<Rename>, no_row, User>.empty());  // extra fields are fine
static_assert(reason<type_of<Rename>, no_row, Renamed>.view() ==
              "Rename: parameter '@name' has no field in the argument struct");
static_assert(reason<type_of<Delete>, no_row, std::vector<std::vector<int>>>.view() ==  // arrays have one dimension
              "Delete: argument 1 for parameter '$1' has a type ctsql cannot bind");
static_assert(reason<type_of<Rename>, no_row, Holder>.view() ==
              "Rename: parameter '@name' has no field in the argument struct");

}  // namespace

TEST_CASE("the checks' verdicts are readable at run time too") {
    CHECK(ctsql::check_call<type_of<GetUser>, ctsql::dialect::sqlite, User, int>().empty());
    CHECK(ctsql::check_call<type_of<GetUser>, ctsql::dialect::sqlite, Renamed, int>().view().starts_with("GetUser:"));
}
