// expect: query set: two queries are named 'GetUser'
#include <ctsql/ctsql.hpp>

inline constexpr char sql[] = "-- name: GetUser :one\nSELECT id FROM users;\n-- name: GetUser :many\nSELECT id FROM users;";
inline constexpr auto queries = ctsql::query_set<sql>;
