// expect: FindUsers: argument 1 for parameter '$1' is an array, which sqlite does not have
#include "call_site.hpp"

#include <vector>

inline constexpr auto FindUsers = ctsql::query<"-- name: FindUsers :many\nSELECT id, name, email FROM users WHERE id = ANY($1)">;

void run(ctsql::sqlite::connection& db) { db.execute<User>(FindUsers, std::vector<std::int64_t>{1, 2}); }
