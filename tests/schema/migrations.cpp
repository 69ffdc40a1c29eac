// schema_from: the schema a list of migrations produces, read from their `up` scripts in
// version order, the statements migrations are made of included.
#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace {

using ctsql::dialect;

template <auto& Query, dialect D, class Row, class... Args>
constexpr ctsql::message verdict = ctsql::check_call<std::remove_cvref_t<decltype(Query)>, D, Row, Args...>();

// Given out of order: they apply by version. Seed rows, indexes, a rebuilt table (SQLite's way
// to change a column), added, renamed and dropped columns, a replaced view.
inline constexpr ctsql::migration migrations[] = {
    {3, "rebuild_posts", R"sql(
        CREATE TABLE posts_new (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES users (id), title TEXT NOT NULL);
        INSERT INTO posts_new (id, author_id, title) SELECT id, user_id, title FROM posts;
        DROP TABLE posts;
        ALTER TABLE posts_new RENAME TO posts;
        CREATE INDEX posts_author ON posts (author_id);)sql",
     ""},
    {1, "users", R"sql(
        CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, nickname TEXT);
        CREATE UNIQUE INDEX users_name ON users (name);
        INSERT INTO users (name) VALUES ('root');
        CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, title TEXT NOT NULL))sql",  // no closing ;
     "DROP TABLE posts; DROP TABLE users;"},
    {2, "emails", R"sql(
        ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
        UPDATE users SET email = name || '@example.org';
        ALTER TABLE users RENAME COLUMN name TO full_name;
        ALTER TABLE users DROP COLUMN nickname;
        DELETE FROM users WHERE email = '';
        CREATE VIEW user_emails AS SELECT id, email FROM users;
        -- a comment at the end, without a line break)sql",
     "ALTER TABLE users ADD COLUMN nickname TEXT; ALTER TABLE users RENAME COLUMN full_name TO name; "
     "ALTER TABLE users DROP COLUMN email; DROP VIEW user_emails;"},
    {4, "names_in_view", "DROP INDEX users_name; CREATE OR REPLACE VIEW user_emails AS SELECT id, full_name, email FROM users;",
     "CREATE OR REPLACE VIEW user_emails AS SELECT id, email FROM users;"},
};
inline constexpr auto schema = ctsql::schema_from<migrations>;
static_assert(ctsql::is_schema_v<std::remove_cv_t<decltype(schema)>>);

struct User {
    std::int64_t id;
    std::string full_name;
    std::string email;
};

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, full_name, email FROM users WHERE id = $1", schema>;
static_assert(verdict<GetUser, dialect::sqlite, User, std::int64_t>.empty());
static_assert(verdict<GetUser, dialect::postgresql, User, std::int32_t>.empty());

// Renamed and dropped columns are gone; the rebuilt table has its new columns.
inline constexpr auto OldName = ctsql::query<"-- name: OldName :one\nSELECT name FROM users WHERE id = $1", schema>;
static_assert(verdict<OldName, dialect::sqlite, std::string, std::int64_t>.view() == "OldName: unknown column 'name' in 'users'");
inline constexpr auto Nickname = ctsql::query<"-- name: Nickname :one\nSELECT nickname FROM users", schema>;
static_assert(verdict<Nickname, dialect::sqlite, std::optional<std::string>>.view() ==
              "Nickname: unknown column 'nickname' in 'users'");
inline constexpr auto Authors = ctsql::query<"-- name: Authors :many\nSELECT author_id FROM posts", schema>;
static_assert(verdict<Authors, dialect::sqlite, std::int64_t>.empty());
inline constexpr auto OldAuthors = ctsql::query<"-- name: OldAuthors :many\nSELECT user_id FROM posts", schema>;
static_assert(verdict<OldAuthors, dialect::sqlite, std::optional<std::int64_t>>.view() ==
              "OldAuthors: unknown column 'user_id' in 'posts'");
// The view as migration 4 replaced it.
inline constexpr auto Emails = ctsql::query<"-- name: Emails :many\nSELECT id, full_name, email FROM user_emails", schema>;
static_assert(verdict<Emails, dialect::sqlite, User>.empty());

// A std::array works as well as a C array; a list that holds one migration is one schema.
inline constexpr std::array<ctsql::migration, 1> one = {{{7, "t", "CREATE TABLE t (id BIGINT NOT NULL)", ""}}};
inline constexpr auto CountT = ctsql::query<"-- name: CountT :one\nSELECT id FROM t", ctsql::schema_from<one>>;
static_assert(verdict<CountT, dialect::postgresql, std::int64_t>.empty());

// What the catalog reads: the scripts in version order, each after a marker naming its migration.
static_assert(schema.text().starts_with("/* ctsql: migration 1 users */\n        CREATE TABLE users"));
static_assert(std::remove_cv_t<decltype(ctsql::schema_from<one>)>::text() == "/* ctsql: migration 7 t */CREATE TABLE t (id BIGINT NOT NULL)\n;\n");

// A name holding "*/" cannot end its marker early.
inline constexpr ctsql::migration odd_name[] = {{1, "a*/b", "CREATE TABLE t (id INTEGER)", ""}};
static_assert(ctsql::detail::migrations_ddl<odd_name>.view() == "/* ctsql: migration 1 a*b */CREATE TABLE t (id INTEGER)\n;\n");
static_assert(std::remove_cv_t<decltype(ctsql::schema_from<odd_name>)>::catalog().ok());

// A problem names the migration and the line in its script; an unknown statement stays an error.
template <ctsql::fixed_string Ddl>
constexpr auto read = ctsql::read_catalog<ctsql::detail::measure_catalog(Ddl.view())>(Ddl.view());
inline constexpr ctsql::migration misspelt[] = {
    {1, "users", "CREATE TABLE users (id INTEGER PRIMARY KEY)", ""},
    {2, "orders", "\nCREAT TABLE orders (id INTEGER)", ""},
};
static_assert(describe(read<ctsql::detail::migrations_ddl<misspelt>>).view() ==
              "migration 2 'orders': unknown statement 'CREAT TABLE orders (id INTEGER)' (line 2, column 1)");
inline constexpr ctsql::migration from_file[] = {
    {1, "users", "/* ctsql: file db/migrations/1_users.up.sql:1 */CREATE TABLE users (\n  id INTEGER,\n  id TEXT\n)", ""},
};
static_assert(describe(read<ctsql::detail::migrations_ddl<from_file>>).view() ==
              "db/migrations/1_users.up.sql:3:3: migration 1 'users': column 'id' is defined twice in 'CREATE TABLE users ('");

// The list's own problems, said the same way at compile time and by migrate at run time.
inline constexpr ctsql::migration twice[] = {{1, "a", "", ""}, {2, "b", "", ""}, {1, "c", "", ""}};
static_assert(ctsql::detail::check_migrations(twice).view() == "migrations: version 1 is given twice ('a' and 'c')");
inline constexpr ctsql::migration zero[] = {{0, "a", "", ""}};
static_assert(ctsql::detail::check_migrations(zero).view() == "migrations: version 0 of 'a' is not positive (versions count from 1)");
inline constexpr ctsql::migration lowest[] = {{INT64_MIN, "a", "", ""}};
static_assert(ctsql::detail::check_migrations(lowest).view() ==
              "migrations: version -9223372036854775808 of 'a' is not positive (versions count from 1)");

}  // namespace

TEST_CASE("a schema from migrations is readable at run time") {
    CHECK(schema.text().find("/* ctsql: migration 4 names_in_view */") != std::string_view::npos);
    CHECK(GetUser.name() == "GetUser");
}
