// expect: Deep: expressions and subqueries nest more than 100 levels deep at '('
#include "schema_site.hpp"

// 100 parentheses: with the select list and its item, more levels than the analysis reads.
inline constexpr auto Deep = ctsql::query<"-- name: Deep :one\nSELECT ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((id)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))) FROM users", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::int64_t>(Deep);
}
