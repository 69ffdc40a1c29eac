#pragma once
// A named parameter's name, read from its token's text when asked (@name, :name, $name,
// sqlc.arg(name), sqlc.narg('name'), sqlc.slice("name")), not kept in the token: the compiler
// copies and keeps every token of every query, a name costing it on each copy, and few tokens
// are named parameters.

#include <string_view>

#include "detail/sqlc_macro.hpp"
#include "lexer.hpp"

namespace ctsql {

struct named_placeholder {
    std::string_view name;
    bool nullable = false;  // sqlc.narg
};

// The name of a parameter token of parameter_style::named.
constexpr named_placeholder read_named_placeholder(const token& t) {
    const std::string_view text = t.text;
    const char prefix = text[0];
    if (prefix == '@' || prefix == ':' || prefix == '$') return {text.substr(1)};
    const detail::sqlc_macro macro = detail::read_sqlc_macro(text, 4);  // after "sqlc"
    return {macro.name, macro.nullable};
}

}  // namespace ctsql
