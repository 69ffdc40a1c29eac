#pragma once
// The query text each backend is given, produced at compile time: parameters are respelled
// in the dialect's own placeholder syntax; everything else is left exactly as written.
//   SQLite:      $n -> ?n, named -> ?k (k in order of first appearance), ? stays ?
//   PostgreSQL:  $n stays, named and ? -> $k
//   MySQL:       every parameter -> ?, with a map from each ? to the argument it binds, so
//                that $2 may come first and $1 twice

#include <array>
#include <cstddef>
#include <string_view>

#include "dialect.hpp"
#include "fixed_string.hpp"
#include "lexer.hpp"
#include "statement.hpp"

namespace ctsql::detail {

// Counts the characters it is given, or copies them into a buffer: the same walk serves to
// size the result and to fill it.
struct text_sink {
    char* out = nullptr;
    std::size_t size = 0;
    constexpr text_sink& operator<<(std::string_view text) {
        for (char c : text) {
            if (out != nullptr) out[size] = c;
            ++size;
        }
        return *this;
    }
};

template <statement_shape Shape>
constexpr std::size_t bound_position(const statement<Shape>& s, const token& t, std::size_t& anonymous_seen) {
    switch (t.style) {
        case parameter_style::numbered: return t.number;
        case parameter_style::anonymous: return ++anonymous_seen;
        case parameter_style::named:
            for (const parameter& p : s.parameters)
                if (p.name == t.name) return p.number;
            return 0;
        case parameter_style::none: return 0;
    }
    return 0;
}

template <dialect D, statement_shape Shape>
constexpr void respell_parameters(const statement<Shape>& s, auto& sink) {
    lexer lex{s.text};
    std::size_t copied = 0;
    std::size_t anonymous_seen = 0;
    for (token t = lex.next(); t.kind != token_kind::end && t.kind != token_kind::error; t = lex.next()) {
        if (t.kind != token_kind::parameter) continue;
        sink << s.text.substr(copied, t.offset - copied);
        copied = t.offset + t.text.size();
        const std::size_t position = bound_position(s, t, anonymous_seen);
        sink << (D == dialect::postgresql ? "$" : "?");
        // SQLite numbers a bare ? itself, one past the highest number so far; MySQL has only ?.
        if (D == dialect::postgresql || (D == dialect::sqlite && t.style != parameter_style::anonymous))
            write_number(sink, position);
    }
    sink << s.text.substr(copied);
}

// The parameter tokens of a statement, in the order they are written.
template <statement_shape Shape>
constexpr std::size_t placeholder_count(const statement<Shape>& s) {
    lexer lex{s.text};
    std::size_t count = 0;
    for (token t = lex.next(); t.kind != token_kind::end && t.kind != token_kind::error; t = lex.next())
        count += t.kind == token_kind::parameter ? 1 : 0;
    return count;
}

// For a dialect whose placeholders are all ?: the argument (numbered from 1) each one binds.
template <std::size_t N, statement_shape Shape>
constexpr std::array<std::size_t, N> placeholder_arguments(const statement<Shape>& s) {
    std::array<std::size_t, N> arguments{};
    lexer lex{s.text};
    std::size_t at = 0;
    std::size_t anonymous_seen = 0;
    for (token t = lex.next(); t.kind != token_kind::end && t.kind != token_kind::error; t = lex.next())
        if (t.kind == token_kind::parameter) arguments[at++] = bound_position(s, t, anonymous_seen);
    return arguments;
}

template <dialect D, statement_shape Shape>
constexpr std::size_t respelled_size(const statement<Shape>& s) {
    text_sink counter;
    respell_parameters<D>(s, counter);
    return counter.size;
}

template <std::size_t N, dialect D, statement_shape Shape>
constexpr fixed_string<N> respelled(const statement<Shape>& s) {
    fixed_string<N> result;
    text_sink writer{result.data};
    respell_parameters<D>(s, writer);
    return result;
}

}  // namespace ctsql::detail
