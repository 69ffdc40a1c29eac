#pragma once
// Migrations, the same on every backend: each check takes a function that opens a new
// connection to one empty database of the test's own.

#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <latch>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/caught.hpp"

namespace test {

// DDL every dialect runs: BIGINT keys, VARCHAR with a length (MySQL wants one to index).
inline constexpr ctsql::migration notes_migrations[] = {
    {1, "notes",
     "CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(200) NOT NULL);\n"
     "INSERT INTO notes (id, body) VALUES (1, 'welcome');",
     "DROP TABLE notes"},
    {2, "tags", "CREATE TABLE tags (note_id BIGINT NOT NULL, tag VARCHAR(40) NOT NULL);\nCREATE INDEX tags_note ON tags (note_id)",
     "DROP TABLE tags"},
    {3, "authors", "ALTER TABLE notes ADD COLUMN author VARCHAR(100)", "ALTER TABLE notes DROP COLUMN author"},
};
inline constexpr auto notes_schema = ctsql::schema_from<notes_migrations>;

// Checked at compile time against the schema the migrations make, run on the database they made.
struct Note {
    std::int64_t id;
    std::string body;
    std::optional<std::string> author;
};
inline constexpr auto AddNote =
    ctsql::query<"-- name: AddNote :exec\nINSERT INTO notes (id, body, author) VALUES ($1, $2, $3)", notes_schema>;
inline constexpr auto GetNote = ctsql::query<"-- name: GetNote :one\nSELECT id, body, author FROM notes WHERE id = $1", notes_schema>;
inline constexpr auto CountNotes = ctsql::query<"-- name: CountNotes :one\nSELECT COUNT(*) FROM notes">;
inline constexpr auto CountTags = ctsql::query<"-- name: CountTags :one\nSELECT COUNT(*) FROM tags">;
inline constexpr auto CountAuthors = ctsql::query<"-- name: CountAuthors :one\nSELECT COUNT(author) FROM notes">;

inline std::vector<ctsql::migration> first(std::size_t n) {
    return {std::begin(notes_migrations), std::begin(notes_migrations) + static_cast<std::ptrdiff_t>(n)};
}

template <class Connection>
std::vector<std::int64_t> applied_versions(Connection& db) {
    std::vector<std::int64_t> versions;
    for (const ctsql::migration_status& s : ctsql::status(db, notes_migrations))
        if (s.applied) versions.push_back(s.version);
    return versions;
}

template <class Connection, class Query>
ctsql::errc failure_of(Connection& db, const Query& query) {
    return test::caught([&] { db.template execute<std::int64_t>(query); }).code();
}

// From an empty database: every migration applied once, in order, and recorded with its time;
// run again, nothing; a new migration, just that one. The queries checked against schema_from
// run on the result.
template <class Connect>
void check_migrate(Connect connect) {
    auto db = connect();
    const std::vector<ctsql::migration_status> before = ctsql::status(db, first(2));
    REQUIRE(before.size() == 2);
    CHECK(before[0].version == 1);
    CHECK(before[0].name == "notes");
    CHECK_FALSE(before[0].applied);
    CHECK_FALSE(before[0].applied_at.has_value());
    CHECK(before[0].known);

    const auto start = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    CHECK(ctsql::migrate(db, first(2)) == 2);
    const auto end = std::chrono::system_clock::now();
    CHECK(ctsql::migrate(db, first(2)) == 0);
    const std::vector<ctsql::migration_status> after = ctsql::status(db, first(2));
    REQUIRE(after.size() == 2);
    for (const ctsql::migration_status& s : after) {
        CHECK(s.applied);
        REQUIRE(s.applied_at.has_value());
        CHECK(*s.applied_at >= start);
        CHECK(*s.applied_at <= end);
        CHECK_FALSE(s.changed);
    }
    CHECK(db.template execute<std::int64_t>(CountNotes) == 1);  // the seed row of migration 1
    CHECK(db.template execute<std::int64_t>(CountTags) == 0);

    CHECK(ctsql::migrate(db, notes_migrations) == 1);
    CHECK(applied_versions(db) == std::vector<std::int64_t>{1, 2, 3});
    db.execute(AddNote, std::int64_t{2}, "hello", "Ann");
    CHECK(db.template execute<Note>(GetNote, std::int64_t{2})->author == "Ann");
    CHECK_FALSE(db.template execute<Note>(GetNote, std::int64_t{1})->author.has_value());
    // Another connection, as another process would, finds nothing left to do.
    auto other = connect();
    CHECK(ctsql::migrate(other, notes_migrations) == 0);
}

// A list of migrations is any range: here a vector of texts made at run time, out of order.
// Versions need not be consecutive.
template <class Connect>
void check_runtime_list(Connect connect) {
    auto db = connect();
    const std::vector<std::string> ups = {"CREATE TABLE b (id BIGINT)", "CREATE TABLE a (id BIGINT)"};
    const std::vector<ctsql::migration> list = {{20, "b", ups[0], "DROP TABLE b"}, {10, "a", ups[1], "DROP TABLE a"}};
    CHECK(ctsql::migrate(db, list) == 2);
    const auto listed = ctsql::status(db, list);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].name == "a");
    CHECK(listed[1].name == "b");
    // A version below the newest applied, from a branch merged later, is still pending.
    std::vector<ctsql::migration> merged = list;
    merged.push_back({15, "c", "CREATE TABLE c (id BIGINT)", "DROP TABLE c"});
    CHECK(ctsql::migrate(db, merged) == 1);
    CHECK(ctsql::status(db, merged)[1].applied);
}

// A list with a version twice, or one not positive, is refused before anything is touched.
template <class Connect>
void check_invalid_list(Connect connect) {
    auto db = connect();
    const std::vector<ctsql::migration> twice = {{1, "a", "CREATE TABLE a (id BIGINT)", ""}, {1, "b", "", ""}};
    const ctsql::error e = test::caught([&] { ctsql::migrate(db, twice); });
    CHECK(e.code() == ctsql::errc::other);
    CHECK(e.text() == "migrations: version 1 is given twice ('a' and 'b')");
    const std::vector<ctsql::migration> negative = {{-1, "minus", "", ""}};
    CHECK(test::caught([&] { ctsql::status(db, negative); }).text() ==
          "migrations: version -1 of 'minus' is not positive (versions count from 1)");
    CHECK(failure_of(db, CountNotes) == ctsql::errc::undefined_object);
}

// An applied migration whose script has changed is refused by migrate and rollback, named by
// version and name, and flagged by status. The marker of an embedded file and CRLF line ends
// are no change.
template <class Connect>
void check_changed_migration(Connect connect) {
    auto db = connect();
    REQUIRE(ctsql::migrate(db, first(2)) == 2);

    const std::string crlf = "/* ctsql: file db/migrations/2_tags.up.sql:1 */CREATE TABLE tags (note_id BIGINT NOT NULL, "
                             "tag VARCHAR(40) NOT NULL);\r\nCREATE INDEX tags_note ON tags (note_id)";
    std::vector<ctsql::migration> moved = first(2);
    moved[1].up = crlf;
    CHECK(ctsql::migrate(db, moved) == 0);

    std::vector<ctsql::migration> edited = first(3);
    edited[1].up = "CREATE TABLE tags (note_id BIGINT NOT NULL, tag VARCHAR(80) NOT NULL)";
    const ctsql::error e = test::caught([&] { ctsql::migrate(db, edited); });
    CHECK(e.code() == ctsql::errc::migration_mismatch);
    CHECK(e.text().starts_with("migration 2 'tags' has changed since it was applied (checksum "));
    CHECK(e.text().find(ctsql::migration_checksum(notes_migrations[1].up) + " then, " +
                        ctsql::migration_checksum(edited[1].up) + " now") != std::string::npos);
    CHECK(test::caught([&] { ctsql::rollback(db, edited, 1); }).code() == ctsql::errc::migration_mismatch);
    const auto listed = ctsql::status(db, edited);
    CHECK(listed[1].changed);
    CHECK_FALSE(listed[0].changed);
    CHECK_FALSE(listed[2].applied);  // refused before migration 3 was applied
    CHECK(applied_versions(db) == std::vector<std::int64_t>{1, 2});
}

// A database ahead of the program (a version applied that the list lacks) is refused; status
// lists that version with the name it was applied under.
template <class Connect>
void check_unknown_applied(Connect connect) {
    auto db = connect();
    REQUIRE(ctsql::migrate(db, notes_migrations) == 3);
    const std::vector<ctsql::migration> older = first(2);
    const ctsql::error e = test::caught([&] { ctsql::migrate(db, older); });
    CHECK(e.code() == ctsql::errc::migration_mismatch);
    CHECK(e.text() == "migration 3 'authors' is applied to the database, but the program does not have it: the "
                      "database is ahead of the program");
    const auto listed = ctsql::status(db, older);
    REQUIRE(listed.size() == 3);
    CHECK(listed[2].version == 3);
    CHECK(listed[2].name == "authors");
    CHECK(listed[2].applied);
    CHECK_FALSE(listed[2].known);
    CHECK(listed[1].known);
}

// rollback undoes the newest first, each with its record; more than are applied undoes all
// there are; what was undone can be applied again.
template <class Connect>
void check_rollback(Connect connect) {
    auto db = connect();
    REQUIRE(ctsql::migrate(db, notes_migrations) == 3);
    CHECK(ctsql::rollback(db, notes_migrations, 0) == 0);
    CHECK(ctsql::rollback(db, notes_migrations, 1) == 1);
    CHECK(applied_versions(db) == std::vector<std::int64_t>{1, 2});
    CHECK(failure_of(db, CountAuthors) == ctsql::errc::undefined_object);
    CHECK(ctsql::rollback(db, notes_migrations, 5) == 2);
    CHECK(applied_versions(db).empty());
    CHECK(failure_of(db, CountNotes) == ctsql::errc::undefined_object);
    CHECK(ctsql::rollback(db, notes_migrations, 1) == 0);
    CHECK(ctsql::migrate(db, notes_migrations) == 3);
    CHECK(db.template execute<std::int64_t>(CountNotes) == 1);
}

// A migration without a down script stops rollback before it undoes anything.
template <class Connect>
void check_rollback_without_down(Connect connect) {
    auto db = connect();
    std::vector<ctsql::migration> list = first(3);
    list[1].down = {};
    REQUIRE(ctsql::migrate(db, list) == 3);
    CHECK(ctsql::rollback(db, list, 1) == 1);
    const ctsql::error e = test::caught([&] { ctsql::rollback(db, list, 2); });
    CHECK(e.code() == ctsql::errc::other);
    CHECK(e.text() == "migration 2 'tags' has no down script, so it cannot be undone: nothing was undone");
    CHECK(applied_versions(db) == std::vector<std::int64_t>{1, 2});
}

// A migration that fails is named in the error and not recorded, and the ones before it stay
// applied. Where DDL is transactional (SQLite, PostgreSQL) nothing of it stays either; MySQL
// commits each DDL statement, so its first table stays.
template <class Connect>
void check_failed_migration(Connect connect, bool transactional_ddl) {
    auto db = connect();
    std::vector<ctsql::migration> list = first(1);
    list.push_back({2, "half", "CREATE TABLE half (id BIGINT); CREATE TABLE half (id BIGINT)", "DROP TABLE half"});
    const ctsql::error e = test::caught([&] { ctsql::migrate(db, list); });
    CHECK(e.text().starts_with("migration 2 'half': "));
    CHECK(applied_versions(db) == std::vector<std::int64_t>{1});
    constexpr auto CountHalf = ctsql::query<"-- name: CountHalf :one\nSELECT COUNT(*) FROM half">;
    if (transactional_ddl) CHECK(failure_of(db, CountHalf) == ctsql::errc::undefined_object);
    else CHECK(db.template execute<std::int64_t>(CountHalf) == 0);
}

// A migration that does nothing (a placeholder, or a step another dialect's list needs) has a
// script of whitespace and comments, or none at all: it is applied, recorded and undone like any
// other, on every backend; execute_script runs such a script as doing nothing.
template <class Connect>
void check_empty_scripts(Connect connect) {
    auto db = connect();
    db.execute_script(" /* nothing */ -- at all\n;");
    std::vector<ctsql::migration> list = first(1);
    list.push_back({2, "nothing", "", " \n\t"});
    list.push_back({3, "placeholder",
                    "/* ctsql: file db/migrations/3_placeholder.up.sql:1 */\n-- a step only other dialects need\n;",
                    "/* nothing */ -- to undo\n"});
    CHECK(ctsql::migrate(db, list) == 3);
    const auto listed = ctsql::status(db, list);
    REQUIRE(listed.size() == 3);
    CHECK(listed[1].applied);
    CHECK(listed[2].applied);
    CHECK(ctsql::rollback(db, list, 2) == 2);
    CHECK(ctsql::status(db, list)[0].applied);
    CHECK_FALSE(ctsql::status(db, list)[1].applied);
    CHECK(ctsql::migrate(db, list) == 2);
}

// migrate, rollback and status inside a transaction of the program's are refused: migrations
// need transactions of their own, and the program's is left as it was.
template <class Connect>
void check_inside_transaction(Connect connect) {
    auto db = connect();
    auto tx = db.transaction();
    const std::string refusal = "migrate, rollback and status run outside a transaction: migrations run in transactions "
                                "of their own";
    CHECK(test::caught([&] { ctsql::migrate(db, notes_migrations); }).text() == refusal);
    CHECK(test::caught([&] { ctsql::rollback(db, notes_migrations, 1); }).text() == refusal);
    CHECK(test::caught([&] { ctsql::status(db, notes_migrations); }).text() == refusal);
    CHECK(tx.active());
    tx.rollback();
    CHECK(ctsql::migrate(db, notes_migrations) == 3);
}

// Runs two calls at once, each on a thread of its own with a connection of its own, as two
// processes would: both start when both are connected. Returns the error each threw, if any.
template <class Connect, class First, class Second>
std::array<std::optional<ctsql::error>, 2> at_once(Connect connect, First first, Second second) {
    std::array<std::optional<ctsql::error>, 2> failures;
    std::latch connected{2};
    const auto run = [&](auto call, std::optional<ctsql::error>& failure) {
        std::optional<decltype(connect())> db;
        try {
            db.emplace(connect());
        } catch (const ctsql::error& e) {
            failure = e;
        }
        connected.arrive_and_wait();  // even when this one failed to connect, so the other runs
        if (!db) return;
        try {
            call(*db);
        } catch (const ctsql::error& e) {
            failure = e;
        }
    };
    std::thread a{[&] { run(first, failures[0]); }};
    std::thread b{[&] { run(second, failures[1]); }};
    a.join();
    b.join();
    return failures;
}

inline void check_no_failure(const std::array<std::optional<ctsql::error>, 2>& failures) {
    for (const std::optional<ctsql::error>& failure : failures) CHECK_MESSAGE(!failure, (failure ? failure->text() : ""));
}

// Two processes migrating at once: each migration is applied once, by one of them. Each
// migration takes a while (`pause` runs that long), so that the other process looks at the
// database while one runs.
template <class Connect>
void check_concurrent_migrate(Connect connect, const std::string& pause) {
    constexpr std::int64_t steps = 6;
    std::vector<std::string> ups = {"CREATE TABLE migration_log (version BIGINT NOT NULL); " + pause};
    for (std::int64_t v = 2; v <= steps; ++v)
        ups.push_back("CREATE TABLE step_" + std::to_string(v) + " (id BIGINT); INSERT INTO migration_log (version) VALUES (" +
                      std::to_string(v) + "); " + pause);
    std::vector<ctsql::migration> list;
    for (std::int64_t v = 1; v <= steps; ++v) list.push_back({v, "step", ups[static_cast<std::size_t>(v - 1)], ""});

    // The ledger exists, so that looking at it takes no write lock on SQLite.
    auto db = connect();
    CHECK(ctsql::status(db, list).size() == steps);
    std::size_t applied[2] = {};
    check_no_failure(at_once(
        connect, [&](auto& first_process) { applied[0] = ctsql::migrate(first_process, list); },
        [&](auto& second_process) { applied[1] = ctsql::migrate(second_process, list); }));
    CHECK(applied[0] + applied[1] == steps);
    constexpr auto Logged = ctsql::query<"-- name: Logged :one\nSELECT COUNT(*) FROM migration_log">;
    constexpr auto LoggedOnce = ctsql::query<"-- name: LoggedOnce :one\nSELECT COUNT(DISTINCT version) FROM migration_log">;
    CHECK(db.template execute<std::int64_t>(Logged) == steps - 1);
    CHECK(db.template execute<std::int64_t>(LoggedOnce) == steps - 1);
    CHECK(ctsql::migrate(db, list) == 0);
}

// One process asks for the status of a new database while another migrates it: both would
// create the ledger, and they take turns, so neither fails. Several rounds, each from a
// database without a ledger, as the race is a matter of timing.
template <class Connect>
void check_concurrent_status(Connect connect) {
    const std::vector<ctsql::migration> list = first(1);
    auto db = connect();
    for (int round = 0; round < 10; ++round) {
        CAPTURE(round);
        std::size_t listed = 0;
        std::size_t applied = 0;
        check_no_failure(at_once(
            connect, [&](auto& looking) { listed = ctsql::status(looking, list).size(); },
            [&](auto& migrating) { applied = ctsql::migrate(migrating, list); }));
        CHECK(listed == 1);
        CHECK(applied == 1);
        db.execute_script("DROP TABLE IF EXISTS notes; DROP TABLE IF EXISTS ctsql_migrations");
    }
}

}  // namespace test
