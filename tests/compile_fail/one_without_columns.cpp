// expect: CreateUser: ':one' query returns no columns ('INSERT' without a result list): tag it :exec, :execrows or :execlastid, or add RETURNING
#include <ctsql/ctsql.hpp>

inline constexpr auto CreateUser = ctsql::query<"-- name: CreateUser :one\nINSERT INTO users (name) VALUES ($1)">;
