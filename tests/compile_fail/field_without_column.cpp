// expect: GetUser: field 'email' has no result column
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name FROM users WHERE id = $1">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
