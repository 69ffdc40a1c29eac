// expect: Series: '*' over 'generate_series' cannot be expanded (a table function's columns are not known): list the columns
#include "schema_site.hpp"

inline constexpr auto Series = ctsql::query<"-- name: Series :many\nSELECT * FROM generate_series(1, 3)", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::int64_t>(Series);
}
