#pragma once
// The C++ types ctsql moves to and from a database, grouped in families that every backend
// maps to its own column types.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "uuid.hpp"

namespace ctsql {

using blob = std::vector<std::byte>;

namespace detail {

template <class T> struct optional_traits : std::false_type { using value_type = T; };
template <class T> struct optional_traits<std::optional<T>> : std::true_type { using value_type = T; };

template <class T> struct time_traits : std::false_type {};
template <class Duration>
struct time_traits<std::chrono::sys_time<Duration>> : std::true_type { using duration = Duration; };

template <class T> struct vector_traits : std::false_type {};
template <class E, class A> struct vector_traits<std::vector<E, A>> : std::true_type { using element = E; };
template <class T> struct span_traits : std::false_type {};
template <class E, std::size_t N> struct span_traits<std::span<E, N>> : std::true_type { using element = std::remove_cv_t<E>; };

// Characters are not numbers; signed and unsigned char are (they are std::int8_t and std::uint8_t).
template <class T>
concept character = std::is_same_v<T, char> || std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> ||
                    std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

}  // namespace detail

template <class T> inline constexpr bool is_optional_v = detail::optional_traits<T>::value;
template <class T> using unwrap_optional_t = typename detail::optional_traits<T>::value_type;

// Integers other than bool and the character types: a value that does not fit is an error.
template <class T>
concept sql_integer = std::is_integral_v<T> && !std::is_same_v<T, bool> && !detail::character<T>;

template <class T>
concept sql_time = detail::time_traits<T>::value;

// A scoped enum (enum class), read from and written as its enumerators' names: a PostgreSQL
// enum, MySQL's ENUM, or text. std::byte is bytes, not an enum.
template <class T>
concept sql_enum = std::is_enum_v<T> && !std::is_convertible_v<T, std::underlying_type_t<T>> &&
                   !std::is_same_v<T, std::byte>;

// One value, not an array (not null).
template <class T>
concept sql_scalar = std::is_same_v<T, bool> || sql_integer<T> || std::is_floating_point_v<T> ||
                     std::is_same_v<T, std::string> || std::is_same_v<T, blob> || sql_time<T> ||
                     std::is_same_v<T, uuid> || sql_enum<T>;

// A one-dimensional array, std::vector<T> or, where elements may be NULL, std::vector<std::optional<T>>.
template <class T>
concept sql_array = detail::vector_traits<T>::value && !std::is_same_v<T, blob> &&
                    sql_scalar<unwrap_optional_t<typename detail::vector_traits<T>::element>>;

// An argument for an array also as a std::span of such elements, as no field can be.
template <class T>
concept sql_array_view = detail::span_traits<T>::value && sql_scalar<unwrap_optional_t<typename detail::span_traits<T>::element>>;

template <class T>
concept sql_array_argument = sql_array<T> || sql_array_view<T>;

template <sql_array_argument T>
using array_element_t =
    typename std::conditional_t<sql_array<T>, detail::vector_traits<T>, detail::span_traits<T>>::element;

// A type a column value can be read into (not null).
template <class T>
concept sql_value = sql_scalar<T> || sql_array<T>;

// A field whose column type the compiler does not check, for an expression whose type the
// schema analysis cannot know: the value is still read with every run-time check of T.
//   struct Row { ctsql::unchecked<std::string> digest; };   // SELECT md5sum(body) AS digest ...
template <class T>
struct unchecked {
    T value{};

    constexpr operator const T&() const& { return value; }
    constexpr const T& operator*() const& { return value; }
    constexpr T& operator*() & { return value; }
    constexpr const T* operator->() const { return &value; }
    friend constexpr bool operator==(const unchecked&, const unchecked&) = default;
};

template <class T> inline constexpr bool is_unchecked_v = false;
template <class T> inline constexpr bool is_unchecked_v<unchecked<T>> = true;

namespace detail {
template <class T>
concept checked_field = sql_value<T> || (is_optional_v<T> && sql_value<unwrap_optional_t<T>>);
template <class T> struct unchecked_traits { using value_type = T; };
template <class T> struct unchecked_traits<unchecked<T>> { using value_type = T; };
}  // namespace detail

// A type a row field or a one-column result can have: a value, or an optional one for NULL,
// or either in ctsql::unchecked.
template <class T>
concept sql_field = detail::checked_field<T> ||
                    (is_unchecked_v<T> && detail::checked_field<typename detail::unchecked_traits<T>::value_type>);

namespace detail {

template <class T>
concept text_argument = std::is_convertible_v<const T&, std::string_view> || std::is_same_v<std::decay_t<T>, const char*> ||
                        std::is_same_v<std::decay_t<T>, char*>;

// A container whose std::data points at std::byte: a first look before the conversion to a span,
// whose constraints g++ takes some 200 million instructions to rule out for the first type it
// meets (25 ms of every unit that checks an argument), where this look costs next to nothing.
template <class T>
concept byte_data = requires(const T& value) {
    requires std::is_same_v<std::remove_cvref_t<decltype(*std::data(value))>, std::byte>;
};

// Bytes passed as bytes: a std::vector, std::array, std::span or array of std::byte, or any other
// container of them that converts to a std::span<const std::byte>.
template <class T>
concept blob_argument = byte_data<T> && std::is_convertible_v<const T&, std::span<const std::byte>>;

template <class T>
concept plain_argument = sql_value<T> || sql_array_view<T> || text_argument<T> || blob_argument<T> ||
                         std::is_same_v<T, std::nullopt_t> || std::is_same_v<T, std::nullptr_t>;

}  // namespace detail

// A type an argument can have: a field type, text, bytes or an array by view, or a null.
template <class T>
concept sql_argument = detail::plain_argument<std::remove_cvref_t<T>> ||
                       (is_optional_v<std::remove_cvref_t<T>> &&
                        detail::plain_argument<unwrap_optional_t<std::remove_cvref_t<T>>>);

}  // namespace ctsql
