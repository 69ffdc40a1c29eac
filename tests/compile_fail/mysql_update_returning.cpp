// expect: RenamePerson: 'UPDATE ... RETURNING' is not supported on mysql
#include "mysql_site.hpp"

inline constexpr auto RenamePerson =
    ctsql::query<"-- name: RenamePerson :one\nUPDATE people SET name = $2 WHERE id = $1 RETURNING id", schema>;

void run(ctsql::mysql::connection& db) { db.execute<std::uint64_t>(RenamePerson, 1u, "Ann"); }
