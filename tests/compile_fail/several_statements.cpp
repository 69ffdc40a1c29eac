// expect: DeleteUser: a second statement starts at 'DELETE': give each statement its own -- name: tag
#include <ctsql/ctsql.hpp>

inline constexpr auto DeleteUser = ctsql::query<"-- name: DeleteUser :exec\nDELETE FROM posts WHERE user_id = $1; DELETE FROM users WHERE id = $1">;
