#pragma once
// The one argument of a :copyfrom or :batchexec query: a range whose every element is one
// set of arguments, as a tuple (positional), or a struct (by name where the query names its
// parameters, else field by field in order).
//
//   db.execute(CopyUsers, std::vector<std::tuple<std::string, std::string>>{{"Ann", "ann@x.org"}});
//   db.execute(CopyUsers, users);   // a std::vector<NewUser>, NewUser { std::string name, email; }

#include <cstddef>
#include <ranges>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/pfr.hpp>

#include "call_arguments.hpp"
#include "checks.hpp"
#include "diagnostics.hpp"
#include "dialect.hpp"
#include "inferred_row.hpp"
#include "reflection.hpp"
#include "row_mapping.hpp"

namespace ctsql::detail {

template <class T> inline constexpr bool is_tuple_like_v = false;
template <class... T> inline constexpr bool is_tuple_like_v<std::tuple<T...>> = true;
template <class A, class B> inline constexpr bool is_tuple_like_v<std::pair<A, B>> = true;

// The argument types one element stands for, as a std::tuple.
template <class Query, class Element>
constexpr auto element_arguments() {
    if constexpr (is_tuple_like_v<Element>) {
        return std::type_identity<Element>{};
    } else if constexpr (binds_by_name<Element>(Query::info().style)) {
        return std::type_identity<std::tuple<Element>>{};
    } else if constexpr (row_struct<Element>) {
        return []<std::size_t... I>(std::index_sequence<I...>) {
            return std::type_identity<std::tuple<boost::pfr::tuple_element_t<I, Element>...>>{};
        }(std::make_index_sequence<field_count<Element>>{});
    } else {
        return std::type_identity<std::tuple<Element>>{};  // one value per element, for one parameter
    }
}
template <class Query, class Element>
using element_arguments_t = typename decltype(element_arguments<Query, Element>())::type;

template <class Query, class Cursor, class Element>
void bind_element(Cursor& cursor, const Element& element) {
    const auto bind = [&](const auto&... arguments) { bind_arguments<Query>(cursor, arguments...); };
    if constexpr (is_tuple_like_v<Element>) std::apply(bind, element);
    else if constexpr (binds_by_name<Element>(Query::info().style) || !row_struct<Element>) bind(element);
    else std::apply(bind, boost::pfr::structure_tie(element));
}

template <class Query, dialect D, class Tuple>
struct element_check;
template <class Query, dialect D, class... Args>
struct element_check<Query, D, std::tuple<Args...>> {
    static constexpr message value = check_call<Query, D, no_row, Args...>();
};

// The check of a :copyfrom or :batchexec call: one range, each element a valid argument set.
template <class Query, dialect D, class Row, class... Args>
constexpr message check_range_call() {
    message m;
    if constexpr (sizeof...(Args) != 1 || !(std::ranges::input_range<Args> && ...)) {
        return m << Query::label() << ": a '" << to_string(Query::kind())
                 << "' query takes one argument, a range of argument tuples or structs";
    } else if constexpr (!std::is_same_v<Row, no_row>) {
        return m << Query::label() << ": '" << to_string(Query::kind())
                 << "' query returns no rows, so it takes no row type (the call names one)";
    } else {
        using element = std::ranges::range_value_t<std::tuple_element_t<0, std::tuple<Args...>>>;
        return element_check<Query, D, element_arguments_t<Query, element>>::value;
    }
}

}  // namespace ctsql::detail
