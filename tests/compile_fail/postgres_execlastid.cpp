// expect: AddPerson: ':execlastid' is not supported on postgresql, which has no last insert id: use INSERT ... RETURNING id with :one
#include "postgres_site.hpp"

inline constexpr auto AddPerson =
    ctsql::query<"-- name: AddPerson :execlastid\nINSERT INTO people (name, feeling) VALUES ($1, 'ok')", schema>;

void run(ctsql::postgres::connection& db) { db.execute(AddPerson, "Ann"); }
