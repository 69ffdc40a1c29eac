// expect: ListUsers: sqlc.slice and sqlc.embed are not supported yet: 'sqlc.slice(ids))'
#include <ctsql/ctsql.hpp>

inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT id FROM users WHERE id IN (sqlc.slice(ids))">;
