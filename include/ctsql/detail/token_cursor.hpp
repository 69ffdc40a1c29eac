#pragma once
// A one-token window over SQL, with the moves every recursive-descent reader of SQL needs:
// accept a keyword, skip a parenthesised group, stop at a statement's end. A statement's tokens
// are lexed once, when it is parsed, and every later reader walks them (token_cursor); a
// schema's DDL, read once, is walked straight from the lexer (streamed_token_cursor).

#include <concepts>
#include <cstddef>
#include <string_view>

#include "../lexer.hpp"
#include "characters.hpp"
#include "keyword_set.hpp"

namespace ctsql::detail {

// Whether t is the unquoted name `word`, in any case. A keyword set is asked the same of its
// words by number: clause_words.contains(t.word).
constexpr bool is_keyword(const token& t, keyword word) { return t.word == word.id; }

// Both kinds of Tokens keep their current token at tokens_[at_], which the cursor's moves read
// straight: at compile time, a call of current() costs clang more than the comparison it serves.

// Tokens lexed before, comments left out, up to an end token: a copy is a saved place. It reads
// them by index from the first: at compile time, g++ walks a pointer stepped token by token
// several times slower.
class lexed_tokens {
public:
    constexpr explicit lexed_tokens(const token* first) : tokens_(first) {}

    constexpr const token& current() const { return tokens_[at_]; }
    // Moves to the next token and gives it: a walk over tokens reads it without a call more.
    constexpr const token& advance() {
        if (tokens_[at_].kind != token_kind::end) ++at_;
        return tokens_[at_];
    }

protected:
    static constexpr bool in_array = true;  // past a token other than the end, the next is at_ + 1
    const token* tokens_;
    std::size_t at_ = 0;
};

// Tokens from the lexer as they are asked for, comments left out. A copy is a saved place, its
// tokens_ its own current token.
class streamed_tokens {
public:
    constexpr explicit streamed_tokens(std::string_view text) : lex_(text, lexer::comments::skipped) { advance(); }
    constexpr streamed_tokens(const streamed_tokens& other) : lex_(other.lex_), current_(other.current_) {}
    constexpr streamed_tokens& operator=(const streamed_tokens& other) {
        lex_ = other.lex_;
        current_ = other.current_;
        return *this;
    }

    constexpr const token& current() const { return current_; }
    constexpr const token& advance() { return current_ = lex_.next(); }

private:
    lexer lex_;
    token current_;

protected:
    static constexpr bool in_array = false;
    const token* tokens_ = &current_;
    static constexpr std::size_t at_ = 0;
};

// The moves are Tokens' own, not calls that forward to them: at compile time each call costs,
// and the readers ask for the current token several times a token.
template <class Tokens>
class basic_token_cursor : private Tokens {
public:
    // From what Tokens starts from: the first of a statement's tokens, or text.
    template <class Source>
        requires std::constructible_from<Tokens, const Source&>
    constexpr explicit basic_token_cursor(const Source& source) : Tokens(source) {}

    using Tokens::current;
    using Tokens::advance;
    constexpr bool at_end() const {
        const token& t = this->tokens_[this->at_];
        return t.kind == token_kind::end || t.symbol == ';';  // t.is(";"), without the call
    }
    // The readers ask these of most tokens: they compare the numbers without a further call.
    constexpr bool at_keyword(keyword word) const { return this->tokens_[this->at_].word == word.id; }
    constexpr bool accept(keyword word) {
        if (this->tokens_[this->at_].word != word.id) return false;
        if constexpr (Tokens::in_array) ++this->at_;  // a word is not the end: advance(), without the call
        else advance();
        return true;
    }
    // current().is(symbol), without the two calls: the readers ask it some hundred times a query.
    template <std::size_t N>
        requires(N == 2)
    constexpr bool at_symbol(const char (&symbol)[N]) const {
        return this->tokens_[this->at_].symbol == symbol[0];
    }
    template <std::size_t N>
        requires(N == 2)
    constexpr bool accept_symbol(const char (&symbol)[N]) {
        if (this->tokens_[this->at_].symbol != symbol[0]) return false;  // is(symbol), without the call
        if constexpr (Tokens::in_array) ++this->at_;  // a symbol is not the end
        else advance();
        return true;
    }
    // A name, perhaps qualified (schema.table): its last part's token.
    constexpr token qualified_name() {
        token name = current();
        advance();
        while (accept_symbol(".")) {
            name = current();
            advance();
        }
        return name;
    }
    // Skips tokens up to one that stop(token) accepts at depth 0, or a `)` that closes the group
    // the walk started in. Each token is read once: at compile time, every current() is a call more.
    constexpr void skip_until(auto stop) {
        std::size_t depth = 0;
        for (const token* t = &current(); !at_end() && t->kind != token_kind::error; t = &advance()) {
            switch (t->symbol) {  // brackets nest like parentheses: ARRAY[a, b], tags[1]
                case '(':
                case '[': ++depth; break;
                case ')':
                case ']':
                    if (depth == 0) return;
                    --depth;
                    break;
                default:
                    if (depth == 0 && stop(*t)) return;
            }
        }
    }
    // Skips a parenthesised group, the current token being its `(`; an unclosed one ends where
    // the statement does.
    constexpr void skip_group() {
        std::size_t depth = 0;
        const token* t = &current();
        do {
            if (t->symbol == '(') ++depth;
            else if (t->symbol == ')') --depth;
            t = &advance();
        } while (depth != 0 && !at_end() && t->kind != token_kind::error);
    }
};

using token_cursor = basic_token_cursor<lexed_tokens>;
using streamed_token_cursor = basic_token_cursor<streamed_tokens>;

}  // namespace ctsql::detail
