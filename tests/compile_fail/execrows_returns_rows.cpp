// expect: Rename: ':execrows' query returns columns (the first is 'id'): tag it :one or :many
#include <ctsql/ctsql.hpp>

inline constexpr auto Rename = ctsql::query<"-- name: Rename :execrows\nUPDATE users SET name = $2 WHERE id = $1 RETURNING id">;
