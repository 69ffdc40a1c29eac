#pragma once
// Character classes shared by the lexer, the tag reader and reflection.

#include <cstddef>
#include <string_view>

namespace ctsql::detail {

// The classes of character_classes, as bits.
struct character_class {
    static constexpr unsigned char space = 1, digit = 2, name_start = 4, identifier = 8, name = 16;
};
// Each character's classes: at compile time, reading a table costs clang less than half of what
// one call of a test written out does, and the lexer asks of every character. A plain array,
// since std::array's operator[] is a call of its own.
struct character_table {
    unsigned char of[256];
};
inline constexpr character_table character_classes = [] {
    character_table classes{};
    for (std::size_t c = 0; c < 256; ++c) {
        const bool starts_name = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        const bool digit = c >= '0' && c <= '9';
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        // An identifier's later characters are digits too; SQL also allows `$` in a name (PostgreSQL, MySQL).
        classes.of[c] = static_cast<unsigned char>((space ? character_class::space : 0) | (digit ? character_class::digit : 0) |
                                                (starts_name ? character_class::name_start : 0) |
                                                (starts_name || digit ? character_class::identifier : 0) |
                                                (starts_name || digit || c == '$' ? character_class::name : 0));
    }
    return classes;
}();

// Each character in lower case: iequals reads it for every character that differs.
inline constexpr character_table lowercase = [] {
    character_table lower{};
    for (std::size_t c = 0; c < 256; ++c)
        lower.of[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower;
}();

constexpr char to_lower(char c) { return static_cast<char>(lowercase.of[static_cast<unsigned char>(c)]); }
constexpr bool is_digit(char c) { return character_classes.of[static_cast<unsigned char>(c)] & character_class::digit; }
constexpr bool is_space(char c) { return character_classes.of[static_cast<unsigned char>(c)] & character_class::space; }
constexpr bool is_name_start(char c) { return character_classes.of[static_cast<unsigned char>(c)] & character_class::name_start; }
constexpr bool is_identifier_char(char c) { return character_classes.of[static_cast<unsigned char>(c)] & character_class::identifier; }
constexpr bool is_name_char(char c) { return character_classes.of[static_cast<unsigned char>(c)] & character_class::name; }

// n characters at x and y alike but for case, as SQL compares unquoted names.
constexpr bool iequals(const char* x, const char* y, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (x[i] != y[i] && lowercase.of[static_cast<unsigned char>(x[i])] != lowercase.of[static_cast<unsigned char>(y[i])])
            return false;
    return true;
}
constexpr bool iequals(std::string_view a, std::string_view b) {
    const std::size_t size = a.size();  // measured once: at compile time each size() is a call
    return size == b.size() && iequals(a.data(), b.data(), size);
}
// A literal word, its length known at compile time: a std::string_view made from it would be
// measured by std::char_traits::length, which a constant expression steps through character by
// character.
template <std::size_t N>
constexpr bool iequals(std::string_view a, const char (&word)[N]) {
    return a.size() == N - 1 && iequals(a.data(), word, N - 1);
}

}  // namespace ctsql::detail
