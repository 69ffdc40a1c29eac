// expect: ListUsers: an element of argument 1 (text) does not fit parameter 'sqlc.slice(ids)' (64-bit integer, column 'id')
#include "schema_site.hpp"

#include <string>
#include <vector>

inline constexpr auto ListUsers =
    ctsql::query<"-- name: ListUsers :many\nSELECT id, name FROM users WHERE id IN (sqlc.slice(ids))", schema>;

struct Named {
    std::int64_t id;
    std::string name;
};

void run(ctsql::sqlite::connection& db) { db.execute<Named>(ListUsers, std::vector<std::string>{"1", "2"}); }
