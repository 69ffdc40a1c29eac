// expect: ListUsers: field 'ids' for list parameter 'sqlc.slice(ids)' has elements of a type ctsql cannot bind
#include "call_site.hpp"

#include <vector>

inline constexpr auto ListUsers =
    ctsql::query<"-- name: ListUsers :many\nSELECT id, name, email FROM users WHERE name = @name AND id IN (sqlc.slice(ids))">;

struct Filter {
    std::string name;
    std::vector<User> ids;  // rows, not values
};

void run(ctsql::sqlite::connection& db) { db.execute<User>(ListUsers, Filter{}); }
