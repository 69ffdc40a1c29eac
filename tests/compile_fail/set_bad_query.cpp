// expect: ListUsers: parameter '$2' is never used, but a higher number is (parameters are numbered $1, $2, ... without gaps)
#include <ctsql/ctsql.hpp>

inline constexpr char sql[] = "-- name: GetUser :one\nSELECT id FROM users WHERE id = $1;\n-- name: ListUsers :many\nSELECT id FROM users LIMIT $1 OFFSET $3;";
// Never taken out with get<>, still checked.
inline constexpr auto queries = ctsql::query_set<sql>;
