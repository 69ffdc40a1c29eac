// expect: GetUser: parameter '$2' is never used, but a higher number is (parameters are numbered $1, $2, ... without gaps)
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id FROM users WHERE id = $1 OR id = $3">;
