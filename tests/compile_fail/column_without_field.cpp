// expect: GetUser: result column 'email' has no field in the row struct
#include "call_site.hpp"

struct Person {
    std::int64_t id;
    std::string name;
};
inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1">;
void run(ctsql::sqlite::connection& db) {
    db.execute<Person>(GetUser, 1);
}
