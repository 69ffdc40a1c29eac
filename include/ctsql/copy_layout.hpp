#pragma once
// A :copyfrom query is a plain `INSERT INTO t [(a, b)] VALUES ($1, $2)`: one parameter per
// column and nothing else, so that a bulk loader (PostgreSQL's COPY, MySQL's multi-row
// INSERT) can take the rows in its own form. This reads that shape out of the statement.

#include <cstddef>
#include <string_view>

#include "detail/fixed_vector.hpp"
#include "detail/token_cursor.hpp"
#include "rewrite.hpp"
#include "statement.hpp"

namespace ctsql {

template <std::size_t Values>
struct copy_layout {
    std::string_view table;    // as written: perhaps qualified, perhaps quoted
    std::string_view columns;  // the column list as written, parentheses included
    detail::fixed_vector<std::size_t, Values> parameters;  // the parameter number of each value, in order
    std::string_view offending;  // the first token that breaks the shape; empty when there is none

    constexpr bool ok() const { return offending.empty(); }
};

template <statement_shape Shape>
constexpr copy_layout<Shape.parameters> read_copy_layout(const statement<Shape>& s) {
    copy_layout<Shape.parameters> layout;
    detail::token_cursor cursor{s.tokens.begin()};
    const auto broken = [&] {
        layout.offending = cursor.current().kind == token_kind::end ? std::string_view{"end of query"}
                                                                     : cursor.current().text(s.text);
        return layout;
    };
    if (!cursor.accept("insert") || !cursor.accept("into") || !cursor.current().is_name()) return broken();
    const std::size_t table_start = cursor.current().offset;
    std::size_t table_end = table_start + cursor.current().length;
    cursor.advance();
    while (cursor.accept_symbol(".")) {
        if (!cursor.current().is_name()) return broken();
        table_end = cursor.current().offset + cursor.current().length;
        cursor.advance();
    }
    layout.table = s.text.substr(table_start, table_end - table_start);
    // COPY without a column list needs every column, where INSERT would take defaults: a list it is.
    if (!cursor.at_symbol("(")) return broken();
    const std::size_t columns_start = cursor.current().offset;
    cursor.advance();
    do {
        if (!cursor.current().is_name()) return broken();
        cursor.advance();
    } while (cursor.accept_symbol(","));
    if (!cursor.at_symbol(")")) return broken();
    layout.columns = s.text.substr(columns_start, cursor.current().offset + 1 - columns_start);
    cursor.advance();
    if (!cursor.accept("values") || !cursor.accept_symbol("(")) return broken();
    std::size_t anonymous_seen = 0;
    do {
        if (cursor.current().kind != token_kind::parameter) return broken();
        layout.parameters.push_back(detail::bound_position(s, cursor.current(), anonymous_seen));
        cursor.advance();
    } while (cursor.accept_symbol(","));
    if (!cursor.accept_symbol(")")) return broken();
    cursor.accept_symbol(";");
    if (cursor.current().kind != token_kind::end) return broken();
    return layout;
}

}  // namespace ctsql
