// expect: ListUsers: result column 'email' has no field in the row struct
#include "call_site.hpp"

struct Person {
    std::int64_t id;
    std::string name;
};
inline constexpr auto ListUsers = ctsql::query<"-- name: ListUsers :many\nSELECT id, name, email FROM users">;
void run(ctsql::sqlite::connection& db) {
    for (const Person& p : db.stream<Person>(ListUsers)) (void)p;
}
