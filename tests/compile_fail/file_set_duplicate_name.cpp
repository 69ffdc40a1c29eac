// expect: tests/compile_fail/sql/duplicate_queries.sql:4: query set: two queries are named 'GetUser'
#include <ctsql/ctsql.hpp>

#include "duplicate_queries.sql.hpp"

// A problem of a set from a file is placed at the line of the query it concerns.
inline constexpr auto queries = ctsql::query_set<fixture::duplicate_queries_sql>;
