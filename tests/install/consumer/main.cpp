// Uses the installed headers of every backend; runs its queries on SQLite.
#include <ctsql/mysql.hpp>
#include <ctsql/postgres.hpp>
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <cstdio>

#include "notes.sql.hpp"

inline constexpr auto notes = ctsql::query_set<app::notes_sql>;

int main() {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    db.execute(notes.get<"AddNote">(), "installed");
    const auto count = db.execute<std::int64_t>(notes.get<"CountNotes">());
    std::printf("notes: %lld\n", static_cast<long long>(count.value_or(0)));
    return count == 1 ? 0 : 1;
}
