// expect: GetUser: unexpected text 'please' after the tag's kind
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one please\nSELECT id FROM users">;
