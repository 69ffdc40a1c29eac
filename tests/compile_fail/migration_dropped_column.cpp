// expect: GetUser: unknown column 'email' in 'users'
#include "call_site.hpp"

// A query is checked against the schema the migrations leave: email was added, then dropped.
inline constexpr ctsql::migration migrations[] = {
    {1, "users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", "DROP TABLE users"},
    {2, "add_email", "ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT ''", "ALTER TABLE users DROP COLUMN email"},
    {3, "drop_email", "ALTER TABLE users DROP COLUMN email", "ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT ''"},
};
inline constexpr auto GetUser =
    ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1", ctsql::schema_from<migrations>>;

void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
