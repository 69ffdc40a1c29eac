// Every error class SQLite can raise, provoked for real, and what ctsql::error carries.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "support/caught.hpp"
#include "support/temp_dir.hpp"

namespace {

inline constexpr char schema_sql[] = R"sql(
-- name: CreateSchema :exec
CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, age INTEGER CHECK (age >= 0));

-- name: CreateChildren :exec
CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents(id));

-- name: InsertParent :exec
INSERT INTO parents (id, name, age) VALUES ($1, $2, $3);

-- name: InsertChild :exec
INSERT INTO children (parent_id) VALUES ($1);

-- name: Misspelled :exec
SELEC 1;

-- name: NoSuchTable :many
SELECT id FROM nowhere;
)sql";

inline constexpr auto queries = ctsql::query_set<schema_sql>;

struct fixture {
    ctsql::sqlite::connection db{":memory:"};
    fixture() {
        db.execute(queries.get<"CreateSchema">());
        db.execute(queries.get<"CreateChildren">());
        db.execute(queries.get<"InsertParent">(), 1, "Ann", 40);
    }
};

}  // namespace

TEST_CASE_FIXTURE(fixture, "unique and primary-key violations are unique_violation, with the query's name") {
    const ctsql::error same_name = test::caught([&] { db.execute(queries.get<"InsertParent">(), 2, "Ann", 1); });
    CHECK(same_name.code() == ctsql::errc::unique_violation);
    CHECK(same_name.query_name() == "InsertParent");
    CHECK(same_name.native_code() == SQLITE_CONSTRAINT_UNIQUE);
    CHECK(same_name.sqlstate().empty());  // SQLite has no SQLSTATE
    const std::string text = same_name.what();
    CHECK(text.find("InsertParent") != std::string::npos);
    CHECK(text.find("UNIQUE constraint failed: parents.name") != std::string::npos);

    const ctsql::error same_id = test::caught([&] { db.execute(queries.get<"InsertParent">(), 1, "Bob", 1); });
    CHECK(same_id.code() == ctsql::errc::unique_violation);
    CHECK(same_id.native_code() == SQLITE_CONSTRAINT_PRIMARYKEY);
}

TEST_CASE_FIXTURE(fixture, "foreign keys are enforced: foreign_key_violation") {
    db.execute(queries.get<"InsertChild">(), 1);
    CHECK(test::caught([&] { db.execute(queries.get<"InsertChild">(), 99); }).code() == ctsql::errc::foreign_key_violation);
}

TEST_CASE_FIXTURE(fixture, "not-null and check constraints") {
    CHECK(test::caught([&] { db.execute(queries.get<"InsertParent">(), 3, std::nullopt, 1); }).code() ==
          ctsql::errc::not_null_violation);
    CHECK(test::caught([&] { db.execute(queries.get<"InsertParent">(), 3, "Cid", -1); }).code() ==
          ctsql::errc::check_violation);
}

TEST_CASE_FIXTURE(fixture, "a statement SQLite cannot compile: syntax_error and undefined_object") {
    const ctsql::error syntax = test::caught([&] { db.execute(queries.get<"Misspelled">()); });
    CHECK(syntax.code() == ctsql::errc::syntax_error);
    CHECK(syntax.query_name() == "Misspelled");
    CHECK(test::caught([&] { db.execute<std::int64_t>(queries.get<"NoSuchTable">()); }).code() ==
          ctsql::errc::undefined_object);
    CHECK(test::caught([&] { db.execute_script("CREATE TABLE broken ("); }).code() == ctsql::errc::syntax_error);
}

TEST_CASE_FIXTURE(fixture, "a failed statement leaves the connection usable") {
    CHECK_THROWS_AS(db.execute(queries.get<"InsertParent">(), 1, "Ann", 1), ctsql::error);
    db.execute(queries.get<"InsertParent">(), 2, "Bob", 1);
    db.execute(queries.get<"InsertChild">(), 2);
}

TEST_CASE("a database locked by another connection: busy") {
    ctsql_test::temp_dir dir;
    const std::string path = dir.file("locked.db");
    ctsql::sqlite::connection writer{path};
    ctsql::sqlite::connection other{path, ctsql::sqlite::options{.busy_timeout = std::chrono::milliseconds{0}}};
    writer.execute(queries.get<"CreateSchema">());
    writer.execute_script("BEGIN IMMEDIATE");
    writer.execute(queries.get<"InsertParent">(), 1, "Ann", 1);
    const ctsql::error busy = test::caught([&] { other.execute(queries.get<"InsertParent">(), 2, "Bob", 1); });
    CHECK(busy.code() == ctsql::errc::busy);
    writer.execute_script("COMMIT");
    other.execute(queries.get<"InsertParent">(), 2, "Bob", 1);
}

TEST_CASE("a database that cannot be opened: connection_failure") {
    ctsql_test::temp_dir dir;
    const ctsql::error missing_folder = test::caught([&] { ctsql::sqlite::connection db{dir.file("no/such/folder/x.db")}; });
    CHECK(missing_folder.code() == ctsql::errc::connection_failure);
    CHECK(std::string{missing_folder.what()}.find("no/such/folder/x.db") != std::string::npos);
    CHECK(test::caught([&] { ctsql::sqlite::connection db{dir.file("absent.db"), {.read_only = true}}; }).code() ==
          ctsql::errc::connection_failure);
}

TEST_CASE_FIXTURE(fixture, "an INSERT naming a column the table lacks: undefined_object") {
    db.execute_script("CREATE TABLE strict_items (id INTEGER PRIMARY KEY, n INTEGER) STRICT");
    CHECK(test::caught([&] { db.execute_script("INSERT INTO parents (nope) VALUES (1)"); }).code() == ctsql::errc::undefined_object);
    CHECK(test::caught([&] { db.execute_script("INSERT INTO strict_items (n) VALUES ('text')"); }).code() ==
          ctsql::errc::type_mismatch);
}
