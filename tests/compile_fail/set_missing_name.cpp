// expect: query set has no query named 'GetUsr'
#include <ctsql/ctsql.hpp>

inline constexpr char sql[] = "-- name: GetUser :one\nSELECT id FROM users;";
inline constexpr auto queries = ctsql::query_set<sql>;
inline constexpr auto GetUser = queries.get<"GetUsr">();
