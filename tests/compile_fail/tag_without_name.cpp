// expect: tag '-- name: :one' names no query: write -- name: <Name> :<kind>
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: :one\nSELECT id FROM users">;
