// expect: GetUser: parameter '@email' mixes parameter styles (use one of $1, ?, @name or sqlc.arg(name) per query)
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id FROM users WHERE id = $1 OR email = @email">;
