// expect: tests/compile_fail/sql/broken_queries.sql:4: ListUsers: parameter '$2' is never used, but a higher number is (parameters are numbered $1, $2, ... without gaps)
#include <ctsql/ctsql.hpp>

#include "broken_queries.sql.hpp"

// Every query of a set from a file is checked, and named by the line of its tag.
inline constexpr auto queries = ctsql::query_set<fixture::broken_queries_sql>;
