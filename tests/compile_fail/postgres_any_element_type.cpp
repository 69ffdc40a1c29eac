// expect: FindPeople: argument 1 (array of text) does not fit parameter '$1' (array of 32-bit integer, column 'id')
#include "postgres_site.hpp"

#include <span>

inline constexpr auto FindPeople = ctsql::query<"-- name: FindPeople :many\nSELECT name FROM people WHERE id = ANY($1)", schema>;

void run(ctsql::postgres::connection& db, std::span<const std::string> ids) { db.execute<std::string>(FindPeople, ids); }
