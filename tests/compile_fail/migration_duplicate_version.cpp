// expect: migrations: version 2 is given twice ('add_email' and 'add_phone')
#include <ctsql/ctsql.hpp>

inline constexpr ctsql::migration migrations[] = {
    {1, "users", "CREATE TABLE users (id INTEGER PRIMARY KEY)", "DROP TABLE users"},
    {2, "add_email", "ALTER TABLE users ADD COLUMN email TEXT", ""},
    {2, "add_phone", "ALTER TABLE users ADD COLUMN phone TEXT", ""},
};
inline constexpr auto schema = ctsql::schema_from<migrations>;
