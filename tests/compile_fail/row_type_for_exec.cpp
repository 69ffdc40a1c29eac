// expect: DeleteUser: ':exec' query returns no rows, so it takes no row type (the call names one)
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
};

inline constexpr auto DeleteUser = ctsql::query<"-- name: DeleteUser :exec\nDELETE FROM users WHERE id = $1">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(DeleteUser, 1);
}
