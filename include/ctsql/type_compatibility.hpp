#pragma once
// Which C++ types a column's values fit, and which arguments fit a parameter: exactly, with
// widening allowed (int4 into std::int64_t) and narrowing refused (int8 into std::int32_t).

#include <cstddef>
#include <limits>
#include <span>
#include <string_view>
#include <type_traits>

#include "fixed_string.hpp"
#include "sql_type.hpp"
#include "types.hpp"

namespace ctsql {

namespace detail {

// Bits of magnitude a signed or unsigned column of `bits` bits needs.
template <class V>
constexpr bool integer_holds(const sql_type& t) {
    constexpr int digits = std::numeric_limits<V>::digits;  // value bits, without the sign
    if (t.is_unsigned) return digits >= t.bits;
    return std::is_signed_v<V> && digits + 1 >= t.bits;
}

template <class A>
constexpr bool integer_fits(const sql_type& t) {
    constexpr int digits = std::numeric_limits<A>::digits;
    if (t.is_unsigned) return digits <= t.bits;
    return std::is_signed_v<A> ? digits + 1 <= t.bits : digits < t.bits;
}

template <class A>
constexpr bool is_text_argument = text_argument<A>;
template <class A>
constexpr bool is_blob_argument = blob_argument<A> && !text_argument<A>;

}  // namespace detail

// A column of type t read into a field of type V (V without std::optional).
template <class V>
constexpr bool can_read(const sql_type& t) {
    if (t.family == type_family::any) return true;
    if constexpr (sql_array<V>) {
        if (!t.array) return false;
        sql_type element = t;
        element.array = false;
        return can_read<unwrap_optional_t<array_element_t<V>>>(element);
    } else {
        if (t.array) return false;
        switch (t.family) {
            case type_family::boolean: return std::is_same_v<V, bool>;
            case type_family::integer:
                if constexpr (sql_integer<V>) return detail::integer_holds<V>(t);
                else return false;
            case type_family::real:
                return std::is_floating_point_v<V> && sizeof(V) * 8 >= t.bits;
            case type_family::decimal:
            case type_family::json: return std::is_same_v<V, std::string>;
            // Text may hold labels or UUIDs: those are checked as each value is read.
            case type_family::text:
            case type_family::uuid:
            case type_family::enumeration:
                return std::is_same_v<V, std::string> || std::is_same_v<V, uuid> || sql_enum<V>;
            case type_family::blob: return std::is_same_v<V, blob>;
            case type_family::timestamp:
            case type_family::date: return sql_time<V>;
            case type_family::time:
            case type_family::interval:
            case type_family::any: return false;
        }
        return false;
    }
}

// An argument of type A (without std::optional) bound to a parameter of type t.
template <class A>
constexpr bool can_bind(const sql_type& t) {
    if (t.family == type_family::any) return true;
    if constexpr (sql_array_argument<A>) {
        if (!t.array) return false;
        sql_type element = t;
        element.array = false;
        return can_bind<unwrap_optional_t<array_element_t<A>>>(element);
    } else {
        if (t.array) return false;
        switch (t.family) {
            case type_family::boolean: return std::is_same_v<A, bool>;
            case type_family::integer:
                if constexpr (sql_integer<A>) return detail::integer_fits<A>(t);
                else return false;
            case type_family::real:
                if constexpr (std::is_floating_point_v<A>) return sizeof(A) * 8 <= t.bits;
                else if constexpr (sql_integer<A>) return std::numeric_limits<A>::digits < (t.bits == 64 ? 53 : 24);
                else return false;
            case type_family::decimal: return sql_integer<A> || std::is_floating_point_v<A> || detail::is_text_argument<A>;
            case type_family::text:
            case type_family::uuid:
            case type_family::enumeration:
                return detail::is_text_argument<A> || std::is_same_v<A, uuid> || sql_enum<A>;
            case type_family::json:
            case type_family::time:
            case type_family::interval: return detail::is_text_argument<A>;
            case type_family::blob: return detail::is_blob_argument<A>;
            case type_family::timestamp:
            case type_family::date: return sql_time<A>;
            case type_family::any: return true;
        }
        return false;
    }
}

// "32-bit integer", "unsigned 64-bit integer", "text", ...: for messages.
template <std::size_t N>
constexpr void describe_type(text_buffer<N>& m, const sql_type& t) {
    if (t.array) m << "array of ";
    if (t.family == type_family::integer || t.family == type_family::real) {
        if (t.is_unsigned) m << "unsigned ";
        m << static_cast<std::size_t>(t.bits) << "-bit ";
    }
    m << to_string(t.family);
}

// The same words for a C++ type.
template <class V, std::size_t N>
constexpr void describe_cpp_type(text_buffer<N>& m) {
    if constexpr (sql_array_argument<V>) {
        m << "array of ";
        describe_cpp_type<unwrap_optional_t<array_element_t<V>>>(m);
    } else if constexpr (std::is_same_v<V, bool>) m << "bool";
    else if constexpr (sql_integer<V>) {
        if (!std::is_signed_v<V>) m << "unsigned ";
        m << sizeof(V) * 8 << "-bit integer";
    } else if constexpr (std::is_floating_point_v<V>) m << sizeof(V) * 8 << "-bit real";
    else if constexpr (detail::text_argument<V> || std::is_same_v<V, std::string>) m << "text";
    else if constexpr (std::is_same_v<V, blob> || detail::blob_argument<V>) m << "bytes";
    else if constexpr (sql_time<V>) m << "timestamp";
    else if constexpr (std::is_same_v<V, uuid>) m << "uuid";
    else if constexpr (sql_enum<V>) m << "enum";
    else m << "an unsupported type";
}

}  // namespace ctsql
