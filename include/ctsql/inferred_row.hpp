#pragma once
// The row type of a call that names none, inferred from the schema: a one-column result gives
// that column's C++ type (std::optional where it may be NULL); several columns give a
// ctsql::row with access by column name, row.get<"email">(), and structured bindings.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/characters.hpp"
#include "analysis.hpp"
#include "dialect.hpp"
#include "fixed_string.hpp"
#include "schema.hpp"
#include "sql_type.hpp"
#include "types.hpp"

namespace ctsql {

namespace detail {

// The row type of a call that names none.
struct no_row {};

// Whether a column of type t has a C++ type to infer: not SQLite's untyped columns, times of
// day and intervals (yet).
constexpr bool has_inferred_type(const sql_type& t) {
    return t.family != type_family::any && t.family != type_family::time && t.family != type_family::interval;
}

// The C++ type a column of a family (and width) is read into; no_row where there is none.
template <type_family F, std::uint8_t Bits, bool Unsigned>
struct inferred_value {
    using type = std::string;  // text, decimal (exact), json, enum labels
};
template <std::uint8_t Bits, bool Unsigned>
struct inferred_value<type_family::boolean, Bits, Unsigned> {
    using type = bool;
};
template <std::uint8_t Bits>
struct inferred_value<type_family::integer, Bits, false> {
    using type = std::conditional_t<(Bits <= 8), std::int8_t,
                 std::conditional_t<(Bits <= 16), std::int16_t,
                 std::conditional_t<(Bits <= 32), std::int32_t, std::int64_t>>>;
};
template <std::uint8_t Bits>
struct inferred_value<type_family::integer, Bits, true> {
    using type = std::conditional_t<(Bits <= 8), std::uint8_t,
                 std::conditional_t<(Bits <= 16), std::uint16_t,
                 std::conditional_t<(Bits <= 32), std::uint32_t, std::uint64_t>>>;
};
template <std::uint8_t Bits, bool Unsigned>
struct inferred_value<type_family::real, Bits, Unsigned> {
    using type = std::conditional_t<(Bits <= 32), float, double>;
};
template <std::uint8_t Bits, bool Unsigned>
struct inferred_value<type_family::blob, Bits, Unsigned> {
    using type = blob;
};
template <std::uint8_t Bits, bool Unsigned>
struct inferred_value<type_family::timestamp, Bits, Unsigned> {
    using type = std::chrono::sys_time<std::chrono::microseconds>;
};
template <std::uint8_t Bits, bool Unsigned>
struct inferred_value<type_family::date, Bits, Unsigned> {
    using type = std::chrono::sys_days;
};
template <std::uint8_t Bits, bool Unsigned>
struct inferred_value<type_family::uuid, Bits, Unsigned> {
    using type = uuid;
};

// An array's elements may be NULL whatever the column's nullability.
template <type_family F, std::uint8_t Bits, bool Unsigned, bool Array>
using inferred_column_value_t =
    std::conditional_t<Array, std::vector<std::optional<typename inferred_value<F, Bits, Unsigned>::type>>,
                       typename inferred_value<F, Bits, Unsigned>::type>;

// A result column's inferred field type, from its analysis (a column_type).
template <type_family F, std::uint8_t Bits, bool Unsigned, bool Array, bool Nullable>
using inferred_field_t =
    std::conditional_t<F == type_family::any || F == type_family::time || F == type_family::interval, no_row,
                       std::conditional_t<Nullable, std::optional<inferred_column_value_t<F, Bits, Unsigned, Array>>,
                                          inferred_column_value_t<F, Bits, Unsigned, Array>>>;

// The field type of the query's result column I on dialect D.
template <class Query, dialect D, std::size_t I>
struct column_field {
    static constexpr const column_type& c = Query::template analysed<D>.column_types[I];
    using type = inferred_field_t<c.type.family, c.type.bits, c.type.is_unsigned, c.type.array, c.nullable>;
};
template <class Query, dialect D, std::size_t I>
using column_field_t = typename column_field<Query, D, I>::type;

template <class Query, dialect D, std::size_t... I>
auto inferred_row_of(std::index_sequence<I...>);

}  // namespace detail

// A row of an inferred type: its values in the order of the result columns.
template <class Query, dialect D, class... T>
class row {
public:
    std::tuple<T...> values;

    template <fixed_string Name>
    constexpr auto& get() & { return std::get<index_of<Name>()>(values); }
    template <fixed_string Name>
    constexpr const auto& get() const& { return std::get<index_of<Name>()>(values); }
    template <std::size_t I>
    constexpr auto& get() & { return std::get<I>(values); }
    template <std::size_t I>
    constexpr const auto& get() const& { return std::get<I>(values); }
    template <std::size_t I>
    constexpr auto&& get() && { return std::get<I>(std::move(values)); }

    friend constexpr bool operator==(const row&, const row&) = default;

private:
    template <fixed_string Name>
    static consteval std::size_t index_of() {
        constexpr auto& columns = Query::template result_columns<D>();
        std::size_t found = columns.size();
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (detail::iequals(columns[i].name, Name.view())) found = i;
        if (found == columns.size()) throw "ctsql::row::get: the query has no result column of that name";
        return found;
    }
};

template <class T>
inline constexpr bool is_inferred_row_v = false;
template <class Query, dialect D, class... T>
inline constexpr bool is_inferred_row_v<row<Query, D, T...>> = true;

namespace detail {

template <class Query, dialect D, std::size_t... I>
auto inferred_row_of(std::index_sequence<I...>) {
    return row<Query, D, column_field_t<Query, D, I>...>{};
}

// The row type a call reads: the one it names, or, with a schema, the one inferred from it.
template <class Query, dialect D, class Row>
constexpr auto resolve_row() {
    if constexpr (!std::is_same_v<Row, no_row> || !schema_checked<Query> || !returns_rows(Query::kind())) {
        return std::type_identity<Row>{};
    } else {
        constexpr auto& a = Query::template analysed<D>;
        if constexpr (!a.ok()) return std::type_identity<no_row>{};
        else if constexpr (a.columns.size() == 1)
            return std::type_identity<column_field_t<Query, D, 0>>{};
        else return std::type_identity<decltype(inferred_row_of<Query, D>(std::make_index_sequence<a.columns.size()>{}))>{};
    }
}

template <class Query, dialect D, class Row>
using resolved_row_t = typename decltype(resolve_row<Query, D, Row>())::type;

}  // namespace detail
}  // namespace ctsql

template <class Query, ctsql::dialect D, class... T>
struct std::tuple_size<ctsql::row<Query, D, T...>> : std::integral_constant<std::size_t, sizeof...(T)> {};

template <std::size_t I, class Query, ctsql::dialect D, class... T>
struct std::tuple_element<I, ctsql::row<Query, D, T...>> {
    using type = std::tuple_element_t<I, std::tuple<T...>>;
};
