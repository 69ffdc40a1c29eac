// Origins: the marker comments that tell diagnostics which file (and line) a text came from.
#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <string_view>
#include <type_traits>

namespace {

using ctsql::place_of;

// As ctsql_embed_sql writes it: the marker, then the file's first line at once.
inline constexpr char users_sql[] = R"ctsql(/* ctsql: file db/queries/users.sql:1 */-- Queries of the users table.

-- name: GetUser :one
SELECT id, name FROM users WHERE id = $1;

/* name: ListUsers :many */
SELECT id, name FROM users
ORDER BY id;
)ctsql";

// A place counts lines from its file's marker, and columns from the start of the line.
static_assert(place_of(users_sql, std::string_view{users_sql}.find("GetUser")).file == "db/queries/users.sql");
static_assert(place_of(users_sql, std::string_view{users_sql}.find("GetUser")).line == 3);
static_assert(place_of(users_sql, std::string_view{users_sql}.find("GetUser")).column == 10);
static_assert(place_of(users_sql, std::string_view{users_sql}.find("Queries")).column == 4);  // line 1: the marker is not counted
// Without a marker, lines count in the text itself.
static_assert(place_of("a\nbc", 3).file.empty() && place_of("a\nbc", 3).line == 2 && place_of("a\nbc", 3).column == 2);
// A migration marker names the migration, and lines count from it; a file marker after it adds the file.
inline constexpr std::string_view two = "/* ctsql: migration 1 users */X;\n/* ctsql: migration 2 add email *//* ctsql: file m/2.sql:1 */\nY";
static_assert(place_of(two, two.find('X')).migration_version == "1" && place_of(two, two.find('X')).migration_name == "users");
static_assert(place_of(two, two.find('X')).line == 1 && place_of(two, two.find('X')).file.empty());
static_assert(place_of(two, two.find('Y')).migration_name == "add email" && place_of(two, two.find('Y')).file == "m/2.sql");
static_assert(place_of(two, two.find('Y')).line == 2 && place_of(two, two.find('Y')).column == 1);
// Comments that are no markers, and markers inside strings, change nothing.
static_assert(place_of("/* ctsql: other */\n'/* ctsql: file x.sql:9 */' Z", 48).file.empty());
// A path may hold colons: the line follows the last one.
static_assert(place_of("/* ctsql: file C:/db/a.sql:7 */\nZ", 32).file == "C:/db/a.sql");
static_assert(place_of("/* ctsql: file C:/db/a.sql:7 */\nZ", 32).line == 8);

static_assert(ctsql::origin_of(users_sql).file == "db/queries/users.sql" && ctsql::origin_of(users_sql).line == 1);
static_assert(ctsql::origin_of("/* ctsql: file a.sql:7 */x").line == 7);
static_assert(ctsql::origin_of("-- name: GetUser :one\nSELECT 1").file.empty());
static_assert(ctsql::without_origin_marker(users_sql).starts_with("-- Queries of the users table.\n"));
static_assert(ctsql::without_origin_marker(" /* ctsql: file a.sql:1 */x") == " /* ctsql: file a.sql:1 */x");

// Problems of a set from a file name the file, and the line where there is one.
inline constexpr std::string_view twice = "/* ctsql: file q.sql:1 */-- name: A :exec\nDELETE FROM t;\n-- name: A :exec\nDELETE FROM t;";
static_assert(ctsql::detail::check_blocks(twice, ctsql::detail::split_blocks<2>(twice)).view() ==
              "q.sql:3: query set: two queries are named 'A'");
static_assert(ctsql::detail::set_origin(twice).view() == "q.sql: ");
static_assert(ctsql::detail::set_origin("-- name: A :exec\nDELETE FROM t;").empty());

// Queries from a file are labelled with the file and their tag's line; name() stays the name.
inline constexpr auto users = ctsql::query_set<users_sql>;
inline constexpr auto GetUser = users.get<"GetUser">();
inline constexpr auto ListUsers = users.get<"ListUsers">();
static_assert(GetUser.label() == "db/queries/users.sql:3: GetUser" && GetUser.name() == "GetUser");
static_assert(ListUsers.label() == "db/queries/users.sql:6: ListUsers");
// Each query keeps its origin as a marker in front of its text: get<> gives the type
// ctsql::query gives for that text.
static_assert(GetUser.text() == "/* ctsql: file db/queries/users.sql:3 */-- name: GetUser :one\nSELECT id, name FROM users WHERE id = $1;");
static_assert(std::is_same_v<std::remove_cv_t<decltype(GetUser)>,
                             std::remove_cv_t<decltype(ctsql::query<"/* ctsql: file db/queries/users.sql:3 */-- name: GetUser :one\n"
                                                                    "SELECT id, name FROM users WHERE id = $1;">)>>);
// A set whose text starts further down its file counts from there.
static_assert(ctsql::query_set<"/* ctsql: file q.sql:10 */\n-- name: A :exec\nDELETE FROM t;">.get<"A">().label() == "q.sql:11: A");
// A query of its own file; a query without a file is labelled by its name alone.
static_assert(ctsql::query<"/* ctsql: file q/get.sql:1 */\n\n-- name: GetOne :one\nSELECT 1 AS one">.label() == "q/get.sql:3: GetOne");
static_assert(ctsql::query<"-- name: GetOne :one\nSELECT 1 AS one">.label() == "GetOne");
// A query's marker is at the very start of its text, where ctsql writes it: one further on names
// no file, as a comment like any other.
static_assert(ctsql::query<"\n/* ctsql: file q/get.sql:1 */-- name: GetOne :one\nSELECT 1 AS one">.label() == "GetOne");

// The messages of checks use the label; the text sent to the database keeps the marker, a comment.
struct Named {
    std::int64_t id;
};
using get_user = std::remove_cv_t<decltype(GetUser)>;
static_assert(ctsql::check_call<get_user, ctsql::dialect::sqlite, Named, int>().view() ==
              "db/queries/users.sql:3: GetUser: result column 'name' has no field in the row struct");
static_assert(ctsql::check_call<get_user, ctsql::dialect::sqlite, ctsql::detail::no_row>().view() ==
              "db/queries/users.sql:3: GetUser: name the row type, db.execute<Row>(...), for the result column 'id' "
              "(inferring it needs a schema)");
static_assert(GetUser.sql<ctsql::dialect::sqlite>().starts_with("/* ctsql: file db/queries/users.sql:3 */-- name: GetUser"));

// With a schema, the analysis names the query by its label too.
inline constexpr auto schema = ctsql::schema<"CREATE TABLE users (id INTEGER PRIMARY KEY, title TEXT)">;
using checked_get_user = std::remove_cv_t<decltype(ctsql::query_set<users_sql, schema>.get<"GetUser">())>;
static_assert(ctsql::check_call<checked_get_user, ctsql::dialect::sqlite, Named, int>().view() ==
              "db/queries/users.sql:3: GetUser: unknown column 'name' in 'users'");

// A schema from a file: its problems are placed as a compiler places them.
inline constexpr char schema_sql[] = "/* ctsql: file db/schema.sql:1 */CREATE TABLE users (\n  id INTEGER,\n  name TEXT SOMETIMES\n);";
constexpr auto broken = ctsql::read_catalog<ctsql::detail::measure_catalog(schema_sql)>(schema_sql);
static_assert(describe(broken).view() == "db/schema.sql:3:13: schema: cannot read 'SOMETIMES' in 'CREATE TABLE users ('");

}  // namespace

TEST_CASE("an origin is found at run time as at compile time") {
    const std::string text = "/* ctsql: file a/b.sql:10 */x\n\n  y";
    const ctsql::text_place y = ctsql::place_of(text, text.find('y'));
    CHECK(y.file == "a/b.sql");
    CHECK(y.line == 12);
    CHECK(y.column == 3);
}
