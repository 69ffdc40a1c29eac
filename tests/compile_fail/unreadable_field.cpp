// expect: GetUser: field 'name' has a type ctsql cannot read (use bool, integers, floating point, std::string, ctsql::blob, std::chrono::sys_time, ctsql::uuid, an enum class, a std::vector of one, or std::optional of one)
#include "call_site.hpp"

struct Tag {
    int value;
};
struct Tagged {
    std::int64_t id;
    Tag name;
    std::string email;
};
inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, email FROM users WHERE id = $1">;

void run(ctsql::sqlite::connection& db) {
    db.execute<Tagged>(GetUser, 1);
}
