// expect: GetUser: field 'email' has no result column
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
};

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name FROM users WHERE id = $1">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
