#pragma once
// A query: its text as a template argument, parsed once by the compiler into a constexpr
// statement value, and rejected at its definition if the text is wrong.
//
//   inline constexpr auto GetUser = ctsql::query<R"sql(
//     -- name: GetUser :one
//     SELECT id, name FROM users WHERE id = $1
//   )sql">;

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "analysis.hpp"
#include "diagnostics.hpp"
#include "dialect.hpp"
#include "fixed_string.hpp"
#include "parser.hpp"
#include "rewrite.hpp"
#include "schema.hpp"
#include "statement.hpp"

namespace ctsql {

template <fixed_string Text, auto Schema = no_schema{}>
class basic_query {
public:
    static constexpr statement_shape shape = measure(Text.view());
    static constexpr statement<shape> info = parse<shape>(Text.view());
    static constexpr auto schema = Schema;
    static constexpr bool has_schema = is_schema_v<std::remove_cv_t<decltype(Schema)>>;

    // Types and nullability of the result and the parameters on a backend of dialect D.
    template <dialect D>
        requires has_schema
    static constexpr auto analysed = analyse(info, decltype(Schema)::catalog(), D);

    // The result columns a backend returns: with a schema, * is expanded.
    template <dialect D>
    static constexpr const auto& result_columns() {
        if constexpr (has_schema) return analysed<D>.columns;
        else return info.columns;
    }

    constexpr basic_query() {
        if constexpr (!info.ok()) reject<describe(info)>();
    }

    static constexpr std::string_view name() { return info.name; }
    static constexpr query_kind kind() { return info.kind; }
    static constexpr statement_kind type() { return info.type; }
    static constexpr std::string_view text() { return Text.view(); }
    static constexpr std::size_t parameter_count() { return info.parameters.size(); }
    static constexpr std::size_t column_count() { return info.columns.size(); }
    static constexpr const auto& parameters() { return info.parameters; }
    static constexpr const auto& columns() { return info.columns; }

    // The text handed to a backend of dialect D, NUL-terminated.
    template <dialect D>
    static constexpr std::string_view sql() {
        return dialect_text<D>.view();
    }

    // For MySQL, whose text has only ?: the argument (from 1) that each ? binds, in order.
    static constexpr auto placeholder_arguments() {
        return detail::placeholder_arguments<detail::placeholder_count(info)>(info);
    }

private:
    template <dialect D>
    static constexpr auto dialect_text = detail::respelled<detail::respelled_size<D>(info), D>(info);
};

template <fixed_string Text, auto Schema = no_schema{}>
inline constexpr basic_query<Text, Schema> query{};

template <class T>
inline constexpr bool is_query_v = false;
template <fixed_string Text, auto Schema>
inline constexpr bool is_query_v<basic_query<Text, Schema>> = true;

}  // namespace ctsql
