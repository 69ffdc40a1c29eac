#pragma once
// The parser's output: one constexpr value per query. Later stages (analysis against a
// schema, the checks against a row struct, the per-dialect rewrite) read only this value.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/fixed_vector.hpp"
#include "lexer.hpp"
#include "named_placeholder.hpp"
#include "query_kind.hpp"

namespace ctsql {

enum class statement_kind : std::uint8_t { select, insert, update, delete_, definition, other };

enum class column_source : std::uint8_t {
    column,      // name or t.name, perhaps with an alias
    star,        // *
    table_star,  // t.*
    expression,  // anything else
};

struct result_column {
    std::string_view name;        // the alias, the column's name, or the expression's text
    std::string_view table;       // the qualifier of t.name or t.*
    std::string_view expression;  // the text before any alias
    column_source source = column_source::expression;
    bool named = false;           // false for an expression without an alias
    bool quoted = false;          // a quoted name compares case-sensitively
};

enum class join_kind : std::uint8_t { from, inner, left, right, full, cross };

struct table_reference {
    std::string_view name;   // empty for a subquery
    std::string_view alias;
    join_kind join = join_kind::from;
};

struct parameter {
    std::string_view spelling;  // as first written: $1, ?, @name, sqlc.arg(name), sqlc.slice(name)
    std::string_view name;      // named styles only
    std::size_t number = 0;     // the position the backend binds it at, from 1; a list's rank among the lists
    bool nullable = false;      // sqlc.narg
    bool list = false;          // sqlc.slice: its argument is a range, bound after every other parameter
};

enum class problem : std::uint8_t {
    none,
    no_tag,
    tag_without_name,
    tag_bad_name,
    tag_without_kind,
    tag_unknown_kind,
    tag_extra_text,
    lexical,             // see lex_error
    parameter_gap,
    parameter_zero,
    mixed_parameter_styles,
    list_among_numbered,  // sqlc.slice in a query of $n parameters
    several_statements,
    empty_statement,
    no_result_columns,
    exec_returns_rows,
    copy_not_plain_insert,  // :copyfrom on anything but INSERT INTO t (...) VALUES ($1, ...)
    list_outside_in,        // sqlc.slice anywhere but as an item of IN (...)
    list_in_range_query,    // sqlc.slice in a :copyfrom or :batchexec query
    list_and_value,         // one name for sqlc.slice and for a single value
    too_large,              // read at run time: more than the fixed capacities hold (subject: which list)
};

// What is wrong with a query, if anything, and where.
struct diagnosis {
    problem code = problem::none;
    lex_error lexical = lex_error::none;
    std::string_view subject;  // the offending text: a name, a token, a kind
    std::size_t offset = 0;    // where in the query text
    std::size_t number = 0;    // a parameter number, where one is meant
};

// Upper bounds for a statement's lists, counted token by token as the parse lexes the text
// (measure() counts them without parsing).
struct statement_shape {
    std::size_t columns = 0;
    std::size_t parameters = 0;
    std::size_t tables = 0;
    std::size_t depth = 1;  // nesting of parentheses, and so of subqueries
    std::size_t stars = 0;  // `*`s that start a select list's item: each may expand to tables' columns
    std::size_t tokens = 0;  // comments left out, the end token included

    friend constexpr bool operator==(const statement_shape&, const statement_shape&) = default;
};

namespace detail {

// The capacities a query's lists get at compile time: its measured shape rounded up to a power of
// two, and no smaller than most queries need. The parser and the analysis are templates of their
// capacities, and instantiating them costs more than checking a query: most queries share one
// instantiation, and each larger one shares the one of its power of two.
constexpr statement_shape shared_room(const statement_shape& measured) {
    const auto room = [](std::size_t need, std::size_t least) { return need <= least ? least : std::bit_ceil(need); };
    return {room(measured.columns, 16), room(measured.parameters, 8), room(measured.tables, 16),
            room(measured.depth, 8), room(measured.stars, 0), room(measured.tokens, 64)};
}
// The capacities most queries fit: a query is parsed in them first, and again only if it needs more.
inline constexpr statement_shape default_room = shared_room({});

}  // namespace detail

// Shape: the lists' capacities, which may be larger than the text needs (measured).
template <statement_shape Shape>
struct statement {
    std::string_view text;  // the whole query text, tag included
    statement_shape measured = Shape;
    std::string_view name;
    query_kind kind = query_kind::exec;
    statement_kind type = statement_kind::other;
    std::string_view keyword;  // the statement's leading keyword as written (SELECT, INSERT, ...)
    parameter_style style = parameter_style::none;
    detail::fixed_vector<parameter, Shape.parameters> parameters;
    detail::fixed_vector<result_column, Shape.columns> columns;
    detail::fixed_vector<table_reference, Shape.tables> tables;
    // The text lexed once, comments left out, ending with the end token: what every later reader
    // walks, where lexing the text again would cost the compiler as much as the reading.
    detail::fixed_vector<token, Shape.tokens> tokens;
    diagnosis error;

    constexpr bool ok() const { return error.code == problem::none; }
    // The list parameters (sqlc.slice), whose placeholders are made at run time for each length.
    constexpr std::size_t list_count() const {
        std::size_t count = 0;
        for (const parameter& p : parameters) count += p.list ? 1 : 0;
        return count;
    }
    // The parameter a placeholder stands for, or nullptr: by its number, or by where it was first
    // written, the parameter's spelling; a name written again is read only then, since at compile
    // time each reading costs.
    constexpr const parameter* parameter_of(const token& t) const {
        for (const parameter& p : parameters)
            if (t.style == parameter_style::numbered ? p.number == t.number : p.spelling.data() == text.data() + t.offset) return &p;
        if (t.style != parameter_style::named) return nullptr;
        const std::string_view name = read_named_placeholder(t.text(text)).name;
        for (const parameter& p : parameters)
            if (p.name == name) return &p;
        return nullptr;
    }
    // The first `*` or `t.*` of the result, whose columns only a schema can tell.
    constexpr const result_column* first_star() const {
        for (const result_column& c : columns)
            if (c.source == column_source::star || c.source == column_source::table_star) return &c;
        return nullptr;
    }
};

}  // namespace ctsql
