// expect: GetUser: malformed parameter 'sqlc.arg(id'
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id FROM users WHERE id = sqlc.arg(id">;
