// expect: CopyUsers: a ':copyfrom' query takes one argument, a range of argument tuples or structs
#include "call_site.hpp"

inline constexpr auto CopyUsers = ctsql::query<"-- name: CopyUsers :copyfrom\nINSERT INTO users (name, email) VALUES ($1, $2)">;

void run(ctsql::sqlite::connection& db) { db.execute(CopyUsers, "Ann", "ann@example.org"); }
