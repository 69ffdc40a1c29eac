// expect: CopyUsers: a :copyfrom query is INSERT INTO t (a, b) VALUES ($1, $2), one parameter per column and nothing more; 'VALUES' is not
#include "call_site.hpp"

// COPY without a column list needs every column, where INSERT takes defaults for the missing ones.
inline constexpr auto CopyUsers = ctsql::query<"-- name: CopyUsers :copyfrom\nINSERT INTO users VALUES ($1, $2)">;
