// expect: GetUser: argument 2 has no parameter to bind to (1 expected, 2 given)
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1">;

void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1, 2);
}
