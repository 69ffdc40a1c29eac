// The per-dialect text: parameters respelled, everything else untouched.
#include <ctsql/query.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>

namespace {

using ctsql::dialect;

inline constexpr auto Numbered = ctsql::query<"-- name: N :many\nSELECT a FROM t WHERE b = $2 AND c = $1 AND d = '$1' OR e = $10 OR f IN ($3,$4,$5,$6,$7,$8,$9)">;
static_assert(Numbered.sql<dialect::sqlite>() ==
              "-- name: N :many\nSELECT a FROM t WHERE b = ?2 AND c = ?1 AND d = '$1' OR e = ?10 OR f IN (?3,?4,?5,?6,?7,?8,?9)");
static_assert(Numbered.sql<dialect::postgresql>() == Numbered.text());

inline constexpr auto Named = ctsql::query<"-- name: M :exec\nUPDATE t SET a = @a, b = sqlc.narg(b) WHERE id = sqlc.arg('id') AND a <> @a">;
static_assert(Named.sql<dialect::sqlite>() == "-- name: M :exec\nUPDATE t SET a = ?1, b = ?2 WHERE id = ?3 AND a <> ?1");
static_assert(Named.sql<dialect::postgresql>() == "-- name: M :exec\nUPDATE t SET a = $1, b = $2 WHERE id = $3 AND a <> $1");

inline constexpr auto Anonymous = ctsql::query<"-- name: A :exec\nINSERT INTO t VALUES (?, ?)">;
static_assert(Anonymous.sql<dialect::sqlite>() == Anonymous.text());
static_assert(Anonymous.sql<dialect::postgresql>() == "-- name: A :exec\nINSERT INTO t VALUES ($1, $2)");

// MySQL has only ?: each one is mapped to the argument it binds, in any order, repeated or not.
static_assert(Numbered.sql<dialect::mysql>() ==
              "-- name: N :many\nSELECT a FROM t WHERE b = ? AND c = ? AND d = '$1' OR e = ? OR f IN (?,?,?,?,?,?,?)");
static_assert(Numbered.placeholder_arguments() == std::array<std::size_t, 10>{2, 1, 10, 3, 4, 5, 6, 7, 8, 9});
static_assert(Named.sql<dialect::mysql>() == "-- name: M :exec\nUPDATE t SET a = ?, b = ? WHERE id = ? AND a <> ?");
static_assert(Named.placeholder_arguments() == std::array<std::size_t, 4>{1, 2, 3, 1});
static_assert(Anonymous.sql<dialect::mysql>() == Anonymous.text());
static_assert(Anonymous.placeholder_arguments() == std::array<std::size_t, 2>{1, 2});

// The text a backend receives ends with a NUL, as C APIs want.
static_assert(Named.sql<dialect::sqlite>().data()[Named.sql<dialect::sqlite>().size()] == '\0');

}  // namespace

TEST_CASE("dialect texts are available at run time") {
    CHECK(Named.sql<dialect::sqlite>().find("?3") != std::string_view::npos);
}
