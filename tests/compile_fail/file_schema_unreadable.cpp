// expect: tests/compile_fail/sql/broken_schema.sql:3:15: schema: cannot read 'SOMETIMES' in 'CREATE TABLE users ('
#include <ctsql/ctsql.hpp>

#include "broken_schema.sql.hpp"

inline constexpr auto schema = ctsql::schema<fixture::broken_schema_sql>;
