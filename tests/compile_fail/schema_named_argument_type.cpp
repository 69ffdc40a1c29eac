// expect: CreateUser: field 'name' (64-bit integer) does not fit parameter '@name' (text, column 'name')
#include "schema_site.hpp"

struct NewUser {
    std::int64_t name;
    std::optional<std::string> email;
};
inline constexpr auto CreateUser = ctsql::query<"-- name: CreateUser :execlastid\nINSERT INTO users (name, email) VALUES (@name, @email)", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute(CreateUser, NewUser{1, std::nullopt});
}
