// expect: GetUser: the row type is a single value, but the result column 'id' is not the only one: use a struct
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1">;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::int64_t>(GetUser, 1);
}
