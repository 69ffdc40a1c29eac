// The per-dialect text: parameters respelled, everything else untouched.
#include <ctsql/query.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

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

// Lists (sqlc.slice) are cut out at compile time; their placeholders are spliced in for each
// call's lengths, numbered after every other parameter, list after list, so that the others'
// never move. A list named twice gets the same placeholders twice; an empty list is NULL. On
// SQLite a list whose numbers follow on from all before it is ?N, ?, ... (SQLite prepares a
// bare ? faster than ?NNN).
inline constexpr auto Lists = ctsql::query<
    "-- name: L :many\nSELECT a FROM t WHERE b = @b AND id IN (sqlc.slice(ids)) AND c = sqlc.arg(c) OR d IN (sqlc.slice('ds'), 3) OR e IN (sqlc.slice(ids))">;
static_assert(Lists.parameter_count() == 4 && Lists.list_count() == 2);

template <dialect D>
constexpr ctsql::text_buffer<200> spliced(std::array<std::size_t, 2> lengths) {
    ctsql::text_buffer<200> text;
    Lists.sql<D>(lengths, text);
    return text;
}
static_assert(spliced<dialect::sqlite>({3, 0}).view() ==
              "-- name: L :many\nSELECT a FROM t WHERE b = ?1 AND id IN (?3, ?, ?) AND c = ?2 OR d IN (NULL, 3) OR e IN (?3, ?4, ?5)");
static_assert(spliced<dialect::sqlite>({1, 2}).view() ==
              "-- name: L :many\nSELECT a FROM t WHERE b = ?1 AND id IN (?3) AND c = ?2 OR d IN (?4, ?, 3) OR e IN (?3)");
static_assert(spliced<dialect::postgresql>({1, 2}).view() ==
              "-- name: L :many\nSELECT a FROM t WHERE b = $1 AND id IN ($3) AND c = $2 OR d IN ($4, $5, 3) OR e IN ($3)");
static_assert(spliced<dialect::mysql>({1, 2}).view() ==
              "-- name: L :many\nSELECT a FROM t WHERE b = ? AND id IN (?) AND c = ? OR d IN (?, ?, 3) OR e IN (?)");
// MySQL's map: the others' arguments where they stand, and the lists' elements after them.
static_assert(Lists.placeholder_arguments(std::array<std::size_t, 2>{1, 2}) == std::vector<std::size_t>{1, 3, 2, 4, 5, 3});
static_assert(Lists.placeholder_arguments(std::array<std::size_t, 2>{0, 0}) == std::vector<std::size_t>{1, 2});

// Among ?s, SQLite gets them numbered: a bare ? after a list would be numbered after it.
inline constexpr auto AnonymousList = ctsql::query<"-- name: Q :many\nSELECT a FROM t WHERE b = ? AND id IN (sqlc.slice(ids)) AND c = ?">;
template <dialect D>
constexpr ctsql::text_buffer<100> spliced_anonymous(std::size_t length) {
    ctsql::text_buffer<100> text;
    AnonymousList.sql<D>(std::array<std::size_t, 1>{length}, text);
    return text;
}
static_assert(spliced_anonymous<dialect::sqlite>(2).view() == "-- name: Q :many\nSELECT a FROM t WHERE b = ?1 AND id IN (?3, ?) AND c = ?2");
static_assert(spliced_anonymous<dialect::postgresql>(2).view() == "-- name: Q :many\nSELECT a FROM t WHERE b = $1 AND id IN ($3, $4) AND c = $2");
static_assert(spliced_anonymous<dialect::mysql>(2).view() == "-- name: Q :many\nSELECT a FROM t WHERE b = ? AND id IN (?, ?) AND c = ?");
static_assert(AnonymousList.placeholder_arguments(std::array<std::size_t, 1>{2}) == std::vector<std::size_t>{1, 3, 4, 2});

inline constexpr auto OnlyList = ctsql::query<"-- name: O :many\nSELECT a FROM t WHERE id NOT IN (sqlc.slice(ids))">;
static_assert([] {
    ctsql::text_buffer<80> text;
    OnlyList.sql<dialect::sqlite>(std::array<std::size_t, 1>{2}, text);
    return text;
}().view() == "-- name: O :many\nSELECT a FROM t WHERE id NOT IN (?1, ?)");

}  // namespace

TEST_CASE("dialect texts are available at run time") {
    CHECK(Named.sql<dialect::sqlite>().find("?3") != std::string_view::npos);
    CHECK(Lists.sql<dialect::postgresql>(std::array<std::size_t, 2>{2, 1}) ==
          "-- name: L :many\nSELECT a FROM t WHERE b = $1 AND id IN ($3, $4) AND c = $2 OR d IN ($5, 3) OR e IN ($3, $4)");
}
