#pragma once
// {fmt} formatters, for logs and messages: a ctsql::error as its what(), and a row (a reflected
// row struct, or an inferred ctsql::row) as its fields by name.
//
//   #include <ctsql/format.hpp>
//   fmt::print("{}\n", user);    // {id: 1, name: "Ann", bio: null}
//   fmt::print("{}\n", error);   // GetUser: unique_violation: duplicate key value ...
//
// Text is quoted and escaped, NULL is null, times are UTC in CURRENT_TIMESTAMP's form, bytes
// are \x and hex digits as PostgreSQL writes them, enums are their labels, arrays are [a, b].

#include <chrono>
#include <cstddef>
#include <iterator>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/pfr.hpp>
#include <fmt/format.h>

#include "detail/time_text.hpp"
#include "enum_names.hpp"
#include "error.hpp"
#include "inferred_row.hpp"
#include "reflection.hpp"
#include "types.hpp"
#include "uuid.hpp"

namespace ctsql::detail {

// A row struct every field of which is a value a column can hold. An inferred ctsql::row has a
// formatter of its own (and a tuple's interface, which Boost.PFR would take for its fields); a
// range such as std::array is an aggregate too, but fmt/ranges.h formats it.
template <class T>
concept printable_row = !is_inferred_row_v<T> && !std::ranges::range<T> && row_struct<T> && []<std::size_t... I>(std::index_sequence<I...>) {
    return (sql_field<boost::pfr::tuple_element_t<I, T>> && ...);
}(std::make_index_sequence<boost::pfr::tuple_size_v<T>>{});

template <class Out, class T>
Out write_value(Out out, const T& value) {
    if constexpr (is_optional_v<T>) {
        return value ? write_value(out, *value) : fmt::format_to(out, "null");
    } else if constexpr (is_unchecked_v<T>) {
        return write_value(out, value.value);
    } else if constexpr (std::is_same_v<T, std::string>) {
        return fmt::format_to(out, "{:?}", value);
    } else if constexpr (std::is_same_v<T, blob>) {
        out = fmt::format_to(out, "\\x");
        for (std::byte b : value) out = fmt::format_to(out, "{:02x}", static_cast<unsigned>(b));
        return out;
    } else if constexpr (sql_time<T>) {
        char text[timestamp_text_size];
        const auto micro = std::chrono::time_point_cast<std::chrono::microseconds>(value);
        return fmt::format_to(out, "{}", std::string_view{text, format_timestamp(micro, text)});
    } else if constexpr (std::is_same_v<T, uuid>) {
        return fmt::format_to(out, "{}", value.to_string());
    } else if constexpr (sql_enum<T>) {
        const std::string_view label = label_of(value);
        if (label.empty()) return fmt::format_to(out, "{}", static_cast<std::underlying_type_t<T>>(value));
        return fmt::format_to(out, "{}", label);
    } else if constexpr (sql_array<T>) {
        out = fmt::format_to(out, "[");
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i != 0) out = fmt::format_to(out, ", ");
            out = write_value(out, value[i]);
        }
        return fmt::format_to(out, "]");
    } else {  // bool, integers, floating point
        return fmt::format_to(out, "{}", value);
    }
}

// {name: value, ...}, the i-th value named name_of(i).
template <class Out, class NameOf, class... Values>
Out write_row(Out out, NameOf name_of, const Values&... values) {
    out = fmt::format_to(out, "{{");
    std::size_t i = 0;
    ((out = write_value(fmt::format_to(out, "{}{}: ", i == 0 ? "" : ", ", name_of(i)), values), ++i), ...);
    return fmt::format_to(out, "}}");
}

}  // namespace ctsql::detail

template <>
struct fmt::formatter<ctsql::error> : fmt::formatter<std::string_view> {
    template <class Context>
    auto format(const ctsql::error& e, Context& context) const {
        return fmt::formatter<std::string_view>::format(e.what(), context);
    }
};

template <class Row>
    requires ctsql::detail::printable_row<Row>
struct fmt::formatter<Row> {
    constexpr auto parse(fmt::format_parse_context& context) { return context.begin(); }
    template <class Context>
    auto format(const Row& row, Context& context) const {
        static constexpr auto names = ctsql::field_names<Row>();
        const auto name_of = [](std::size_t i) { return names[i]; };
        return std::apply([&](const auto&... values) { return ctsql::detail::write_row(context.out(), name_of, values...); },
                          boost::pfr::structure_tie(row));
    }
};

template <class Query, ctsql::dialect D, class... T>
struct fmt::formatter<ctsql::row<Query, D, T...>> {
    constexpr auto parse(fmt::format_parse_context& context) { return context.begin(); }
    template <class Context>
    auto format(const ctsql::row<Query, D, T...>& row, Context& context) const {
        const auto name_of = [](std::size_t i) { return Query::template result_columns<D>()[i].name; };
        return std::apply([&](const auto&... values) { return ctsql::detail::write_row(context.out(), name_of, values...); },
                          row.values);
    }
};
