// expect: Rename: parameter '$1' cannot be NULL, column 'name', but argument 1 may be
#include "schema_site.hpp"

inline constexpr auto Rename = ctsql::query<"-- name: Rename :exec\nUPDATE users SET name = $1 WHERE id = $2", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute(Rename, std::nullopt, 1);
}
