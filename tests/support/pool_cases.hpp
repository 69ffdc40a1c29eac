#pragma once
// The pool test cases every backend runs, included by each backend's pool.cpp after it defines
// `pool_fixture`: a database of the test's own with the accounts table, with its url(), the
// backend's `connection` type and begin_statement, the database's BEGIN.

#include <doctest/doctest.h>

#include "support/pool_checks.hpp"

TEST_CASE("a pool lends each thread a connection of its own, never more than max_size") {
    pool_fixture f;
    test::check_pool_under_threads<pool_fixture::connection>(f.url());
}

TEST_CASE("a full pool makes acquire wait, then fail with pool_timeout") {
    pool_fixture f;
    test::check_pool_limits<pool_fixture::connection>(f.url());
}

TEST_CASE("a connection given back inside a transaction is rolled back") {
    pool_fixture f;
    test::check_pool_rolls_back<pool_fixture::connection>(f.url(), pool_fixture::begin_statement);
}
