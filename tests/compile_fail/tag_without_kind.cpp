// expect: GetUser: tag has no kind: write -- name: GetUser :one (or :many, :exec, :execrows, :execlastid)
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser\nSELECT id FROM users">;
