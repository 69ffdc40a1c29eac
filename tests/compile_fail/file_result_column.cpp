// expect: tests/compile_fail/sql/users.sql:6: CreateUser: result column 'email' has no field in the row struct
#include "call_site.hpp"
#include "users.sql.hpp"

// A query from a .sql file is named by its file and the line of its tag.
inline constexpr auto users = ctsql::query_set<fixture::users_sql>;

struct Created {
    std::int64_t id;
};

void run(ctsql::sqlite::connection& db) {
    db.execute<Created>(users.get<"CreateUser">(), "Ann", "ann@example.org");
}
