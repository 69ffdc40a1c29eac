#pragma once
// PostgreSQL's binary format, both directions: each value's bytes as the server's send and
// recv functions write and read them (network byte order; timestamps and dates counted from
// 2000-01-01; numeric in base-10000 digits; arrays with a header and per-element lengths).

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "../detail/decimal_text.hpp"
#include "../detail/time_text.hpp"
#include "../types.hpp"
#include "../uuid.hpp"
#include "../value_io.hpp"
#include "types.hpp"

namespace ctsql::postgres::detail {

using ctsql::detail::argument_site;
using ctsql::detail::canonical_type;
using ctsql::detail::decimal_to_double;
using ctsql::detail::field_reading;
using ctsql::detail::microtime;
using ctsql::detail::value_site;
using ctsql::detail::whole_decimal;

// 2000-01-01, PostgreSQL's epoch, in days since 1970-01-01.
inline constexpr std::int64_t epoch_days = 10957;
inline constexpr std::int64_t microseconds_per_day = 86'400'000'000;

// A value's bits as the unsigned integer of its size.
template <class T>
using wire_bits = std::make_unsigned_t<
    std::conditional_t<std::is_floating_point_v<T>, std::conditional_t<sizeof(T) == 4, std::int32_t, std::int64_t>, T>>;

// Network byte order to the machine's, and back: the same swap. g++ does not make a loop over
// the bytes one instruction (it costs two dozen per 8-byte value); the builtins are.
template <class Bits>
constexpr Bits network_order(Bits value) {
    if constexpr (std::endian::native == std::endian::big || sizeof(Bits) == 1) return value;
    else if constexpr (sizeof(Bits) == 2) return __builtin_bswap16(value);
    else if constexpr (sizeof(Bits) == 4) return __builtin_bswap32(value);
    else return __builtin_bswap64(value);
}

template <class T>
T read_big_endian(const char* data) {
    wire_bits<T> value;
    std::memcpy(&value, data, sizeof value);
    return std::bit_cast<T>(network_order(value));
}

// Writes value's sizeof(T) bytes at `out`, most significant first; returns the end.
template <class T>
char* put_big_endian(char* out, T value) {
    const wire_bits<T> bits = network_order(std::bit_cast<wire_bits<T>>(value));
    std::memcpy(out, &bits, sizeof bits);
    return out + sizeof(T);
}

// Through a local array and one append: a string's += per byte costs a capacity check each.
template <class T>
void append_big_endian(std::string& out, T value) {
    char bytes[sizeof(T)];
    put_big_endian(bytes, value);
    out.append(bytes, sizeof(T));
}

template <class T>
void write_big_endian_at(std::string& out, std::size_t at, T value) {
    put_big_endian(out.data() + at, value);
}

// A value after its length, as COPY's fields and an array's elements are: encode(out) appends
// the value, and gives its format; the length before it is written once it is known.
template <class Encode>
auto append_with_length(std::string& out, Encode encode) {
    const std::size_t length_at = out.size();
    append_big_endian(out, std::int32_t{0});
    const auto format = encode(out);
    write_big_endian_at(out, length_at, static_cast<std::int32_t>(out.size() - length_at - 4));
    return format;
}

// ---- Reading ----------------------------------------------------------------------------

// Whether a value of this kind can be read as a field reads it.
constexpr bool can_decode(wire_kind kind, canonical_type as) {
    switch (as) {
        case canonical_type::boolean: return kind == wire_kind::boolean;
        case canonical_type::signed_integer:
        case canonical_type::unsigned_integer:
            return kind == wire_kind::int2 || kind == wire_kind::int4 || kind == wire_kind::int8 ||
                   kind == wire_kind::numeric;
        case canonical_type::real:
            return kind == wire_kind::float4 || kind == wire_kind::float8 || kind == wire_kind::int2 ||
                   kind == wire_kind::int4 || kind == wire_kind::int8 || kind == wire_kind::numeric;
        case canonical_type::text:
            return kind == wire_kind::text || kind == wire_kind::jsonb || kind == wire_kind::numeric ||
                   kind == wire_kind::uuid;
        case canonical_type::bytes: return kind == wire_kind::bytea;
        case canonical_type::time_point: return kind == wire_kind::timestamp || kind == wire_kind::date;
        case canonical_type::uuid: return kind == wire_kind::uuid;
    }
    return false;
}

constexpr bool can_decode(const wire_type& type, field_reading as) {
    if (as.array) return type.kind == wire_kind::array && can_decode(type.element_kind, as.type);
    return can_decode(type.kind, as.type);
}

// One value as the server sent it, in binary. Passed by value: held by reference, it would be
// kept in memory at every read for the sake of the error paths.
struct wire_value {
    wire_kind kind = wire_kind::unsupported;
    std::string_view bytes;
};

[[noreturn]] inline void cannot_read(wire_kind kind, canonical_type as, const value_site& site) {
    site.fail(errc::type_mismatch, fmt::format("a {} value cannot be read into {}", to_string(kind), to_string(as)));
}

[[noreturn]] inline void malformed_size(wire_value v, const value_site& site) {
    site.fail(errc::type_mismatch, fmt::format("a {} value of {} bytes (malformed)", to_string(v.kind), v.bytes.size()));
}

// Kept apart from the message, so that this check is inlined where each value is read.
inline void expect_size(wire_value v, std::size_t size, const value_site& site) {
    if (v.bytes.size() != size) [[unlikely]] malformed_size(v, site);
}

// numeric's base-10000 digits as the exact decimal text, "NaN" and "Infinity" included.
inline std::string numeric_text(wire_value v, const value_site& site) {
    const auto malformed = [&] { site.fail(errc::type_mismatch, "a malformed numeric value"); };
    if (v.bytes.size() < 8) malformed();
    const char* p = v.bytes.data();
    const auto count = read_big_endian<std::int16_t>(p);
    const auto weight = read_big_endian<std::int16_t>(p + 2);
    const auto sign = read_big_endian<std::uint16_t>(p + 4);
    const auto scale = read_big_endian<std::int16_t>(p + 6);
    if (count < 0 || v.bytes.size() != 8 + 2 * static_cast<std::size_t>(count)) malformed();
    if (sign == 0xC000) return "NaN";
    if (sign == 0xD000) return "Infinity";
    if (sign == 0xF000) return "-Infinity";
    const auto digit = [&](int i) -> int {
        return i >= 0 && i < count ? read_big_endian<std::int16_t>(p + 8 + 2 * i) : 0;
    };
    std::string text = sign == 0x4000 ? "-" : "";
    if (weight < 0) text += '0';
    for (int i = 0; i <= weight; ++i) text += i == 0 ? fmt::format("{}", digit(i)) : fmt::format("{:04}", digit(i));
    if (scale > 0) {
        text += '.';
        std::string fraction;
        for (int i = weight + 1; fraction.size() < static_cast<std::size_t>(scale); ++i)
            fraction += fmt::format("{:04}", digit(i));
        text.append(fraction, 0, static_cast<std::size_t>(scale));
    }
    return text;
}

// A numeric's value when it is whole and fits, else an error (a fraction, or out of range).
// Out of line: rare, and large enough (the digits as text, from_chars, a message) that inlined
// into each integer read, it crowds the reads of a row out of the compiler's inlining budget.
template <class Integer>
[[gnu::noinline]] Integer read_whole_numeric(wire_value v, const value_site& site) {
    const std::string text = numeric_text(v, site);
    Integer exact = 0;
    if (!whole_decimal(text, exact))
        site.fail(errc::type_mismatch, fmt::format("numeric {} does not fit a 64-bit integer field", text));
    return exact;
}

[[noreturn]] inline void negative_into_unsigned(std::int64_t value, const value_site& site) {
    site.fail(errc::type_mismatch, fmt::format("negative value {} read into an unsigned field", value));
}

// An integer column's value, or a numeric's when it is whole and fits: signed or unsigned 64-bit,
// for a field read `as` an integer or a double. The kind is checked here, once, and the messages
// live in functions of their own, so that this is small enough to be inlined.
template <class Integer>
inline Integer read_integer(wire_value v, canonical_type as, const value_site& site) {
    std::int64_t value = 0;
    switch (v.kind) {
        case wire_kind::int8: expect_size(v, 8, site); value = read_big_endian<std::int64_t>(v.bytes.data()); break;
        case wire_kind::int4: expect_size(v, 4, site); value = read_big_endian<std::int32_t>(v.bytes.data()); break;
        case wire_kind::int2: expect_size(v, 2, site); value = read_big_endian<std::int16_t>(v.bytes.data()); break;
        case wire_kind::numeric: return read_whole_numeric<Integer>(v, site);
        default: cannot_read(v.kind, as, site);
    }
    if (!std::in_range<Integer>(value)) [[unlikely]] negative_into_unsigned(value, site);
    return static_cast<Integer>(value);
}

inline void decode(wire_value v, bool& out, const value_site& site) {
    if (v.kind != wire_kind::boolean) cannot_read(v.kind, canonical_type::boolean, site);
    expect_size(v, 1, site);
    out = v.bytes[0] != 0;
}

inline void decode(wire_value v, std::int64_t& out, const value_site& site) {
    out = read_integer<std::int64_t>(v, canonical_type::signed_integer, site);
}

inline void decode(wire_value v, std::uint64_t& out, const value_site& site) {
    out = read_integer<std::uint64_t>(v, canonical_type::unsigned_integer, site);
}

inline double numeric_to_double(wire_value v, const value_site& site) {
    const std::string text = numeric_text(v, site);
    double value = 0;
    if (!decimal_to_double(text, value)) site.fail(errc::type_mismatch, fmt::format("numeric {} is out of a double's range", text));
    return value;
}

inline void decode(wire_value v, double& out, const value_site& site) {
    switch (v.kind) {
        case wire_kind::float4: expect_size(v, 4, site); out = read_big_endian<float>(v.bytes.data()); return;
        case wire_kind::float8: expect_size(v, 8, site); out = read_big_endian<double>(v.bytes.data()); return;
        case wire_kind::numeric: out = numeric_to_double(v, site); return;
        default: out = static_cast<double>(read_integer<std::int64_t>(v, canonical_type::real, site));
    }
}

// Text in a value of another type: jsonb's, numeric's digits, a uuid's canonical form.
inline void decode_as_text(wire_value v, std::string& out, const value_site& site) {
    switch (v.kind) {
        case wire_kind::jsonb:
            if (v.bytes.empty() || v.bytes[0] != 1) site.fail(errc::type_mismatch, "a jsonb value of an unknown version");
            out.assign(v.bytes.substr(1));
            return;
        case wire_kind::numeric: out = numeric_text(v, site); return;
        case wire_kind::uuid: {
            uuid value;
            expect_size(v, 16, site);
            std::memcpy(value.bytes.data(), v.bytes.data(), 16);
            out = value.to_string();
            return;
        }
        default: cannot_read(v.kind, canonical_type::text, site);
    }
}

// Text (text, varchar, enum labels) is copied here, where each value is read; other types apart.
inline void decode(wire_value v, std::string& out, const value_site& site) {
    if (v.kind != wire_kind::text) [[unlikely]] return decode_as_text(v, out, site);
    ctsql::detail::copy_text(v.bytes, out);
}

inline void decode(wire_value v, blob& out, const value_site& site) {
    if (v.kind != wire_kind::bytea) cannot_read(v.kind, canonical_type::bytes, site);
    const auto* data = reinterpret_cast<const std::byte*>(v.bytes.data());
    out.assign(data, data + v.bytes.size());
}

inline void decode(wire_value v, microtime& out, const value_site& site) {
    if (v.kind == wire_kind::timestamp) {
        expect_size(v, 8, site);
        const auto value = read_big_endian<std::int64_t>(v.bytes.data());
        if (value == std::numeric_limits<std::int64_t>::max() || value == std::numeric_limits<std::int64_t>::min())
            site.fail(errc::type_mismatch, "timestamp 'infinity' has no std::chrono value");
        if (value > std::numeric_limits<std::int64_t>::max() - epoch_days * microseconds_per_day)
            site.fail(errc::type_mismatch, "a timestamp beyond the range of std::chrono microseconds");
        out = microtime{std::chrono::microseconds{value + epoch_days * microseconds_per_day}};
    } else if (v.kind == wire_kind::date) {
        expect_size(v, 4, site);
        const auto value = read_big_endian<std::int32_t>(v.bytes.data());
        if (value == std::numeric_limits<std::int32_t>::max() || value == std::numeric_limits<std::int32_t>::min())
            site.fail(errc::type_mismatch, "date 'infinity' has no std::chrono value");
        // Dates reach the year 5874897; microseconds since 1970 in 64 bits, the year 294247.
        constexpr std::int64_t last_day = std::numeric_limits<std::int64_t>::max() / microseconds_per_day - epoch_days;
        if (value > last_day || value < -last_day)
            site.fail(errc::type_mismatch, "a date beyond the range of std::chrono microseconds");
        out = microtime{std::chrono::days{value + epoch_days}};
    } else {
        cannot_read(v.kind, canonical_type::time_point, site);
    }
}

inline void decode(wire_value v, uuid& out, const value_site& site) {
    if (v.kind != wire_kind::uuid) cannot_read(v.kind, canonical_type::uuid, site);
    expect_size(v, 16, site);
    std::memcpy(out.bytes.data(), v.bytes.data(), 16);
}

// One array element, read through value_io as a cursor's column is: NULL, enums by label and
// narrowing are handled there.
struct element_reader {
    wire_value value;
    bool null;

    template <class T>
    bool read(int, T& out, const value_site& site) const {
        if (null) return false;
        decode(value, out, site);
        return true;
    }
};

// A one-dimensional array: ndim, a has-null flag, the element type, each dimension's size and
// lower bound, then each element's length (-1 for NULL) and bytes.
template <class Vector>
void decode_array(const wire_type& type, std::string_view bytes, Vector& out, const value_site& site) {
    const auto malformed = [&] { site.fail(errc::type_mismatch, "a malformed array value"); };
    if (type.kind != wire_kind::array) cannot_read(type.kind, ctsql::detail::reading_of<Vector>().type, site);
    if (bytes.size() < 12) malformed();
    const auto dimensions = read_big_endian<std::int32_t>(bytes.data());
    if (dimensions > 1)
        site.fail(errc::type_mismatch, fmt::format("an array of {} dimensions into a std::vector", dimensions));
    out.clear();
    if (dimensions == 0) return;
    if (bytes.size() < 20) malformed();
    const auto count = read_big_endian<std::int32_t>(bytes.data() + 12);
    if (count < 0 || static_cast<std::size_t>(count) > (bytes.size() - 20) / 4) malformed();
    std::size_t at = 20;
    out.reserve(static_cast<std::size_t>(count));
    for (std::int32_t i = 0; i < count; ++i) {
        if (at + 4 > bytes.size()) malformed();
        const auto length = read_big_endian<std::int32_t>(bytes.data() + at);
        at += 4;
        if (length > 0 && at + static_cast<std::size_t>(length) > bytes.size()) malformed();
        const element_reader element{{type.element_kind, bytes.substr(at, length > 0 ? static_cast<std::size_t>(length) : 0)},
                                     length < 0};
        at += length > 0 ? static_cast<std::size_t>(length) : 0;
        typename Vector::value_type value{};  // not emplace_back: std::vector<bool> has no references
        ctsql::detail::read_value(element, 0, value, site);
        out.push_back(std::move(value));
    }
}

// ---- Writing ----------------------------------------------------------------------------

enum class wire_format : int { text = 0, binary = 1 };

// Decimal text ("-12.50", "1e+300", "NaN", "Infinity") in numeric's binary form: base-10000
// digits aligned on the decimal point, a weight, a sign and the scale to show. False for text
// that is not a number.
inline bool append_numeric(std::string& out, std::string_view text) {
    const auto header = [&](std::size_t count, int weight, std::uint16_t sign, int scale) {
        append_big_endian(out, static_cast<std::int16_t>(count));
        append_big_endian(out, static_cast<std::int16_t>(weight));
        append_big_endian(out, sign);
        append_big_endian(out, static_cast<std::int16_t>(scale));
    };
    constexpr std::pair<std::string_view, std::uint16_t> specials[] = {
        {"NaN", 0xC000}, {"Infinity", 0xD000}, {"+Infinity", 0xD000}, {"-Infinity", 0xF000}};
    for (const auto& [word, sign] : specials)
        if (text == word) {
            header(0, 0, sign, 0);
            return true;
        }
    const bool negative = !text.empty() && text.front() == '-';
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
    std::string digits;
    long point = -1;  // digits before the decimal point
    std::size_t at = 0;
    for (; at < text.size() && (std::isdigit(static_cast<unsigned char>(text[at])) || text[at] == '.'); ++at) {
        if (text[at] != '.') digits += text[at];
        else if (point >= 0) return false;
        else point = static_cast<long>(digits.size());
    }
    if (digits.empty()) return false;
    if (point < 0) point = static_cast<long>(digits.size());
    if (at < text.size()) {  // an exponent
        if (text[at] != 'e' && text[at] != 'E') return false;
        long exponent = 0;
        std::string_view rest = text.substr(at + 1);
        if (!rest.empty() && rest.front() == '+') rest.remove_prefix(1);
        const auto [end, rc] = std::from_chars(rest.data(), rest.data() + rest.size(), exponent);
        if (rc != std::errc{} || end != rest.data() + rest.size() || exponent > 100000 || exponent < -100000) return false;
        point += exponent;
    }
    const long scale = std::max(0L, static_cast<long>(digits.size()) - point);
    const std::size_t first = digits.find_first_not_of('0');
    if (first == std::string::npos) {
        header(0, 0, 0, static_cast<int>(scale));
        return true;
    }
    digits.erase(0, first);
    point -= static_cast<long>(first);
    const long pad = ((-point) % 4 + 4) % 4;  // leading zeros that align the point on a digit group
    digits.insert(0, static_cast<std::size_t>(pad), '0');
    point += pad;
    digits.append((4 - digits.size() % 4) % 4, '0');
    while (digits.size() > 4 && digits.ends_with("0000")) digits.resize(digits.size() - 4);
    const long weight = point / 4 - 1;
    if (weight > 32767 || weight < -32768 || scale > 0x3FFF) return false;
    header(digits.size() / 4, static_cast<int>(weight), negative ? 0x4000 : 0, static_cast<int>(scale));
    for (std::size_t i = 0; i < digits.size(); i += 4)
        append_big_endian(out, static_cast<std::int16_t>(std::stoi(digits.substr(i, 4))));
    return true;
}

// Appends a value for a parameter (or an array element, or a COPY field) of the given type.
// Most go in binary; text bound to a type ctsql does not encode (date, interval, inet, ...)
// goes as text, for the server to parse, NUL-terminated as libpq wants text parameters.
class value_encoder {
public:
    value_encoder(wire_kind target, std::string& out, const argument_site& site)
        : target_(target), out_(out), site_(site) {}

    wire_format encode(bool value) {
        if (target_ != wire_kind::boolean) mismatch("a bool");
        out_ += value ? '\1' : '\0';
        return wire_format::binary;
    }
    wire_format encode(std::int64_t value) {
        switch (target_) {
            case wire_kind::int2: return integer<std::int16_t>(value);
            case wire_kind::int4: return integer<std::int32_t>(value);
            case wire_kind::int8: append_big_endian(out_, value); return wire_format::binary;
            case wire_kind::float4: append_big_endian(out_, static_cast<float>(value)); return wire_format::binary;
            case wire_kind::float8: append_big_endian(out_, static_cast<double>(value)); return wire_format::binary;
            case wire_kind::numeric: return numeric(fmt::format("{}", value));
            default: mismatch("an integer");
        }
    }
    wire_format encode(std::uint64_t value) {
        if (target_ == wire_kind::numeric) return numeric(fmt::format("{}", value));
        if (!std::in_range<std::int64_t>(value)) site_.fail(fmt::format("{} does not fit a {}", value, to_string(target_)));
        return encode(static_cast<std::int64_t>(value));
    }
    wire_format encode(double value) {
        switch (target_) {
            case wire_kind::float4: append_big_endian(out_, static_cast<float>(value)); return wire_format::binary;
            case wire_kind::float8: append_big_endian(out_, value); return wire_format::binary;
            case wire_kind::numeric:
                if (std::isnan(value)) return numeric("NaN");
                if (std::isinf(value)) return numeric(value > 0 ? "Infinity" : "-Infinity");
                return numeric(fmt::format("{}", value));  // the shortest text that reads back exactly
            default: mismatch("a floating-point value");
        }
    }
    wire_format encode(std::string_view value) {
        switch (target_) {
            case wire_kind::text:
            case wire_kind::bytea: out_.append(value); return wire_format::binary;
            case wire_kind::jsonb:
                out_ += '\1';
                out_.append(value);
                return wire_format::binary;
            case wire_kind::uuid:
                if (const std::optional<uuid> parsed = uuid::parse(value)) return encode(*parsed);
                site_.fail(fmt::format("'{}' is not a UUID", value));
            case wire_kind::numeric: return numeric(value);
            case wire_kind::array: mismatch("text");
            default: return text(value);
        }
    }
    wire_format encode(std::span<const std::byte> value) {
        if (target_ != wire_kind::bytea) mismatch("bytes");
        out_.append(reinterpret_cast<const char*>(value.data()), value.size());
        return wire_format::binary;
    }
    wire_format encode(microtime value) {
        const std::int64_t since_epoch = value.time_since_epoch().count() - epoch_days * microseconds_per_day;
        if (target_ == wire_kind::timestamp) {
            append_big_endian(out_, since_epoch);
        } else if (target_ == wire_kind::date) {
            const auto day = std::chrono::floor<std::chrono::days>(value);
            if (day != value) site_.fail("a time of day for a date: bind a std::chrono::sys_days");
            append_big_endian(out_, static_cast<std::int32_t>(day.time_since_epoch().count() - epoch_days));
        } else {
            mismatch("a timestamp");
        }
        return wire_format::binary;
    }
    wire_format encode(const uuid& value) {
        if (target_ == wire_kind::text) return encode(std::string_view{value.to_string()});
        if (target_ != wire_kind::uuid) mismatch("a ctsql::uuid");
        out_.append(reinterpret_cast<const char*>(value.bytes.data()), value.bytes.size());
        return wire_format::binary;
    }

private:
    wire_kind target_;
    std::string& out_;
    const argument_site& site_;

    template <class Narrow>
    wire_format integer(std::int64_t value) {
        if (!std::in_range<Narrow>(value)) site_.fail(fmt::format("{} does not fit a {}", value, to_string(target_)));
        append_big_endian(out_, static_cast<Narrow>(value));
        return wire_format::binary;
    }
    wire_format numeric(std::string_view value) {
        if (!append_numeric(out_, value)) site_.fail(fmt::format("'{}' is not a number", value));
        return wire_format::binary;
    }
    wire_format text(std::string_view value) {
        if (value.find('\0') != std::string_view::npos) site_.fail("text with a NUL character");
        out_.append(value);
        out_ += '\0';
        return wire_format::text;
    }
    [[noreturn]] void mismatch(std::string_view what) const {
        site_.fail(fmt::format("{} for a parameter of type {}", what, to_string(target_)));
    }
};

// Array elements, written through value_io's bind_value as a cursor's parameters are.
class element_writer {
public:
    element_writer(const wire_type& type, std::string& out, const argument_site& site)
        : type_(type), out_(out), site_(site) {}

    bool has_null() const { return has_null_; }

    void bind_null(int) {
        append_big_endian(out_, std::int32_t{-1});
        has_null_ = true;
    }
    template <class T>
    void bind(int, const T& value) {
        const auto encode = [&](std::string& out) { return value_encoder{type_.element_kind, out, site_}.encode(value); };
        if (append_with_length(out_, encode) != wire_format::binary)
            site_.fail(fmt::format("the elements of this array (type oid {}) must be typed values, not text", type_.element));
    }

private:
    const wire_type& type_;
    std::string& out_;
    const argument_site& site_;
    bool has_null_ = false;
};

template <class Vector>
void encode_array(const wire_type& type, const Vector& values, std::string& out, const argument_site& site) {
    if (type.kind != wire_kind::array) site.fail(fmt::format("an array for a parameter of type {}", to_string(type.kind)));
    const std::size_t header = out.size();
    append_big_endian(out, std::int32_t{values.empty() ? 0 : 1});
    append_big_endian(out, std::int32_t{0});  // has nulls: written below
    append_big_endian(out, static_cast<std::uint32_t>(type.element));
    if (values.empty()) return;
    append_big_endian(out, static_cast<std::int32_t>(values.size()));
    append_big_endian(out, std::int32_t{1});  // lower bound
    element_writer writer{type, out, site};
    for (const auto& value : values) ctsql::detail::bind_value(writer, site, value);
    if (writer.has_null()) write_big_endian_at(out, header + 4, std::int32_t{1});
}

}  // namespace ctsql::postgres::detail
