// :copyfrom and :batchexec on SQLite: the same surface as on the servers, each range run
// inside a savepoint, all or nothing; UUIDs and enums kept as text.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "support/caught.hpp"

namespace {

enum class note_status { draft, published };

inline constexpr auto Setup = R"sql(
    CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, ref TEXT, status TEXT NOT NULL DEFAULT 'draft');
)sql";
inline constexpr auto CopyNotes = ctsql::query<R"sql(
-- name: CopyNotes :copyfrom
INSERT INTO notes (id, body) VALUES ($1, $2)
)sql">;
inline constexpr auto Publish = ctsql::query<R"sql(
-- name: Publish :batchexec
UPDATE notes SET status = @status WHERE id = @id
)sql">;
inline constexpr auto SetRef = ctsql::query<"-- name: SetRef :exec\nUPDATE notes SET ref = $2 WHERE id = $1">;
inline constexpr auto GetNote = ctsql::query<"-- name: GetNote :one\nSELECT ref, status FROM notes WHERE id = $1">;
inline constexpr auto CountNotes = ctsql::query<"-- name: CountNotes :one\nSELECT count(*) FROM notes">;

struct Note {
    std::optional<ctsql::uuid> ref;
    note_status status;
};

struct Publication {
    std::int64_t id;
    note_status status;
};

}  // namespace

TEST_CASE(":copyfrom and :batchexec load ranges, all or nothing") {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script(Setup);
    std::vector<std::tuple<std::int64_t, std::string>> notes;
    for (std::int64_t id = 1; id <= 1000; ++id) notes.emplace_back(id, "note " + std::to_string(id));
    CHECK(db.execute(CopyNotes, notes) == 1000);
    CHECK(db.execute<std::int64_t>(CountNotes) == 1000);

    // A duplicate key in the middle: none of the range stays.
    std::vector<std::tuple<std::int64_t, std::string>> clash{{2001, "a"}, {2002, "b"}, {5, "dup"}};
    {
        const ctsql::error e = test::caught([&] { db.execute(CopyNotes, clash); });
        CHECK(e.code() == ctsql::errc::unique_violation);
        CHECK(std::string{e.what()}.starts_with("CopyNotes: unique_violation: item 2: "));
    }
    CHECK(db.execute<std::int64_t>(CountNotes) == 1000);

    // Named parameters from a struct per item; rows affected in all.
    CHECK(db.execute(Publish, std::vector<Publication>{{1, note_status::published}, {2, note_status::published}, {9999, note_status::draft}}) == 2);
    CHECK(db.execute<Note>(GetNote, 1)->status == note_status::published);
    CHECK(db.execute<Note>(GetNote, 3)->status == note_status::draft);
}

TEST_CASE("UUIDs as text on SQLite") {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script(Setup);
    db.execute(CopyNotes, std::vector<std::tuple<int, std::string>>{{1, "x"}});
    const auto id = *ctsql::uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    db.execute(SetRef, 1, id);
    CHECK(db.execute<Note>(GetNote, 1)->ref == id);
    const auto RefText = ctsql::query<"-- name: RefText :one\nSELECT ref FROM notes WHERE id = $1">;
    CHECK(db.execute<std::optional<std::string>>(RefText, 1) ==
          std::optional<std::optional<std::string>>{"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"});
    db.execute(SetRef, 1, "not a uuid");
    CHECK_THROWS_AS(db.execute<Note>(GetNote, 1), ctsql::error);
}
