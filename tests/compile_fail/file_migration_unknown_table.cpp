// expect: tests/compile_fail/sql/002_add_email.up.sql:2:13: migration 2 'add_email': unknown table 'user' in 'ALTER TABLE user ADD COLUMN email TEXT;'
#include <ctsql/ctsql.hpp>

#include "002_add_email.up.sql.hpp"

inline constexpr ctsql::migration migrations[] = {
    {1, "users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", "DROP TABLE users"},
    {2, "add_email", fixture::_002_add_email_up_sql, "ALTER TABLE users DROP COLUMN email"},
};
inline constexpr auto schema = ctsql::schema_from<migrations>;
