// expect: GetUser: unknown column 'mail' in 'users'
#include "schema_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE mail = $1", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, "ann@x");
}
