#pragma once
// A named parameter's name, read from its token's text when asked (@name, :name, $name,
// sqlc.arg(name), sqlc.narg('name'), sqlc.slice("name")), not kept in the token: the compiler
// copies and keeps every token of every query, a name costing it on each copy, and few tokens
// are named parameters.

#include <string_view>

#include "detail/characters.hpp"
#include "detail/sqlc_macro.hpp"

namespace ctsql {

struct named_placeholder {
    std::string_view name;
    bool nullable = false;  // sqlc.narg
};

// The name of a parameter of parameter_style::named, from its token's text.
constexpr named_placeholder read_named_placeholder(std::string_view text) {
    const char prefix = text[0];
    if (prefix == '@' || prefix == ':' || prefix == '$') return {text.substr(1)};
    // sqlc.arg, sqlc.narg or sqlc.slice, as the lexer found it: its word is not compared again,
    // since narg is the one that starts with n, and at compile time each comparison costs.
    std::size_t word_end = 5;  // after "sqlc."
    while (word_end < text.size() && detail::is_name_char(text[word_end])) ++word_end;
    return {detail::read_sqlc_macro_argument(text, word_end).name, detail::to_lower(text[5]) == 'n'};
}

}  // namespace ctsql
