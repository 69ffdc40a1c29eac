#pragma once
// A call's arguments, bound to a cursor: each at its parameter's position, given in order or as
// the fields of one struct by parameter name. A list parameter (sqlc.slice) takes any sized
// range of values (std::vector, std::span, std::array, a std::views::transform, ...): its elements
// are bound after every other parameter, list after list, and its length picks the statement
// (query_description.hpp).
//
//   db.execute<User>(ListUsers, std::vector<std::int64_t>{1, 2, 3});  // ... WHERE id IN (sqlc.slice(ids))

#include <array>
#include <cstddef>
#include <ranges>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/pfr.hpp>
#include <fmt/format.h>

#include "error.hpp"
#include "row_mapping.hpp"
#include "statement.hpp"
#include "types.hpp"
#include "value_io.hpp"

namespace ctsql {

// An argument for a list parameter. Not text: a std::string is one value, not a list of characters.
// Text and scalars are turned away first, before the range concepts, which cost g++ far more.
template <class T>
concept list_argument = !std::is_scalar_v<T> && !detail::text_argument<T> && std::ranges::sized_range<const T> &&
                        std::ranges::input_range<const T>;

namespace detail {

// The type parameter P binds one value of: the argument's, or a list's element's.
template <class Query, std::size_t P, class Arg>
constexpr auto bound_value() {
    if constexpr (Query::info().parameters[P].list && list_argument<Arg>)
        return std::type_identity<std::ranges::range_value_t<const Arg>>{};
    else
        return std::type_identity<Arg>{};
}
template <class Query, std::size_t P, class Arg>
using bound_value_t = typename decltype(bound_value<Query, P, Arg>())::type;

// Calls visit.template operator()<P>(argument) for each parameter P and the argument it binds.
template <class Query, class Visit, class... Args>
void for_each_argument(Visit&& visit, const Args&... args) {
    constexpr auto& s = Query::info();
    if constexpr (sizeof...(Args) == 1 && (binds_by_name<Args>(s.style) && ...)) {
        constexpr auto fields = parameter_fields<std::remove_cvref_t<Args>...>(s);
        [&]<std::size_t... P>(const auto& source, std::index_sequence<P...>) {
            (visit.template operator()<P>(boost::pfr::get<fields[P]>(source)), ...);
        }(args..., std::make_index_sequence<s.parameters.size()>{});
    } else {
        [&]<std::size_t... P>(std::index_sequence<P...>) {
            (visit.template operator()<P>(args), ...);
        }(std::index_sequence_for<Args...>{});
    }
}

template <std::size_t Lists>
using list_lengths = std::array<std::size_t, Lists>;

// The lengths of a call's lists, in the order the lists first appear.
template <class Query, class... Args>
list_lengths<Query::list_count()> lengths_of_lists(const Args&... args) {
    list_lengths<Query::list_count()> lengths{};
    for_each_argument<Query>(
        [&]<std::size_t P>(const auto& argument) {
            constexpr parameter p = Query::info().parameters[P];
            if constexpr (p.list && list_argument<std::remove_cvref_t<decltype(argument)>>)
                lengths[p.number - 1] = std::ranges::size(argument);
        },
        args...);
    return lengths;
}

// Whether a range's elements live as long as the range: a forward range's references do. An
// element the range makes as it is read (a std::views::transform's) is gone before the
// statement runs.
template <class Range>
inline constexpr bool elements_outlive_reading =
    std::ranges::forward_range<const Range> && std::is_lvalue_reference_v<std::ranges::range_reference_t<const Range>>;

// A list's elements, at the positions from `position` on (left past them); an error names the
// element, counted from 0.
template <class Cursor, class Range>
void bind_list(Cursor& cursor, std::string_view query, std::string_view list, const Range& elements, int& position) {
    constexpr text_binding text = elements_outlive_reading<Range> ? text_binding::may_borrow : text_binding::copy;
    std::size_t index = 0;
    for (const auto& element : elements) {
        try {
            bind_value<text>(cursor, argument_site{query, position}, element);
        } catch (const error& e) {
            throw error{e.code(), e.query_name(), fmt::format("list '{}', element {}: {}", list, index, e.text()),
                        e.sqlstate(), e.native_code()};
        }
        ++position;
        ++index;
    }
}

template <class Query, class Cursor, class... Args>
void bind_arguments(Cursor& cursor, const Args&... args) {
    int list_position = static_cast<int>(Query::parameter_count() - Query::list_count()) + 1;
    for_each_argument<Query>(
        [&]<std::size_t P>(const auto& argument) {
            constexpr parameter p = Query::info().parameters[P];
            if constexpr (p.list) bind_list(cursor, Query::name(), p.name, argument, list_position);
            else bind_value(cursor, argument_site{Query::name(), static_cast<int>(p.number)}, argument);
        },
        args...);
}

}  // namespace detail
}  // namespace ctsql
