// expect: schema: table 'users' is created twice (line 2, column 14)
#include <ctsql/ctsql.hpp>

inline constexpr auto schema = ctsql::schema<"CREATE TABLE users (id INTEGER);\nCREATE TABLE users (id INTEGER);">;
