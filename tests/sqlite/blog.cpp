// The example application (../shared/seed): its queries verbatim, checked against its schema
// in SQLite's dialect, and the main flow of its README, step by step.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "posts.sql.hpp"
#include "support/seed_rows.hpp"
#include "schema.sqlite.sql.hpp"
#include "users.sql.hpp"

namespace {

using namespace seed;

inline constexpr auto schema = ctsql::schema<seed::schema_sqlite_sql>;
inline constexpr auto users = ctsql::query_set<seed::users_sql, schema>;
inline constexpr auto posts = ctsql::query_set<seed::posts_sql, schema>;

}  // namespace

TEST_CASE("the example application's main flow") {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script(seed::schema_sqlite_sql);

    // 1. create a user and get its id back
    const std::optional<std::int64_t> id = db.execute<std::int64_t>(users.get<"CreateUser">(), "Ann", "ann@example.org");
    REQUIRE(id.has_value());

    // 2. read the user by id, then by email
    const std::optional<User> by_id = db.execute<User>(users.get<"GetUserByID">(), *id);
    REQUIRE(by_id.has_value());
    CHECK(by_id->name == "Ann");
    CHECK(by_id->email == "ann@example.org");
    CHECK(by_id->is_active == true);
    CHECK(by_id->created_at.has_value());
    const std::optional<User> by_email = db.execute<User>(users.get<"GetUserByEmail">(), "ann@example.org");
    REQUIRE(by_email.has_value());
    CHECK(by_email->id == *id);

    // 3. create a post for that user and get its id back
    const auto post_id = db.execute<std::int64_t>(posts.get<"CreatePost">(), *id, "Hello", "First post");
    REQUIRE(post_id.has_value());

    // 4. list the user's posts; read one post joined with its author's name and email
    const std::vector<Post> listed = db.execute<Post>(posts.get<"GetPostsByUserID">(), *id);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].title == "Hello");
    CHECK(listed[0].published == false);
    const auto joined = db.execute<PostWithAuthor>(posts.get<"GetPostByID">(), *post_id);
    REQUIRE(joined.has_value());
    CHECK(joined->author_name == "Ann");
    CHECK(joined->author_email == "ann@example.org");
    CHECK(joined->content == "First post");

    db.execute(posts.get<"UpdatePost">(), *post_id, "Hello again", std::nullopt, true);
    const std::vector<Post> published = db.execute<Post>(posts.get<"GetPublishedPosts">());
    REQUIRE(published.size() == 1);
    CHECK(published[0].title == "Hello again");
    CHECK_FALSE(published[0].content.has_value());

    // 5. rename the user: the email stays, through COALESCE($3, email) with a NULL
    db.execute(users.get<"UpdateUser">(), *id, "Ann Smith", std::nullopt);

    // 6. read the user again: the new name and the old email
    const std::optional<User> renamed = db.execute<User>(users.get<"GetUserByID">(), *id);
    REQUIRE(renamed.has_value());
    CHECK(renamed->name == "Ann Smith");
    CHECK(renamed->email == "ann@example.org");
    CHECK(renamed->updated_at >= renamed->created_at);
    CHECK(db.execute<User>(users.get<"ListUsers">(), 10, 0).size() == 1);

    // 7. delete the post, then the user
    db.execute(posts.get<"DeletePost">(), *post_id);
    CHECK(db.execute<Post>(posts.get<"GetPostsByUserID">(), *id).empty());
    db.execute(users.get<"DeleteUser">(), *id);
    CHECK_FALSE(db.execute<User>(users.get<"GetUserByID">(), *id).has_value());

    // 8. a second user with an email already taken is a unique violation, told apart from the rest
    db.execute<std::int64_t>(users.get<"CreateUser">(), "Bob", "bob@example.org");
    try {
        db.execute<std::int64_t>(users.get<"CreateUser">(), "Robert", "bob@example.org");
        FAIL("the duplicate email was accepted");
    } catch (const ctsql::error& e) {
        CHECK(e.code() == ctsql::errc::unique_violation);
        CHECK(e.query_name() == "CreateUser");
    }
}
