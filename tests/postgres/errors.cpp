// Every error class PostgreSQL reports, provoked for real, and a table altered under a
// prepared query.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <future>
#include <optional>
#include <string>

#include "support/caught.hpp"
#include "support/postgres_scratch.hpp"

namespace {

inline constexpr auto Setup = R"sql(
    CREATE TABLE owners (id int PRIMARY KEY, email text NOT NULL UNIQUE, age int CHECK (age >= 0));
    CREATE TABLE pets (id int PRIMARY KEY, owner_id int NOT NULL REFERENCES owners (id));
    INSERT INTO owners VALUES (1, 'ann@example.org', 30), (2, 'bob@example.org', 40);
)sql";

inline constexpr auto AddOwner = ctsql::query<R"sql(
-- name: AddOwner :exec
INSERT INTO owners (id, email, age) VALUES ($1, $2, $3)
)sql">;
inline constexpr auto AddPet = ctsql::query<"-- name: AddPet :exec\nINSERT INTO pets (id, owner_id) VALUES ($1, $2)">;
inline constexpr auto GetOwner = ctsql::query<R"sql(
-- name: GetOwner :one
SELECT id, email FROM owners WHERE id = $1
)sql">;
inline constexpr auto AgeOf = ctsql::query<"-- name: AgeOf :one\nSELECT age FROM owners WHERE id = $1">;
inline constexpr auto Missing = ctsql::query<"-- name: Missing :many\nSELECT id FROM no_such_table">;
inline constexpr auto MissingColumn = ctsql::query<"-- name: MissingColumn :many\nSELECT no_such_column FROM owners">;
inline constexpr auto Sleep = ctsql::query<"-- name: Sleep :one\nSELECT 1 AS slept FROM pg_sleep(5)">;
inline constexpr auto SumAges = ctsql::query<"-- name: SumAges :one\nSELECT sum(age) AS total FROM owners">;
inline constexpr auto BumpAge = ctsql::query<"-- name: BumpAge :exec\nUPDATE owners SET age = age + 1 WHERE id = $1">;

inline constexpr auto owner_schema =
    ctsql::schema<"CREATE TABLE owners (id int PRIMARY KEY, email text NOT NULL UNIQUE, age int CHECK (age >= 0));">;
inline constexpr auto StarOwner = ctsql::query<"-- name: StarOwner :one\nSELECT * FROM owners WHERE id = $1", owner_schema>;

struct Owner {
    std::int32_t id;
    std::string email;
};

struct FullOwner {
    std::int32_t id;
    std::string email;
    std::optional<std::int32_t> age;
};

}  // namespace

TEST_CASE("constraint violations, with SQLSTATE, message, detail and query name") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);

    const ctsql::error unique = test::caught([&] { db.execute(AddOwner, 3, "ann@example.org", 20); });
    CHECK(unique.code() == ctsql::errc::unique_violation);
    CHECK(unique.sqlstate() == "23505");
    CHECK(unique.query_name() == "AddOwner");
    CHECK(std::string{unique.what()}.starts_with("AddOwner: unique_violation: duplicate key value violates unique "
                                                 "constraint \"owners_email_key\""));
    CHECK(std::string{unique.what()}.find("(Key (email)=(ann@example.org) already exists.)") != std::string::npos);

    CHECK(test::caught([&] { db.execute(AddPet, 1, 99); }).code() == ctsql::errc::foreign_key_violation);
    CHECK(test::caught([&] { db.execute(AddPet, 1, 99); }).sqlstate() == "23503");
    CHECK(test::caught([&] { db.execute(AddOwner, 3, std::nullopt, 20); }).code() == ctsql::errc::not_null_violation);
    CHECK(test::caught([&] { db.execute(AddOwner, 3, "cat@example.org", -1); }).code() == ctsql::errc::check_violation);
    CHECK(test::caught([&] { db.execute(AddOwner, 3, "cat@example.org", -1); }).sqlstate() == "23514");
    // The connection is fine afterwards.
    db.execute(AddOwner, 3, "cat@example.org", 1);
    CHECK(db.execute<std::int32_t>(AgeOf, 3) == std::optional<std::int32_t>{1});
}

TEST_CASE("syntax errors, unknown objects, cancelled statements, data exceptions") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);

    const ctsql::error syntax = test::caught([&] { db.execute_script("SELEC 1"); });
    CHECK(syntax.code() == ctsql::errc::syntax_error);
    CHECK(syntax.sqlstate() == "42601");
    CHECK(test::caught([&] { db.execute<std::int32_t>(Missing); }).code() == ctsql::errc::undefined_object);
    CHECK(test::caught([&] { db.execute<std::int32_t>(Missing); }).sqlstate() == "42P01");
    CHECK(test::caught([&] { db.execute<std::int32_t>(MissingColumn); }).sqlstate() == "42703");
    CHECK(test::caught([&] { db.execute<std::int32_t>(MissingColumn); }).query_name() == "MissingColumn");

    db.execute_script("SET statement_timeout = 100");
    const ctsql::error timeout = test::caught([&] { db.execute<std::int32_t>(Sleep); });
    CHECK(timeout.code() == ctsql::errc::query_canceled);
    CHECK(timeout.sqlstate() == "57014");
    db.execute_script("SET statement_timeout = 0");

    const auto Divide = ctsql::query<"-- name: Divide :one\nSELECT 1 / $1::int AS q">;
    CHECK(test::caught([&] { db.execute<std::int32_t>(Divide, 0); }).sqlstate() == "22012");
    CHECK(test::caught([&] { db.execute<std::int32_t>(Divide, 0); }).code() == ctsql::errc::other);
    const auto NotAUuid = ctsql::query<"-- name: NotAUuid :one\nSELECT 'nope'::uuid AS id">;
    CHECK(test::caught([&] { db.execute<ctsql::uuid>(NotAUuid); }).code() == ctsql::errc::type_mismatch);
    // An exact numeric read as a double; summed integers are numeric in PostgreSQL.
    CHECK(db.execute<double>(SumAges) == 70.0);
}

TEST_CASE("serialization failures and deadlocks between two connections") {
    test::postgres_scratch scratch;
    auto first = scratch.connect();
    auto second = scratch.connect();
    first.execute_script(Setup);

    // Two serializable transactions that each read what the other writes.
    first.execute_script("BEGIN ISOLATION LEVEL SERIALIZABLE");
    second.execute_script("BEGIN ISOLATION LEVEL SERIALIZABLE");
    CHECK(first.execute<std::optional<std::int64_t>>(SumAges).has_value());
    CHECK(second.execute<std::optional<std::int64_t>>(SumAges).has_value());
    first.execute(BumpAge, 1);
    second.execute(BumpAge, 2);
    first.execute_script("COMMIT");
    const ctsql::error serialization = test::caught([&] { second.execute_script("COMMIT"); });
    CHECK(serialization.code() == ctsql::errc::serialization_failure);
    CHECK(serialization.sqlstate() == "40001");

    // Each holds a row the other wants.
    first.execute_script("BEGIN; SET deadlock_timeout = '50ms'");
    second.execute_script("BEGIN; SET deadlock_timeout = '50ms'");
    first.execute(BumpAge, 1);
    second.execute(BumpAge, 2);
    auto blocked = std::async(std::launch::async, [&] {
        try {
            first.execute(BumpAge, 2);
        } catch (const ctsql::error& e) {
            return e.code();
        }
        return ctsql::errc::other;
    });
    ctsql::errc second_result = ctsql::errc::other;
    try {
        second.execute(BumpAge, 1);
    } catch (const ctsql::error& e) {
        second_result = e.code();
    }
    const ctsql::errc first_result = blocked.get();
    // The server picks one victim; the other then gets the lock.
    CHECK(((first_result == ctsql::errc::deadlock) != (second_result == ctsql::errc::deadlock)));
    first.execute_script("ROLLBACK");
    second.execute_script("ROLLBACK");
}

TEST_CASE("a table altered under a prepared query: type_mismatch naming the column, then prepared again") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);
    CHECK(db.execute<Owner>(GetOwner, 1)->email == "ann@example.org");

    // The prepared statement's result type changed: PostgreSQL refuses to run it.
    db.execute_script("ALTER TABLE owners ALTER COLUMN email TYPE bytea USING email::bytea");
    const ctsql::error changed = test::caught([&] { db.execute<Owner>(GetOwner, 1); });
    CHECK(changed.code() == ctsql::errc::type_mismatch);
    // Prepared again, and checked against the row: the column no longer fits its field.
    const ctsql::error drift = test::caught([&] { db.execute<Owner>(GetOwner, 1); });
    CHECK(drift.code() == ctsql::errc::type_mismatch);
    CHECK(std::string{drift.what()} ==
          "GetOwner: type_mismatch: result column 'email' is of type bytea (oid 17), which its field (std::string or "
          "an enum) cannot hold (the database differs from the code)");

    // A column renamed under a schema that still has the old name: the * expands to the old one.
    db.execute_script("ALTER TABLE owners RENAME COLUMN email TO mail");
    auto fresh = scratch.connect();
    const ctsql::error renamed = test::caught([&] { fresh.execute<FullOwner>(StarOwner, 1); });
    CHECK(renamed.code() == ctsql::errc::type_mismatch);
    CHECK(std::string{renamed.what()} ==
          "StarOwner: type_mismatch: result column 2 is named 'mail', the query was compiled with 'email' (the "
          "database differs from the code)");
}
