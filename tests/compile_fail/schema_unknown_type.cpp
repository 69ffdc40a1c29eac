// expect: Shout: the type of result column 'shout(name)' cannot be known: add a CAST, or read it into ctsql::unchecked<T>
#include "schema_site.hpp"

inline constexpr auto Shout = ctsql::query<"-- name: Shout :many\nSELECT shout(name) AS loud FROM users", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::string>(Shout);
}
