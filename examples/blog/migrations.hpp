#pragma once
// The blog's schema as migrations, one list per dialect, from the .sql files under db/migrations
// (embedded at build time by ctsql_embed_sql). Versions are never reused: a change to the schema
// is a new migration at the end of every list.

#include <ctsql/ctsql.hpp>

#include "posts.mysql.down.sql.hpp"
#include "posts.mysql.up.sql.hpp"
#include "posts.postgres.down.sql.hpp"
#include "posts.postgres.up.sql.hpp"
#include "posts.sqlite.down.sql.hpp"
#include "posts.sqlite.up.sql.hpp"
#include "profiles.mysql.down.sql.hpp"
#include "profiles.mysql.up.sql.hpp"
#include "profiles.postgres.down.sql.hpp"
#include "profiles.postgres.up.sql.hpp"
#include "profiles.sqlite.down.sql.hpp"
#include "profiles.sqlite.up.sql.hpp"
#include "users.mysql.down.sql.hpp"
#include "users.mysql.up.sql.hpp"
#include "users.postgres.down.sql.hpp"
#include "users.postgres.up.sql.hpp"
#include "users.sqlite.down.sql.hpp"
#include "users.sqlite.up.sql.hpp"

namespace blog {

inline constexpr ctsql::migration postgres_migrations[] = {
    {1, "users", users_postgres_up_sql, users_postgres_down_sql},
    {2, "posts", posts_postgres_up_sql, posts_postgres_down_sql},
    {3, "profiles", profiles_postgres_up_sql, profiles_postgres_down_sql},
};

inline constexpr ctsql::migration sqlite_migrations[] = {
    {1, "users", users_sqlite_up_sql, users_sqlite_down_sql},
    {2, "posts", posts_sqlite_up_sql, posts_sqlite_down_sql},
    {3, "profiles", profiles_sqlite_up_sql, profiles_sqlite_down_sql},
};

inline constexpr ctsql::migration mysql_migrations[] = {
    {1, "users", users_mysql_up_sql, users_mysql_down_sql},
    {2, "posts", posts_mysql_up_sql, posts_mysql_down_sql},
    {3, "profiles", profiles_mysql_up_sql, profiles_mysql_down_sql},
};

}  // namespace blog
