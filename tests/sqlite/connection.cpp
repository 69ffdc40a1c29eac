// Opening SQLite databases, their settings, scripts, and the check of a prepared statement
// against what the query was compiled with.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "support/temp_dir.hpp"

namespace {

inline constexpr auto JournalMode = ctsql::query<"-- name: JournalMode :one\nSELECT journal_mode FROM pragma_journal_mode">;
inline constexpr auto ForeignKeys = ctsql::query<"-- name: ForeignKeys :one\nSELECT foreign_keys FROM pragma_foreign_keys">;
inline constexpr auto BusyTimeout = ctsql::query<"-- name: BusyTimeout :one\nSELECT timeout FROM pragma_busy_timeout">;
inline constexpr auto CountNotes = ctsql::query<"-- name: CountNotes :one\nSELECT count(*) AS n FROM notes">;
inline constexpr auto AddNote = ctsql::query<"-- name: AddNote :exec\nINSERT INTO notes (body) VALUES ($1)">;
// A statement whose result the parser cannot see: compiled with no columns, it returns six.
inline constexpr auto TableInfo = ctsql::query<"-- name: TableInfo :exec\nPRAGMA table_info(notes)">;

// The schema the code was compiled against: notes has two columns.
inline constexpr auto notes_schema = ctsql::schema<"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)">;
inline constexpr auto AllNotes = ctsql::query<"-- name: AllNotes :many\nSELECT * FROM notes", notes_schema>;

struct Note {
    std::int64_t id;
    std::string body;
};

}  // namespace

TEST_CASE("a file database: WAL journal, foreign keys on, a busy timeout, data kept across connections") {
    ctsql_test::temp_dir dir;
    const std::string path = dir.file("app.db");
    {
        ctsql::sqlite::connection db{"sqlite://" + path};
        CHECK(db.execute<std::string>(JournalMode) == "wal");
        CHECK(db.execute<bool>(ForeignKeys) == true);
        CHECK(db.execute<int>(BusyTimeout) == 5000);
        db.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
                          "INSERT INTO notes (body) VALUES ('first');");
        db.execute(AddNote, "second");
    }
    ctsql::sqlite::connection again{path};
    CHECK(again.execute<int>(CountNotes) == 2);
}

TEST_CASE("in-memory databases, by name or URL, each its own") {
    ctsql::sqlite::connection a{":memory:"};
    ctsql::sqlite::connection b{"sqlite://:memory:"};
    CHECK(a.execute<std::string>(JournalMode) == "memory");
    a.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    a.execute(AddNote, "x");
    CHECK(a.execute<int>(CountNotes) == 1);
    CHECK_THROWS_AS(b.execute<int>(CountNotes), ctsql::error);
}

TEST_CASE("options: foreign keys and WAL can be left off, and read-only refuses writes") {
    ctsql_test::temp_dir dir;
    const std::string path = dir.file("plain.db");
    {
        ctsql::sqlite::connection db{path, ctsql::sqlite::options{.foreign_keys = false, .write_ahead_log = false}};
        CHECK(db.execute<bool>(ForeignKeys) == false);
        CHECK(db.execute<std::string>(JournalMode) == "delete");
        db.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    }
    ctsql::sqlite::connection reader{path, {.read_only = true}};
    CHECK(reader.execute<int>(CountNotes) == 0);
    CHECK_THROWS_AS(reader.execute(AddNote, "no"), ctsql::error);
}

TEST_CASE("a connection moves with its cached statements") {
    ctsql::sqlite::connection first{":memory:"};
    first.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    first.execute(AddNote, "before");
    ctsql::sqlite::connection second = std::move(first);
    second.execute(AddNote, "after");
    CHECK(second.execute<int>(CountNotes) == 2);
}

TEST_CASE("a statement that returns other columns than the query was compiled with is refused") {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    try {
        db.execute(TableInfo);
        FAIL("the drift went unnoticed");
    } catch (const ctsql::error& e) {
        CHECK(e.code() == ctsql::errc::type_mismatch);
        CHECK(e.query_name() == "TableInfo");
        CHECK(std::string{e.what()}.find("returns 6 columns, the query was compiled with 0") != std::string::npos);
    }
}

TEST_CASE("SELECT * against a database whose table has drifted from the schema is refused") {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
                      "INSERT INTO notes (body) VALUES ('kept')");
    const std::vector<Note> notes = db.execute<Note>(AllNotes);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].body == "kept");

    ctsql::sqlite::connection drifted{":memory:"};
    drifted.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, extra TEXT)");
    try {
        drifted.execute<Note>(AllNotes);
        FAIL("the extra column went unnoticed");
    } catch (const ctsql::error& e) {
        CHECK(e.code() == ctsql::errc::type_mismatch);
        CHECK(std::string{e.what()}.find("returns 3 columns, the query was compiled with 2") != std::string::npos);
    }
}
