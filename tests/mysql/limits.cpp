// MySQL and MariaDB at ctsql's limits (docs/testing.md#limits): text values up to the server's
// max_allowed_packet, and one past it, which the server refuses by closing the connection.
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "support/caught.hpp"
#include "support/mysql_scratch.hpp"

namespace {

inline constexpr auto InsertNote = ctsql::query<"-- name: InsertNote :exec\nINSERT INTO notes (id, body) VALUES ($1, $2)">;
inline constexpr auto NoteLength = ctsql::query<"-- name: NoteLength :one\nSELECT LENGTH(body) AS bytes FROM notes WHERE id = $1">;
inline constexpr auto GetNote = ctsql::query<"-- name: GetNote :one\nSELECT body FROM notes WHERE id = $1">;
inline constexpr auto MaxPacket = ctsql::query<"-- name: MaxPacket :one\nSELECT @@max_allowed_packet AS bytes">;

}  // namespace

TEST_CASE("limits: text values up to max_allowed_packet, and one past it") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE notes (id INT PRIMARY KEY, body LONGTEXT)");
    const auto packet = static_cast<std::size_t>(db.execute<std::int64_t>(MaxPacket).value());
    REQUIRE(packet >= (2 << 20));

    const std::string fits(packet - (1 << 20), 'x');  // a statement's own bytes need some room too
    db.execute(InsertNote, 1, fits);
    CHECK(db.execute<std::int64_t>(NoteLength, 1) == static_cast<std::int64_t>(fits.size()));
    CHECK(db.execute<std::string>(GetNote, 1) == fits);

    const ctsql::error refused = test::caught([&] { db.execute(InsertNote, 2, std::string(packet + 1, 'y')); });
    CHECK(refused.code() == ctsql::errc::connection_failure);
    CHECK(refused.query_name() == "InsertNote");
}
