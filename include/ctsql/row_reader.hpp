#pragma once
// Reads the cursor's current row into the caller's row type: a struct, field by field in the
// order the compile-time column map gives, or one value for a one-column result.

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/pfr.hpp>

#include "dialect.hpp"
#include "inferred_row.hpp"
#include "reflection.hpp"
#include "row_mapping.hpp"
#include "value_io.hpp"

namespace ctsql::detail {

// Where each column's errors are raised: a constant, so that reading a value stores nothing
// for its error paths' sake.
template <class Query, dialect D, std::size_t C>
inline constexpr value_site column_site{Query::name(), Query::template result_columns<D>()[C].name};

// Fills a row in place: in the result vector, or a stream's row whose strings' storage is reused.
template <class Query, dialect D, class Cursor, class Row>
void read_row_into(Cursor& cursor, Row& row) {
    constexpr auto& columns = Query::template result_columns<D>();
    if constexpr (is_inferred_row_v<Row>) {
        [&]<std::size_t... C>(std::index_sequence<C...>) {
            (read_value(cursor, static_cast<int>(C), std::get<C>(row.values), column_site<Query, D, C>),
             ...);
        }(std::make_index_sequence<columns.size()>{});
    } else if constexpr (row_struct<Row>) {
        constexpr auto fields = column_fields<Row>(columns);
        [&]<std::size_t... C>(std::index_sequence<C...>) {
            (read_value(cursor, static_cast<int>(C), boost::pfr::get<fields[C]>(row),
                        column_site<Query, D, C>),
             ...);
        }(std::make_index_sequence<columns.size()>{});
    } else {
        read_value(cursor, 0, row, column_site<Query, D, 0>);
    }
}

// How each result column is read into Row, in column order; empty for a query without rows.
template <class Query, dialect D, class Row>
constexpr auto field_readings() {
    constexpr auto& columns = Query::template result_columns<D>();
    if constexpr (std::is_same_v<Row, no_row>) {
        return std::array<field_reading, 0>{};
    } else if constexpr (is_inferred_row_v<Row>) {
        return []<std::size_t... C>(std::index_sequence<C...>) {
            return std::array<field_reading, sizeof...(C)>{
                reading_of<std::tuple_element_t<C, decltype(Row::values)>>()...};
        }(std::make_index_sequence<columns.size()>{});
    } else if constexpr (row_struct<Row>) {
        constexpr auto fields = column_fields<Row>(columns);
        return [&]<std::size_t... C>(std::index_sequence<C...>) {
            return std::array<field_reading, sizeof...(C)>{
                reading_of<boost::pfr::tuple_element_t<fields[C], Row>>()...};
        }(std::make_index_sequence<columns.size()>{});
    } else {
        return std::array<field_reading, 1>{reading_of<Row>()};
    }
}

}  // namespace ctsql::detail
