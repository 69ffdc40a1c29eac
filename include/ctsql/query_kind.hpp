#pragma once
// The kinds a query's tag can name (`-- name: X :kind`): they decide what execute returns.

#include <cstdint>
#include <string_view>

namespace ctsql {

enum class query_kind : std::uint8_t {
    one,         // std::optional<Row>
    many,        // std::vector<Row>
    exec,        // void
    execrows,    // rows affected
    execlastid,  // id of the inserted row
    copyfrom,    // a range of rows bulk-loaded by a plain INSERT: rows loaded
    batchexec,   // a range of argument sets, run as one batch: rows affected in all
};

constexpr std::string_view to_string(query_kind kind) {
    switch (kind) {
        case query_kind::one: return ":one";
        case query_kind::many: return ":many";
        case query_kind::exec: return ":exec";
        case query_kind::execrows: return ":execrows";
        case query_kind::execlastid: return ":execlastid";
        case query_kind::copyfrom: return ":copyfrom";
        case query_kind::batchexec: return ":batchexec";
    }
    return "?";
}

constexpr bool returns_rows(query_kind kind) { return kind == query_kind::one || kind == query_kind::many; }

// Kinds whose one argument is a range, each element an argument set of its own.
constexpr bool takes_a_range(query_kind kind) { return kind == query_kind::copyfrom || kind == query_kind::batchexec; }

namespace detail {

// The kind named by the word after ':' in a tag, if there is one by that name.
constexpr bool parse_query_kind(std::string_view word, query_kind& kind) {
    constexpr query_kind all[] = {query_kind::one, query_kind::many, query_kind::exec, query_kind::execrows,
                                  query_kind::execlastid, query_kind::copyfrom, query_kind::batchexec};
    for (query_kind candidate : all)
        if (to_string(candidate).substr(1) == word) {
            kind = candidate;
            return true;
        }
    return false;
}

}  // namespace detail
}  // namespace ctsql
