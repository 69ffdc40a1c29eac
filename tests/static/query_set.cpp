// Query sets: a file of tagged queries, split and checked at compile time.
#include <ctsql/query_set.hpp>

#include <doctest/doctest.h>

#include <type_traits>

namespace {

inline constexpr char users_sql[] = R"sql(
-- Queries of the users table.

-- name: GetUser :one
SELECT id, name FROM users WHERE id = $1;

/* name: ListUsers :many */
SELECT id, name FROM users
-- a comment that is no tag, and a string that only looks like one:
WHERE name <> '-- name: Fake :one'
ORDER BY id LIMIT $1 OFFSET $2;

-- name: DeleteUser :exec
DELETE FROM users WHERE id = $1;
)sql";

inline constexpr auto users = ctsql::query_set<users_sql>;
inline constexpr auto GetUser = users.get<"GetUser">();
inline constexpr auto ListUsers = users.get<"ListUsers">();

static_assert(users.size() == 3);
static_assert(users.names()[0] == "GetUser" && users.names()[1] == "ListUsers" && users.names()[2] == "DeleteUser");
static_assert(GetUser.name() == "GetUser" && GetUser.kind() == ctsql::query_kind::one);
static_assert(ListUsers.parameter_count() == 2 && ListUsers.column_count() == 2);
static_assert(users.get<"DeleteUser">().kind() == ctsql::query_kind::exec);
// A block runs from its tag to the next tag.
static_assert(GetUser.text() == "-- name: GetUser :one\nSELECT id, name FROM users WHERE id = $1;");
// get<> gives the very type ctsql::query gives for the same text.
static_assert(std::is_same_v<std::remove_cv_t<decltype(GetUser)>,
                             std::remove_cv_t<decltype(ctsql::query<"-- name: GetUser :one\nSELECT id, name FROM users WHERE id = $1;">)>>);

inline constexpr auto with_schema = ctsql::query_set<users_sql, ctsql::schema<"CREATE TABLE users (id INTEGER)">>;
static_assert(with_schema.get<"GetUser">().schema.text() == "CREATE TABLE users (id INTEGER)");

}  // namespace

TEST_CASE("a query set's queries are inspectable at run time") {
    CHECK(users.size() == 3);
    CHECK(ListUsers.text().find("ORDER BY id") != std::string_view::npos);
}

namespace {
// A comment inside a query that happens to start with `name:` is no tag.
inline constexpr char commented_sql[] = R"sql(
-- name: GetName :one
SELECT id,
       name -- name: the user's display name
FROM users WHERE id = $1;
-- name: Other :exec
DELETE FROM users;
)sql";
static_assert(ctsql::query_set<commented_sql>.size() == 2);
static_assert(ctsql::query_set<commented_sql>.get<"GetName">().column_count() == 2);
}  // namespace
