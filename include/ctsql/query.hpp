#pragma once
// A query: its text as a template argument, parsed once by the compiler into a constexpr
// statement value, and rejected at its definition if the text is wrong.
//
//   inline constexpr auto GetUser = ctsql::query<R"sql(
//     -- name: GetUser :one
//     SELECT id, name FROM users WHERE id = $1
//   )sql">;

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "analysis.hpp"
#include "diagnostics.hpp"
#include "dialect.hpp"
#include "fixed_string.hpp"
#include "origin.hpp"
#include "parser.hpp"
#include "rewrite.hpp"
#include "schema.hpp"
#include "statement.hpp"

namespace ctsql {

namespace detail {

// Where a query's statement starts, for the line diagnostics give: its tag, or without one its
// first token.
constexpr std::size_t statement_start(std::string_view text) {
    lexer lex{text};
    token t = lex.next();
    while (t.kind == token_kind::comment && read_tag(t.text(text)).status == tag_status::not_a_tag) t = lex.next();
    return t.offset;
}

// "file:line" of a query whose text came from a file, or nothing.
constexpr message query_origin(std::string_view text) {
    message m;
    // ctsql_embed_sql and query sets start a text with its marker: a text that starts otherwise
    // was written inline, and nothing need be lexed (searching the text for one cost clang more).
    if (!text.starts_with(marker_open)) return m;
    write_file_line(m, place_of(text, statement_start(text)));
    return m;
}

// Prefixes a diagnostic with its origin, as a compiler does: "users.sql:9: ...".
constexpr message from_origin(const message& origin, const message& diagnostic) {
    if (origin.empty()) return diagnostic;
    message m = origin;
    return m << ": " << diagnostic.view();
}

}  // namespace detail

// The schema is taken by reference: a reference is mangled as the schema variable's name, where
// a value would spell out its whole DDL in the symbol of every function the query instantiates,
// which cost g++ as much time again as the checks themselves.
template <fixed_string Text, const auto& Schema = no_schema_value>
class basic_query {
    // Parsed in the capacities most queries fit, which it measures as it lexes; a query that needs
    // more is parsed again in the capacities it measured. Most are lexed once.
    static constexpr statement<detail::default_room> first_parse_ = parse<detail::default_room>(Text.view());
    template <statement_shape Room>
    static constexpr statement<Room> parsed_in_ = parse<Room>(Text.view());

public:
    // Schema's type: its catalog() is the same for every query of the schema (see schema_checked).
    using schema_type = std::remove_cvref_t<decltype(Schema)>;
    // The parsed statement. What a query knows at compile time is given by consteval functions
    // rather than static variables: clang hands every variable, and every function that is not
    // consteval, to its code generator, which names each by the query's whole text.
    static consteval const auto& info() {
        if constexpr (detail::shared_room(first_parse_.measured) == detail::default_room) return first_parse_;
        else return parsed_in_<detail::shared_room(first_parse_.measured)>;
    }
    static constexpr const schema_type& schema = Schema;

    // Types and nullability of the result and the parameters on a backend of dialect D.
    template <dialect D>
        requires is_schema_v<schema_type>
    static constexpr auto analysed = analyse(info(), schema_type::catalog(), D);

    // The result columns a backend returns: with a schema, * is expanded.
    template <dialect D>
    static consteval const auto& result_columns() {
        if constexpr (is_schema_v<schema_type>) return analysed<D>.columns;
        else return info().columns;
    }

    consteval basic_query() {
        if constexpr (!info().ok()) reject<detail::from_origin(origin_, describe(info()))>();
        else if constexpr (!is_schema_v<schema_type> && !std::is_same_v<schema_type, no_schema>)
            reject<message{label_} << ": the query's second argument is not a schema: give a ctsql::schema<...> or "
                                      "ctsql::schema_from<...>">();
    }

    static consteval std::string_view name() { return info().name; }
    // How compile-time diagnostics name the query: "GetUser", or "users.sql:9: GetUser" when
    // its text came from a file (see origin.hpp). Run-time errors give name().
    static consteval std::string_view label() {
        if constexpr (origin_.empty()) return info().name;  // most queries: no file to name, nothing to build
        else return label_.view();
    }
    static consteval query_kind kind() { return info().kind; }
    static consteval statement_kind type() { return info().type; }
    static consteval std::string_view text() { return Text.view(); }
    static consteval std::size_t parameter_count() { return info().parameters.size(); }
    static consteval std::size_t column_count() { return info().columns.size(); }
    static consteval std::size_t list_count() { return info().list_count(); }
    static consteval const auto& parameters() { return info().parameters; }
    static consteval const auto& columns() { return info().columns; }

    // The text handed to a backend of dialect D, NUL-terminated.
    template <dialect D>
        requires(info().list_count() == 0)
    static constexpr std::string_view sql() {
        return dialect_text<D>.view();
    }

    // For MySQL, whose text has only ?: the argument (from 1) that each ? binds, in order.
    static constexpr auto placeholder_arguments()
        requires(info().list_count() == 0)
    {
        return detail::placeholder_arguments<detail::placeholder_count(info())>(info());
    }

    // With lists (sqlc.slice), the same for lists of these lengths, in the order the lists first
    // appear: each list's placeholders come after every other parameter's, so MySQL's map numbers
    // a list's elements from parameter_count() - list_count() + 1 on.
    using list_lengths = std::span<const std::size_t, info().list_count()>;
    template <dialect D>
    static std::string sql(list_lengths lengths) {
        std::string text;
        detail::string_sink out{text};
        sql<D>(lengths, out);
        return text;
    }
    // ... written to out, anything that takes a std::string_view with << (a ctsql::text_buffer
    // in a constant expression).
    template <dialect D>
    static constexpr void sql(list_lengths lengths, auto& out) {
        detail::splice_lists<D>(dialect_text<D>.view(), list_cuts<D>, parameter_count() - list_count(), lengths, out);
    }
    static constexpr std::vector<std::size_t> placeholder_arguments(list_lengths lengths) {
        constexpr auto others = detail::placeholder_arguments<detail::placeholder_count(info())>(info());
        return detail::splice_list_arguments(others, list_cuts<dialect::mysql>, parameter_count() - list_count(), lengths);
    }

private:
    static constexpr message origin_ = detail::query_origin(Text.view());
    static constexpr message label_ = detail::from_origin(origin_, message{} << info().name);

    template <dialect D>
    static constexpr auto dialect_text = detail::respelled<detail::respelled_size<D>(info()), D>(info());
    template <dialect D>
    static constexpr auto list_cuts = detail::list_cuts<detail::parameter_token_count(info(), true), D>(info());
};

template <fixed_string Text, const auto& Schema = no_schema_value>
inline constexpr basic_query<Text, Schema> query{};

template <class T>
inline constexpr bool is_query_v = false;
template <fixed_string Text, const auto& Schema>
inline constexpr bool is_query_v<basic_query<Text, Schema>> = true;

}  // namespace ctsql
