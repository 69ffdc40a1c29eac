// expect: GetUser: unknown table 'user'
#include "schema_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM user WHERE id = $1", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
