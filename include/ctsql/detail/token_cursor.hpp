#pragma once
// A one-token window over the lexer, with the moves every recursive-descent reader of SQL
// needs: accept a keyword, skip a parenthesised group, stop at a statement's end.

#include <cstddef>
#include <string_view>

#include "../lexer.hpp"
#include "characters.hpp"
#include "keyword_set.hpp"

namespace ctsql::detail {

constexpr bool is_keyword(const token& t, std::string_view word) {
    return t.kind == token_kind::identifier && iequals(t.text, word);
}
// A literal word, measured at compile time (see token::is).
template <std::size_t N>
constexpr bool is_keyword(const token& t, const char (&word)[N]) {
    return t.kind == token_kind::identifier && iequals(t.text, word);
}

template <std::size_t N>
constexpr bool is_any_keyword(const token& t, const keyword_set<N>& words) {
    return t.kind == token_kind::identifier && words.contains(t.text);
}

class token_cursor {
public:
    constexpr explicit token_cursor(std::string_view text) : lex_(text) { advance(); }

    constexpr const token& current() const { return current_; }
    constexpr void advance() { current_ = lex_.next_significant(); }
    constexpr bool at_end() const { return current_.kind == token_kind::end || current_.is(";"); }
    template <std::size_t N>
    constexpr bool at_keyword(const char (&keyword)[N]) const {
        return is_keyword(current_, keyword);
    }
    template <std::size_t N>
    constexpr bool accept(const char (&keyword)[N]) {
        if (!at_keyword(keyword)) return false;
        advance();
        return true;
    }
    template <std::size_t N>
    constexpr bool accept_symbol(const char (&symbol)[N]) {
        if (!current_.is(symbol)) return false;
        advance();
        return true;
    }
    // A name, perhaps qualified (schema.table): its last part's token.
    constexpr token qualified_name() {
        token name = current_;
        advance();
        while (accept_symbol(".")) {
            name = current_;
            advance();
        }
        return name;
    }
    // Skips a parenthesised group, the current token being its `(`; an unclosed one ends where
    // the statement does.
    constexpr void skip_group() {
        std::size_t depth = 0;
        do {
            if (current_.is("(")) ++depth;
            else if (current_.is(")")) --depth;
            advance();
        } while (depth != 0 && !at_end() && current_.kind != token_kind::error);
    }

private:
    lexer lex_;
    token current_;
};

}  // namespace ctsql::detail
