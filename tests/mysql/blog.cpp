// The example application (../shared/seed) on MariaDB: its queries verbatim, checked at compile
// time against its schema in MySQL's dialect (tests/seed/schema.mysql.sql), and its main flow
// run against a real server, the ENUM and JSON columns included.
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "posts.sql.hpp"
#include "schema.mysql.sql.hpp"
#include "support/mysql_scratch.hpp"
#include "support/seed_flow.hpp"
#include "users.sql.hpp"

namespace {

inline constexpr auto schema = ctsql::schema<seed::schema_mysql_sql>;
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
INSERT INTO user_profiles (user_id, role, bio) VALUES (?, ?, ?)
)sql", schema>;
inline constexpr auto GetProfile = ctsql::query<R"sql(
-- name: GetProfile :one
SELECT user_id, role, bio FROM user_profiles WHERE user_id = ?
)sql", schema>;
inline constexpr auto TagPost = ctsql::query<"-- name: TagPost :exec\nUPDATE posts SET tags = $2 WHERE id = $1", schema>;
inline constexpr auto PostTags = ctsql::query<"-- name: PostTags :one\nSELECT tags FROM posts WHERE id = $1", schema>;
inline constexpr auto SavePreferences = ctsql::query<R"sql(
-- name: SavePreferences :execlastid
INSERT INTO user_preferences (user_id, preferences, settings) VALUES ($1, $2, $3)
)sql", schema>;
inline constexpr auto Preferences = ctsql::query<R"sql(
-- name: Preferences :one
SELECT preferences, settings FROM user_preferences WHERE user_id = $1
)sql", schema>;
// MySQL's && and || are AND and OR: each side types its own parameters
// (tests/compile_fail/mysql_or_operand_type.cpp).
inline constexpr auto ActiveAfterOrNamed = ctsql::query<R"sql(
-- name: ActiveAfterOrNamed :many
SELECT name FROM users WHERE is_active = ? && id > ? || name = ? ORDER BY id
)sql", schema>;
// <=> is = where NULL is a value: its argument may be one.
inline constexpr auto ActiveIs = ctsql::query<"-- name: ActiveIs :many\nSELECT name FROM users WHERE is_active <=> ? ORDER BY id",
                                              schema>;

}  // namespace

TEST_CASE("the example application's main flow") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(seed::schema_mysql_sql);

    const auto ids = test::create_user_and_post<std::int32_t>(db, users, posts);

    // Beside the README: tags (JSON here), a profile with a role (an inline ENUM), preferences (JSON)
    db.execute(TagPost, ids.post, R"(["intro", "c++, sql"])");
    CHECK(db.execute(PostTags, ids.post) == std::optional<std::optional<std::string>>{R"(["intro", "c++, sql"])"});
    db.execute(CreateProfile, ids.user, user_role::moderator, "Writes about databases");
    const std::optional<Profile> profile = db.execute<Profile>(GetProfile, ids.user);
    REQUIRE(profile.has_value());
    CHECK(profile->role == user_role::moderator);
    CHECK(db.execute(SavePreferences, ids.user, R"({"theme": "dark"})", R"({"emails": false})") == 1);
    const auto preferences = db.execute(Preferences, ids.user);
    REQUIRE(preferences.has_value());
    CHECK(preferences->get<"preferences">() == R"({"theme": "dark"})");
    CHECK(preferences->get<"settings">() == R"({"emails": false})");

    db.execute_script("DELETE FROM user_profiles; DELETE FROM user_preferences");  // their users go next

    test::rename_and_delete(db, users, posts, ids);
}

TEST_CASE("&& and || are AND and OR, and <=> takes NULL for a value, against a real server") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(seed::schema_mysql_sql);
    db.execute_script(R"sql(
        INSERT INTO users (id, name, email, is_active) VALUES
            (1, 'Ann', 'ann@example.org', TRUE), (2, 'Bob', 'bob@example.org', FALSE), (3, 'Cy', 'cy@example.org', TRUE),
            (4, 'Dee', 'dee@example.org', NULL);
    )sql");
    CHECK(db.execute<std::string>(ActiveAfterOrNamed, true, 1, "Bob") == std::vector<std::string>{"Bob", "Cy"});
    CHECK(db.execute<std::string>(ActiveAfterOrNamed, false, 0, "Ann") == std::vector<std::string>{"Ann", "Bob"});
    CHECK(db.execute<std::string>(ActiveIs, std::optional<bool>{}) == std::vector<std::string>{"Dee"});
    CHECK(db.execute<std::string>(ActiveIs, std::optional<bool>{false}) == std::vector<std::string>{"Bob"});
}
