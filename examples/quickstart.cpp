// The quickstart: a schema, two checked queries, and a run on an in-memory SQLite database.
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

struct User {  // any aggregate: ctsql matches its fields to the result columns by name
    std::int64_t id;
    std::string name;
    std::string email;
    std::optional<bool> is_active;  // a nullable column reads into std::optional
};

inline constexpr char schema_sql[] = R"sql(
  CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
                      email TEXT NOT NULL UNIQUE, is_active BOOLEAN DEFAULT TRUE);
)sql";
inline constexpr auto schema = ctsql::schema<schema_sql>;  // queries are checked against it

inline constexpr auto InsertUser = ctsql::query<R"sql(
  -- name: InsertUser :execlastid
  INSERT INTO users (name, email) VALUES ($1, $2)
)sql", schema>;

inline constexpr auto GetUser = ctsql::query<R"sql(
  -- name: GetUser :one
  SELECT * FROM users WHERE id = $1
)sql", schema>;

static_assert(GetUser.name() == "GetUser");  // queries are values the compiler knows

int main() {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script(schema_sql);
    const std::int64_t id = db.execute(InsertUser, "Ann", "ann@example.org");

    if (std::optional<User> user = db.execute<User>(GetUser, id))
        std::printf("user %lld: %s <%s>, active: %s\n", static_cast<long long>(user->id), user->name.c_str(),
                    user->email.c_str(), user->is_active.value_or(false) ? "yes" : "no");

    try {
        db.execute(InsertUser, "Another Ann", "ann@example.org");
    } catch (const ctsql::error& e) {
        if (e.code() == ctsql::errc::unique_violation) std::printf("refused: %s\n", e.what());
    }
}
