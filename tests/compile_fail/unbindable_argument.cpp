// expect: GetUser: argument 1 for parameter '$1' has a type ctsql cannot bind
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1">;

void run(ctsql::sqlite::connection& db) {
    const User* who = nullptr;
    db.execute<User>(GetUser, who);
}
