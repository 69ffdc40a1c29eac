// expect: GetUser: unterminated quoted name '"users'
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id FROM \"users">;
