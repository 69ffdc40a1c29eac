// expect: GetUser: the tag is followed by no statement
#include <ctsql/ctsql.hpp>

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\n;">;
