// expect: GetUser: result column 'name' appears twice
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email, nick AS name FROM users WHERE id = $1">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
