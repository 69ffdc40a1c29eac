// Row types inferred from the schema: no struct to declare.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace {

inline constexpr char schema_sql[] = R"sql(
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, score REAL, joined TIMESTAMP);
)sql";
inline constexpr auto schema = ctsql::schema<schema_sql>;

inline constexpr char users_sql[] = R"sql(
-- name: AddUser :execlastid
INSERT INTO users (name, email, score) VALUES ($1, $2, $3);
-- name: GetUser :one
SELECT id, name, email, score FROM users WHERE id = $1;
-- name: ListUsers :many
SELECT * FROM users ORDER BY id;
-- name: CountUsers :one
SELECT count(*) AS n FROM users;
-- name: Emails :many
SELECT email FROM users ORDER BY id;
)sql";
inline constexpr auto users = ctsql::query_set<users_sql, schema>;

struct fixture {
    ctsql::sqlite::connection db{":memory:"};
    fixture() {
        db.execute_script(schema_sql);
        db.execute(users.get<"AddUser">(), "Ann", "ann@x.org", 1.5);
        db.execute(users.get<"AddUser">(), "Bob", std::nullopt, std::nullopt);
    }
};

}  // namespace

TEST_CASE_FIXTURE(fixture, "several columns give a row with access by column name and structured bindings") {
    const auto ann = db.execute(users.get<"GetUser">(), 1);
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(ann->get<"id">())>, std::int64_t>);
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(ann->get<"email">())>, std::optional<std::string>>);
    REQUIRE(ann.has_value());
    CHECK(ann->get<"name">() == "Ann");
    CHECK(ann->get<"email">() == "ann@x.org");
    CHECK(ann->get<"score">() == 1.5);

    const auto bob = db.execute(users.get<"GetUser">(), 2);
    REQUIRE(bob.has_value());
    const auto& [id, name, email, score] = *bob;
    CHECK(id == 2);
    CHECK(name == "Bob");
    CHECK_FALSE(email.has_value());
    CHECK_FALSE(score.has_value());
    CHECK_FALSE(db.execute(users.get<"GetUser">(), 3).has_value());
}

TEST_CASE_FIXTURE(fixture, "a * is expanded from the schema, and streams infer as execute does") {
    const auto all = db.execute(users.get<"ListUsers">());
    REQUIRE(all.size() == 2);
    CHECK(all[1].get<"name">() == "Bob");
    static_assert(std::tuple_size_v<std::remove_cvref_t<decltype(all[0])>> == 5);
    std::vector<std::string> names;
    for (const auto& row : db.stream(users.get<"ListUsers">())) names.push_back(row.get<"name">());
    CHECK(names == std::vector<std::string>{"Ann", "Bob"});
}

TEST_CASE_FIXTURE(fixture, "one column gives its own type, optional where it may be NULL") {
    const std::optional<std::int64_t> n = db.execute(users.get<"CountUsers">());
    CHECK(n == 2);
    const std::vector<std::optional<std::string>> emails = db.execute(users.get<"Emails">());
    CHECK(emails == std::vector<std::optional<std::string>>{"ann@x.org", std::nullopt});
}

namespace {
inline constexpr auto FirstLetter = ctsql::query<"-- name: FirstLetter :one\nSELECT unicode(name) AS code FROM users WHERE id = $1", schema>;
struct Letter {
    ctsql::unchecked<std::int64_t> code;
};
}  // namespace

TEST_CASE_FIXTURE(fixture, "ctsql::unchecked reads an expression of unknown type, still checked at run time") {
    const auto letter = db.execute<Letter>(FirstLetter, 1);
    REQUIRE(letter.has_value());
    CHECK(*letter->code == 'A');
    CHECK_THROWS_AS(db.execute<ctsql::unchecked<std::string>>(FirstLetter, 1), ctsql::error);  // an integer, not text
}
