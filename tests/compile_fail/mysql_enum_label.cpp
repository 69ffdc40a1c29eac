// expect: GetRole: label 'moderator' of the column's ENUM has no enumerator of that name in field 'role'
#include "mysql_site.hpp"

inline constexpr auto GetRole = ctsql::query<"-- name: GetRole :one\nSELECT role FROM people WHERE id = $1", schema>;

enum class person_role { admin, user };
struct Person {
    person_role role;
};

void run(ctsql::mysql::connection& db) { db.execute<Person>(GetRole, 1u); }
