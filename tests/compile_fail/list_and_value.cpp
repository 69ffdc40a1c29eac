// expect: ListUsers: parameter 'ids' is both a list (sqlc.slice) and a single value: give them different names
#include "call_site.hpp"

inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT id FROM users WHERE id IN (sqlc.slice(ids)) OR id > @ids">;
