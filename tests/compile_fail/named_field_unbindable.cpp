// expect: CreateUser: field 'email' for parameter '@email' has a type ctsql cannot bind
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
};

struct Address {
    std::string text;
};
struct NewUser {
    std::string name;
    Address email;
};
inline constexpr auto CreateUser = ctsql::query<"-- name: CreateUser :execlastid\nINSERT INTO users (name, email) VALUES (@name, @email)">;
void run(ctsql::sqlite::connection& db) {
    db.execute(CreateUser, NewUser{"Ann", {"ann@x"}});
}
