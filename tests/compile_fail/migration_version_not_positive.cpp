// expect: migrations: version 0 of 'start' is not positive (versions count from 1)
#include <ctsql/ctsql.hpp>

inline constexpr ctsql::migration migrations[] = {
    {0, "start", "CREATE TABLE users (id INTEGER PRIMARY KEY)", "DROP TABLE users"},
};
inline constexpr auto schema = ctsql::schema_from<migrations>;
