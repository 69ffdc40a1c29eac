// expect: GetUser: unknown query kind ':first' (expected :one, :many, :exec, :execrows or :execlastid)
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"/* name: GetUser :first */ SELECT id FROM users">;
