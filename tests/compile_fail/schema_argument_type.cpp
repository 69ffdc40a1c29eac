// expect: GetName: argument 1 (text) does not fit parameter '$1' (64-bit integer, column 'id')
#include "schema_site.hpp"

inline constexpr auto GetName = ctsql::query<"-- name: GetName :one\nSELECT name FROM users WHERE id = $1", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::string>(GetName, "42");
}
