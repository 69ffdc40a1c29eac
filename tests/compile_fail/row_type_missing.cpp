// expect: GetUser: name the row type, db.execute<Row>(...), for the result column 'id' (inferring it needs a schema)
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1">;

void run(ctsql::sqlite::connection& db) {
    db.execute(GetUser, 1);
}
