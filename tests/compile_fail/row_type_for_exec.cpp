// expect: DeleteUser: ':exec' query returns no rows, so it takes no row type (the call names one)
#include "call_site.hpp"

inline constexpr auto DeleteUser = ctsql::query<"-- name: DeleteUser :exec\nDELETE FROM users WHERE id = $1">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(DeleteUser, 1);
}
