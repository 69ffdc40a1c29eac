// expect: GetUser: malformed parameter '$65536'
#include <ctsql/ctsql.hpp>

// No backend binds more than 65535 parameters (a 16-bit count in PostgreSQL's and MySQL's protocols).
inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id FROM users WHERE id = $65536">;
