// expect: GetUser: unknown query kind ':first' (expected :one, :many, :exec, :execrows, :execlastid, :copyfrom or :batchexec)
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"/* name: GetUser :first */ SELECT id FROM users">;
