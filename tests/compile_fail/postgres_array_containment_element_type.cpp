// expect: FindTagged: argument 1 (array of 32-bit integer) does not fit parameter '$1' (array of text, column 'tags')
#include "postgres_site.hpp"

inline constexpr auto FindTagged = ctsql::query<"-- name: FindTagged :many\nSELECT name FROM people WHERE tags @> $1", schema>;

void run(ctsql::postgres::connection& db) { db.execute<std::string>(FindTagged, std::vector<int>{1, 2}); }
