#pragma once
// sqlc's parameter macros: sqlc.arg(name), sqlc.narg(name) and sqlc.slice(name), the name perhaps
// quoted (sqlc.arg('name'), sqlc.slice("name")). The lexer reads one to tell where its token
// ends; a placeholder reads it again from the token's text, for its name.

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

// The macro whose `.` is text[dot], after "sqlc".
constexpr sqlc_macro read_sqlc_macro(std::string_view text, std::size_t dot) {
    const char* const at = text.data();
    const std::size_t size = text.size();
    sqlc_macro m;
    std::size_t p = dot + 1;
    std::size_t word_end = p;
    while (word_end < size && is_name_char(at[word_end])) ++word_end;
    const std::string_view word{at + p, word_end - p};
    m.nullable = iequals(word, "narg");
    m.list = iequals(word, "slice");
    if (iequals(word, "embed")) {
        m.is = sqlc_macro::reading::embed;
        return m;
    }
    if (!m.nullable && !m.list && !iequals(word, "arg")) return m;  // sqlc.other_word
    m.is = sqlc_macro::reading::malformed;
    p = word_end;
    while (p < size && is_space(at[p])) ++p;
    if (p >= size || at[p] != '(') return m;
    ++p;
    while (p < size && is_space(at[p])) ++p;
    const bool quoted_name = p < size && (at[p] == '\'' || at[p] == '"');
    if (quoted_name) ++p;
    const std::size_t name_start = p;
    while (p < size && is_name_char(at[p])) ++p;
    m.name = std::string_view{at + name_start, p - name_start};
    if (quoted_name && p < size && (at[p] == '\'' || at[p] == '"')) ++p;
    while (p < size && is_space(at[p])) ++p;
    if (m.name.empty() || p >= size || at[p] != ')') return m;
    m.is = sqlc_macro::reading::call;
    m.end = p + 1;
    return m;
}

}  // namespace ctsql::detail
