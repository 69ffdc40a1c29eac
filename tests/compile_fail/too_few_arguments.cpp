// expect: ListUsers: no argument for parameter '$2' (2 expected, 1 given)
#include "call_site.hpp"

inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT id, name, email FROM users LIMIT $1 OFFSET $2">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(ListUsers, 10);
}
