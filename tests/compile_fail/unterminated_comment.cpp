// expect: GetUser: unterminated comment '/* the users'
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id FROM users /* the users">;
