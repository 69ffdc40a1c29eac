// expect: ListUsers: result column '*' cannot be matched to the row type without a schema: list the columns
#include "call_site.hpp"

inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT * FROM users">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(ListUsers);
}
