#pragma once
// sqlc's parameter macros: sqlc.arg(name), sqlc.narg(name) and sqlc.slice(name), the name perhaps
// quoted (sqlc.arg('name'), sqlc.slice("name")). The lexer reads one to tell where its token
// ends; a placeholder reads its argument again from the token's text, for its name.

#include <cstddef>
#include <string_view>

#include "characters.hpp"

namespace ctsql::detail {

struct sqlc_macro {
    enum class reading : unsigned char {
        call,         // arg, narg or slice, well formed
        other_word,   // sqlc.something_else: "sqlc" is a name like any other
        embed,        // sqlc.embed, which ctsql does not support
        malformed,    // no parentheses, or no name in them
    };
    reading is = reading::other_word;
    std::size_t end = 0;  // one past the closing parenthesis
    std::string_view name;
    bool nullable = false;  // sqlc.narg
    bool list = false;      // sqlc.slice
};

// The argument of a macro whose word ends at text[word_end]: its name, and one past its `)`; an
// end of 0 if it is malformed.
struct sqlc_macro_argument {
    std::string_view name;
    std::size_t end = 0;
};
constexpr sqlc_macro_argument read_sqlc_macro_argument(std::string_view text, std::size_t word_end) {
    const char* const at = text.data();
    const std::size_t size = text.size();
    std::size_t p = word_end;
    while (p < size && is_space(at[p])) ++p;
    if (p >= size || at[p] != '(') return {};
    ++p;
    while (p < size && is_space(at[p])) ++p;
    const bool quoted_name = p < size && (at[p] == '\'' || at[p] == '"');
    if (quoted_name) ++p;
    const std::size_t name_start = p;
    while (p < size && is_name_char(at[p])) ++p;
    const std::string_view name{at + name_start, p - name_start};
    if (quoted_name && p < size && (at[p] == '\'' || at[p] == '"')) ++p;
    while (p < size && is_space(at[p])) ++p;
    if (name.empty() || p >= size || at[p] != ')') return {name, 0};
    return {name, p + 1};
}

// The macro whose `.` is text[dot], after "sqlc".
constexpr sqlc_macro read_sqlc_macro(std::string_view text, std::size_t dot) {
    const char* const at = text.data();
    const std::size_t size = text.size();
    sqlc_macro m;
    std::size_t word_end = dot + 1;
    while (word_end < size && is_name_char(at[word_end])) ++word_end;
    const std::string_view word{at + dot + 1, word_end - dot - 1};
    m.nullable = iequals(word, "narg");
    m.list = iequals(word, "slice");
    if (iequals(word, "embed")) {
        m.is = sqlc_macro::reading::embed;
        return m;
    }
    if (!m.nullable && !m.list && !iequals(word, "arg")) return m;  // sqlc.other_word
    const sqlc_macro_argument argument = read_sqlc_macro_argument(text, word_end);
    m.name = argument.name;
    m.end = argument.end;
    m.is = argument.end == 0 ? sqlc_macro::reading::malformed : sqlc_macro::reading::call;
    return m;
}

}  // namespace ctsql::detail
