// expect: GetName: result column 'name' (text) does not fit the row type (64-bit integer)
#include "schema_site.hpp"

inline constexpr auto GetName = ctsql::query<"-- name: GetName :one\nSELECT name FROM users WHERE id = $1", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::int64_t>(GetName, 1);
}
