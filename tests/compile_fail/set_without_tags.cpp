// expect: query set has no '-- name: <Name> :<kind>' tags
#include <ctsql/ctsql.hpp>

inline constexpr char sql[] = "SELECT id FROM users;";
inline constexpr auto queries = ctsql::query_set<sql>;
