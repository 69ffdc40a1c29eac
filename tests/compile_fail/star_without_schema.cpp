// expect: ListUsers: result column '*' cannot be matched to the row type without a schema: list the columns
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
};

inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT * FROM users">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(ListUsers);
}
