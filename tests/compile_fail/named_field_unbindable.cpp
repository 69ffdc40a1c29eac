// expect: CreateUser: field 'email' for parameter '@email' has a type ctsql cannot bind
#include "call_site.hpp"

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
