// expect: RenameUsers: argument 2 (64-bit integer) does not fit parameter '$2' (text, column 'name')
#include "schema_site.hpp"

#include <tuple>
#include <vector>

inline constexpr auto RenameUsers =
    ctsql::query<"-- name: RenameUsers :batchexec\nUPDATE users SET name = $2 WHERE id = $1", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute(RenameUsers, std::vector<std::tuple<std::int64_t, std::int64_t>>{{1, 2}});
}
