// expect: GetUser: result column 'email' may be NULL, so field 'email' must be a std::optional
#include "schema_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
