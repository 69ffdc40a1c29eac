// expect: CreateUser: INSERT into 'users' gives a different number of values than columns
#include "schema_site.hpp"

inline constexpr auto CreateUser = ctsql::query<"-- name: CreateUser :execlastid\nINSERT INTO users (name, email) VALUES ($1)", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute(CreateUser, "Ann");
}
