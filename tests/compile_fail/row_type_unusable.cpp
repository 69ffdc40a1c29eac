// expect: GetUser: the row type for result column 'id' is neither a struct nor a type ctsql can read
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1">;

void run(ctsql::sqlite::connection& db) {
    db.execute<User*>(GetUser, 1);
}
