// expect: ListTitles: column 'id' is ambiguous: qualify it with its table
#include "schema_site.hpp"

inline constexpr auto ListTitles = ctsql::query<"-- name: ListTitles :many\nSELECT title FROM posts JOIN users ON users.id = posts.user_id WHERE id = $1", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::string>(ListTitles, 1);
}
