// expect: query set: text before the first tag, at 'DROP TABLE users;'
#include <ctsql/ctsql.hpp>

inline constexpr char sql[] = "DROP TABLE users;\n-- name: GetUser :one\nSELECT id FROM users;";
inline constexpr auto queries = ctsql::query_set<sql>;
