#pragma once
// The list test cases every backend runs, included by each backend's lists.cpp after it defines
// `fixture`: a connection `db` to a database of the test's own with the items of list_checks.hpp,
// and `statements_prepared()`, the count of statements `db` has prepared, as the backend tells.

#include <doctest/doctest.h>

#include "support/list_checks.hpp"

TEST_CASE_FIXTURE(fixture, "lists: lengths 0, 1, 2 and 1000, each length its own statement, prepared once") {
    test::check_list_lengths(db, [this] { return statements_prepared(); });
}
TEST_CASE_FIXTURE(fixture, "lists: a list from any sized range") { test::check_list_ranges(db); }
TEST_CASE_FIXTURE(fixture, "lists: text elements") { test::check_text_lists(db); }
TEST_CASE_FIXTURE(fixture, "lists: elements made as the range is read, text copied") { test::check_lists_made_as_read(db); }
TEST_CASE_FIXTURE(fixture, "lists: bytes made as the range is read") { test::check_bytes_made_as_read(db); }
TEST_CASE_FIXTURE(fixture, "lists: a list between other parameters") { test::check_list_among_parameters(db); }
TEST_CASE_FIXTURE(fixture, "lists: two lists in one query") { test::check_two_lists(db); }
TEST_CASE_FIXTURE(fixture, "lists: an empty list matches nothing, with NOT IN too") { test::check_empty_not_in(db); }
TEST_CASE_FIXTURE(fixture, "lists: a stream with a list, and an update") { test::check_list_stream_and_update(db); }
