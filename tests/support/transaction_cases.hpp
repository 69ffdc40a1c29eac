#pragma once
// The transaction test cases every backend runs, included by each backend's transactions.cpp
// after it defines `accounts_fixture`: a database of the test's own with the accounts table,
// whose opener() makes new connections to it, and whose begin_statement is the database's BEGIN.

#include <doctest/doctest.h>

#include "support/transaction_checks.hpp"

TEST_CASE("a transaction commits, rolls back, and is rolled back when dropped") {
    accounts_fixture f;
    test::check_commit_and_rollback(f.opener());
}

TEST_CASE("nested transactions are savepoints") {
    accounts_fixture f;
    test::check_savepoints(f.opener());
}

TEST_CASE("db.transaction(fn) commits, rolls back on a throw and returns fn's result") {
    accounts_fixture f;
    test::check_transaction_function(f.opener());
}

TEST_CASE("db.transaction(fn) runs fn again after a lost race") {
    accounts_fixture f;
    test::check_retries(f.opener());
}

TEST_CASE("a read-only transaction refuses writes, and options apply to the outermost level only") {
    accounts_fixture f;
    test::check_read_only(f.opener());
}

TEST_CASE("a transaction inside the program's own BEGIN is a savepoint") {
    accounts_fixture f;
    test::check_inside_own_begin(f.opener(), accounts_fixture::begin_statement);
}

TEST_CASE("a :copyfrom or :batchexec that fails inside a transaction undoes only itself") {
    accounts_fixture f;
    test::check_failed_load_undoes_itself(f.opener());
}
