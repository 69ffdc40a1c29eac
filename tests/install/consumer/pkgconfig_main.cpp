// Built with the flags of `pkg-config --cflags --libs ctsql-sqlite` alone.
#include <ctsql/sqlite.hpp>

#include <cstdint>

inline constexpr auto One = ctsql::query<"-- name: One :one\nSELECT 1">;

int main() {
    ctsql::sqlite::connection db{":memory:"};
    return db.execute<std::int64_t>(One) == 1 ? 0 : 1;
}
