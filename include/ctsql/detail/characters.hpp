#pragma once
// Character classes shared by the lexer, the tag reader and reflection.

#include <cstddef>
#include <string_view>

namespace ctsql::detail {

constexpr char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
constexpr bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
// An identifier's later characters; SQL also allows `$` there (PostgreSQL, MySQL). Written out,
// not as calls of the above: the lexer asks of every character, and at compile time each call
// costs.
constexpr bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
constexpr bool is_name_char(char c) { return c == '$' || is_identifier_char(c); }

// SQL compares unquoted names without regard to case.
constexpr bool iequals(std::string_view a, std::string_view b) {
    const std::size_t size = a.size();
    if (size != b.size()) return false;
    const char* x = a.data();
    const char* y = b.data();
    for (std::size_t i = 0; i < size; ++i)
        if (x[i] != y[i] && to_lower(x[i]) != to_lower(y[i])) return false;
    return true;
}
// A literal word, measured at compile time: a std::string_view made from it would be measured by
// std::char_traits::length, which a constant expression steps through character by character.
template <std::size_t N>
constexpr bool iequals(std::string_view a, const char (&word)[N]) {
    return iequals(a, std::string_view{word, N - 1});
}

}  // namespace ctsql::detail
