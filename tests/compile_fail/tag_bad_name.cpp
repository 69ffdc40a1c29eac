// expect: tag name 'Get-User' is not an identifier
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: Get-User :one\nSELECT id FROM users">;
