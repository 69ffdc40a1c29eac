// expect: migration 2 'add_email': unknown table 'user' in 'ALTER TABLE user ADD COLUMN email TEXT' (line 2, column 13)
#include <ctsql/ctsql.hpp>

// A problem in a migration's script names the migration, and the line in its script.
inline constexpr ctsql::migration migrations[] = {
    {1, "users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", "DROP TABLE users"},
    {2, "add_email", "\nALTER TABLE user ADD COLUMN email TEXT", "ALTER TABLE users DROP COLUMN email"},
};
inline constexpr auto schema = ctsql::schema_from<migrations>;
