// expect: ListUsers: list parameter 'sqlc.slice(ids)' must be a whole item of an IN (...) list, as in id IN (sqlc.slice(ids))
#include "call_site.hpp"

inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT id FROM users WHERE id = ANY(sqlc.slice(ids))">;
