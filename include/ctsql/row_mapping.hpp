#pragma once
// Which field of a row struct receives which result column, and which field supplies which
// named parameter: matched by name at compile time (unquoted SQL names ignore case), so
// reading a row is a fixed sequence of column reads with no lookups.

#include <array>
#include <cstddef>
#include <ranges>
#include <string_view>
#include <type_traits>

#include "detail/characters.hpp"
#include "reflection.hpp"
#include "statement.hpp"
#include "types.hpp"

namespace ctsql::detail {

inline constexpr std::size_t no_field = static_cast<std::size_t>(-1);

template <row_struct Row>
constexpr std::size_t find_field(std::string_view name, bool exact_case) {
    constexpr auto names = field_names<Row>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (exact_case ? names[i] == name : iequals(names[i], name)) return i;
    return no_field;
}

template <row_struct Row, std::size_t N>
constexpr std::array<std::size_t, N> column_fields(const fixed_vector<result_column, N>& columns) {
    std::array<std::size_t, N> fields{};
    for (std::size_t c = 0; c < columns.size(); ++c) fields[c] = find_field<Row>(columns[c].name, columns[c].quoted);
    return fields;
}

template <row_struct Args, statement_shape Shape>
constexpr std::array<std::size_t, Shape.parameters> parameter_fields(const statement<Shape>& s) {
    std::array<std::size_t, Shape.parameters> fields{};
    for (std::size_t p = 0; p < s.parameters.size(); ++p) fields[p] = find_field<Args>(s.parameters[p].name, false);
    return fields;
}

// A lone struct argument to a query with named parameters (its style) supplies them by field
// name; not a range (a std::array is an aggregate too), which is a list's argument. A template of
// the argument's type alone, which every query shares.
template <class Arg>
constexpr bool binds_by_name(parameter_style style) {
    return style == parameter_style::named && row_struct<std::remove_cvref_t<Arg>> && !sql_argument<Arg> &&
           !std::ranges::range<Arg>;
}

}  // namespace ctsql::detail
