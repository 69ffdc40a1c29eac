// expect: DeleteUsers: list parameter 'sqlc.slice(ids)' cannot be used in a ':batchexec' query, whose every element binds one value per parameter
#include "call_site.hpp"

inline constexpr auto DeleteUsers = ctsql::query<"-- name: DeleteUsers :batchexec\nDELETE FROM users WHERE name = @name OR id IN (sqlc.slice(ids))">;
