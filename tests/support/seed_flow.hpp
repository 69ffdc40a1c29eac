#pragma once
// The main flow of the example application's README (../shared/seed), the same on every
// backend: its users.sql and posts.sql, checked against the backend's schema, run step by step.
// Id is the integer type the backend's schema gives the ids.

#include <ctsql/error.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <vector>

#include "support/caught.hpp"
#include "support/seed_rows.hpp"

namespace test {

template <class Id>
struct seed_ids {
    Id user;
    Id post;
};

// Steps 1 to 4: a user created and read back by id and by email; a post created, listed, read
// joined with its author, then published.
template <class Id, class Connection, class Users, class Posts>
seed_ids<Id> create_user_and_post(Connection& db, const Users& users, const Posts& posts) {
    using seed::Post, seed::PostWithAuthor, seed::User;
    // 1. create a user and get its id back
    const std::optional<Id> id = db.template execute<Id>(users.template get<"CreateUser">(), "Ann", "ann@example.org");
    REQUIRE(id.has_value());

    // 2. read the user by id, then by email
    const std::optional<User> by_id = db.template execute<User>(users.template get<"GetUserByID">(), *id);
    REQUIRE(by_id.has_value());
    CHECK(by_id->name == "Ann");
    CHECK(by_id->email == "ann@example.org");
    CHECK(by_id->is_active == true);
    CHECK(by_id->created_at.has_value());
    const std::optional<User> by_email = db.template execute<User>(users.template get<"GetUserByEmail">(), "ann@example.org");
    REQUIRE(by_email.has_value());
    CHECK(by_email->id == *id);

    // 3. create a post for that user and get its id back
    const std::optional<Id> post_id = db.template execute<Id>(posts.template get<"CreatePost">(), *id, "Hello", "First post");
    REQUIRE(post_id.has_value());

    // 4. list the user's posts; read one post joined with its author's name and email; publish it
    const std::vector<Post> listed = db.template execute<Post>(posts.template get<"GetPostsByUserID">(), *id);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].title == "Hello");
    CHECK(listed[0].published == false);
    const auto joined = db.template execute<PostWithAuthor>(posts.template get<"GetPostByID">(), *post_id);
    REQUIRE(joined.has_value());
    CHECK(joined->author_name == "Ann");
    CHECK(joined->author_email == "ann@example.org");
    CHECK(joined->content == "First post");
    db.execute(posts.template get<"UpdatePost">(), *post_id, "Hello again", std::nullopt, true);
    const std::vector<Post> published = db.template execute<Post>(posts.template get<"GetPublishedPosts">());
    REQUIRE(published.size() == 1);
    CHECK(published[0].title == "Hello again");
    CHECK_FALSE(published[0].content.has_value());
    return {*id, *post_id};
}

// Steps 5 to 8: the user renamed, its email kept through COALESCE($3, email) with a NULL; the
// post and the user deleted; a second user with an email already taken refused.
template <class Id, class Connection, class Users, class Posts>
void rename_and_delete(Connection& db, const Users& users, const Posts& posts, seed_ids<Id> ids) {
    using seed::Post, seed::User;
    // 5. rename the user
    db.execute(users.template get<"UpdateUser">(), ids.user, "Ann Smith", std::nullopt);

    // 6. read the user again: the new name and the old email
    const std::optional<User> renamed = db.template execute<User>(users.template get<"GetUserByID">(), ids.user);
    REQUIRE(renamed.has_value());
    CHECK(renamed->name == "Ann Smith");
    CHECK(renamed->email == "ann@example.org");
    CHECK(renamed->updated_at >= renamed->created_at);
    CHECK(db.template execute<User>(users.template get<"ListUsers">(), 10, 0).size() == 1);

    // 7. delete the post, then the user
    db.execute(posts.template get<"DeletePost">(), ids.post);
    CHECK(db.template execute<Post>(posts.template get<"GetPostsByUserID">(), ids.user).empty());
    db.execute(users.template get<"DeleteUser">(), ids.user);
    CHECK_FALSE(db.template execute<User>(users.template get<"GetUserByID">(), ids.user).has_value());

    // 8. a second user with an email already taken is a unique violation, told apart from the rest
    db.template execute<Id>(users.template get<"CreateUser">(), "Bob", "bob@example.org");
    const ctsql::error e = caught([&] { db.template execute<Id>(users.template get<"CreateUser">(), "Robert", "bob@example.org"); });
    CHECK(e.code() == ctsql::errc::unique_violation);
    CHECK(e.query_name() == "CreateUser");
}

}  // namespace test
