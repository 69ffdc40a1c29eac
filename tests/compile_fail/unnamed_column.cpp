// expect: GetUser: result column 'lower(email)' has no name: give it one with AS <field>
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
};

inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, lower(email) FROM users WHERE id = $1">;
void run(ctsql::sqlite::connection& db) {
    db.execute<User>(GetUser, 1);
}
