// expect: Loop: view 'v' reads itself
#include "call_site.hpp"

// A view redefined to read itself has no columns to give: the query that reads it is refused.
inline constexpr auto schema = ctsql::schema<"CREATE TABLE t (a INT); CREATE OR REPLACE VIEW v AS SELECT a FROM v">;
inline constexpr auto Loop = ctsql::query<"-- name: Loop :many\nSELECT a FROM v", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::int64_t>(Loop);
}
