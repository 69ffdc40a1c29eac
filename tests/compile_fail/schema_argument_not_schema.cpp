// expect: GetUser: the query's second argument is not a schema: give a ctsql::schema<...> or ctsql::schema_from<...>
#include "call_site.hpp"

// The DDL text itself, where its schema was meant.
inline constexpr char ddl[] = "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT)";

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1", ddl>;

void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
