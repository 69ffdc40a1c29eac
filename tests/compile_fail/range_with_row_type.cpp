// expect: CopyUsers: ':copyfrom' query returns no rows, so it takes no row type (the call names one)
#include "call_site.hpp"

#include <tuple>
#include <vector>

inline constexpr auto CopyUsers = ctsql::query<"-- name: CopyUsers :copyfrom\nINSERT INTO users (name, email) VALUES ($1, $2)">;

void run(ctsql::sqlite::connection& db) {
    db.execute<User>(CopyUsers, std::vector<std::tuple<std::string, std::string>>{{"Ann", "ann@example.org"}});
}
