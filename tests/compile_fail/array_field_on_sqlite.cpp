// expect: GetTags: field 'tags' is an array, which sqlite does not have
#include "call_site.hpp"

#include <vector>

struct Tagged {
    std::int64_t id;
    std::vector<std::string> tags;
};

inline constexpr auto GetTags = ctsql::query<"-- name: GetTags :one\nSELECT id, tags FROM users WHERE id = $1">;

void run(ctsql::sqlite::connection& db) { db.execute<Tagged>(GetTags, 1); }
