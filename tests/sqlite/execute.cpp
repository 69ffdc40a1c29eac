// execute on SQLite: every tag's result, every parameter style, row structs and scalars.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

struct User {
    std::int64_t id;
    std::string name;
    std::optional<std::string> email;
};

struct UserByNameFirst {  // fields in another order than the select list
    std::optional<std::string> email;
    std::string name;
    std::int64_t id;
};

struct NewUser {
    std::string name;
    std::optional<std::string> email;
};

inline constexpr char users_sql[] = R"sql(
-- name: CreateTable :exec
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE);

-- name: InsertUser :execlastid
INSERT INTO users (name, email) VALUES ($1, $2);

-- name: InsertNamed :execlastid
INSERT INTO users (name, email) VALUES (@name, sqlc.narg(email));

-- name: InsertAnonymous :execlastid
INSERT INTO users (name, email) VALUES (?, ?);

-- name: InsertReturning :one
INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id;

-- name: GetUser :one
SELECT id, name, email FROM users WHERE id = $1;

-- name: ListUsers :many
SELECT id, name, email FROM users ORDER BY id LIMIT $1 OFFSET $2;

-- name: FindByEitherName :many
SELECT u.id, u.name AS name, email FROM users u WHERE name = $2 OR name = $1 OR email = $2 ORDER BY id;

-- name: IdsBelowNamed :many
SELECT id FROM users WHERE id<@limit AND name==@name OR id==@limit ORDER BY id;

-- name: CountUsers :one
SELECT count(*) AS n FROM users;

-- name: MaxEmail :one
SELECT max(email) AS top FROM users;

-- name: RenameAll :execrows
UPDATE users SET name = upper(name);

-- name: DeleteUser :exec
DELETE FROM users WHERE id = $1;
)sql";

inline constexpr auto users = ctsql::query_set<users_sql>;

struct fixture {
    ctsql::sqlite::connection db{":memory:"};
    fixture() { db.execute(users.get<"CreateTable">()); }
};

}  // namespace

TEST_CASE_FIXTURE(fixture, ":execlastid returns the new row's id, for each parameter style") {
    CHECK(db.execute(users.get<"InsertUser">(), "Ann", "ann@example.org") == 1);
    CHECK(db.execute(users.get<"InsertNamed">(), NewUser{"Bob", std::nullopt}) == 2);   // by field name
    CHECK(db.execute(users.get<"InsertNamed">(), "Cid", std::string{"cid@x"}) == 3);    // in order of appearance
    CHECK(db.execute(users.get<"InsertAnonymous">(), std::string_view{"Dee"}, nullptr) == 4);

    const auto bob = db.execute<User>(users.get<"GetUser">(), 2);
    REQUIRE(bob);
    CHECK(bob->name == "Bob");
    CHECK_FALSE(bob->email.has_value());
    CHECK(db.execute<User>(users.get<"GetUser">(), 3)->email == "cid@x");
}

TEST_CASE_FIXTURE(fixture, ":one returns the row, or nothing when there is none") {
    const std::int64_t id = db.execute(users.get<"InsertUser">(), "Ann", "ann@example.org");
    const std::optional<User> found = db.execute<User>(users.get<"GetUser">(), id);
    REQUIRE(found.has_value());
    CHECK(found->id == id);
    CHECK(found->name == "Ann");
    CHECK(found->email == "ann@example.org");
    CHECK_FALSE(db.execute<User>(users.get<"GetUser">(), id + 1).has_value());

    // Fields are matched by name, whatever their order.
    const auto shuffled = db.execute<UserByNameFirst>(users.get<"GetUser">(), id);
    REQUIRE(shuffled);
    CHECK(shuffled->id == id);
    CHECK(shuffled->name == "Ann");
    CHECK(shuffled->email == "ann@example.org");
}

TEST_CASE_FIXTURE(fixture, ":one with RETURNING reads the returned column into a scalar") {
    const std::optional<std::int64_t> id = db.execute<std::int64_t>(users.get<"InsertReturning">(), "Ann", "a@x");
    CHECK(id == 1);
}

TEST_CASE_FIXTURE(fixture, ":many returns every row, in order, and an empty vector for none") {
    CHECK(db.execute<User>(users.get<"ListUsers">(), 10, 0).empty());
    for (int i = 0; i < 25; ++i) db.execute(users.get<"InsertUser">(), "user" + std::to_string(i), std::nullopt);
    const std::vector<User> page = db.execute<User>(users.get<"ListUsers">(), 10, 20);
    REQUIRE(page.size() == 5);
    CHECK(page.front().id == 21);
    CHECK(page.back().name == "user24");
}

TEST_CASE_FIXTURE(fixture, "$n parameters bind by number, in any order and repeated") {
    db.execute(users.get<"InsertUser">(), "Ann", "ann@x");
    db.execute(users.get<"InsertUser">(), "Bob", "bob@x");
    db.execute(users.get<"InsertUser">(), "Cid", "cid@x");
    const auto found = db.execute<User>(users.get<"FindByEitherName">(), "Ann", "bob@x");
    REQUIRE(found.size() == 2);
    CHECK(found[0].name == "Ann");
    CHECK(found[1].name == "Bob");
}

TEST_CASE_FIXTURE(fixture, "operators written without spaces: x<@name compares with a parameter; == is =") {
    db.execute(users.get<"InsertUser">(), "Ann", "ann@x");
    db.execute(users.get<"InsertUser">(), "Bob", "bob@x");
    db.execute(users.get<"InsertUser">(), "Cid", "cid@x");
    CHECK(db.execute<std::int64_t>(users.get<"IdsBelowNamed">(), 3, "Bob") == std::vector<std::int64_t>{2, 3});
    CHECK(db.execute<std::int64_t>(users.get<"IdsBelowNamed">(), 2, "Ann") == std::vector<std::int64_t>{1, 2});
}

TEST_CASE_FIXTURE(fixture, "one-column results read into scalars and optionals") {
    CHECK(db.execute<std::int64_t>(users.get<"CountUsers">()) == 0);
    // :one of a nullable scalar: the outer optional says whether there was a row, the inner one
    // whether its value was NULL. max() over no rows is one row holding NULL.
    const std::optional<std::optional<std::string>> top = db.execute<std::optional<std::string>>(users.get<"MaxEmail">());
    REQUIRE(top.has_value());
    CHECK_FALSE(top->has_value());
    db.execute(users.get<"InsertUser">(), "Ann", "ann@x");
    CHECK(db.execute<int>(users.get<"CountUsers">()) == 1);
    CHECK(db.execute<std::optional<std::string>>(users.get<"MaxEmail">()).value() == "ann@x");
}

TEST_CASE_FIXTURE(fixture, ":execrows counts the rows changed; :exec returns nothing") {
    CHECK(db.execute(users.get<"RenameAll">()) == 0);
    db.execute(users.get<"InsertUser">(), "Ann", "ann@x");
    db.execute(users.get<"InsertUser">(), "Bob", "bob@x");
    const std::uint64_t changed = db.execute(users.get<"RenameAll">());
    CHECK(changed == 2);
    CHECK(db.execute<User>(users.get<"GetUser">(), 1)->name == "ANN");

    static_assert(std::is_void_v<decltype(db.execute(users.get<"DeleteUser">(), 1))>);
    db.execute(users.get<"DeleteUser">(), 1);
    CHECK(db.execute<int>(users.get<"CountUsers">()) == 1);
}

TEST_CASE_FIXTURE(fixture, "a cached statement is reused call after call with fresh bindings") {
    for (int i = 0; i < 100; ++i) db.execute(users.get<"InsertUser">(), "n" + std::to_string(i), std::nullopt);
    for (std::int64_t id = 1; id <= 100; ++id) {
        const auto user = db.execute<User>(users.get<"GetUser">(), id);
        REQUIRE(user);
        CHECK(user->name == "n" + std::to_string(id - 1));
    }
}
