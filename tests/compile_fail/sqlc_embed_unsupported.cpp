// expect: GetUser: sqlc.embed is not supported yet: 'sqlc.embed(users) FROM u'
#include "call_site.hpp"

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT sqlc.embed(users) FROM users WHERE id = $1">;
