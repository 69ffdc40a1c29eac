#pragma once
// The migration test cases every backend runs, included by each backend's migrations.cpp after
// it defines `migrations_fixture`: an empty database of the test's own, whose opener() makes new
// connections to it; whether the database's DDL is transactional; and a statement that takes a
// tenth of a second or so.

#include <doctest/doctest.h>

#include "support/migration_checks.hpp"

TEST_CASE("migrate applies pending migrations once, in order, and records them") {
    migrations_fixture f;
    test::check_migrate(f.opener());
}

TEST_CASE("a list of migrations is any range, in any order") {
    migrations_fixture f;
    test::check_runtime_list(f.opener());
}

TEST_CASE("a list with a version twice or not positive is refused") {
    migrations_fixture f;
    test::check_invalid_list(f.opener());
}

TEST_CASE("an applied migration that has changed is refused") {
    migrations_fixture f;
    test::check_changed_migration(f.opener());
}

TEST_CASE("a database ahead of the program is refused") {
    migrations_fixture f;
    test::check_unknown_applied(f.opener());
}

TEST_CASE("rollback undoes the newest migrations, newest first") {
    migrations_fixture f;
    test::check_rollback(f.opener());
}

TEST_CASE("rollback stops before a migration without a down script") {
    migrations_fixture f;
    test::check_rollback_without_down(f.opener());
}

TEST_CASE("a failed migration is not recorded, nor its DDL where DDL is transactional") {
    migrations_fixture f;
    test::check_failed_migration(f.opener(), migrations_fixture::transactional_ddl);
}

TEST_CASE("a migration whose scripts hold no statement is applied and undone") {
    migrations_fixture f;
    test::check_empty_scripts(f.opener());
}

TEST_CASE("migrate, rollback and status refuse to run inside a transaction") {
    migrations_fixture f;
    test::check_inside_transaction(f.opener());
}

TEST_CASE("two processes migrating at once apply each migration once") {
    migrations_fixture f;
    test::check_concurrent_migrate(f.opener(), migrations_fixture::pause_statement);
}

TEST_CASE("status and migrate at once on a new database both succeed") {
    migrations_fixture f;
    test::check_concurrent_status(f.opener());
}
