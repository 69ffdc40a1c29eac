#pragma once
// The analysis of a query against a schema's catalog, for one dialect: the type and
// nullability of every result column and parameter, and the names the catalog does not have.
// One forward walk over the statement's tokens; expressions are typed bottom-up, and a lone
// parameter takes its type from where it stands (col = $1, INSERT ... VALUES, SET col = $1,
// LIMIT $1, $1::type, COALESCE($1, col), ...).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "catalog.hpp"
#include "detail/fixed_vector.hpp"
#include "detail/join_keywords.hpp"
#include "detail/shape_excess.hpp"
#include "detail/token_cursor.hpp"
#include "dialect.hpp"
#include "function_types.hpp"
#include "parser.hpp"
#include "statement.hpp"
#include "type_reader.hpp"
#include "typed_value.hpp"

namespace ctsql {

struct column_type {
    sql_type type;
    bool known = false;
    bool nullable = true;
    std::string_view origin;  // the table column it reads, if it reads one
};

struct parameter_type {
    sql_type type;
    bool known = false;
    bool nullable = false;    // NULL is meaningful: sqlc.narg, COALESCE($1, ...), a nullable column's value
    std::string_view target;  // the column it is compared with or stored into
};

enum class analysis_problem : std::uint8_t {
    none,
    unknown_table,
    unknown_column,
    ambiguous_column,
    insert_count_mismatch,
    unexpandable_star,   // * over a subquery or a view, which the analysis does not type yet
    unsupported_returning,
    recursive_view,      // a view that reads itself, directly or through other views
    too_deep,            // expressions or subqueries nested past max_nesting
    star_too_wide,       // * over a subquery or a view that itself multiplied columns with *s
    too_large,           // at run time: more than the analysis's fixed capacities hold (subject: which list)
};

// How deep expressions, subqueries and views may nest in a query checked against a schema. Each
// parenthesis, function call, CASE, NOT or IN opens a level, a subquery two: the analysis reads
// them by recursion, a few calls per level, and stops here with an error rather than run into
// the compiler's limit on nested constexpr calls (512 by default) or the end of a thread's stack.
inline constexpr std::size_t max_nesting = 100;

struct analysis_diagnosis {
    analysis_problem code = analysis_problem::none;
    std::string_view subject;  // the table, column or expression
    std::string_view context;  // the table a column was looked for in
};

template <std::size_t Columns, std::size_t Parameters>
struct analysis {
    detail::fixed_vector<result_column, Columns> columns;  // the result, * expanded
    std::array<column_type, Columns> column_types{};
    std::array<parameter_type, Parameters> parameters{};
    analysis_diagnosis error;

    constexpr bool ok() const { return error.code == analysis_problem::none; }
};

// Upper bounds for an analysis's lists.
struct analysis_shape {
    std::size_t columns = 0;  // the result
    std::size_t sources = 0;  // tables, subqueries and views in scope
    std::size_t levels = 0;   // nested SELECTs
    std::size_t ctes = 0;
    std::size_t derived = 0;  // the columns of subqueries, CTEs and views
    std::size_t targets = 0;  // an INSERT's columns
};

// The first of an analysis's lists that needs more than room gives.
constexpr detail::shape_excess excess(const analysis_shape& need, const analysis_shape& room) {
    return detail::first_excess({{"result columns", need.columns, room.columns},
                                 {"tables in scope", need.sources, room.sources},
                                 {"nested SELECTs", need.levels, room.levels},
                                 {"common table expressions", need.ctes, room.ctes},
                                 {"columns of subqueries and views", need.derived, room.derived},
                                 {"INSERT columns", need.targets, room.targets}});
}

namespace detail {

// An analysis's shape, from the shapes of its statement and its catalog. Every bound holds for any
// text of those shapes (the fuzz targets check it), but one: a * over a subquery or a view gives
// the columns that gave, which its own *s may have multiplied; that is checked where the * is
// expanded (star_too_wide). A subquery's or a view's SELECT list sits in parentheses of its own
// or is a view's, and its items are separated by commas.
constexpr analysis_shape measure_analysis(const statement_shape& s, const catalog_shape& c) {
    const std::size_t stars = s.stars * s.tables * c.widest_table;  // each * over every table beside it
    const std::size_t views = c.view_sources + c.view_depth + c.view_star_sources * c.widest_table;
    return {.columns = s.columns + stars,
            .sources = s.tables + 2 + c.view_sources,
            .levels = s.depth + c.view_depth + 1,
            .ctes = s.depth + c.view_depth,
            .derived = s.columns + s.depth + stars + views,
            .targets = c.widest_table + s.columns};
}

// The clause words that end a select list read ahead for its FROM: those no expression holds.
constexpr keyword_set select_list_end_ahead{
    "from",    "where",   "group",    "having",    "order",  "limit",  "offset",   "union",  "intersect", "except",
    "window",  "fetch",   "for",      "returning", "into",   "on",     "using",    "set",    "values",    "natural",
    "inner",   "left",    "right",    "full",      "cross",  "join",   "do",       "default", "lateral",  "only",
    "conflict", "duplicate", "update", "delete",   "insert", "with",   "recursive"};
// Those and the words within an expression or a clause that no name is.
constexpr keyword_set clause_words =
    select_list_end_ahead | keyword_set{"when",   "then",    "else",   "end",   "and",       "or",     "as",
                                        "asc",    "desc",    "nulls",  "select", "escape",   "collate", "is",
                                        "not",    "in",      "like",   "ilike", "between",   "glob",   "regexp",
                                        "over",   "filter",  "partition", "rows", "range",   "all",    "distinct"};
// Words that start a predicate after an operand, perhaps after NOT: a IN (...), a NOT LIKE b, ...
constexpr keyword_set predicate_words{"in", "like", "ilike", "between", "glob", "regexp"};
// Those and the words that continue an expression after an operand: a AND b, a IS NULL, ...
constexpr keyword_set operator_words =
    predicate_words | keyword_set{"or", "and", "is", "collate", "not", "notnull", "isnull"};
// Words that start an operand of their own kind: NOT a, EXISTS (...), CASE, ARRAY[...], CAST(...), NULL, ...
// Each has a branch of prefix(), which reads any other name at once as a column, a call or a value.
constexpr keyword_set prefix_words{"not", "exists", "case", "array", "cast", "null", "true", "false"};
// Values SQL spells as bare words.
constexpr keyword_set bare_value_words{"current_timestamp", "localtimestamp", "current_date", "current_time",
                                       "localtime",         "current_user",   "session_user"};
// The words that end a join's ON or USING condition: the next join, or the clause after the FROM.
constexpr keyword_set condition_end_words{"join",   "left",      "right",  "full",   "cross",  "inner",  "natural",
                                          "where",  "group",     "having", "order",  "limit",  "union",  "window",
                                          "returning", "set",    "offset", "except", "intersect", "for", "fetch"};
// The words that end an UPDATE's SET list.
constexpr keyword_set set_list_end_words{"from", "where", "returning"};

template <statement_shape S, catalog_shape C, analysis_shape A>
class analyzer : private token_cursor {
public:
    // need: what the texts measure, where that is less than A (at run time; see analyse).
    constexpr analyzer(const statement<S>& s, const catalog<C>& c, dialect d, const analysis_shape& need)
        : token_cursor(s.tokens.begin()), s_(s), catalog_(c), dialect_(d), need_(need), text_(s.text) {
        for (std::size_t i = 0; i < s.parameters.size(); ++i) out_.parameters[i].nullable = s.parameters[i].nullable;
        out_.columns.lower_limit(need.columns);
        sources_.lower_limit(need.sources);
        levels_.lower_limit(need.levels);
        ctes_.lower_limit(need.ctes);
        derived_.lower_limit(need.derived);
    }

    constexpr analysis<A.columns, S.parameters> run() {
        statement_body(sink::result);
        return out_;
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // A subquery's, a CTE's or a view's column, typed by analysing its SELECT.
    struct derived_column {
        std::string_view name;  // empty when the expression has no name
        typed_value value;
    };
    struct derived_range {
        std::size_t first = 0;
        std::size_t count = 0;
        bool typed = false;  // false: a table function, or a query the analysis could not type
    };

    struct source {
        std::string_view name;     // the name it is referred to by: its alias, or the table's name
        std::size_t table = npos;  // in the catalog; npos for a subquery, a CTE, a view or a function
        bool nullable = false;     // on the outer side of a join
        derived_range derived;     // the columns of a source that is not a table
    };

    struct cte {
        std::string_view name;
        derived_range columns;
    };

    // A view's columns, analysed where a query first reads the view and shared by later reads.
    struct view_analysis {
        enum class state : std::uint8_t { unread, reading, read } status = state::unread;
        derived_range columns;
    };

    enum class sink : std::uint8_t { none, result, derived };

    const statement<S>& s_;
    const catalog<C>& catalog_;
    dialect dialect_;
    analysis_shape need_;
    analysis<A.columns, S.parameters> out_;
    fixed_vector<source, A.sources> sources_;
    fixed_vector<std::size_t, A.levels> levels_;  // where each nested SELECT's sources start
    fixed_vector<cte, A.ctes> ctes_;
    fixed_vector<derived_column, A.derived> derived_;
    std::array<view_analysis, C.tables> views_{};  // by the view's index in the catalog
    derived_range last_derived_{};  // the columns the last SELECT analysed for a derived sink gave
    std::string_view text_;         // the text the cursor walks: the query, or a view's SELECT
    bool in_update_ = false;
    std::size_t nesting_ = 0;  // levels of recursion entered: see nesting

    // Held by each recursive reader while it runs: one level deeper; past max_nesting, a
    // too_deep error, and the reader returns at once.
    class nesting {
    public:
        constexpr explicit nesting(analyzer& a) : a_(a) {
            if (++a_.nesting_ > max_nesting) a_.fail(analysis_problem::too_deep, a_.current().text(a_.text_));
        }
        constexpr ~nesting() { --a_.nesting_; }
        nesting(const nesting&) = delete;
        nesting& operator=(const nesting&) = delete;
        constexpr bool too_deep() const { return a_.nesting_ > max_nesting; }

    private:
        analyzer& a_;
    };

    // --- small moves: the cursor's own (current, advance, accept, ...), inherited, where a member
    // cursor would cost each of them a call more at compile time. A copy of *this as a
    // token_cursor is a saved place.
    constexpr void go_to(const token_cursor& place) { static_cast<token_cursor&>(*this) = place; }
    constexpr bool ok() const { return out_.error.code == analysis_problem::none; }  // out_.ok(), without the call
    constexpr bool at_list_end() const { return at_end() || at_symbol(")") || current().kind == token_kind::error; }
    constexpr void fail(analysis_problem code, std::string_view subject, std::string_view context = {}) {
        if (ok()) out_.error = analysis_diagnosis{code, subject, context};
    }
    constexpr void skip_group_if_open() {
        if (at_symbol("(")) skip_group();
    }
    // Skips to the next `,` or the end of a list at depth 0.
    constexpr void skip_to_item_end() {
        skip_until([](const token& t) { return t.symbol == ',' || clause_words.contains(t.word); });
    }

    // --- parameters
    constexpr std::size_t parameter_index(const token& t) const {
        const parameter* p = s_.parameter_of(t);
        return p == nullptr ? npos : static_cast<std::size_t>(p - s_.parameters.begin());
    }
    constexpr void type_parameter(const typed_value& v, const sql_type& type, std::string_view target) {
        if (!v.is_parameter()) return;
        parameter_type& p = out_.parameters[v.parameter];
        if (p.known) return;
        p.type = type;
        p.known = true;
        p.target = target;
    }
    constexpr void allow_null(const typed_value& v) {
        if (v.is_parameter()) out_.parameters[v.parameter].nullable = true;
    }
    // a = b: a lone parameter on one side takes the other side's type.
    constexpr void unify(const typed_value& a, const typed_value& b) {
        if (b.known) type_parameter(a, b.type, b.origin);
        if (a.known) type_parameter(b, a.type, a.origin);
    }

    // --- names
    constexpr std::size_t find_source(std::string_view name, std::size_t from) const {
        for (std::size_t i = from; i < sources_.size(); ++i)
            if (iequals(sources_[i].name, name)) return i;
        return npos;
    }
    constexpr const cte* find_cte(std::string_view name) const {
        for (const cte& c : ctes_)
            if (iequals(c.name, name)) return &c;
        return nullptr;
    }
    // A derived source's column by name: its value, or nothing.
    constexpr const derived_column* find_derived(const source& src, std::string_view name) const {
        for (std::size_t i = src.derived.first; i < src.derived.first + src.derived.count; ++i)
            if (iequals(derived_[i].name, name)) return &derived_[i];
        return nullptr;
    }
    constexpr typed_value derived_value(const source& src, const derived_column& column) const {
        typed_value v = column.value;
        v.parameter = no_parameter;
        v.nullable = v.nullable || src.nullable;
        if (v.origin.empty()) v.origin = column.name;
        return v;
    }
    constexpr typed_value column_value(const source& src, std::size_t column) const {
        const column_definition& c = catalog_.columns[column];
        typed_value v = typed_value::of(resolve(c.type, dialect_), c.nullable || src.nullable);
        v.origin = c.name;
        return v;
    }
    constexpr typed_value unknown_value() const { return typed_value{}; }
    static constexpr declared_type declared(type_name name) {
        declared_type type;
        type.name = name;
        return type;
    }

    enum class lookup : std::uint8_t { found, missing, opaque };

    // A column of one source: a table's, a typed subquery's, or unknown for what is not typed.
    constexpr lookup find_in(const source& src, std::string_view name, typed_value& value) const {
        if (src.table != npos) {
            const std::size_t c = catalog_.find_column(src.table, name);
            if (c == npos) return lookup::missing;
            value = column_value(src, c);
            return lookup::found;
        }
        if (!src.derived.typed) return lookup::opaque;
        const derived_column* column = find_derived(src, name);
        if (column == nullptr) return lookup::missing;
        value = derived_value(src, *column);
        return lookup::found;
    }

    // t.col or col, looked up from the innermost level out.
    constexpr typed_value column_reference(std::string_view qualifier, std::string_view name) {
        typed_value value{};
        if (!qualifier.empty()) {
            std::size_t i = npos;
            for (std::size_t level = sources_.size(); level-- > 0 && i == npos;)
                if (iequals(sources_[level].name, qualifier)) i = level;
            if (i == npos) {
                fail(analysis_problem::unknown_table, qualifier);
                return unknown_value();
            }
            if (find_in(sources_[i], name, value) == lookup::missing)
                fail(analysis_problem::unknown_column, name, sources_[i].name);
            return value;
        }
        // Unqualified: the innermost level with the name wins; two sources of one level are ambiguous.
        for (std::size_t level = levels_.size(); level-- > 0;) {
            const std::size_t end = level + 1 < levels_.size() ? levels_[level + 1] : sources_.size();
            bool found = false;
            bool opaque = false;
            for (std::size_t i = levels_[level]; i < end; ++i) {
                typed_value candidate{};
                const lookup result = find_in(sources_[i], name, candidate);
                opaque = opaque || result == lookup::opaque;
                if (result != lookup::found) continue;
                if (found) {
                    fail(analysis_problem::ambiguous_column, name);
                    return unknown_value();
                }
                found = true;
                value = candidate;
            }
            if (found) return value;
            if (opaque) return unknown_value();  // perhaps a table function's column
        }
        fail(analysis_problem::unknown_column, name, innermost_table());
        return unknown_value();
    }

    constexpr std::string_view innermost_table() const {
        if (levels_.empty() || levels_[levels_.size() - 1] >= sources_.size()) return {};
        return sources_[levels_[levels_.size() - 1]].name;
    }
    constexpr std::size_t level_start() const { return levels_.empty() ? 0 : levels_[levels_.size() - 1]; }
    constexpr std::size_t open_level() {
        levels_.push_back(sources_.size());
        return sources_.size();
    }
    constexpr void close_level(std::size_t mark) {
        sources_.count = mark;
        --levels_.count;
    }

    constexpr void add_table_source(std::string_view table, std::string_view alias, bool nullable) {
        const std::string_view name = alias.empty() ? table : alias;
        if (const cte* c = find_cte(table)) return sources_.push_back(source{name, npos, nullable, c->columns});
        const std::size_t t = catalog_.find_table(table);
        if (t == npos) return fail(analysis_problem::unknown_table, table);
        if (!catalog_.tables[t].view) return sources_.push_back(source{name, t, nullable, {}});
        view_analysis& view = views_[t];
        if (view.status == view_analysis::state::reading) return fail(analysis_problem::recursive_view, table);
        if (view.status == view_analysis::state::unread) {
            view.status = view_analysis::state::reading;
            view.columns = analyse_view(catalog_.tables[t]);
            if (!catalog_.tables[t].view_columns.empty())
                rename_derived(streamed_token_cursor{catalog_.tables[t].view_columns}, catalog_.tables[t].view_columns,
                               view.columns);
            rename_view_columns(t, view.columns);
            view.status = view_analysis::state::read;
        }
        sources_.push_back(source{name, npos, nullable, view.columns});
    }

    // ALTER VIEW ... RENAME COLUMN a TO b, in the order the DDL made them.
    constexpr void rename_view_columns(std::size_t view, const derived_range& columns) {
        for (const view_column_rename& rename : catalog_.view_renames) {
            if (rename.view != view) continue;
            for (std::size_t i = columns.first; i < columns.first + columns.count; ++i)
                if (iequals(derived_[i].name, rename.from)) {
                    derived_[i].name = rename.to;
                    break;
                }
        }
    }

    // A view's columns: its SELECT, analysed where the view is read.
    constexpr derived_range analyse_view(const table_definition& view) {
        const token_cursor saved_cursor = *this;
        const std::string_view saved_text = text_;
        text_ = view.view_query;
        go_to(token_cursor{&catalog_.view_tokens[view.first_view_token]});
        last_derived_ = {};
        statement_body(sink::derived);
        const derived_range columns = last_derived_;
        go_to(saved_cursor);
        text_ = saved_text;
        return columns;
    }

    // (subquery) [AS] alias [(names)]: the subquery's columns, typed now.
    constexpr derived_range derived_source() {
        advance();  // (
        derived_range columns{};
        if (at_keyword("select") || at_keyword("with") || at_keyword("values")) {
            last_derived_ = {};
            statement_body(sink::derived);
            columns = last_derived_;
            accept_symbol(")");
        } else {  // a parenthesised join: its tables are not given names here
            skip_until([](const token&) { return false; });  // to the `)` that closes it
            advance();
        }
        return columns;
    }

    // --- statements
    constexpr void statement_body(sink target) {
        const nesting level{*this};
        if (level.too_deep()) return;
        with_clause();
        if (at_keyword("select")) select_statement(target);
        else if (at_keyword("insert") || at_keyword("replace")) insert_statement(target);
        else if (at_keyword("update")) update_statement(target);
        else if (at_keyword("delete")) delete_statement(target);
        else if (at_symbol("(")) {
            advance();
            statement_body(target);
            accept_symbol(")");
        }
    }

    // WITH name [(columns)] AS (query), ...: each CTE's columns typed, for the queries after it.
    constexpr void with_clause() {
        if (!accept("with")) return;
        accept("recursive");
        do {
            cte entry{current().unquoted(text_), {}};
            advance();
            token_cursor renames = *this;  // WITH name (a, b): the columns' names
            const bool renamed = at_symbol("(");
            skip_group_if_open();
            accept("as");
            accept("not");
            accept("materialized");
            if (accept_symbol("(")) {
                last_derived_ = {};
                statement_body(sink::derived);
                entry.columns = last_derived_;
                accept_symbol(")");
            }
            if (renamed) rename_derived(renames, text_, entry.columns);
            ctes_.push_back(entry);
        } while (ok() && accept_symbol(","));
    }

    // Names the derived columns from columns.first by the list `(a, b)` at names, a cursor over source.
    constexpr void rename_derived(auto names, std::string_view source, const derived_range& columns) {
        names.advance();  // (
        for (std::size_t i = columns.first; i < columns.first + columns.count && names.current().is_name(); ++i) {
            derived_[i].name = names.current().unquoted(source);
            names.advance();
            names.accept_symbol(",");
        }
    }

    // SELECT ... [UNION ...] [ORDER BY ...] [LIMIT ...]; returns the first column's value.
    // Each SELECT of a compound has its own tables; ORDER BY and LIMIT see the last one's. The
    // result's names are the first branch's; a column is nullable if it is in any branch.
    constexpr typed_value select_statement(sink target) {
        const nesting level{*this};
        if (level.too_deep()) return unknown_value();
        std::size_t mark = open_level();
        const typed_value first = select_core(target, false, 0);
        const derived_range result = last_derived_;  // subqueries after it overwrite last_derived_
        while (ok() && (accept("union") || accept("intersect") || accept("except"))) {
            accept("all") || accept("distinct");
            close_level(mark);
            mark = open_level();
            select_core(target, true, target == sink::derived ? result.first : 0);
        }
        if (accept("order")) {
            accept("by");
            expression_list_with_aliases();
        }
        limit_clauses();
        close_level(mark);
        if (target == sink::derived) last_derived_ = result;
        return first;
    }

    constexpr void limit_clauses() {
        while (ok()) {
            if (accept("limit") || accept("offset")) {
                const typed_value v = expression();
                type_parameter(v, bigint_type(), {});
                if (accept_symbol(",")) type_parameter(expression(), bigint_type(), {});  // LIMIT a, b
                accept("rows") || accept("row");
            } else if (accept("fetch")) {
                skip_to_item_end();
            } else if (accept("for")) {
                while (!at_list_end()) advance();
            } else {
                return;
            }
        }
    }

    constexpr void expression_list_with_aliases() {
        do {
            if (!is_result_alias(current())) expression();
            else advance();
            accept("asc") || accept("desc");
            if (accept("nulls")) advance();
        } while (ok() && accept_symbol(","));
    }
    // Whether a `.` follows the current token directly: t.col, t.*
    constexpr bool followed_by_dot() const {
        const std::size_t end = current().offset + current().length;
        return end < text_.size() && text_[end] == '.';
    }
    constexpr bool is_result_alias(const token& t) const {
        if (!t.is_name()) return false;
        token_cursor ahead = *this;
        ahead.advance();
        if (ahead.at_symbol(".") || ahead.at_symbol("(")) return false;
        for (const result_column& c : s_.columns)
            if (c.named && iequals(c.name, t.unquoted(text_))) return true;
        return false;
    }

    // One SELECT: its sources first, then its list into the sink; a later branch of a compound
    // (merge) only widens the nullability of the columns the first one gave.
    constexpr typed_value select_core(sink target, bool merge, std::size_t first_result) {
        if (at_symbol("(")) {  // (SELECT ...) UNION (SELECT ...)
            advance();
            const typed_value v = select_statement(merge ? sink::none : target);
            accept_symbol(")");
            return v;
        }
        if (!accept("select")) return unknown_value();
        if (accept("distinct")) {
            if (accept("on")) skip_group_if_open();
        } else {
            accept("all");
        }
        read_sources_ahead();
        const std::size_t first_derived = derived_.size();
        typed_value first{};
        std::size_t item = 0;
        std::size_t produced = 0;  // columns given so far, * expanded
        while (ok() && !at_list_end() && !clause_words.contains(current().word)) {
            const typed_value v = result_item(target, merge, item, first_result, produced);
            if (item == 0) first = v;
            ++item;
            if (!accept_symbol(",")) break;
        }
        const derived_range given{first_derived, derived_.size() - first_derived, true};
        if (accept("into")) skip_to_item_end();  // SELECT ... INTO var (MySQL)
        if (accept("from")) from_clause();
        if (accept("where")) expression();
        if (accept("group")) {
            accept("by");
            expression_list_with_aliases();
        }
        if (accept("having")) expression();
        if (accept("window")) skip_to_item_end();
        if (target == sink::derived && !merge) last_derived_ = given;  // not what a subquery of WHERE gave
        return first;
    }

    // One item of a select list or a RETURNING list, given to the sink: the query's result (named
    // as the parser named it), a subquery's derived columns, or nowhere.
    constexpr typed_value result_item(sink target, bool merge, std::size_t item, std::size_t first_result,
                                      std::size_t& produced) {
        if (at_symbol("*")) {
            advance();
            expand_star({}, target, merge, first_result, produced);
            return unknown_value();
        }
        if (current().is_name() && followed_by_dot()) {
            token_cursor ahead = *this;
            ahead.advance();
            if (ahead.at_symbol(".")) {
                ahead.advance();
                if (ahead.at_symbol("*")) {
                    const std::string_view table = current().unquoted(text_);
                    go_to(ahead);
                    advance();
                    expand_star(table, target, merge, first_result, produced);
                    return unknown_value();
                }
            }
        }
        const token_cursor start = *this;
        const typed_value v = expression();
        std::string_view alias;
        if (accept("as") || (current().is_name() && !clause_words.contains(current().word))) {
            alias = current().kind == token_kind::string ? current().text(text_).substr(1, current().length - 2)
                                                           : current().unquoted(text_);
            advance();
        }
        if (merge) {
            merge_column(target, first_result + produced++, v);
        } else if (target == sink::result && item < s_.columns.size()) {
            record_column(s_.columns[item], v);
        } else if (target == sink::derived) {
            derived_.push_back(derived_column{alias.empty() ? unaliased_name(start, v) : alias, v});
        }
        return v;
    }

    // The name of a derived column without an alias: a column reference's is the name it reads
    // the column by (`t.headline`: headline, where the table's column may be `title`); another
    // expression's is the column its value comes from, if any.
    constexpr std::string_view unaliased_name(token_cursor start, const typed_value& v) const {
        if (v.origin.empty() || !start.current().is_name()) return v.origin;
        const token name = start.qualified_name();
        return start.current().offset == current().offset ? name.unquoted(text_) : v.origin;
    }

    constexpr void merge_column(sink target, std::size_t index, const typed_value& v) {
        if (target == sink::result && index < out_.columns.size()) {
            out_.column_types[index].nullable = out_.column_types[index].nullable || v.nullable;
        } else if (target == sink::derived && index < derived_.size()) {
            derived_[index].value.nullable = derived_[index].value.nullable || v.nullable;
        }
    }

    constexpr void record_column(const result_column& column, const typed_value& v) {
        if (!ok()) return;
        const std::size_t i = out_.columns.size();
        out_.columns.push_back(column);
        out_.column_types[i] = column_type{v.type, v.known, v.nullable, v.origin};
    }

    constexpr void give_column(sink target, bool merge, std::size_t index, const result_column& column,
                               const typed_value& v) {
        if (merge) merge_column(target, index, v);
        else if (target == sink::result) record_column(column, v);
        else if (target == sink::derived) derived_.push_back(derived_column{column.name, v});
    }

    // How many more columns a sink takes.
    constexpr std::size_t room_for(sink target) const {
        if (target == sink::result) return out_.columns.limit - out_.columns.size();
        if (target == sink::derived) return derived_.limit - derived_.size();
        return static_cast<std::size_t>(-1);
    }

    // * or t.*: the columns of the current level's sources, in order.
    constexpr void expand_star(std::string_view table, sink target, bool merge, std::size_t first_result,
                               std::size_t& produced) {
        const std::size_t start = level_start();
        bool any = false;
        for (std::size_t i = start; i < sources_.size() && ok(); ++i) {
            const source& src = sources_[i];
            if (!table.empty() && !iequals(src.name, table)) continue;
            any = true;
            if (src.table == npos && !src.derived.typed) {
                if (target == sink::none) continue;
                return fail(analysis_problem::unexpandable_star, table.empty() ? "*" : table, src.name);
            }
            const auto give = [&](std::string_view name, bool quoted, const typed_value& v) {
                result_column column;
                column.name = name;
                column.expression = name;
                column.table = src.name;
                column.source = column_source::column;
                column.named = !name.empty();
                column.quoted = quoted;
                give_column(target, merge, first_result + produced++, column, v);
            };
            if (src.table == npos) {
                if (!merge && src.derived.count > room_for(target))
                    return fail(analysis_problem::star_too_wide, table.empty() ? "*" : table, src.name);
                for (std::size_t d = src.derived.first; d < src.derived.first + src.derived.count; ++d)
                    give(derived_[d].name, false, derived_value(src, derived_[d]));
                continue;
            }
            for (std::size_t c = catalog_.tables[src.table].first_column; c < catalog_.columns.size(); ++c)
                if (catalog_.columns[c].table == src.table)
                    give(catalog_.columns[c].name, catalog_.columns[c].quoted, column_value(src, c));
        }
        if (!any && !table.empty()) fail(analysis_problem::unknown_table, table);
    }

    // The FROM clause's tables, read ahead of the select list that names their columns.
    constexpr void read_sources_ahead() {
        const token_cursor saved = *this;
        skip_until([](const token& t) { return select_list_end_ahead.contains(t.word); });
        if (accept("from")) read_sources();
        go_to(saved);
    }

    // Table references, joined; marks the outer sides nullable. Leaves conditions unread.
    constexpr void read_sources() {
        const std::size_t first = sources_.size();
        join_kind join = join_kind::from;
        while (ok()) {
            const std::size_t before = sources_.size();
            source_reference(join == join_kind::left || join == join_kind::full);
            if (join == join_kind::right || join == join_kind::full)
                for (std::size_t i = first; i < before; ++i) sources_[i].nullable = true;
            if (accept("on") || accept("using")) skip_condition();
            if (accept_symbol(",")) {
                join = join_kind::cross;
                continue;
            }
            join = accept_join_keywords(*this);  // LATERAL after JOIN: source_reference reads it
            if (join == join_kind::from) return;
        }
    }

    // Skips a join's ON or USING condition: up to the next join, `,` or clause.
    constexpr void skip_condition() {
        skip_until([](const token& t) { return t.symbol == ',' || condition_end_words.contains(t.word); });
    }

    // name [[AS] alias], (subquery) [AS] alias, or function(...) [AS] alias
    constexpr void source_reference(bool nullable) {
        accept("lateral");
        accept("only");
        if (at_symbol("(")) {
            const derived_range columns = derived_source();
            accept("as");
            token_cursor renames = *this;
            renames.advance();
            const std::string_view alias = alias_name();
            if (renames.at_symbol("(")) rename_derived(renames, text_, columns);
            return sources_.push_back(
                source{alias.empty() ? std::string_view{"(subquery)"} : alias, npos, nullable, columns});
        }
        if (!current().is_name()) return;
        const std::string_view table = qualified_name().unquoted(text_);
        const bool function = at_symbol("(");
        if (function) skip_group();
        accept("as");
        const std::string_view alias = alias_name();
        if (function) return sources_.push_back(source{alias.empty() ? table : alias, npos, nullable, {}});
        add_table_source(table, alias, nullable);
    }
    constexpr std::string_view alias_name() {
        if (!current().is_name() || clause_words.contains(current().word)) return {};
        const std::string_view alias = current().unquoted(text_);
        advance();
        skip_group_if_open();  // AS alias (column names)
        return alias;
    }

    // The FROM clause again, on the main cursor: subqueries and conditions are analysed now
    // that every table is known.
    constexpr void from_clause() {
        while (ok()) {
            accept("lateral");
            accept("only");
            if (at_symbol("(")) {
                skip_group();  // a subquery, analysed with the sources ahead of the select list
            } else if (current().is_name()) {
                advance();
                while (accept_symbol(".")) advance();
                if (at_symbol("(")) {
                    advance();
                    while (ok() && !at_list_end()) {
                        expression();
                        if (!accept_symbol(",")) break;
                    }
                    accept_symbol(")");
                }
            }
            accept("as");
            alias_name();
            if (accept("on")) expression();
            else if (accept("using")) skip_group_if_open();
            if (accept_symbol(",")) continue;
            if (accept_join_keywords(*this) == join_kind::from) return;
        }
    }

    // RETURNING list: a result like a select list's (a CTE's INSERT ... RETURNING gives derived columns).
    constexpr void returning(sink target) {
        if (!accept("returning")) return;
        if (dialect_ == dialect::mysql && in_update_) return fail(analysis_problem::unsupported_returning, "UPDATE");
        const std::size_t first_derived = derived_.size();
        std::size_t item = 0;
        std::size_t produced = 0;
        while (ok() && !at_list_end()) {
            result_item(target, false, item++, 0, produced);
            if (!accept_symbol(",")) break;
        }
        if (target == sink::derived) last_derived_ = derived_range{first_derived, derived_.size() - first_derived, true};
    }

    // INSERT [OR x] INTO t [AS a] [(columns)] VALUES (...), ... | SELECT ... | DEFAULT VALUES
    //   [ON CONFLICT ... DO UPDATE SET ...] [ON DUPLICATE KEY UPDATE ...] [RETURNING ...]
    constexpr void insert_statement(sink target) {
        advance();
        while (!at_keyword("into") && !at_end()) advance();  // OR REPLACE, IGNORE, ...
        if (!accept("into")) return;
        const std::size_t mark = open_level();
        const std::string_view table = qualified_name().unquoted(text_);
        std::string_view alias;
        if (accept("as")) alias = alias_name();
        add_table_source(table, alias, false);
        if (!ok()) return;
        const std::size_t t = sources_.back().table;
        fixed_vector<std::size_t, A.targets> targets;
        targets.lower_limit(need_.targets);
        if (accept_symbol("(")) {
            while (ok() && !at_symbol(")") && !at_end()) {
                const std::size_t c = catalog_.find_column(t, current().unquoted(text_));
                if (c == npos) return fail(analysis_problem::unknown_column, current().unquoted(text_), table);
                targets.push_back(c);
                advance();
                if (!accept_symbol(",")) break;  // (a b): the list ends at b
            }
            accept_symbol(")");
        } else {
            for (std::size_t c = catalog_.tables[t].first_column; c < catalog_.columns.size(); ++c)
                if (catalog_.columns[c].table == t) targets.push_back(c);
        }
        const std::size_t target_count = targets.size();
        if (accept("values") || accept("value")) {
            do {
                if (!accept_symbol("(")) break;
                std::size_t count = 0;
                while (ok() && !at_symbol(")") && !at_end()) {
                    const typed_value v = expression();
                    if (count < target_count) store_into(v, targets[count]);
                    ++count;
                    if (!accept_symbol(",")) break;
                }
                accept_symbol(")");
                if (ok() && count != target_count) return fail(analysis_problem::insert_count_mismatch, table);
            } while (ok() && accept_symbol(","));
        } else if (at_keyword("select") || at_keyword("with") || at_symbol("(")) {
            statement_body(sink::none);
        } else if (accept("default")) {
            accept("values");
        }
        if (accept("on")) {
            if (accept("conflict")) {
                skip_group_if_open();
                if (accept("on")) {  // ON CONSTRAINT name
                    accept("constraint");
                    advance();
                }
                if (accept("where")) expression();
                accept("do");
                if (accept("update")) {
                    sources_.push_back(source{"excluded", t, false, {}});
                    accept("set");
                    assignments(t, table);
                    if (accept("where")) expression();
                } else {
                    accept("nothing");
                }
            } else if (accept("duplicate")) {  // MySQL: ON DUPLICATE KEY UPDATE a = VALUES(a)
                accept("key");
                accept("update");
                assignments(t, table);
            }
        }
        returning(target);
        close_level(mark);
    }

    // A value stored into a column: a parameter takes the column's type, and may be NULL if it may.
    constexpr void store_into(const typed_value& v, std::size_t column) {
        const column_definition& c = catalog_.columns[column];
        type_parameter(v, resolve(c.type, dialect_), c.name);
        if (c.nullable) allow_null(v);
    }

    // col = expr, ... for UPDATE SET and upserts.
    constexpr void assignments(std::size_t table, std::string_view table_name) {
        do {
            if (at_symbol("(")) {  // (a, b) = (...): not typed
                skip_group();
                accept_symbol("=");
                expression();
                continue;
            }
            std::string_view name = current().unquoted(text_);
            advance();
            while (accept_symbol(".")) {  // t.col
                name = current().unquoted(text_);
                advance();
            }
            const std::size_t c = catalog_.find_column(table, name);
            if (c == npos) return fail(analysis_problem::unknown_column, name, table_name);
            accept_symbol("=");
            store_into(expression(), c);
        } while (ok() && accept_symbol(","));
    }

    // UPDATE [OR x] [ONLY] t [[AS] a] SET ... [FROM ...] [WHERE ...] [RETURNING ...]
    constexpr void update_statement(sink target) {
        advance();
        if (accept("or")) advance();
        accept("only");
        const std::size_t mark = open_level();
        const std::string_view table = qualified_name().unquoted(text_);
        accept("as");
        add_table_source(table, alias_name(), false);
        if (!ok()) return;
        const std::size_t t = sources_.back().table;
        if (accept("set")) {
            // FROM tables may appear in SET's expressions: read them first.
            // Within a CTE's parentheses, the `)` that closes them ends the UPDATE too.
            token_cursor saved = *this;
            skip_until([](const token& t) { return set_list_end_words.contains(t.word); });
            if (accept("from")) read_sources();
            go_to(saved);
            if (t != npos) assignments(t, table);
        }
        if (accept("from")) from_clause();
        if (accept("where")) expression();
        in_update_ = true;
        returning(target);
        in_update_ = false;
        close_level(mark);
    }

    // DELETE FROM t [[AS] a] [USING ...] [WHERE ...] [RETURNING ...]
    constexpr void delete_statement(sink target) {
        advance();
        accept("from");
        accept("only");
        const std::size_t mark = open_level();
        const std::string_view table = qualified_name().unquoted(text_);
        accept("as");
        add_table_source(table, alias_name(), false);
        if (accept("using")) {
            token_cursor saved = *this;
            read_sources();
            go_to(saved);
            from_clause();
        }
        if (accept("where")) expression();
        returning(target);
        close_level(mark);
    }

    // --- expressions, by precedence climbing
    static constexpr int precedence_or = 1, precedence_and = 2, precedence_not = 3, precedence_compare = 4,
                         precedence_concat = 5, precedence_add = 6, precedence_multiply = 7, precedence_postfix = 9;

    constexpr typed_value expression(int min = 0) {
        const nesting level{*this};
        if (level.too_deep()) return unknown_value();
        typed_value left = prefix();
        while (ok()) {
            const token& op = current();
            if (!may_continue(op)) return left;  // most often: a `,`, a `)`, a clause's word
            if (is_or(op) && min < precedence_or) {
                advance();
                left = logical(left, expression(precedence_or));
            } else if (is_and(op) && min < precedence_and) {
                advance();
                left = logical(left, expression(precedence_and));
            } else if (min < precedence_compare && is_comparison(op)) {
                advance();
                left = comparison(left);
            } else if (min < precedence_compare && (is_keyword(op, "is"))) {
                advance();
                left = is_test(left);
            } else if (min < precedence_compare && starts_predicate()) {
                left = predicate(left);
            } else if (min < precedence_compare && op.is("<=>", text_)) {  // MySQL's IS NOT DISTINCT FROM
                advance();
                left = null_safe_comparison(left);
            } else if (min < precedence_compare && op.is("@@", text_)) {
                // a text search's match: a tsvector against a tsquery, of two types, so neither
                // side's type is the other's
                advance();
                const typed_value right = expression(precedence_compare);
                left = typed_value::of(boolean_type(), left.nullable || right.nullable);
            } else if (min < precedence_concat && op.is("||", text_) && dialect_ != dialect::mysql) {
                advance();
                const typed_value right = expression(precedence_concat);
                type_parameter(left, text_type(), {});
                type_parameter(right, text_type(), {});
                left = typed_value::of(text_type(), left.nullable || right.nullable);
            } else if (min < precedence_add && (op.is("+") || op.is("-"))) {
                advance();
                left = arithmetic(left, expression(precedence_add));
            } else if (min < precedence_multiply && (op.is("*") || op.is("/") || op.is("%"))) {
                advance();
                left = arithmetic(left, expression(precedence_multiply));
            } else if (op.is("::", text_)) {
                advance();
                left = cast(left);
            } else if (is_keyword(op, "collate")) {
                advance();
                advance();
            } else if (op.is("->", text_) || op.is("->>", text_) || op.is("#>", text_) || op.is("#>>", text_)) {
                advance();
                const typed_value right = expression(precedence_postfix);
                const bool json = op.is("->", text_) || op.is("#>", text_);
                left = typed_value::of(json ? sql_type{type_family::json} : text_type(), true);
                (void)right;
            } else if (op.is("[")) {  // an array's element
                advance();
                expression();
                accept_symbol("]");
                sql_type element = left.type;
                element.array = false;
                left = typed_value::of(element, true);
            } else {
                return left;
            }
        }
        return left;
    }

    // Whether a token may be an operator that continues an expression: asked first, since at
    // compile time each of the operators' own tests below costs a call.
    static constexpr bool may_continue(const token& t) {
        if (t.kind == token_kind::identifier) return operator_words.contains(t.word);
        return t.kind == token_kind::symbol && t.symbol != ',' && t.symbol != ')';
    }

    // MySQL's || and && are OR and AND; elsewhere || joins texts, and && asks whether two arrays
    // overlap (PostgreSQL).
    constexpr bool is_or(const token& t) const {
        return is_keyword(t, "or") || (dialect_ == dialect::mysql && t.is("||", text_));
    }
    constexpr bool is_and(const token& t) const {
        return is_keyword(t, "and") || (dialect_ == dialect::mysql && t.is("&&", text_));
    }

    // Operators whose two sides are of one type: comparisons, PostgreSQL's regular expressions
    // (~ ~* !~ !~*) and its containment and overlap of arrays and of jsonb values (@> <@ &&).
    constexpr bool is_comparison(const token& t) const {
        if (t.length == 1) return t.is("=") || t.is("<") || t.is(">") || t.is("~");
        return t.is("<>", text_) || t.is("!=", text_) || t.is("<=", text_) || t.is(">=", text_) || t.is("==", text_) ||
               t.is("~*", text_) || t.is("!~", text_) || t.is("!~*", text_) ||
               t.is("@>", text_) || t.is("<@", text_) || (t.is("&&", text_) && dialect_ != dialect::mysql);
    }

    constexpr typed_value logical(const typed_value& a, const typed_value& b) {
        type_parameter(a, boolean_type(), {});
        type_parameter(b, boolean_type(), {});
        return typed_value::of(boolean_type(), a.nullable || b.nullable);
    }

    // a = b, a = ANY(b), a = ALL(subquery)
    constexpr typed_value comparison(const typed_value& left) {
        if (at_keyword("any") || at_keyword("all") || at_keyword("some")) {
            advance();
            accept_symbol("(");
            if (at_keyword("select") || at_keyword("with")) {
                unify(left, select_statement(sink::none));
            } else {
                const typed_value list = expression();
                if (left.known && list.is_parameter()) {
                    sql_type array = left.type;
                    array.array = true;
                    type_parameter(list, array, left.origin);
                } else if (list.known && left.is_parameter()) {
                    sql_type element = list.type;
                    element.array = false;
                    type_parameter(left, element, list.origin);
                }
            }
            accept_symbol(")");
            return typed_value::of(boolean_type(), true);
        }
        const typed_value right = expression(precedence_compare);
        unify(left, right);
        return typed_value::of(boolean_type(), left.nullable || right.nullable);
    }

    // IS [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM x: never NULL itself.
    constexpr typed_value is_test(const typed_value& left) {
        accept("not");
        if (accept("null") || accept("unknown")) {
            allow_null(left);
        } else if (accept("true") || accept("false")) {
            type_parameter(left, boolean_type(), {});
        } else if (accept("distinct")) {
            accept("from");
            null_safe_comparison(left);
        } else {
            const typed_value right = expression(precedence_compare);  // IS x (SQLite)
            unify(left, right);
        }
        return typed_value::of(boolean_type(), false);
    }

    // a IS [NOT] DISTINCT FROM b, a <=> b: NULL is a value either side may take.
    constexpr typed_value null_safe_comparison(const typed_value& left) {
        const typed_value right = expression(precedence_compare);
        unify(left, right);
        allow_null(left);
        allow_null(right);
        return typed_value::of(boolean_type(), false);
    }

    constexpr bool starts_predicate() const {
        if (at_keyword("not")) {
            token_cursor ahead = *this;
            ahead.advance();
            return predicate_words.contains(ahead.current().word);
        }
        return predicate_words.contains(current().word) || at_keyword("notnull") || at_keyword("isnull");
    }

    // [NOT] IN (...), [NOT] LIKE x [ESCAPE y], [NOT] BETWEEN a AND b, ISNULL, NOTNULL
    constexpr typed_value predicate(const typed_value& left) {
        accept("not");
        if (accept("isnull") || accept("notnull")) {
            allow_null(left);
            return typed_value::of(boolean_type(), false);
        }
        bool nullable = left.nullable;
        if (accept("in")) {
            if (accept_symbol("(")) {
                if (at_keyword("select") || at_keyword("with")) {
                    unify(left, select_statement(sink::none));
                    nullable = true;
                } else {
                    while (ok() && !at_symbol(")") && !at_end()) {
                        const typed_value item = expression();
                        unify(left, item);
                        nullable = nullable || item.nullable;
                        if (!accept_symbol(",")) break;
                    }
                }
                accept_symbol(")");
            } else {
                expression(precedence_compare);
            }
        } else if (accept("between")) {
            const typed_value low = expression(precedence_compare);
            accept("and");
            const typed_value high = expression(precedence_compare);
            unify(left, low);
            unify(left, high);
            nullable = nullable || low.nullable || high.nullable;
        } else {  // LIKE, ILIKE, GLOB, REGEXP
            advance();
            const typed_value pattern = expression(precedence_compare);
            type_parameter(left, text_type(), {});
            type_parameter(pattern, text_type(), left.origin);
            nullable = nullable || pattern.nullable;
            if (accept("escape")) expression(precedence_compare);
        }
        return typed_value::of(boolean_type(), nullable);
    }

    constexpr typed_value arithmetic(const typed_value& a, const typed_value& b) {
        unify(a, b);
        if (!a.known || !b.known) {
            typed_value unknown{};
            unknown.nullable = a.nullable || b.nullable;
            return unknown;
        }
        return typed_value::of(arithmetic_result(a.type, b.type), a.nullable || b.nullable);
    }

    constexpr typed_value cast(const typed_value& operand) {
        // CAST(x AS ENUM('a', 'b')) makes no enum of the catalog: its labels are passed over.
        const auto skip_labels = [&] {
            skip_group();
            return npos;
        };
        token_cursor& cursor = *this;
        const declared_type declared = read_declared_type(
            cursor, text_, type_spelling::known, [&](std::string_view name) { return catalog_.find_enum(name); },
            skip_labels);
        const sql_type type = resolve(declared, dialect_);
        type_parameter(operand, type, {});
        return typed_value::of(type, operand.nullable);
    }

    constexpr typed_value prefix() {
        const token& t = current();
        if (t.kind == token_kind::parameter) {
            advance();
            typed_value v;
            v.parameter = parameter_index(t);
            v.nullable = false;
            return v;
        }
        if (t.kind == token_kind::number) {
            advance();
            const std::string_view number = t.text(text_);
            const bool exact = number.find_first_of(".eE") == std::string_view::npos || number.starts_with("0x");
            return typed_value::of(exact ? integer_literal_type(number, dialect_) : decimal_literal_type(dialect_),
                                   false);
        }
        if (t.kind == token_kind::string) {
            advance();
            const std::string_view literal = t.text(text_);
            const bool bytes = literal.starts_with("x'") || literal.starts_with("X'");
            return typed_value::of(bytes ? sql_type{type_family::blob} : text_type(), false);
        }
        if (t.kind == token_kind::identifier && !prefix_words.contains(t.word)) return name_or_value(t);
        if (t.is("(")) return parenthesised();
        if (t.is("-") || t.is("+") || t.is("~")) {
            advance();
            return expression(precedence_multiply);
        }
        if (t.is("*")) {  // count(*)
            advance();
            return typed_value::of({type_family::any}, false);
        }
        if (!t.is_name()) {
            advance();
            return unknown_value();
        }
        if (is_keyword(t, "not")) {
            advance();
            const typed_value v = expression(precedence_not);
            type_parameter(v, boolean_type(), {});
            return typed_value::of(boolean_type(), v.nullable);
        }
        if (is_keyword(t, "exists")) {
            advance();
            parenthesised();
            return typed_value::of(boolean_type(), false);
        }
        if (is_keyword(t, "case")) return case_expression();
        if (is_keyword(t, "array")) {  // ARRAY[...] or ARRAY(subquery)
            advance();
            if (at_symbol("[")) {
                while (!at_symbol("]") && !at_end()) advance();
                advance();
            } else {
                parenthesised();
            }
            return unknown_value();
        }
        if (is_keyword(t, "cast")) {
            advance();
            accept_symbol("(");
            const typed_value operand = expression();
            accept("as");
            const typed_value v = cast(operand);
            accept_symbol(")");
            return v;
        }
        if (is_keyword(t, "null")) {
            advance();
            return typed_value{};
        }
        if (is_keyword(t, "true") || is_keyword(t, "false")) {
            advance();
            return typed_value::of(boolean_type(), false);
        }
        return name_or_value(t);
    }

    // A name that starts an operand: a column, a function's call, or a value spelled as a word.
    constexpr typed_value name_or_value(const token& t) {
        if (t.kind == token_kind::identifier) {
            if (const typed_value v = keyword_value(t); v.known) {
                advance();
                return v;
            }
        }
        return name_or_call();
    }

    // CURRENT_TIMESTAMP and the other values SQL spells as bare words.
    constexpr typed_value keyword_value(const token& t) const {
        if (!bare_value_words.contains(t.word)) return unknown_value();  // most names: no lookahead needed
        token_cursor ahead = *this;
        ahead.advance();
        if (ahead.at_symbol("(") || ahead.at_symbol(".")) return unknown_value();
        if (is_keyword(t, "current_timestamp") || is_keyword(t, "localtimestamp"))
            return typed_value::of(timestamp_type(), false);
        if (is_keyword(t, "current_date")) return typed_value::of({type_family::date}, false);
        if (is_keyword(t, "current_time") || is_keyword(t, "localtime"))
            return typed_value::of(resolve(declared(type_name::time), dialect_), false);
        if (is_keyword(t, "current_user") || is_keyword(t, "session_user"))
            return typed_value::of(text_type(), false);
        return unknown_value();
    }

    // ( expression ), ( subquery ), or a row (a, b).
    constexpr typed_value parenthesised() {
        advance();
        typed_value v;
        if (at_keyword("select") || at_keyword("with")) {
            v = select_statement(sink::none);
            v.nullable = true;  // a scalar subquery may find no row
            v.parameter = no_parameter;
        } else {
            v = expression();
            while (ok() && accept_symbol(",")) {
                expression();
                v = unknown_value();
            }
        }
        accept_symbol(")");
        return v;
    }

    // CASE [operand] WHEN a THEN x ... [ELSE y] END
    constexpr typed_value case_expression() {
        advance();
        typed_value operand{};
        const bool simple = !at_keyword("when");
        if (simple) operand = expression();
        typed_value result{};
        bool nullable = false;
        const auto branch = [&](const typed_value& v) {
            if (!result.known && v.known) result = v;
            nullable = nullable || v.nullable;
        };
        typed_value first_branch{};
        bool any_branch = false;
        while (ok() && accept("when")) {
            const typed_value condition = expression();
            if (simple) unify(operand, condition);
            accept("then");
            const typed_value v = expression();
            if (!any_branch) first_branch = v;
            any_branch = true;
            branch(v);
        }
        if (accept("else")) branch(expression());
        else nullable = true;
        accept("end");
        if (!result.known) return typed_value{};
        type_parameter(first_branch, result.type, {});
        return typed_value::of(result.type, nullable);
    }

    // col, t.col, a function call name(args), or a typed literal (DATE '2024-01-01').
    constexpr typed_value name_or_call() {
        const token& first = current();
        advance();
        if (current().kind == token_kind::string && find_type_word(first.text(text_)) != type_name::unknown) {
            advance();
            return typed_value::of(resolve(declared(find_type_word(first.text(text_))), dialect_), false);
        }
        if (at_symbol("(")) return call(function_word(first));
        if (at_symbol(".")) {
            advance();
            const token& second = current();
            advance();
            if (at_symbol(".")) {  // schema.table.col
                advance();
                const token& third = current();
                advance();
                return column_reference(second.unquoted(text_), third.unquoted(text_));
            }
            if (at_symbol("(")) return call(function_word(second));  // schema.function(...)
            return column_reference(first.unquoted(text_), second.unquoted(text_));
        }
        return column_reference({}, first.unquoted(text_));
    }

    // A function's name as a word: quoted, as written ("lower"(x) is LOWER).
    constexpr word_id function_word(const token& name) const {
        return name.kind == token_kind::identifier ? name.word : vocabulary.find(name.unquoted(text_));
    }

    constexpr typed_value call(word_id name) {
        advance();  // (
        std::array<typed_value, 8> args{};
        std::size_t count = 0;
        accept("distinct") || accept("all");
        if (name == keyword{"extract"}.id) {  // EXTRACT(YEAR FROM x): the field is a word, not a column
            advance();
            accept("from");
        }
        accept("both") || accept("leading") || accept("trailing");  // TRIM(BOTH 'x' FROM y)
        while (ok() && !at_symbol(")") && !at_end()) {
            const typed_value v = expression();
            if (count < args.size()) args[count] = v;
            ++count;
            if (accept("order")) {  // string_agg(x, ',' ORDER BY y)
                accept("by");
                expression_list_with_aliases();
            }
            if (!accept_symbol(",") && !accept("as") && !accept("from") && !accept("for")) break;
        }
        accept_symbol(")");
        if (accept("within")) {
            accept("group");
            skip_group_if_open();
        }
        if (accept("filter")) skip_group_if_open();
        if (accept("over")) {
            if (at_symbol("(")) skip_group();
            else advance();
        }
        const std::size_t stored = count < args.size() ? count : args.size();
        // A parameter among COALESCE's first arguments may be NULL, and takes the others' type.
        if (coalesce_functions.contains(name)) {
            const typed_value* known = first_known(args.data(), stored);
            for (std::size_t i = 0; i < stored; ++i) {
                if (known != nullptr) type_parameter(args[i], known->type, known->origin);
                if (i + 1 < stored) allow_null(args[i]);
            }
        }
        typed_value result{};
        if (!function_result(name, args.data(), stored, dialect_, result)) return typed_value{};
        return result;
    }
};

// A statement's own columns, untyped, and why.
template <class Result, statement_shape S>
constexpr Result unanalysed(const statement<S>& s, const analysis_diagnosis& why) {
    Result r;
    r.error = why;
    if (why.code == analysis_problem::none)
        for (const result_column& column : s.columns) r.columns.push_back(column);
    return r;
}

}  // namespace detail

// The analysis of a statement against a catalog on dialect d. Its lists are sized by the
// statement's and the catalog's capacities and held to what their texts measure, so that it comes
// out alike in any capacities that hold it: a query's, rounded up at compile time (see
// shared_room), or those fixed in advance for text read at run time, where the caller gives the
// analysis's room too and a text that needs more is refused as too large.
template <statement_shape S, catalog_shape C, analysis_shape Room = detail::measure_analysis(S, C)>
constexpr analysis<Room.columns, S.parameters> analyse(const statement<S>& s, const catalog<C>& c, dialect d) {
    using result = analysis<Room.columns, S.parameters>;
    analysis_shape need = detail::measure_analysis(s.measured, C);
    if (!std::is_constant_evaluated()) {
        need = detail::measure_analysis(s.measured, detail::measure_catalog(c.text));
        if (const detail::shape_excess e = excess(need, Room); !e.fits())
            return detail::unanalysed<result>(s, analysis_diagnosis{analysis_problem::too_large, e.list, {}});
    }
    // DDL run through execute is not checked against the catalog.
    if (s.type == statement_kind::definition || s.type == statement_kind::other) return detail::unanalysed<result>(s, {});
    return detail::analyzer<S, C, Room>{s, c, d, need}.run();
}

}  // namespace ctsql
