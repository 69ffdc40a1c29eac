// expect: GetUser: result column 'lower(email)' has no name: give it one with AS <field>
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, lower(email) FROM users WHERE id = $1">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
