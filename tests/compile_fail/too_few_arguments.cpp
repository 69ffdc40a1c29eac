// expect: ListUsers: no argument for parameter '$2' (2 expected, 1 given)
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
};

inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT id, name, email FROM users LIMIT $1 OFFSET $2">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(ListUsers, 10);
}
