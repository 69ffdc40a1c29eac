// expect: ListUsers: argument 2 for list parameter 'sqlc.slice(ids)' is not a range: pass a std::vector, std::span or std::array of values
#include "call_site.hpp"

inline constexpr auto ListUsers =
    ctsql::query<"-- name: ListUsers :many\nSELECT id, name, email FROM users WHERE name = @name AND id IN (sqlc.slice(ids))">;

void run(ctsql::sqlite::connection& db) { db.execute<User>(ListUsers, "Ann", 42); }
