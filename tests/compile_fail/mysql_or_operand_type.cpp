// expect: FindPerson: argument 2 (text) does not fit parameter '?' (unsigned 64-bit integer, column 'id')
#include "mysql_site.hpp"

// MySQL's || is OR: the id is compared with the second argument, not joined to a text.
inline constexpr auto FindPerson = ctsql::query<"-- name: FindPerson :many\nSELECT name FROM people WHERE name = ? || id = ?", schema>;

void run(ctsql::mysql::connection& db) { db.execute<std::string>(FindPerson, "ann", std::string{"7"}); }
