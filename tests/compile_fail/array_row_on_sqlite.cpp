// expect: GetTags: the row type is an array, which sqlite does not have
#include "call_site.hpp"

#include <vector>

inline constexpr auto GetTags = ctsql::query<"-- name: GetTags :one\nSELECT tags FROM users WHERE id = $1">;

void run(ctsql::sqlite::connection& db) { db.execute<std::vector<std::string>>(GetTags, 1); }
