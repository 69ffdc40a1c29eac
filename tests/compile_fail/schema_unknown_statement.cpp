// expect: schema: unknown statement 'CREAT TABLE users (id INTEGER);' (line 1, column 1)
#include <ctsql/ctsql.hpp>

inline constexpr auto schema = ctsql::schema<"CREAT TABLE users (id INTEGER);">;
