// The example application (../shared/seed): its queries verbatim, checked against its schema
// in SQLite's dialect, and the main flow of its README, step by step (support/seed_flow.hpp).
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <cstdint>

#include "posts.sql.hpp"
#include "support/seed_flow.hpp"
#include "schema.sqlite.sql.hpp"
#include "users.sql.hpp"

namespace {

inline constexpr auto schema = ctsql::schema<seed::schema_sqlite_sql>;
inline constexpr auto users = ctsql::query_set<seed::users_sql, schema>;
inline constexpr auto posts = ctsql::query_set<seed::posts_sql, schema>;

}  // namespace

TEST_CASE("the example application's main flow") {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script(seed::schema_sqlite_sql);
    const auto ids = test::create_user_and_post<std::int64_t>(db, users, posts);
    test::rename_and_delete(db, users, posts, ids);
}
