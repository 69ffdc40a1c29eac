// expect: GetUser: unterminated string ''Ann)'
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id FROM users WHERE name = 'Ann)">;
