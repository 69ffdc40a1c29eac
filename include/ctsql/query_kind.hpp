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

// The kind named by the word after ':' in a tag, if there is one by that name. Each name is
// compared as a literal, by its length first: every query's tag is read at compile time.
constexpr bool parse_query_kind(std::string_view word, query_kind& kind) {
    const char* const text = word.data();
    const std::size_t size = word.size();
    const auto is = [&]<std::size_t N>(const char (&name)[N]) {
        if (size != N - 1) return false;
        for (std::size_t i = 0; i + 1 < N; ++i)
            if (text[i] != name[i]) return false;
        return true;
    };
    if (is("one")) kind = query_kind::one;
    else if (is("many")) kind = query_kind::many;
    else if (is("exec")) kind = query_kind::exec;
    else if (is("execrows")) kind = query_kind::execrows;
    else if (is("execlastid")) kind = query_kind::execlastid;
    else if (is("copyfrom")) kind = query_kind::copyfrom;
    else if (is("batchexec")) kind = query_kind::batchexec;
    else return false;
    return true;
}

}  // namespace detail
}  // namespace ctsql
