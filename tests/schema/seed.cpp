// The example application's queries, verbatim, fully typed from its schema in each dialect:
// PostgreSQL's schema verbatim, and its SQLite and MySQL adaptations.
#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "posts.sql.hpp"
#include "support/seed_rows.hpp"
#include "schema.mysql.sql.hpp"
#include "schema.sql.hpp"
#include "schema.sqlite.sql.hpp"
#include "users.sql.hpp"

namespace {

using ctsql::dialect;
using namespace seed;

inline constexpr auto postgres = ctsql::schema<seed::schema_sql>;
inline constexpr auto sqlite = ctsql::schema<seed::schema_sqlite_sql>;
inline constexpr auto mysql = ctsql::schema<seed::schema_mysql_sql>;

template <auto& Set, ctsql::fixed_string Name, dialect D, class Row, class... Args>
constexpr ctsql::message verdict =
    ctsql::check_call<std::remove_cvref_t<decltype(Set.template get<Name>())>, D, Row, Args...>();

// Every query of the seed, in every dialect, with the row and argument types an application uses.
template <auto& Users, auto& Posts, dialect D>
constexpr bool seed_is_typed() {
    using ctsql::detail::no_row;
    using id = std::int32_t;  // SERIAL and INTEGER: int4 on PostgreSQL and MySQL (64-bit on SQLite)
    static_assert(verdict<Users, "GetUserByID", D, User, id>.empty());
    static_assert(verdict<Users, "GetUserByEmail", D, User, std::string>.empty());
    static_assert(verdict<Users, "CreateUser", D, std::int64_t, std::string, std::string>.empty());
    static_assert(verdict<Users, "UpdateUser", D, no_row, id, std::string, std::nullopt_t>.empty());
    static_assert(verdict<Users, "DeleteUser", D, no_row, id>.empty());
    static_assert(verdict<Users, "ListUsers", D, User, int, int>.empty());
    static_assert(verdict<Posts, "CreatePost", D, std::int64_t, id, std::string, std::optional<std::string>>.empty());
    static_assert(verdict<Posts, "GetPostByID", D, PostWithAuthor, id>.empty());
    static_assert(verdict<Posts, "GetPostsByUserID", D, Post, id>.empty());
    static_assert(verdict<Posts, "UpdatePost", D, no_row, id, std::string, std::nullopt_t, std::optional<bool>>.empty());
    static_assert(verdict<Posts, "DeletePost", D, no_row, id>.empty());
    static_assert(verdict<Posts, "GetPublishedPosts", D, Post>.empty());
    return true;
}

inline constexpr auto postgres_users = ctsql::query_set<seed::users_sql, postgres>;
inline constexpr auto postgres_posts = ctsql::query_set<seed::posts_sql, postgres>;
inline constexpr auto sqlite_users = ctsql::query_set<seed::users_sql, sqlite>;
inline constexpr auto sqlite_posts = ctsql::query_set<seed::posts_sql, sqlite>;
inline constexpr auto mysql_users = ctsql::query_set<seed::users_sql, mysql>;
inline constexpr auto mysql_posts = ctsql::query_set<seed::posts_sql, mysql>;

static_assert(seed_is_typed<postgres_users, postgres_posts, dialect::postgresql>());
static_assert(seed_is_typed<sqlite_users, sqlite_posts, dialect::sqlite>());
static_assert(seed_is_typed<mysql_users, mysql_posts, dialect::mysql>());

// What the schema adds over the query alone: the nullable user_id rejects a plain field, and
// on PostgreSQL an int8 argument does not fit the int4 id. The queries come from embedded
// files, so the messages name the file and the line of the tag.
struct PostWithPlainUser {
    std::int64_t id;
    std::int64_t user_id;
    std::string title;
    std::optional<std::string> content;
    std::optional<bool> published;
    std::optional<timestamp> created_at;
};
static_assert(verdict<postgres_posts, "GetPublishedPosts", dialect::postgresql, PostWithPlainUser>.view() ==
              "tests/seed/posts.sql:22: GetPublishedPosts: result column 'user_id' may be NULL, so field 'user_id' must be a std::optional");
static_assert(verdict<postgres_users, "DeleteUser", dialect::postgresql, ctsql::detail::no_row, std::int64_t>.view() ==
              "tests/seed/users.sql:16: DeleteUser: argument 1 (64-bit integer) does not fit parameter '$1' (32-bit integer, column 'id')");
static_assert(verdict<sqlite_users, "DeleteUser", dialect::sqlite, ctsql::detail::no_row, std::int64_t>.empty());
// UpdateUser's COALESCE($2, name) and COALESCE($3, email): both may be NULL, as the seed's flow needs.
static_assert(std::remove_cvref_t<decltype(postgres_users.get<"UpdateUser">())>::analysed<dialect::postgresql>.parameters[2].nullable);

}  // namespace

TEST_CASE("the seed's schema is read in each dialect") {
    CHECK(postgres.catalog().tables.size() == 4);
    CHECK(sqlite.catalog().tables.size() == 4);
    CHECK(mysql.catalog().tables.size() == 4);
}
