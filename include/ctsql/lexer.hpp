#pragma once
// The SQL lexer: turns query text into tokens, one at a time, in constant expressions.
// It knows every dialect's quoting so that nothing inside a string, a quoted name or a
// comment is ever mistaken for a parameter, a tag or a statement end.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/characters.hpp"
#include "detail/sqlc_macro.hpp"
#include "detail/vocabulary.hpp"

namespace ctsql {

enum class token_kind : std::uint8_t {
    end,
    identifier,         // name or keyword: the parser decides
    quoted_identifier,  // "name" or `name`
    string,             // 'text', E'text', X'ab', $tag$body$tag$
    number,
    symbol,             // operators and punctuation
    parameter,          // $1, ?1, ?, @name, :name, $name, sqlc.arg(name), sqlc.narg(name), sqlc.slice(name)
    comment,            // -- line or /* block */
    error,
};

enum class lex_error : std::uint8_t {
    none,
    unterminated_string,
    unterminated_quoted_name,
    unterminated_comment,
    unterminated_dollar_body,
    malformed_parameter,
    unsupported_macro,  // sqlc.embed
};

enum class parameter_style : std::uint8_t { none, numbered, anonymous, named };

struct token {
    token_kind kind = token_kind::end;
    // Where the token starts in the text it was lexed from, and its size there. The token keeps no
    // view of its text: a pointer costs the compiler on every copy of every token, and few are read.
    std::size_t offset = 0;
    std::size_t length = 0;
    detail::word_id word = 0;  // an unquoted name that is a word of the vocabulary: its number
    char symbol = '\0';        // a symbol of one character: that character
    lex_error error = lex_error::none;
    // Parameters only. A named one's name is read from its text when asked (named_placeholder.hpp):
    // every field here costs the compiler on every copy of every token, and few are names.
    parameter_style style = parameter_style::none;
    std::size_t number = 0;  // $n, ?n
    bool list = false;       // sqlc.slice: a list of values, spliced in where it stands

    // Takes the literal itself, not a std::string_view: at compile time, measuring the literal on
    // every call would cost more than the comparison. A symbol of one character is told by
    // `symbol`, a field (only such a symbol has one); a longer one by its text in source, the text
    // the token was lexed from.
    template <std::size_t N>
        requires(N == 2)
    constexpr bool is(const char (&symbol_text)[N]) const {
        return symbol == symbol_text[0];
    }
    template <std::size_t N>
        requires(N > 2)
    constexpr bool is(const char (&symbol_text)[N], std::string_view source) const {
        if (kind != token_kind::symbol || length != N - 1) return false;
        const char* characters = source.data() + offset;
        for (std::size_t i = 0; i + 1 < N; ++i)
            if (characters[i] != symbol_text[i]) return false;
        return true;
    }
    constexpr bool is_name() const {
        return kind == token_kind::identifier || kind == token_kind::quoted_identifier;
    }
    // The token as written, in source, the text it was lexed from.
    constexpr std::string_view text(std::string_view source) const { return {source.data() + offset, length}; }
    // The name without its quotes.
    constexpr std::string_view unquoted(std::string_view source) const {
        return kind == token_kind::quoted_identifier ? std::string_view{source.data() + offset + 1, length - 2}
                                                     : std::string_view{source.data() + offset, length};
    }
};


// Every step of a constant expression costs the compiler far more than it costs a processor, and
// a call costs clang microseconds: the lexer reads characters through a pointer, not through
// std::string_view's members, classes them by a table, and tells symbols apart with a switch. Its
// loops over characters keep the text and the place in locals, which g++ reads and writes for
// about half of what a member costs it. A query is lexed once, when it is parsed
// (statement::tokens).
class lexer {
public:
    // Whether next() gives comments as tokens or passes them over. A lexer is made for one or the
    // other, so that next() is the lexing itself: a token returned through one call more would be
    // copied once more, which costs clang some 20,000 instructions a token.
    enum class comments : bool { kept, skipped };

    constexpr explicit lexer(std::string_view text, comments c = comments::kept)
        : text_(text.data()), size_(text.size()), skip_comments_(c == comments::skipped) {}

    // The next token. Names first, since most tokens are names. The loops over spaces and names
    // read the character table straight, not through a call: they run once per character, and a
    // call each would double what they cost clang.
    constexpr token next() {
        const char* const text = text_;
        const std::size_t size = size_;
        for (;;) {
            std::size_t start = pos_;
            while (start < size &&
                   (detail::character_classes.of[static_cast<unsigned char>(text[start])] & detail::character_class::space))
                ++start;
            pos_ = start;
            if (start >= size) return make(token_kind::end, start);
            const char c = text[start];
            const char d = start + 1 < size ? text[start + 1] : '\0';
            const unsigned char classes = detail::character_classes.of[static_cast<unsigned char>(c)];

            if (classes & detail::character_class::name_start) {
                if (d == '\'' && (c == 'e' || c == 'E')) {
                    ++pos_;
                    return quoted(start, '\'', true, token_kind::string, lex_error::unterminated_string);
                }
                if (d == '\'' && (c == 'x' || c == 'X' || c == 'b' || c == 'B' || c == 'n' || c == 'N')) {
                    ++pos_;
                    return quoted(start, '\'', false, token_kind::string, lex_error::unterminated_string);
                }
                return name(start);
            }
            if (classes & detail::character_class::digit) return number(start);
            // Every other token is told by its first character, in one switch: a chain of tests would
            // cost a step each, and symbols, most of the rest, would pass through all of them.
            // Of a symbol: one character, or an operator of two or three that the analysis tells apart
            // (:: <= >= <> != == <=> || -> ->> => ~* !~ !~* @> <@ && #> #>> @@). Only those: another
            // run of operator characters is a symbol each, as SQLite's and MySQL's `x=?` must be.
            std::size_t length = 1;
            switch (c) {
                case '.':
                    if (detail::is_digit(d)) return number(start);
                    break;
                case '-':
                    if (d == '-') {
                        pos_ = line_end(start);
                        if (skip_comments_) continue;
                        return make(token_kind::comment, start);
                    }
                    length = d == '>' ? (peek(2) == '>' ? 3 : 2) : 1;  // -> and ->>
                    break;
                case '/':
                    if (d == '*') {
                        const std::size_t end = block_end(start);
                        if (end == 0) return fail(lex_error::unterminated_comment, start);
                        pos_ = end;
                        if (skip_comments_) continue;
                        return make(token_kind::comment, start);
                    }
                    break;
                case '\'': return quoted(start, '\'', false, token_kind::string, lex_error::unterminated_string);
                case '"': return quoted(start, '"', false, token_kind::quoted_identifier, lex_error::unterminated_quoted_name);
                case '`': return quoted(start, '`', false, token_kind::quoted_identifier, lex_error::unterminated_quoted_name);
                case '$': return dollar(start);
                case '?': return question(start);
                // @name, and SQLite's :name; not the @@ of PostgreSQL's text search or MySQL's variables.
                case '@':
                case ':':
                    if (detail::is_name_start(d) && !(start != 0 && text[start - 1] == c)) return prefixed_name(start);
                    length = c == ':' ? (d == ':' ? 2 : 1) : (d == '>' || d == '@' ? 2 : 1);
                    break;
                case '<':
                    // <@ is PostgreSQL's "contained by"; before a name, as in SQLite's x<@limit, the
                    // @ starts a parameter.
                    if (d == '=') length = peek(2) == '>' ? 3 : 2;  // <= and MySQL's <=>
                    else if (d == '>' || (d == '@' && !detail::is_name_start(peek(2)))) length = 2;
                    break;
                case '>': length = d == '=' ? 2 : 1; break;
                case '!': length = d == '=' ? 2 : d == '~' ? (peek(2) == '*' ? 3 : 2) : 1; break;
                case '~': length = d == '*' ? 2 : 1; break;
                case '|': length = d == '|' ? 2 : 1; break;
                case '&': length = d == '&' ? 2 : 1; break;
                case '#': length = d == '>' ? (peek(2) == '>' ? 3 : 2) : 1; break;
                case '=': length = d == '>' || d == '=' ? 2 : 1; break;
                default: break;
            }
            pos_ += length;
            return make(token_kind::symbol, start);
        }
    }

private:
    const char* text_;
    std::size_t size_;
    std::size_t pos_ = 0;
    bool skip_comments_;

    constexpr char peek(std::size_t ahead) const { return pos_ + ahead < size_ ? text_[pos_ + ahead] : '\0'; }
    constexpr std::string_view view(std::size_t start, std::size_t end) const { return {text_ + start, end - start}; }
    // The token's place initialised with it: set after, it would cost clang twice as much.
    constexpr token make(token_kind kind, std::size_t start, detail::word_id word = 0) const {
        token t{.kind = kind, .offset = start, .length = pos_ - start, .word = word};
        if (kind == token_kind::symbol && pos_ - start == 1) t.symbol = text_[start];
        return t;
    }
    constexpr token fail(lex_error error, std::size_t start) {
        pos_ = size_;
        token t = make(token_kind::error, start);
        t.error = error;
        return t;
    }

    // Where the -- comment at start ends: at the end of its line.
    constexpr std::size_t line_end(std::size_t start) const {
        const char* const text = text_;
        const std::size_t size = size_;
        std::size_t at = start;
        while (at < size && text[at] != '\n') ++at;
        return at;
    }
    // One past the */ of the block comment at start; 0 if it has none.
    constexpr std::size_t block_end(std::size_t start) const {
        const char* const text = text_;
        const std::size_t size = size_;
        for (std::size_t at = start + 2; at + 1 < size; ++at)
            if (text[at] == '*' && text[at + 1] == '/') return at + 2;
        return 0;
    }
    // A quoted run where a doubled quote stands for itself; with backslashes, \x escapes too.
    constexpr token quoted(std::size_t start, char quote, bool backslashes, token_kind kind, lex_error error) {
        ++pos_;  // the opening quote
        while (pos_ < size_) {
            const char c = text_[pos_];
            if (backslashes && c == '\\') { pos_ += 2; continue; }
            if (c == quote) {
                if (peek(1) == quote) { pos_ += 2; continue; }
                ++pos_;
                return make(kind, start);
            }
            ++pos_;
        }
        return fail(error, start);
    }
    // $1 or ?1: the number after the prefix.
    constexpr token numbered(std::size_t start) {
        ++pos_;
        std::size_t number = 0;
        while (pos_ < size_ && detail::is_digit(text_[pos_])) {
            number = number * 10 + static_cast<std::size_t>(text_[pos_] - '0');
            if (number > 65535) return fail(lex_error::malformed_parameter, start);
            ++pos_;
        }
        token t = make(token_kind::parameter, start);
        t.style = parameter_style::numbered;
        t.number = number;
        return t;
    }
    // $1 is a parameter, and so is SQLite's $name; $$...$$ and $tag$...$tag$ are PostgreSQL
    // string bodies.
    constexpr token dollar(std::size_t start) {
        if (detail::is_digit(peek(1))) return numbered(start);
        std::size_t end = pos_ + 1;
        while (end < size_ && text_[end] != '$' && detail::is_name_char(text_[end])) ++end;
        if (end >= size_ || text_[end] != '$') {
            if (detail::is_name_start(peek(1))) return prefixed_name(start);
            ++pos_;
            return make(token_kind::symbol, start);
        }
        const std::string_view delimiter = view(start, end + 1);
        const std::size_t close = view(0, size_).find(delimiter, end + 1);
        if (close == std::string_view::npos) return fail(lex_error::unterminated_dollar_body, start);
        pos_ = close + delimiter.size();
        return make(token_kind::string, start);
    }
    constexpr token question(std::size_t start) {
        if (detail::is_digit(peek(1))) return numbered(start);  // SQLite's ?NNN
        ++pos_;
        if (peek(0) == '|' || peek(0) == '&') {  // PostgreSQL's jsonb ?| and ?& operators
            ++pos_;
            return make(token_kind::symbol, start);
        }
        token t = make(token_kind::parameter, start);
        t.style = parameter_style::anonymous;
        return t;
    }
    constexpr token prefixed_name(std::size_t start) {
        ++pos_;
        while (pos_ < size_ && detail::is_identifier_char(text_[pos_])) ++pos_;
        token t = make(token_kind::parameter, start);
        t.style = parameter_style::named;
        return t;
    }
    constexpr token number(std::size_t start) {
        if (text_[pos_] == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            pos_ += 2;
            while (pos_ < size_ && (detail::is_name_char(text_[pos_]))) ++pos_;
            return make(token_kind::number, start);
        }
        while (pos_ < size_ && (detail::is_digit(text_[pos_]) || text_[pos_] == '.')) ++pos_;
        if (pos_ < size_ && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            const char sign = peek(1);
            if (detail::is_digit(sign) || ((sign == '+' || sign == '-') && detail::is_digit(peek(2)))) {
                pos_ += 2;
                while (pos_ < size_ && detail::is_digit(text_[pos_])) ++pos_;
            }
        }
        return make(token_kind::number, start);
    }
    constexpr token name(std::size_t start) {
        const char* const text = text_;
        const std::size_t size = size_;
        std::size_t at = pos_;
        // The name's key, made as it is read: its word is then found without reading it again.
        detail::name_key key = 0;
        while (at < size) {
            const detail::name_key code = detail::name_codes.of[static_cast<unsigned char>(text[at])];
            if (code == 0) break;
            key = key * detail::name_key_base + code;  // next_key, without the call
            ++at;
        }
        pos_ = at;
        if (at - start == 4 && peek(0) == '.' && detail::iequals(view(start, at), "sqlc")) return macro_parameter(start);
        return make(token_kind::identifier, start, detail::vocabulary.find(key, text + start, at - start));
    }
    // sqlc.arg(name), sqlc.narg(name) and sqlc.slice(name): one named parameter; sqlc.embed is refused.
    constexpr token macro_parameter(std::size_t start) {
        const detail::sqlc_macro macro = detail::read_sqlc_macro(view(0, size_), pos_);
        switch (macro.is) {
            case detail::sqlc_macro::reading::call: {
                pos_ = macro.end;
                token t = make(token_kind::parameter, start);
                t.style = parameter_style::named;
                t.list = macro.list;
                return t;
            }
            case detail::sqlc_macro::reading::other_word: return make(token_kind::identifier, start);  // "sqlc", no word
            case detail::sqlc_macro::reading::embed: return fail(lex_error::unsupported_macro, start);
            case detail::sqlc_macro::reading::malformed: return fail(lex_error::malformed_parameter, start);
        }
        return fail(lex_error::malformed_parameter, start);
    }
};

// Whether a script holds a statement to run: one of nothing but whitespace, comments (an
// embedded file's marker among them) and `;` holds none.
constexpr bool holds_statement(std::string_view script) {
    lexer lex{script, lexer::comments::skipped};
    for (token t = lex.next(); t.kind != token_kind::end; t = lex.next())
        if (!t.is(";")) return true;
    return false;
}

}  // namespace ctsql
