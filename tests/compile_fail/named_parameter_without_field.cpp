// expect: CreateUser: parameter '@email' has no field in the argument struct
#include "call_site.hpp"

struct NewUser {
    std::string name;
    std::string mail;
};
inline constexpr auto CreateUser = ctsql::query<"-- name: CreateUser :execlastid\nINSERT INTO users (name, email) VALUES (@name, @email)">;
void run(ctsql::sqlite::connection& db) {
    db.execute(CreateUser, NewUser{"Ann", "ann@x"});
}
