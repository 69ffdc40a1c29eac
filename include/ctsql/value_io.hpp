#pragma once
// Moving one value between C++ and a backend's cursor. Backends handle a few canonical
// types (null, bool, int64, uint64, double, text, bytes, microsecond timestamps); this layer
// maps every supported C++ type onto them and refuses, at run time, any value that the
// target cannot hold exactly: out-of-range integers, NULL into a non-optional field.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "detail/time_text.hpp"
#include "enum_names.hpp"
#include "error.hpp"
#include "types.hpp"

namespace ctsql::detail {

// Names the query and the column in the errors raised while reading a value.
struct value_site {
    std::string_view query;
    std::string_view column;

    [[noreturn]] void fail(errc code, std::string_view what) const {
        const std::string text = fmt::format("column '{}': {}", column, what);
        throw error{code, query, text};
    }
};

template <class> inline constexpr bool always_false = false;

// A text value copied into a field. Not assign(): std::string's general replace costs twice
// this. Text that fits the string's storage (a short one, or a stream's row reused) is copied
// in; longer text is allocated once.
inline void copy_text(std::string_view text, std::string& out) {
    out.clear();
    if (text.size() <= out.capacity()) out.append(text);
    else out = std::string{text};
}

// The canonical type a field is read as, so that a backend can check, when it prepares a
// statement, that each column's type can be read into its field.
enum class canonical_type : std::uint8_t { boolean, signed_integer, unsigned_integer, real, text, bytes, time_point, uuid };

struct field_reading {
    canonical_type type;
    bool array = false;
};

// What a field read as `as` is, in messages.
constexpr std::string_view to_string(canonical_type as) {
    switch (as) {
        case canonical_type::boolean: return "bool";
        case canonical_type::signed_integer: return "a signed integer";
        case canonical_type::unsigned_integer: return "an unsigned integer";
        case canonical_type::real: return "a floating-point type";
        case canonical_type::text: return "std::string or an enum";
        case canonical_type::bytes: return "ctsql::blob";
        case canonical_type::time_point: return "std::chrono::sys_time";
        case canonical_type::uuid: return "ctsql::uuid";
    }
    return "?";
}

template <class T>
constexpr field_reading reading_of() {
    if constexpr (is_unchecked_v<T> || is_optional_v<T>) {
        return reading_of<typename unchecked_traits<unwrap_optional_t<T>>::value_type>();
    } else if constexpr (sql_array<T>) {
        return {reading_of<unwrap_optional_t<array_element_t<T>>>().type, true};
    } else if constexpr (std::is_same_v<T, bool>) return {canonical_type::boolean};
    else if constexpr (sql_integer<T>) return {std::is_signed_v<T> ? canonical_type::signed_integer : canonical_type::unsigned_integer};
    else if constexpr (std::is_floating_point_v<T>) return {canonical_type::real};
    else if constexpr (std::is_same_v<T, blob>) return {canonical_type::bytes};
    else if constexpr (sql_time<T>) return {canonical_type::time_point};
    else if constexpr (std::is_same_v<T, uuid>) return {canonical_type::uuid};
    else return {canonical_type::text};  // std::string, and enums by label
}

// Names the query and the argument in the errors raised while binding a value.
struct argument_site {
    std::string_view query;
    int position;

    [[noreturn]] void fail(std::string_view what) const {
        throw error{errc::type_mismatch, query, fmt::format("argument {}: {}", position, what)};
    }
};

// How a cursor takes the text and bytes a value holds. A call's arguments outlive the
// statement's run, so it may point at them; a list element that its range makes as it is read
// (a std::views::transform's) is gone before the run, so it copies them. Every other value is
// always copied, and text a value only points at (a const char*, an enum's label) is not its own.
enum class text_binding : std::uint8_t { may_borrow, copy };

template <text_binding Text, class Cursor, class Bytes>
void bind_text_or_bytes(Cursor& cursor, int position, Bytes value) {
    if constexpr (Text == text_binding::copy) cursor.bind_copy(position, value);
    else cursor.bind(position, value);
}

template <text_binding Text = text_binding::may_borrow, class Cursor, class T>
void bind_value(Cursor& cursor, const argument_site& site, const T& value) {
    const int position = site.position;
    if constexpr (is_optional_v<T>) {
        if (value) bind_value<Text>(cursor, site, *value);
        else cursor.bind_null(position);
    } else if constexpr (std::is_same_v<T, std::nullopt_t> || std::is_same_v<T, std::nullptr_t>) {
        cursor.bind_null(position);
    } else if constexpr (std::is_same_v<T, bool>) {
        cursor.bind(position, value);
    } else if constexpr (sql_integer<T> && std::is_signed_v<T>) {
        cursor.bind(position, static_cast<std::int64_t>(value));
    } else if constexpr (sql_integer<T>) {
        cursor.bind(position, static_cast<std::uint64_t>(value));
    } else if constexpr (std::is_floating_point_v<T>) {
        cursor.bind(position, static_cast<double>(value));
    } else if constexpr (sql_time<T>) {
        // Every backend keeps microseconds; finer clocks (system_clock::now()) are floored.
        cursor.bind(position, std::chrono::floor<std::chrono::microseconds>(value));
    } else if constexpr (std::is_same_v<T, uuid>) {
        cursor.bind(position, value);
    } else if constexpr (sql_enum<T>) {
        const std::string_view label = label_of(value);
        if (label.empty()) site.fail(fmt::format("enum value {} has no enumerator name", fmt::underlying(value)));
        cursor.bind(position, label);
    } else if constexpr (sql_array_argument<T>) {
        if constexpr (requires { cursor.bind_array(site, value); }) cursor.bind_array(site, value);
        else static_assert(always_false<T>, "ctsql: this database has no array type");
    } else if constexpr (std::is_pointer_v<T>) {  // const char*: a null pointer is NULL
        if (value == nullptr) cursor.bind_null(position);
        else cursor.bind(position, std::string_view{value});
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        bind_text_or_bytes<Text>(cursor, position, std::string_view{value});
    } else {
        bind_text_or_bytes<Text>(cursor, position, std::span<const std::byte>{value});
    }
}

// The cursor's read(column, canonical&, site) returns false for NULL, leaving the value as it was.
// Declared inline so that GCC inlines them into the row reader (templates not declared inline
// get its stricter limit): once per column of every row.
template <class Cursor, class T>
inline void read_value(Cursor& cursor, int column, T& out, const value_site& site) {
    if constexpr (is_unchecked_v<T>) {
        read_value(cursor, column, out.value, site);
    } else if constexpr (is_optional_v<T>) {
        if (!read_present_value(cursor, column, out.emplace(), site)) out.reset();
    } else if (!read_present_value(cursor, column, out, site)) {
        site.fail(errc::unexpected_null, "NULL read into a field that is not std::optional");
    }
}

template <class Cursor, class T>
inline bool read_present_value(Cursor& cursor, int column, T& out, const value_site& site) {
    if constexpr (sql_integer<T>) {
        using wide = std::conditional_t<std::is_signed_v<T>, std::int64_t, std::uint64_t>;
        wide value{};
        if (!cursor.read(column, value, site)) return false;
        if (!std::in_range<T>(value))
            site.fail(errc::type_mismatch, fmt::format("value {} does not fit the field's integer type", value));
        out = static_cast<T>(value);
    } else if constexpr (std::is_floating_point_v<T>) {
        double value{};
        if (!cursor.read(column, value, site)) return false;
        out = static_cast<T>(value);
    } else if constexpr (sql_time<T>) {
        microtime value{};
        if (!cursor.read(column, value, site)) return false;
        out = std::chrono::time_point_cast<typename T::duration>(value);
        if (out != value) site.fail(errc::type_mismatch, "timestamp has more precision than the field's clock");
    } else if constexpr (sql_enum<T>) {
        std::string label;
        if (!cursor.read(column, label, site)) return false;
        const std::optional<T> value = enum_from_label<T>(label);
        if (!value) site.fail(errc::type_mismatch, fmt::format("label '{}' has no enumerator of that name", label));
        out = *value;
    } else if constexpr (sql_array<T>) {
        if constexpr (requires { cursor.read_array(column, out, site); }) return cursor.read_array(column, out, site);
        else static_assert(always_false<T>, "ctsql: this database has no array type");
    } else {
        return cursor.read(column, out, site);
    }
    return true;
}

}  // namespace ctsql::detail
