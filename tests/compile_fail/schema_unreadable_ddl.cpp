// expect: schema: cannot read 'SOMETIMES' in 'CREATE TABLE users (' (line 3, column 15)
#include <ctsql/ctsql.hpp>

inline constexpr auto schema = ctsql::schema<R"sql(CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT SOMETIMES NULL
);)sql">;
