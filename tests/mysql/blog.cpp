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
#include "support/seed_rows.hpp"
#include "users.sql.hpp"

namespace {

using namespace seed;

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

}  // namespace

TEST_CASE("the example application's main flow") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(seed::schema_mysql_sql);

    // 1. create a user and get its id back (INSERT ... RETURNING, which MariaDB has)
    const std::optional<std::int32_t> id = db.execute<std::int32_t>(users.get<"CreateUser">(), "Ann", "ann@example.org");
    REQUIRE(id.has_value());

    // 2. read the user by id, then by email
    const std::optional<User> by_id = db.execute<User>(users.get<"GetUserByID">(), *id);
    REQUIRE(by_id.has_value());
    CHECK(by_id->name == "Ann");
    CHECK(by_id->is_active == true);
    CHECK(by_id->created_at.has_value());
    CHECK(db.execute<User>(users.get<"GetUserByEmail">(), "ann@example.org")->id == *id);

    // 3. create a post, list the user's posts, read one joined with its author
    const auto post_id = db.execute<std::int32_t>(posts.get<"CreatePost">(), *id, "Hello", "First post");
    REQUIRE(post_id.has_value());
    const std::vector<Post> listed = db.execute<Post>(posts.get<"GetPostsByUserID">(), *id);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].published == false);
    const auto joined = db.execute<PostWithAuthor>(posts.get<"GetPostByID">(), *post_id);
    REQUIRE(joined.has_value());
    CHECK(joined->author_name == "Ann");
    db.execute(posts.get<"UpdatePost">(), *post_id, "Hello again", std::nullopt, true);
    const std::vector<Post> published = db.execute<Post>(posts.get<"GetPublishedPosts">());
    REQUIRE(published.size() == 1);
    CHECK(published[0].title == "Hello again");

    // 4. tags (JSON here), a profile with a role (an inline ENUM), preferences (JSON)
    db.execute(TagPost, *post_id, R"(["intro", "c++, sql"])");
    CHECK(db.execute(PostTags, *post_id) == std::optional<std::optional<std::string>>{R"(["intro", "c++, sql"])"});
    db.execute(CreateProfile, *id, user_role::moderator, "Writes about databases");
    const std::optional<Profile> profile = db.execute<Profile>(GetProfile, *id);
    REQUIRE(profile.has_value());
    CHECK(profile->role == user_role::moderator);
    CHECK(db.execute(SavePreferences, *id, R"({"theme": "dark"})", R"({"emails": false})") == 1);
    const auto preferences = db.execute(Preferences, *id);
    REQUIRE(preferences.has_value());
    CHECK(preferences->get<"preferences">() == R"({"theme": "dark"})");
    CHECK(preferences->get<"settings">() == R"({"emails": false})");

    // 5. rename the user: the email stays, through COALESCE($3, email) with a NULL
    db.execute(users.get<"UpdateUser">(), *id, "Ann Smith", std::nullopt);
    const std::optional<User> renamed = db.execute<User>(users.get<"GetUserByID">(), *id);
    REQUIRE(renamed.has_value());
    CHECK(renamed->name == "Ann Smith");
    CHECK(renamed->email == "ann@example.org");
    CHECK(renamed->updated_at >= renamed->created_at);
    CHECK(db.execute<User>(users.get<"ListUsers">(), 10, 0).size() == 1);

    // 6. delete the post, then the user
    db.execute(posts.get<"DeletePost">(), *post_id);
    db.execute_script("DELETE FROM user_profiles; DELETE FROM user_preferences");
    db.execute(users.get<"DeleteUser">(), *id);
    CHECK_FALSE(db.execute<User>(users.get<"GetUserByID">(), *id).has_value());
}
