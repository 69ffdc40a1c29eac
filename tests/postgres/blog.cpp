// The example application (../shared/seed) on PostgreSQL: its schema and queries verbatim,
// checked at compile time against the schema in PostgreSQL's dialect, and its main flow run
// against a real server, arrays, enums and JSON included.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "posts.sql.hpp"
#include "schema.sql.hpp"
#include "support/postgres_scratch.hpp"
#include "support/seed_flow.hpp"
#include "users.sql.hpp"

namespace {

inline constexpr auto schema = ctsql::schema<seed::schema_sql>;
inline constexpr auto users = ctsql::query_set<seed::users_sql, schema>;
inline constexpr auto posts = ctsql::query_set<seed::posts_sql, schema>;

enum class user_role { admin, user, moderator };

struct Profile {
    std::optional<std::int32_t> user_id;
    std::optional<user_role> role;
    std::optional<std::string> bio;
};

inline constexpr auto CreateProfile = ctsql::query<R"sql(
-- name: CreateProfile :exec
INSERT INTO user_profiles (user_id, role, bio) VALUES ($1, $2, $3)
)sql", schema>;
inline constexpr auto GetProfile = ctsql::query<R"sql(
-- name: GetProfile :one
SELECT user_id, role, bio FROM user_profiles WHERE user_id = $1
)sql", schema>;
inline constexpr auto TagPost = ctsql::query<R"sql(
-- name: TagPost :exec
UPDATE posts SET tags = $2 WHERE id = $1
)sql", schema>;
inline constexpr auto PostTags = ctsql::query<R"sql(
-- name: PostTags :one
SELECT tags FROM posts WHERE id = $1
)sql", schema>;
inline constexpr auto SavePreferences = ctsql::query<R"sql(
-- name: SavePreferences :exec
INSERT INTO user_preferences (user_id, preferences, settings) VALUES ($1, $2, $3)
)sql", schema>;
inline constexpr auto Preferences = ctsql::query<R"sql(
-- name: Preferences :one
SELECT preferences, settings FROM user_preferences WHERE user_id = $1
)sql", schema>;
// The operators of PostgreSQL's arrays and jsonb: each types its parameter by the column it
// stands against, so that a wrong argument is refused at compile time
// (tests/compile_fail/postgres_array_containment_element_type.cpp).
inline constexpr auto PostsTagged = ctsql::query<R"sql(
-- name: PostsTagged :many
SELECT id FROM posts WHERE tags @> $1 AND tags <@ $2 AND NOT tags && $3 ORDER BY id
)sql", schema>;
struct Theme {
    std::optional<std::int32_t> user_id;
    std::optional<std::string> theme;
};
inline constexpr auto PostsMatching = ctsql::query<R"sql(
-- name: PostsMatching :many
SELECT id FROM posts
WHERE title ~* $1 AND title !~ $2 AND to_tsvector('simple', coalesce(content, '')) @@ plainto_tsquery('simple', $3)
ORDER BY id
)sql", schema>;
inline constexpr auto UsersPreferring = ctsql::query<R"sql(
-- name: UsersPreferring :many
SELECT user_id, preferences #>> '{theme}' AS theme FROM user_preferences WHERE preferences @> $1 ORDER BY user_id
)sql", schema>;

}  // namespace

TEST_CASE("the example application's main flow") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(seed::schema_sql);

    const auto ids = test::create_user_and_post<std::int32_t>(db, users, posts);

    // Beside the README: tags (TEXT[]), a profile with a role (an enum), preferences (JSONB and JSON)
    db.execute(TagPost, ids.post, std::vector<std::string>{"intro", "c++, sql"});
    CHECK(db.execute(PostTags, ids.post) ==
          std::optional<std::optional<std::vector<std::optional<std::string>>>>{
              std::vector<std::optional<std::string>>{"intro", "c++, sql"}});
    db.execute(CreateProfile, ids.user, user_role::moderator, "Writes about databases");
    const std::optional<Profile> profile = db.execute<Profile>(GetProfile, ids.user);
    REQUIRE(profile.has_value());
    CHECK(profile->role == user_role::moderator);
    db.execute(SavePreferences, ids.user, R"({"theme": "dark"})", R"({"emails":  false})");
    const auto preferences = db.execute(Preferences, ids.user);
    REQUIRE(preferences.has_value());
    CHECK(preferences->get<"preferences">() == R"({"theme": "dark"})");
    CHECK(preferences->get<"settings">() == R"({"emails":  false})");

    db.execute_script("DELETE FROM user_profiles; DELETE FROM user_preferences");  // their users go next

    test::rename_and_delete(db, users, posts, ids);
}

TEST_CASE("the operators of arrays, jsonb, regular expressions and text search, against a real server") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(seed::schema_sql);
    db.execute_script(R"sql(
        INSERT INTO users (id, name, email) VALUES (1, 'Ann', 'ann@example.org'), (2, 'Bob', 'bob@example.org');
        INSERT INTO posts (id, user_id, title, content, tags) VALUES
            (1, 1, 'One', 'joins and views', '{sql,c++}'), (2, 1, 'Two', 'views only', '{sql}'),
            (3, 2, 'Three', 'joins', '{sql,rust}'), (4, 2, 'Four', NULL, NULL);
        INSERT INTO user_preferences (user_id, preferences) VALUES
            (1, '{"theme": "dark", "lang": "en"}'), (2, '{"theme": "light"}');
    )sql");

    using tags = std::vector<std::string>;
    CHECK(db.execute<std::int32_t>(PostsTagged, tags{"sql"}, tags{"sql", "c++", "go", "rust"}, tags{"rust"}) ==
          std::vector<std::int32_t>{1, 2});
    CHECK(db.execute<std::int32_t>(PostsTagged, tags{"c++"}, tags{"sql", "c++"}, tags{}) == std::vector<std::int32_t>{1});
    CHECK(db.execute<std::int32_t>(PostsTagged, tags{"go"}, tags{"go"}, tags{}).empty());
    CHECK(db.execute<std::int32_t>(PostsMatching, "^T", "ee$", "views") == std::vector<std::int32_t>{2});
    CHECK(db.execute<std::int32_t>(PostsMatching, "O", "^x", "joins") == std::vector<std::int32_t>{1});

    const std::vector<Theme> dark = db.execute<Theme>(UsersPreferring, R"({"theme": "dark"})");
    REQUIRE(dark.size() == 1);
    CHECK(dark[0].user_id == 1);
    CHECK(dark[0].theme == "dark");
    CHECK(db.execute<Theme>(UsersPreferring, "{}").size() == 2);
}
