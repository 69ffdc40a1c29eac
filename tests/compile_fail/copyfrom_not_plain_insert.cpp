// expect: CopyUsers: a :copyfrom query is INSERT INTO t (a, b) VALUES ($1, $2), one parameter per column and nothing more; 'lower' is not
#include "call_site.hpp"

inline constexpr auto CopyUsers =
    ctsql::query<"-- name: CopyUsers :copyfrom\nINSERT INTO users (name, email) VALUES ($1, lower($2))">;
