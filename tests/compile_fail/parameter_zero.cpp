// expect: GetUser: parameter '$0' does not exist: parameters are numbered from $1
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id FROM users WHERE id = $0">;
