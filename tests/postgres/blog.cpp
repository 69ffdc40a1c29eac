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
