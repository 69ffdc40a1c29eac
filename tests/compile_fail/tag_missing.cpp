// expect: query 'SELECT id FROM users' has no tag: begin it with -- name: <Name> :<kind>
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"SELECT id FROM users">;
