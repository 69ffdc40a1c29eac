#pragma once
// The names of an enum's enumerators, which are the labels ctsql reads and writes for it:
// the compiler's spelling of each value in __PRETTY_FUNCTION__, as magic_enum does it (it is
// not packaged by Debian). Enumerators whose values lie in [-128, 127] are found.
//
//   enum class user_role { admin, user, moderator };   // 'admin', 'user', 'moderator'

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "detail/characters.hpp"
#include "detail/spelled_value.hpp"
#include "types.hpp"

namespace ctsql {

template <sql_enum E>
struct enumerator {
    E value;
    std::string_view name;
};

namespace detail {

inline constexpr int enum_scan_first = -128;
inline constexpr int enum_scan_count = 256;

// g++ spells a named value `Value = ns::role::admin;` and another `Value = (ns::role)7;`,
// clang `Value = ns::role::admin]` and `Value = (ns::role)7]`: a name is an identifier that
// does not start with a digit, after the last `::` or the `= `.
consteval std::string_view enumerator_name(std::string_view spelled) {
    const std::size_t marker = spelled.find("Value = ");
    std::size_t end = marker + 8;
    while (end < spelled.size() && spelled[end] != ';' && spelled[end] != ']') ++end;
    std::size_t begin = end;
    while (begin > marker + 8 && is_identifier_char(spelled[begin - 1])) --begin;
    if (begin == end || is_digit(spelled[begin])) return {};
    return spelled.substr(begin, end - begin);
}

template <sql_enum E, int Underlying>
consteval std::string_view name_of_value() {
    using underlying = std::underlying_type_t<E>;
    if constexpr (!std::in_range<underlying>(Underlying)) return {};
    else return enumerator_name(spelled_value<static_cast<E>(Underlying)>());
}

template <sql_enum E>
consteval auto scanned_names() {
    return []<int... I>(std::integer_sequence<int, I...>) {
        return std::array<std::string_view, sizeof...(I)>{name_of_value<E, enum_scan_first + I>()...};
    }(std::make_integer_sequence<int, enum_scan_count>{});
}

template <sql_enum E>
consteval auto enumerators_of() {
    constexpr auto names = scanned_names<E>();
    constexpr std::size_t count = [&] {
        std::size_t n = 0;
        for (std::string_view name : names) n += name.empty() ? 0 : 1;
        return n;
    }();
    std::array<enumerator<E>, count> result{};
    std::size_t at = 0;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!names[i].empty()) result[at++] = {static_cast<E>(enum_scan_first + static_cast<int>(i)), names[i]};
    return result;
}

template <sql_enum E>
inline constexpr auto enumerator_table = enumerators_of<E>();

}  // namespace detail

// E's enumerators, in the order of their values.
template <sql_enum E>
constexpr const auto& enumerators() {
    return detail::enumerator_table<E>;
}

// The label of a value: its enumerator's name; empty for a value no enumerator names.
template <sql_enum E>
constexpr std::string_view label_of(E value) {
    for (const auto& e : enumerators<E>())
        if (e.value == value) return e.name;
    return {};
}

// The value whose enumerator is named `label` exactly, if there is one.
template <sql_enum E>
constexpr std::optional<E> enum_from_label(std::string_view label) {
    for (const auto& e : enumerators<E>())
        if (e.name == label) return e.value;
    return std::nullopt;
}

}  // namespace ctsql
