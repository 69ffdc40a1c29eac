// expect: Authors: result column 'name' may be NULL, so the row type must be a std::optional
#include "schema_site.hpp"

inline constexpr auto Authors = ctsql::query<"-- name: Authors :many\nSELECT u.name FROM posts p LEFT JOIN users u ON u.id = p.user_id", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::string>(Authors);
}
