// expect: MakeFn: unterminated dollar-quoted body '$body$ SELECT 1'
#include <ctsql/ctsql.hpp>

inline constexpr auto MakeFn = ctsql::query<"-- name: MakeFn :exec\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1">;
