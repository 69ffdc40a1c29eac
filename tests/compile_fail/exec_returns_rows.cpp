// expect: GetUser: ':exec' query returns columns (the first is 'id'): tag it :one or :many
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :exec\nSELECT id, name FROM users WHERE id = $1">;
