// expect: ListUsers: list 'sqlc.slice(ids)' stands among $n parameters, which leave it no place of its own (name the others, or write them ?)
#include "call_site.hpp"

inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT id FROM users WHERE name = $1 AND id IN (sqlc.slice(ids))">;
