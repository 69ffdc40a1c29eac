// Queries checked against a schema: result and parameter types per dialect, nullability, and
// every rejection's message.
#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace {

using ctsql::dialect;
using ctsql::type_family;
using ctsql::detail::no_row;

inline constexpr auto schema = ctsql::schema<R"sql(
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) UNIQUE NOT NULL,
    is_active BOOLEAN DEFAULT TRUE,
    score REAL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE posts (
    id BIGSERIAL PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    title VARCHAR(255) NOT NULL,
    body TEXT,
    published BOOLEAN NOT NULL DEFAULT FALSE
);
)sql">;

template <auto& Query, dialect D, class Row, class... Args>
constexpr ctsql::message verdict = ctsql::check_call<std::remove_cvref_t<decltype(Query)>, D, Row, Args...>();

template <auto& Query, dialect D>
constexpr const auto& typed = std::remove_cvref_t<decltype(Query)>::template analysed<D>;

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
    std::optional<bool> is_active;
    std::optional<double> score;
    std::optional<std::chrono::sys_seconds> created_at;
};
struct UserWithPlainActive {
    std::int64_t id;
    std::string name;
    std::string email;
    bool is_active;
    std::optional<double> score;
    std::optional<std::chrono::sys_seconds> created_at;
};
struct UserWithNarrowId {
    std::int16_t id;
    std::string name;
    std::string email;
    std::optional<bool> is_active;
    std::optional<double> score;
    std::optional<std::chrono::sys_seconds> created_at;
};
struct Authored {
    std::int64_t id;
    std::string title;
    std::optional<std::string> author;
};

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT * FROM users WHERE id = $1", schema>;
inline constexpr auto ListPosts = ctsql::query<R"sql(-- name: ListPosts :many
SELECT p.id, p.title, u.name AS author FROM posts p LEFT JOIN users u ON u.id = p.user_id
WHERE p.published = $1 AND u.email LIKE $2 ORDER BY p.id DESC LIMIT $3)sql", schema>;
inline constexpr auto Rename = ctsql::query<R"sql(-- name: Rename :exec
UPDATE users SET name = COALESCE(sqlc.narg(name), name), score = @score WHERE id = @id)sql", schema>;
inline constexpr auto AddPost = ctsql::query<R"sql(-- name: AddPost :one
INSERT INTO posts (user_id, title, body) VALUES ($1, $2, $3) RETURNING id, published)sql", schema>;
inline constexpr auto Stats = ctsql::query<R"sql(-- name: Stats :one
SELECT count(*) AS posts, max(p.id) AS last, sum(u.id) AS total, avg(u.score) AS mean,
       coalesce(max(u.name), 'none') AS top, CASE WHEN count(*) > 0 THEN 'some' ELSE 'none' END AS label,
       EXISTS (SELECT 1 FROM users WHERE is_active) AS any_active, CAST(max(p.title) AS INTEGER) AS forced,
       lower(min(u.email)) AS first_email, (SELECT max(id) FROM users) AS top_user
FROM posts p JOIN users u ON u.id = p.user_id WHERE u.id IN ($1, $2) AND p.title <> ANY($3))sql", schema>;

// --- result types: one declared type, a width per dialect
static_assert(typed<GetUser, dialect::sqlite>.columns.size() == 6);  // * expanded from the schema
static_assert(typed<GetUser, dialect::sqlite>.column_types[0].type.bits == 64);      // INTEGER is 64-bit on SQLite
static_assert(typed<GetUser, dialect::postgresql>.column_types[0].type.bits == 32);  // SERIAL is int4
static_assert(!typed<GetUser, dialect::postgresql>.column_types[0].nullable);
static_assert(typed<GetUser, dialect::postgresql>.column_types[3].nullable);
static_assert(typed<GetUser, dialect::postgresql>.column_types[4].type.bits == 32);  // REAL is float4
static_assert(typed<GetUser, dialect::mysql>.column_types[4].type.bits == 64);       // and a double on MySQL
static_assert(typed<GetUser, dialect::postgresql>.parameters[0].type.bits == 32);

// --- outer joins make the other side nullable; parameters take their context's type
static_assert(typed<ListPosts, dialect::postgresql>.column_types[2].nullable);
static_assert(!typed<ListPosts, dialect::postgresql>.column_types[1].nullable);
static_assert(typed<ListPosts, dialect::postgresql>.parameters[0].type.family == type_family::boolean);
static_assert(typed<ListPosts, dialect::postgresql>.parameters[1].type.family == type_family::text);
static_assert(typed<ListPosts, dialect::postgresql>.parameters[2].type.bits == 64);  // LIMIT
static_assert(typed<ListPosts, dialect::postgresql>.parameters[1].target == "email");

// --- nullability of parameters: sqlc.narg, COALESCE's first arguments, nullable columns
static_assert(typed<Rename, dialect::sqlite>.parameters[0].nullable);   // narg(name) in COALESCE
static_assert(typed<Rename, dialect::sqlite>.parameters[1].nullable);   // score is nullable
static_assert(!typed<Rename, dialect::sqlite>.parameters[2].nullable);  // id = @id
static_assert(typed<AddPost, dialect::postgresql>.parameters[0].type.bits == 32);
static_assert(typed<AddPost, dialect::postgresql>.parameters[0].nullable);   // user_id may be NULL
static_assert(!typed<AddPost, dialect::postgresql>.parameters[1].nullable);  // title may not
static_assert(typed<AddPost, dialect::postgresql>.column_types[0].type.bits == 64);
static_assert(!typed<AddPost, dialect::postgresql>.column_types[1].nullable);

// A function's name in any case, quoted or not; IFNULL and NVL are COALESCE.
inline constexpr auto Spellings = ctsql::query<R"sql(-- name: Spellings :one
SELECT "lower"(name) AS a, Upper(email) AS b, IfNull(score, 0) AS c, NVL($1, score) AS d FROM users WHERE id = $2)sql", schema>;
inline constexpr auto& spellings = typed<Spellings, dialect::sqlite>;
static_assert(spellings.ok() && spellings.column_types[0].known && spellings.column_types[1].known);
static_assert(spellings.column_types[0].type.family == type_family::text && !spellings.column_types[0].nullable);
static_assert(spellings.column_types[1].type.family == type_family::text);
static_assert(spellings.column_types[2].type.family == type_family::real && !spellings.column_types[2].nullable);
static_assert(spellings.parameters[0].known && spellings.parameters[0].type.family == type_family::real);
static_assert(spellings.parameters[0].nullable);  // NVL's first argument may be NULL

// --- expressions
inline constexpr auto& stats = typed<Stats, dialect::postgresql>;
static_assert(stats.ok());
static_assert(stats.column_types[0].type.bits == 64 && !stats.column_types[0].nullable);          // count
static_assert(stats.column_types[1].type.bits == 64 && stats.column_types[1].nullable);           // max(bigserial)
static_assert(stats.column_types[2].type.bits == 64);                                             // sum(int4) is int8
static_assert(typed<Stats, dialect::mysql>.column_types[2].type.family == type_family::decimal);  // and decimal on MySQL
static_assert(stats.column_types[3].type.family == type_family::real && stats.column_types[3].nullable);
static_assert(stats.column_types[4].type.family == type_family::text && !stats.column_types[4].nullable);  // coalesce
static_assert(stats.column_types[5].type.family == type_family::text && !stats.column_types[5].nullable);  // case
static_assert(stats.column_types[6].type.family == type_family::boolean && !stats.column_types[6].nullable);
static_assert(stats.column_types[7].type.family == type_family::integer && stats.column_types[7].nullable);
static_assert(stats.column_types[8].type.family == type_family::text && stats.column_types[8].nullable);
static_assert(stats.column_types[9].nullable);  // a scalar subquery may find no row
static_assert(stats.parameters[0].type.bits == 32 && stats.parameters[1].type.bits == 32);  // IN (...)
static_assert(stats.parameters[2].type.array && stats.parameters[2].type.family == type_family::text);  // ANY($3)

// --- operators of two or three characters: each is one operator, its sides type each other, and
// what follows it is analysed
inline constexpr auto notes_schema = ctsql::schema<R"sql(
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, tags TEXT[], prefs JSONB);
)sql">;
inline constexpr auto FindNotes = ctsql::query<R"sql(-- name: FindNotes :many
SELECT id, prefs #>> '{theme}' AS theme, prefs #> '{colours}' AS colours FROM notes
WHERE tags @> $1 AND $2 <@ tags AND tags && $3 AND prefs @> $4 AND body ~* $5 AND body !~* $6
  AND to_tsvector(body) @@ plainto_tsquery('simple', body) AND id = $7)sql", notes_schema>;
constexpr auto& notes = typed<FindNotes, dialect::postgresql>;
constexpr bool is_text_array(const ctsql::sql_type& t) { return t.array && t.family == type_family::text; }
static_assert(is_text_array(notes.parameters[0].type) && is_text_array(notes.parameters[1].type) &&
              is_text_array(notes.parameters[2].type));
static_assert(notes.parameters[3].type.family == type_family::json);
static_assert(notes.parameters[4].type.family == type_family::text && notes.parameters[5].type.family == type_family::text);
static_assert(notes.parameters[6].type.family == type_family::integer && notes.parameters[6].type.bits == 32);
static_assert(notes.column_types[1].type.family == type_family::text && notes.column_types[1].nullable);
static_assert(notes.column_types[2].type.family == type_family::json && notes.column_types[2].nullable);
static_assert(verdict<FindNotes, dialect::postgresql, no_row, std::vector<int>, std::vector<std::string>,
                      std::vector<std::string>, std::string, std::string, std::string, int>.view() ==
              "FindNotes: argument 1 (array of 32-bit integer) does not fit parameter '$1' (array of text, column 'tags')");
// SQLite's == is its =.
inline constexpr auto NoteById = ctsql::query<"-- name: NoteById :one\nSELECT body FROM notes WHERE id == $1", notes_schema>;
static_assert(typed<NoteById, dialect::sqlite>.parameters[0].type.family == type_family::integer);
// MySQL's && and || are AND and OR, and <=> its comparison that takes NULL for a value.
inline constexpr auto ActiveOrNamed = ctsql::query<R"sql(-- name: ActiveOrNamed :many
SELECT id FROM users WHERE is_active = ? && id > ? || name = ? AND score <=> ?)sql", schema>;
constexpr auto& active_or_named = typed<ActiveOrNamed, dialect::mysql>;
static_assert(active_or_named.parameters[0].type.family == type_family::boolean);
static_assert(active_or_named.parameters[1].type.family == type_family::integer);
static_assert(active_or_named.parameters[2].type.family == type_family::text);
static_assert(active_or_named.parameters[3].type.family == type_family::real);
static_assert(!active_or_named.parameters[2].nullable && active_or_named.parameters[3].nullable);
static_assert(verdict<ActiveOrNamed, dialect::mysql, no_row, bool, int, std::string, std::optional<double>>.empty());
static_assert(verdict<ActiveOrNamed, dialect::mysql, no_row, bool, int, std::optional<std::string>, double>.view() ==
              "ActiveOrNamed: parameter '?' cannot be NULL, column 'name', but argument 3 may be");

// --- right calls pass
static_assert(verdict<GetUser, dialect::sqlite, User, std::int64_t>.empty());
static_assert(verdict<GetUser, dialect::postgresql, User, int>.empty());  // int4 widens into std::int64_t
static_assert(verdict<ListPosts, dialect::postgresql, Authored, bool, std::string, std::int64_t>.empty());
static_assert(verdict<Rename, dialect::sqlite, no_row, std::optional<std::string>, std::optional<float>, int>.empty());
static_assert(verdict<Rename, dialect::sqlite, no_row, std::nullopt_t, std::nullopt_t, int>.empty());
static_assert(verdict<AddPost, dialect::postgresql, Authored, std::optional<int>, const char*, std::nullopt_t>.view() ==
              "AddPost: result column 'published' has no field in the row struct");

// --- rejections
static_assert(verdict<GetUser, dialect::sqlite, UserWithPlainActive, std::int64_t>.view() ==
              "GetUser: result column 'is_active' may be NULL, so field 'is_active' must be a std::optional");
static_assert(verdict<GetUser, dialect::postgresql, UserWithNarrowId, int>.view() ==
              "GetUser: result column 'id' (32-bit integer) does not fit field 'id' (16-bit integer)");
static_assert(verdict<GetUser, dialect::sqlite, User, std::string>.view() ==
              "GetUser: argument 1 (text) does not fit parameter '$1' (64-bit integer, column 'id')");
static_assert(verdict<GetUser, dialect::postgresql, User, std::int64_t>.view() ==
              "GetUser: argument 1 (64-bit integer) does not fit parameter '$1' (32-bit integer, column 'id')");
static_assert(verdict<GetUser, dialect::sqlite, User, std::optional<int>>.view() ==
              "GetUser: parameter '$1' cannot be NULL, column 'id', but argument 1 may be");
static_assert(verdict<ListPosts, dialect::postgresql, Authored, bool, int, int>.view() ==
              "ListPosts: argument 2 (32-bit integer) does not fit parameter '$2' (text, column 'email')");
static_assert(verdict<Stats, dialect::postgresql, std::int64_t, int, int, std::string>.view() ==
              "Stats: the row type is a single value, but the result column 'count(*)' is not the only one: use a struct");

struct RenameArgs {
    std::optional<std::string> name;
    double score;
    int id;
};
static_assert(verdict<Rename, dialect::postgresql, no_row, RenameArgs>.view() ==
              "Rename: field 'score' (64-bit real) does not fit parameter '@score' (32-bit real, column 'score')");

inline constexpr auto Typo = ctsql::query<"-- name: Typo :many\nSELECT id, nmae FROM users", schema>;
static_assert(verdict<Typo, dialect::sqlite, no_row>.view() == "Typo: unknown column 'nmae' in 'users'");
inline constexpr auto NoTable = ctsql::query<"-- name: NoTable :many\nSELECT id FROM user_accounts", schema>;
static_assert(verdict<NoTable, dialect::sqlite, no_row>.view() == "NoTable: unknown table 'user_accounts'");
inline constexpr auto Qualified = ctsql::query<"-- name: Qualified :many\nSELECT u.id, x.title FROM users u", schema>;
static_assert(verdict<Qualified, dialect::sqlite, no_row>.view() == "Qualified: unknown table 'x'");
inline constexpr auto Ambiguous = ctsql::query<"-- name: Ambiguous :many\nSELECT id FROM users JOIN posts ON posts.user_id = users.id", schema>;
static_assert(verdict<Ambiguous, dialect::sqlite, no_row>.view() ==
              "Ambiguous: column 'id' is ambiguous: qualify it with its table");
inline constexpr auto InWhere = ctsql::query<"-- name: InWhere :exec\nDELETE FROM posts WHERE author = $1", schema>;
static_assert(verdict<InWhere, dialect::sqlite, no_row, int>.view() == "InWhere: unknown column 'author' in 'posts'");
inline constexpr auto InSet = ctsql::query<"-- name: InSet :exec\nUPDATE posts SET headline = $1", schema>;
static_assert(verdict<InSet, dialect::sqlite, no_row, int>.view() == "InSet: unknown column 'headline' in 'posts'");
inline constexpr auto InInsert = ctsql::query<"-- name: InInsert :exec\nINSERT INTO posts (titel) VALUES ($1)", schema>;
static_assert(verdict<InInsert, dialect::sqlite, no_row, int>.view() == "InInsert: unknown column 'titel' in 'posts'");
inline constexpr auto InReturning = ctsql::query<"-- name: InReturning :one\nDELETE FROM posts WHERE id = $1 RETURNING slug", schema>;
static_assert(verdict<InReturning, dialect::sqlite, std::string, int>.view() == "InReturning: unknown column 'slug' in 'posts'");
inline constexpr auto Count = ctsql::query<"-- name: Count :exec\nINSERT INTO posts (user_id, title) VALUES ($1)", schema>;
static_assert(verdict<Count, dialect::sqlite, no_row, int>.view() ==
              "Count: INSERT into 'posts' gives a different number of values than columns");
inline constexpr auto Unknown = ctsql::query<"-- name: Unknown :one\nSELECT frobnicate(name) AS f FROM users", schema>;
static_assert(verdict<Unknown, dialect::sqlite, std::string>.view() ==
              "Unknown: the type of result column 'frobnicate(name)' cannot be known: add a CAST, or read it into "
              "ctsql::unchecked<T>");
static_assert(verdict<Unknown, dialect::sqlite, no_row>.view() ==
              "Unknown: the type of result column 'frobnicate(name)' cannot be known: add a CAST, or name a row type "
              "with a ctsql::unchecked<T> field");
// The escape hatch: the caller vouches for the type, which is still checked when the value is read.
struct Frobnicated {
    ctsql::unchecked<std::optional<std::string>> f;
};
static_assert(verdict<Unknown, dialect::sqlite, Frobnicated>.empty());
static_assert(verdict<Unknown, dialect::sqlite, ctsql::unchecked<std::string>>.empty());
inline constexpr auto Casted = ctsql::query<"-- name: Casted :one\nSELECT CAST(frobnicate(name) AS TEXT) AS f FROM users", schema>;
static_assert(verdict<Casted, dialect::sqlite, std::optional<std::string>>.empty());
inline constexpr auto UpdateReturning = ctsql::query<"-- name: UpdateReturning :one\nUPDATE posts SET title = $2 WHERE id = $1 RETURNING id", schema>;
static_assert(verdict<UpdateReturning, dialect::mysql, std::int64_t, int, const char*>.view() ==
              "UpdateReturning: 'UPDATE ... RETURNING' is not supported on mysql");
static_assert(verdict<UpdateReturning, dialect::postgresql, std::int64_t, std::int64_t, const char*>.empty());

// --- subqueries in FROM, CTEs, views and UNION: their columns typed like tables'
inline constexpr auto views = ctsql::schema<R"sql(
CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT NOT NULL, email TEXT);
CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, title TEXT NOT NULL);
CREATE VIEW titles (post, headline) AS SELECT id, title FROM posts;
CREATE VIEW authors AS SELECT u.id, u.name, count(p.id) AS posts FROM users u LEFT JOIN posts p ON p.user_id = u.id GROUP BY u.id, u.name;
CREATE VIEW emails AS SELECT id, email FROM users;
ALTER VIEW emails RENAME COLUMN email TO address;
CREATE VIEW addresses AS SELECT address FROM emails;
)sql">;
inline constexpr auto FromSubquery = ctsql::query<R"sql(-- name: FromSubquery :many
SELECT t.user_id, t.n FROM (SELECT user_id, count(*) AS n FROM posts GROUP BY user_id) AS t WHERE t.n > $1)sql", views>;
static_assert(typed<FromSubquery, dialect::sqlite>.ok());
static_assert(typed<FromSubquery, dialect::sqlite>.column_types[0].type.bits == 64 && !typed<FromSubquery, dialect::sqlite>.column_types[0].nullable);
static_assert(typed<FromSubquery, dialect::sqlite>.parameters[0].type.family == type_family::integer);
inline constexpr auto WithCte = ctsql::query<R"sql(-- name: WithCte :many
WITH recent (post, owner) AS (SELECT id, user_id FROM posts ORDER BY id DESC LIMIT $1)
SELECT r.post, u.email FROM recent r JOIN users u ON u.id = r.owner)sql", views>;
static_assert(typed<WithCte, dialect::postgresql>.ok());
static_assert(typed<WithCte, dialect::postgresql>.column_types[0].type.bits == 64);
static_assert(typed<WithCte, dialect::postgresql>.column_types[1].nullable);
static_assert(typed<WithCte, dialect::postgresql>.parameters[0].type.bits == 64);
inline constexpr auto StarOverCte = ctsql::query<R"sql(-- name: StarOverCte :many
WITH named AS (SELECT id, name FROM users) SELECT * FROM named)sql", views>;
static_assert(typed<StarOverCte, dialect::sqlite>.columns.size() == 2 && typed<StarOverCte, dialect::sqlite>.columns[1].name == "name");
inline constexpr auto FromView = ctsql::query<"-- name: FromView :many\nSELECT * FROM authors WHERE posts > $1", views>;
static_assert(typed<FromView, dialect::postgresql>.ok() && typed<FromView, dialect::postgresql>.columns.size() == 3);
static_assert(!typed<FromView, dialect::postgresql>.column_types[2].nullable);  // count
static_assert(typed<FromView, dialect::postgresql>.parameters[0].type.bits == 64);
inline constexpr auto RenamedView = ctsql::query<"-- name: RenamedView :many\nSELECT headline FROM titles WHERE post = $1", views>;
static_assert(typed<RenamedView, dialect::postgresql>.ok() && !typed<RenamedView, dialect::postgresql>.column_types[0].nullable);
// A subquery's column read without an alias has the name it was read by, not its table column's.
inline constexpr auto OverViewColumns = ctsql::query<R"sql(-- name: OverViewColumns :many
SELECT s.headline FROM (SELECT t.headline FROM titles t) s)sql", views>;
static_assert(verdict<OverViewColumns, dialect::postgresql, std::string>.empty());
// ALTER VIEW ... RENAME COLUMN: the column has its new name, in the views over it too.
inline constexpr auto ViewColumnRenamed = ctsql::query<"-- name: ViewColumnRenamed :many\nSELECT id, address FROM emails", views>;
static_assert(typed<ViewColumnRenamed, dialect::postgresql>.ok() && typed<ViewColumnRenamed, dialect::postgresql>.columns[1].name == "address");
static_assert(typed<ViewColumnRenamed, dialect::postgresql>.column_types[1].nullable);
inline constexpr auto ViewColumnOldName = ctsql::query<"-- name: ViewColumnOldName :many\nSELECT email FROM emails", views>;
static_assert(verdict<ViewColumnOldName, dialect::postgresql, std::optional<std::string>>.view() ==
              "ViewColumnOldName: unknown column 'email' in 'emails'");
inline constexpr auto OverRenamed = ctsql::query<"-- name: OverRenamed :many\nSELECT * FROM addresses", views>;
static_assert(typed<OverRenamed, dialect::postgresql>.ok());
static_assert(typed<OverRenamed, dialect::postgresql>.columns[0].name == "address");
inline constexpr auto Union = ctsql::query<R"sql(-- name: Union :many
SELECT name, id FROM users UNION ALL SELECT email, id FROM users)sql", views>;
static_assert(typed<Union, dialect::sqlite>.ok() && typed<Union, dialect::sqlite>.column_types[0].nullable);  // email may be NULL
static_assert(!typed<Union, dialect::sqlite>.column_types[1].nullable);
inline constexpr auto BadSubquery = ctsql::query<"-- name: BadSubquery :many\nSELECT t.x FROM (SELECT id FROM users) t", views>;
static_assert(verdict<BadSubquery, dialect::sqlite, std::int64_t>.view() == "BadSubquery: unknown column 'x' in 't'");

// Bytes bind to a bytes parameter from any contiguous run of std::byte; text, and a range of
// anything else, do not.
inline constexpr auto files = ctsql::schema<"CREATE TABLE files (id BIGINT PRIMARY KEY, content BYTEA NOT NULL);">;
inline constexpr auto SaveFile = ctsql::query<"-- name: SaveFile :exec\nUPDATE files SET content = $1 WHERE id = 1", files>;
static_assert(verdict<SaveFile, dialect::postgresql, no_row, ctsql::blob>.empty());
static_assert(verdict<SaveFile, dialect::postgresql, no_row, std::span<const std::byte>>.empty());
static_assert(verdict<SaveFile, dialect::postgresql, no_row, std::span<std::byte, 4>>.empty());
static_assert(verdict<SaveFile, dialect::postgresql, no_row, std::array<std::byte, 4>>.empty());
static_assert(verdict<SaveFile, dialect::postgresql, no_row, std::string>.view() ==
              "SaveFile: argument 1 (text) does not fit parameter '$1' (blob, column 'content')");
static_assert(verdict<SaveFile, dialect::postgresql, no_row, std::array<char, 4>>.view() ==
              "SaveFile: argument 1 for parameter '$1' has a type ctsql cannot bind");
static_assert(verdict<SaveFile, dialect::postgresql, no_row, std::vector<int>>.view() ==
              "SaveFile: argument 1 (array of 32-bit integer) does not fit parameter '$1' (blob, column 'content')");

}  // namespace

TEST_CASE("the analysis of a query is readable at run time") {
    const auto& a = typed<ListPosts, dialect::postgresql>;
    CHECK(a.columns.size() == 3);
    CHECK(a.columns[2].name == "author");
    CHECK(a.column_types[2].nullable);
    CHECK(a.parameters[1].target == "email");
}
