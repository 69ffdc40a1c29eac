// expect: SetTags: argument 2 (array of 32-bit integer) does not fit parameter '$2' (array of text, column 'tags')
#include "postgres_site.hpp"

inline constexpr auto SetTags = ctsql::query<"-- name: SetTags :exec\nUPDATE people SET tags = $2 WHERE id = $1", schema>;

void run(ctsql::postgres::connection& db) { db.execute(SetTags, 1, std::vector<int>{1, 2}); }
