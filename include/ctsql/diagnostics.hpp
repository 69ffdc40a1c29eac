#pragma once
// Compile-time rejections. A C++20 static_assert cannot format its message, so the message
// is built as a constexpr text and handed to a failing template as its arguments: the
// compiler prints them on the line that reports the failure. clang shortens string
// arguments longer than about 35 characters, so the text travels in pieces of at most 32,
// cut at spaces.

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

#include "analysis.hpp"
#include "dialect.hpp"
#include "fixed_string.hpp"
#include "parser.hpp"
#include "statement.hpp"

namespace ctsql {

using message = text_buffer<320>;

// Spelled out on the failing line: ctsql::rejected<"GetUser: result column 'email' ...">.
template <fixed_string... Reason>
struct rejected {
    static constexpr bool value = false;
};

namespace detail {

template <fixed_string... Reason>
constexpr bool fail() {
    static_assert(rejected<Reason...>::value,
                  "ctsql rejected a query: the reason is spelled out in the arguments of ctsql::rejected");
    return false;
}

struct piece {
    std::size_t begin = 0;
    std::size_t size = 0;
};

inline constexpr std::size_t piece_limit = 32;

constexpr std::size_t piece_count(std::string_view text) {
    return (text.size() + piece_limit - 1) / piece_limit * 2 + 1;  // generous: cuts at spaces waste some
}

// The message cut into pieces: an array of (begin, size) and how many are used.
template <message Text>
inline constexpr auto pieces_of = [] {
    std::array<piece, piece_count(Text.view())> pieces{};
    std::size_t count = 0;
    const std::string_view text = Text.view();
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t size = text.size() - begin;
        if (size > piece_limit) {
            size = piece_limit;
            const std::size_t space = text.substr(begin, piece_limit).rfind(' ');
            if (space != std::string_view::npos && space > piece_limit / 2) size = space;
        }
        pieces[count++] = piece{begin, size};
        begin += size;
    }
    return std::pair{pieces, count};
}();

template <message Text, std::size_t... I>
constexpr bool fail_in_pieces(std::index_sequence<I...>) {
    constexpr auto& pieces = pieces_of<Text>.first;
    return fail<fixed_string<pieces[I].size>{Text.view().substr(pieces[I].begin, pieces[I].size)}...>();
}

}  // namespace detail

// Fails the compilation with Text as the reason; called only under `if constexpr` when a
// check has produced a non-empty text.
template <message Text>
constexpr bool reject() {
    return detail::fail_in_pieces<Text>(std::make_index_sequence<detail::pieces_of<Text>.second>{});
}

// The sentence for a statement the parser found wrong, or an empty text.
template <statement_shape Shape>
constexpr message describe(const statement<Shape>& s) {
    message m;
    const diagnosis& e = s.error;
    const std::string_view name = s.name.empty() ? std::string_view{"query"} : s.name;
    switch (e.code) {
        case problem::none: break;
        case problem::no_tag:
            m << "query '" << e.subject << "' has no tag: begin it with -- name: <Name> :<kind>";
            break;
        case problem::tag_without_name: m << "tag '" << e.subject << "' names no query: write -- name: <Name> :<kind>"; break;
        case problem::tag_bad_name: m << "tag name '" << e.subject << "' is not an identifier"; break;
        case problem::tag_without_kind:
            m << e.subject << ": tag has no kind: write -- name: " << e.subject << " :one (or :many, :exec, :execrows, :execlastid)";
            break;
        case problem::tag_unknown_kind:
            m << name << ": unknown query kind ':" << e.subject << "' (expected :one, :many, :exec, :execrows, :execlastid, :copyfrom or :batchexec)";
            break;
        case problem::tag_extra_text: m << name << ": unexpected text '" << e.subject << "' after the tag's kind"; break;
        case problem::lexical:
            m << name << ": ";
            switch (e.lexical) {
                case lex_error::unterminated_string: m << "unterminated string '"; break;
                case lex_error::unterminated_quoted_name: m << "unterminated quoted name '"; break;
                case lex_error::unterminated_comment: m << "unterminated comment '"; break;
                case lex_error::unterminated_dollar_body: m << "unterminated dollar-quoted body '"; break;
                case lex_error::malformed_parameter: m << "malformed parameter '"; break;
                case lex_error::unsupported_macro: m << "sqlc.embed is not supported yet: '"; break;
                case lex_error::none: m << "unreadable text '"; break;
            }
            m << e.subject << "'";
            break;
        case problem::parameter_gap:
            m << name << ": parameter '$" << e.number << "' is never used, but a higher number is (parameters are numbered $1, $2, ... without gaps)";
            break;
        case problem::parameter_zero:
            m << name << ": parameter '" << e.subject << "' does not exist: parameters are numbered from $1";
            break;
        case problem::mixed_parameter_styles:
            m << name << ": parameter '" << e.subject << "' mixes parameter styles (use one of $1, ?, @name or sqlc.arg(name) per query)";
            break;
        case problem::list_among_numbered:
            m << name << ": list '" << e.subject
              << "' stands among $n parameters, which leave it no place of its own (name the others, or write them ?)";
            break;
        case problem::several_statements:
            m << name << ": a second statement starts at '" << e.subject << "': give each statement its own -- name: tag";
            break;
        case problem::empty_statement: m << name << ": the tag is followed by no statement"; break;
        case problem::no_result_columns:
            m << name << ": '" << to_string(s.kind) << "' query returns no columns ('" << e.subject
              << "' without a result list): tag it :exec, :execrows or :execlastid, or add RETURNING";
            break;
        case problem::exec_returns_rows:
            m << name << ": '" << to_string(s.kind) << "' query returns columns (the first is '" << e.subject
              << "'): tag it :one or :many";
            break;
        case problem::copy_not_plain_insert:
            m << name << ": a :copyfrom query is INSERT INTO t (a, b) VALUES ($1, $2), one parameter per column and nothing more; '"
              << e.subject << "' is not";
            break;
        case problem::list_outside_in:
            m << name << ": list parameter '" << e.subject
              << "' must be a whole item of an IN (...) list, as in id IN (sqlc.slice(ids))";
            break;
        case problem::list_in_range_query:
            m << name << ": list parameter '" << e.subject << "' cannot be used in a '" << to_string(s.kind)
              << "' query, whose every element binds one value per parameter";
            break;
        case problem::list_and_value:
            m << name << ": parameter '" << e.subject
              << "' is both a list (sqlc.slice) and a single value: give them different names";
            break;
        case problem::too_large:
            m << name << ": too large to read here: it may need " << e.number << " " << e.subject << ", and there is room for "
              << excess(s.measured, Shape).room;
            break;
    }
    return m;
}

// The sentence for a query the schema analysis found wrong on dialect d, or an empty text; the
// query is named as `query` says (its name, or its label: see basic_query::label).
template <std::size_t Columns, std::size_t Parameters>
constexpr message describe(const analysis<Columns, Parameters>& a, std::string_view query, dialect d) {
    message m;
    const analysis_diagnosis& e = a.error;
    if (e.code != analysis_problem::none) m << query << ": ";
    switch (e.code) {
        case analysis_problem::none: break;
        case analysis_problem::unknown_table: m << "unknown table '" << e.subject << "'"; break;
        case analysis_problem::unknown_column:
            m << "unknown column '" << e.subject << "'";
            if (!e.context.empty()) m << " in '" << e.context << "'";
            break;
        case analysis_problem::ambiguous_column:
            m << "column '" << e.subject << "' is ambiguous: qualify it with its table";
            break;
        case analysis_problem::insert_count_mismatch:
            m << "INSERT into '" << e.subject << "' gives a different number of values than columns";
            break;
        case analysis_problem::unexpandable_star:
            m << "'" << e.subject << "' over '" << e.context
              << "' cannot be expanded (a table function's columns are not known): list the columns";
            break;
        case analysis_problem::unsupported_returning:
            m << "'" << e.subject << " ... RETURNING' is not supported on " << to_string(d);
            break;
        case analysis_problem::recursive_view: m << "view '" << e.subject << "' reads itself"; break;
        case analysis_problem::too_deep:
            m << "expressions and subqueries nest more than " << max_nesting << " levels deep at '" << e.subject << "'";
            break;
        case analysis_problem::star_too_wide:
            m << "'" << e.subject << "' over '" << e.context
              << "' gives more columns than the query has room for (its own '*'s multiplied them): list the columns";
            break;
        case analysis_problem::too_large: m << "too large to analyse here: more " << e.subject << " than there is room for"; break;
    }
    return m;
}

}  // namespace ctsql
