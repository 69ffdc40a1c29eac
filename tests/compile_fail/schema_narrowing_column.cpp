// expect: GetId: result column 'id' (64-bit integer) does not fit the row type (32-bit integer)
#include "schema_site.hpp"

inline constexpr auto GetId = ctsql::query<"-- name: GetId :one\nSELECT id FROM users WHERE name = $1", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::int32_t>(GetId, "Ann");
}
