// PostgreSQL at ctsql's limits (docs/testing.md#limits): a huge text value, in binary both ways.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <string>

#include "support/postgres_scratch.hpp"

namespace {

inline constexpr auto EchoText = ctsql::query<"-- name: EchoText :one\nSELECT $1::text AS value">;

}  // namespace

TEST_CASE("limits: a text value of 64 MiB round-trips") {
    test::postgres_scratch scratch;
    auto db = scratch.connect();
    const std::string huge(64 << 20, 'x');
    CHECK(db.execute<std::string>(EchoText, huge) == huge);
}
