#pragma once
// The fault test cases every server runs, included by each server's file in tests/faults/ after
// it defines `fault_fixture` (see support/fault_checks.hpp) and CTSQL_FAULT_SERVER, the server's
// name: it begins each case's name, since all servers' cases are in one executable.

#include <doctest/doctest.h>

#include "support/fault_checks.hpp"

TEST_CASE(CTSQL_FAULT_SERVER ": killed during a query: connection_failure at once, and the connection is lost") {
    fault_fixture f;
    test::check_killed_during_query(f);
}

TEST_CASE(CTSQL_FAULT_SERVER ": killed while a stream is read: connection_failure, not a short result") {
    fault_fixture f;
    test::check_killed_during_stream(f);
}

TEST_CASE(CTSQL_FAULT_SERVER ": killed inside a transaction: connection_failure, and nothing of it stays") {
    fault_fixture f;
    test::check_killed_in_transaction(f);
}

TEST_CASE(CTSQL_FAULT_SERVER ": killed during COMMIT: connection_failure, and nothing of it stays") {
    fault_fixture f;
    test::check_killed_during_commit(f);
}

TEST_CASE(CTSQL_FAULT_SERVER ": killed during a bulk load: connection_failure, and nothing of it stays") {
    fault_fixture f;
    test::check_killed_during_loads(f);
}

TEST_CASE(CTSQL_FAULT_SERVER ": killed and started again under a pooled workload: the pool recovers") {
    fault_fixture f;
    test::check_pool_recovers(f);
}

TEST_CASE(CTSQL_FAULT_SERVER ": a statement timeout is query_canceled, and the connection goes on") {
    fault_fixture f;
    test::check_statement_timeout(f);
}

TEST_CASE(CTSQL_FAULT_SERVER ": a statement cancelled from another session is query_canceled") {
    fault_fixture f;
    test::check_cancelled(f);
}
