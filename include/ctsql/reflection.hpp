#pragma once
// Row structs as seen by ctsql: Boost.PFR gives the field count and access. Field names come
// from the technique of boost::pfr::get_name (Boost 1.84+, absent from Debian's 1.81),
// written here: the compiler's spelling of a pointer to each field, read out of
// __PRETTY_FUNCTION__.

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/pfr.hpp>

#include "detail/characters.hpp"
#include "detail/spelled_value.hpp"
#include "types.hpp"

namespace ctsql {

// A struct whose fields receive a row's columns, or whose fields supply named arguments.
template <class T>
concept row_struct = std::is_aggregate_v<T> && std::is_class_v<T> && !sql_field<T> && !std::is_array_v<T>;

template <class T>
inline constexpr std::size_t field_count = boost::pfr::tuple_size_v<T>;

// Whether Boost.PFR reaches every field of T: its generated code stops at 100 fields (Boost 1.81),
// and past that it fails deep inside Boost, with a message that names no query.
template <class T>
inline constexpr bool reflectable = !std::is_void_v<decltype(boost::pfr::detail::tie_as_tuple(
    std::declval<T&>(), boost::pfr::detail::size_t_<field_count<T>>{}))>;

namespace detail {

// A constant object of type T that is never constructed: a union whose active member is a char.
// Only the addresses of T's fields are taken, in constant expressions. Unlike Boost.PFR's
// undefined extern object (boost::pfr::get_name, Boost 1.84+), it also serves row structs in
// anonymous namespaces and local ones, which clang refuses there.
template <class T>
union unconstructed {
    char none;
    T value;
    constexpr unconstructed() : none() {}
    constexpr ~unconstructed() {}
};
template <class T>
inline constexpr unconstructed<T> reflected_object{};

template <class T>
struct field_pointer {
    const T* pointer;
};

template <class T, std::size_t I>
consteval std::string_view spelled_field_pointer() {
    constexpr auto& field =
        boost::pfr::detail::sequence_tuple::get<I>(boost::pfr::detail::tie_as_tuple(reflected_object<T>.value));
    return spelled_value<field_pointer<std::remove_cvref_t<decltype(field)>>{&field}>();
}

// g++ spells the pointer `{(& reflected_object<T>.unconstructed<T>::value.T::name)}`, clang
// `{&reflected_object.value.name}`: the name is the identifier just before the closing brace.
consteval std::string_view name_from_spelling(std::string_view spelled) {
    std::size_t end = spelled.rfind('}');
    if (end != 0 && spelled[end - 1] == ')') --end;
    std::size_t begin = end;
    while (begin != 0 && is_identifier_char(spelled[begin - 1])) --begin;
    return spelled.substr(begin, end - begin);
}

template <class T, std::size_t I>
constexpr std::string_view field_name() {
    return name_from_spelling(spelled_field_pointer<T, I>());
}

}  // namespace detail

// The names of T's fields, in declaration order.
template <row_struct T>
constexpr std::array<std::string_view, field_count<T>> field_names() {
    return []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<std::string_view, sizeof...(I)>{detail::field_name<T, I>()...};
    }(std::make_index_sequence<field_count<T>>{});
}

}  // namespace ctsql
