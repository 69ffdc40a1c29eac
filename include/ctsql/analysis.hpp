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

#include "catalog.hpp"
#include "detail/fixed_vector.hpp"
#include "detail/token_cursor.hpp"
#include "dialect.hpp"
#include "function_types.hpp"
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
    unknown_type,        // a result column whose type cannot be told
    unexpandable_star,   // * over a subquery or a view, which the analysis does not type yet
    unsupported_returning,
};

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

namespace detail {

constexpr std::string_view clause_words[] = {"from",   "where",  "group",     "having", "order",  "limit",
                                             "offset", "union",  "intersect", "except", "window", "fetch",
                                             "for",    "returning", "into",   "on",     "using",  "set",
                                             "values", "natural", "inner",    "left",   "right",  "full",
                                             "cross",  "join",   "when",      "then",   "else",   "end",
                                             "and",    "or",     "as",        "asc",    "desc",   "nulls",
                                             "do",     "default", "select",   "escape", "collate", "is",
                                             "not",    "in",     "like",      "ilike",  "between", "glob",
                                             "regexp", "over",   "filter",    "partition", "rows", "range",
                                             "lateral", "only",  "conflict",  "duplicate", "update", "delete",
                                             "insert", "with",   "recursive", "all",    "distinct"};

template <statement_shape S, catalog_shape C, std::size_t Columns>
class analyzer {
public:
    constexpr analyzer(const statement<S>& s, const catalog<C>& c, dialect d)
        : s_(s), catalog_(c), dialect_(d), cursor_(s.text) {
        for (std::size_t i = 0; i < s.parameters.size(); ++i) out_.parameters[i].nullable = s.parameters[i].nullable;
    }

    constexpr analysis<Columns, S.parameters> run() {
        statement_body(true);
        return out_;
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    struct source {
        std::string_view name;   // the name it is referred to by: its alias, or the table's name
        std::size_t table = npos;  // in the catalog; npos for a subquery, a CTE or a table function
        bool nullable = false;     // on the outer side of a join
    };

    const statement<S>& s_;
    const catalog<C>& catalog_;
    dialect dialect_;
    token_cursor cursor_;
    analysis<Columns, S.parameters> out_;
    fixed_vector<source, S.tables + 2> sources_;
    fixed_vector<std::size_t, S.depth> levels_;  // where each nested SELECT's sources start
    fixed_vector<std::string_view, S.tables + 1> ctes_;
    bool in_update_ = false;

    // --- small moves
    constexpr const token& current() const { return cursor_.current(); }
    constexpr void advance() { cursor_.advance(); }
    constexpr bool accept(std::string_view word) { return cursor_.accept(word); }
    constexpr bool at(std::string_view word) const { return cursor_.at_keyword(word); }
    constexpr bool ok() const { return out_.ok(); }
    constexpr bool at_list_end() const { return cursor_.at_end() || current().is(")") || current().kind == token_kind::error; }
    constexpr void fail(analysis_problem code, std::string_view subject, std::string_view context = {}) {
        if (ok()) out_.error = analysis_diagnosis{code, subject, context};
    }
    constexpr void skip_group_if_open() {
        if (current().is("(")) cursor_.skip_group();
    }
    // Skips to the next `,` or the end of a list at depth 0.
    constexpr void skip_to_item_end() {
        std::size_t depth = 0;
        while (!cursor_.at_end() && current().kind != token_kind::error) {
            if (current().is("(")) ++depth;
            else if (current().is(")")) {
                if (depth == 0) return;
                --depth;
            } else if (depth == 0 && (current().is(",") || is_any_keyword(current(), clause_words))) {
                return;
            }
            advance();
        }
    }

    // --- parameters
    constexpr std::size_t parameter_index(const token& t) const {
        for (std::size_t i = 0; i < s_.parameters.size(); ++i) {
            const parameter& p = s_.parameters[i];
            const bool same = t.style == parameter_style::numbered ? p.number == t.number
                              : t.style == parameter_style::named ? p.name == t.name
                                                                  : p.spelling.data() == t.text.data();
            if (same) return i;
        }
        return npos;
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
    constexpr bool is_cte(std::string_view name) const {
        for (std::string_view cte : ctes_)
            if (iequals(cte, name)) return true;
        return false;
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

    // t.col or col, looked up from the innermost level out.
    constexpr typed_value column_reference(std::string_view qualifier, std::string_view name) {
        if (!qualifier.empty()) {
            std::size_t i = npos;
            for (std::size_t level = sources_.size(); level-- > 0 && i == npos;)
                if (iequals(sources_[level].name, qualifier)) i = level;
            if (i == npos) {
                fail(analysis_problem::unknown_table, qualifier);
                return unknown_value();
            }
            if (sources_[i].table == npos) return unknown_value();
            const std::size_t c = catalog_.find_column(sources_[i].table, name);
            if (c == npos) {
                fail(analysis_problem::unknown_column, name, catalog_.tables[sources_[i].table].name);
                return unknown_value();
            }
            return column_value(sources_[i], c);
        }
        // Unqualified: the innermost level with the name wins; two tables of one level are ambiguous.
        for (std::size_t level = levels_.size(); level-- > 0;) {
            const std::size_t end = level + 1 < levels_.size() ? levels_[level + 1] : sources_.size();
            std::size_t found = npos;
            std::size_t found_column = npos;
            bool opaque = false;
            for (std::size_t i = levels_[level]; i < end; ++i) {
                if (sources_[i].table == npos) {
                    opaque = true;
                    continue;
                }
                const std::size_t c = catalog_.find_column(sources_[i].table, name);
                if (c == npos) continue;
                if (found != npos) {
                    fail(analysis_problem::ambiguous_column, name);
                    return unknown_value();
                }
                found = i;
                found_column = c;
            }
            if (found != npos) return column_value(sources_[found], found_column);
            if (opaque) return unknown_value();  // perhaps the subquery's: it is not typed yet
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
        if (is_cte(table)) return sources_.push_back(source{alias.empty() ? table : alias, npos, nullable});
        const std::size_t t = catalog_.find_table(table);
        if (t == npos) return fail(analysis_problem::unknown_table, table);
        const bool view = catalog_.tables[t].view;  // views are not typed yet: read as opaque
        sources_.push_back(source{alias.empty() ? table : alias, view ? npos : t, nullable});
    }

    // --- statements
    constexpr void statement_body(bool top) {
        with_clause();
        if (at("select")) select_statement(top);
        else if (at("insert") || at("replace")) insert_statement(top);
        else if (at("update")) update_statement(top);
        else if (at("delete")) delete_statement(top);
        else if (current().is("(")) {
            advance();
            statement_body(top);
            cursor_.accept_symbol(")");
        }
    }

    constexpr void with_clause() {
        if (!accept("with")) return;
        accept("recursive");
        do {
            ctes_.push_back(current().unquoted());
            advance();
            skip_group_if_open();  // its column names
            accept("as");
            accept("not");
            accept("materialized");
            if (cursor_.accept_symbol("(")) {
                const std::size_t mark = open_level();
                statement_body(false);
                close_level(mark);
                cursor_.accept_symbol(")");
            }
        } while (ok() && cursor_.accept_symbol(","));
    }

    // SELECT ... [UNION ...] [ORDER BY ...] [LIMIT ...]; returns the first column's value.
    // Each SELECT of a compound has its own tables; ORDER BY and LIMIT see the last one's.
    constexpr typed_value select_statement(bool top) {
        std::size_t mark = open_level();
        const typed_value first = select_core(top);
        while (ok() && (accept("union") || accept("intersect") || accept("except"))) {
            accept("all") || accept("distinct");
            close_level(mark);
            mark = open_level();
            select_core(false);  // its columns' names and order are the first branch's
        }
        if (accept("order")) {
            accept("by");
            expression_list_with_aliases();
        }
        limit_clauses();
        close_level(mark);
        return first;
    }

    constexpr void limit_clauses() {
        while (ok()) {
            if (accept("limit") || accept("offset")) {
                const typed_value v = expression();
                type_parameter(v, bigint_type(), {});
                if (cursor_.accept_symbol(",")) type_parameter(expression(), bigint_type(), {});  // LIMIT a, b
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
        } while (ok() && cursor_.accept_symbol(","));
    }
    constexpr bool is_result_alias(const token& t) const {
        if (!t.is_name()) return false;
        token_cursor ahead = cursor_;
        ahead.advance();
        if (ahead.current().is(".") || ahead.current().is("(")) return false;
        for (const result_column& c : s_.columns)
            if (c.named && iequals(c.name, t.unquoted())) return true;
        return false;
    }

    constexpr typed_value select_core(bool record) {
        if (current().is("(")) {  // (SELECT ...) UNION (SELECT ...)
            advance();
            const typed_value v = select_statement(record);
            cursor_.accept_symbol(")");
            return v;
        }
        if (!accept("select")) return unknown_value();
        if (accept("distinct")) {
            if (accept("on")) skip_group_if_open();
        } else {
            accept("all");
        }
        read_sources_ahead();
        typed_value first{};
        std::size_t item = 0;
        while (ok() && !at_list_end() && !is_any_keyword(current(), clause_words)) {
            const typed_value v = result_item(record, item);
            if (item == 0) first = v;
            ++item;
            if (!cursor_.accept_symbol(",")) break;
        }
        if (accept("into")) skip_to_item_end();  // SELECT ... INTO var (MySQL)
        if (accept("from")) from_clause();
        if (accept("where")) expression();
        if (accept("group")) {
            accept("by");
            expression_list_with_aliases();
        }
        if (accept("having")) expression();
        if (accept("window")) skip_to_item_end();
        return first;
    }

    // One item of a select list or a RETURNING list; recorded as a result column when record.
    constexpr typed_value result_item(bool record, std::size_t item) {
        if (current().is("*")) {
            advance();
            if (record) expand_star({});
            return unknown_value();
        }
        if (current().is_name()) {
            token_cursor ahead = cursor_;
            ahead.advance();
            if (ahead.current().is(".")) {
                ahead.advance();
                if (ahead.current().is("*")) {
                    const std::string_view table = current().unquoted();
                    cursor_ = ahead;
                    advance();
                    if (record) expand_star(table);
                    return unknown_value();
                }
            }
        }
        const typed_value v = expression();
        if (accept("as") || (current().is_name() && !is_any_keyword(current(), clause_words))) advance();  // the alias
        if (record && item < s_.columns.size()) record_column(s_.columns[item], v);
        return v;
    }

    constexpr void record_column(const result_column& column, const typed_value& v) {
        if (!ok()) return;
        const std::size_t i = out_.columns.size();
        out_.columns.push_back(column);
        out_.column_types[i] = column_type{v.type, v.known, v.nullable, v.origin};
        if (!v.known) fail(analysis_problem::unknown_type, column.expression);
    }

    // * or t.*: the columns of the current level's tables, in order.
    constexpr void expand_star(std::string_view table) {
        const std::size_t start = level_start();
        bool any = false;
        for (std::size_t i = start; i < sources_.size() && ok(); ++i) {
            const source& src = sources_[i];
            if (!table.empty() && !iequals(src.name, table)) continue;
            any = true;
            if (src.table == npos) return fail(analysis_problem::unexpandable_star, table.empty() ? "*" : table, src.name);
            for (std::size_t c = 0; c < catalog_.columns.size(); ++c) {
                if (catalog_.columns[c].table != src.table) continue;
                result_column column;
                column.name = catalog_.columns[c].name;
                column.expression = column.name;
                column.table = src.name;
                column.source = column_source::column;
                column.named = true;
                column.quoted = catalog_.columns[c].quoted;
                record_column(column, column_value(src, c));
            }
        }
        if (!any && !table.empty()) fail(analysis_problem::unknown_table, table);
    }

    // The FROM clause's tables, read ahead of the select list that names their columns.
    constexpr void read_sources_ahead() {
        token_cursor saved = cursor_;
        std::size_t depth = 0;
        while (!cursor_.at_end() && current().kind != token_kind::error) {
            if (current().is("(")) ++depth;
            else if (current().is(")")) {
                if (depth == 0) break;
                --depth;
            } else if (depth == 0 && at("from")) {
                advance();
                read_sources();
                break;
            } else if (depth == 0 && is_any_keyword(current(), clause_words) && !at("as") && !at("and") &&
                       !at("or") && !at("not") && !at("is") && !at("in") && !at("like") && !at("between") &&
                       !at("when") && !at("then") && !at("else") && !at("end") && !at("distinct") &&
                       !at("collate") && !at("over") && !at("filter") && !at("escape") && !at("all") &&
                       !at("ilike") && !at("glob") && !at("regexp") && !at("partition") && !at("asc") &&
                       !at("desc") && !at("nulls") && !at("rows") && !at("range") && !at("select")) {
                break;
            }
            advance();
        }
        cursor_ = saved;
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
            if (cursor_.accept_symbol(",")) {
                join = join_kind::cross;
                continue;
            }
            join = join_keywords();
            if (join == join_kind::from) return;
        }
    }

    constexpr join_kind join_keywords() {
        accept("natural");
        join_kind join = join_kind::inner;
        bool any = true;
        if (accept("left")) join = join_kind::left;
        else if (accept("right")) join = join_kind::right;
        else if (accept("full")) join = join_kind::full;
        else if (accept("cross")) join = join_kind::cross;
        else if (!accept("inner")) any = false;
        accept("outer");
        if (accept("join")) {
            accept("lateral");
            return join;
        }
        return any ? join : join_kind::from;
    }

    constexpr void skip_condition() {
        std::size_t depth = 0;
        while (!cursor_.at_end() && current().kind != token_kind::error) {
            if (current().is("(")) ++depth;
            else if (current().is(")")) {
                if (depth == 0) return;
                --depth;
            } else if (depth == 0 && (current().is(",") || at("join") || at("left") || at("right") || at("full") ||
                                      at("cross") || at("inner") || at("natural") || at("where") || at("group") ||
                                      at("having") || at("order") || at("limit") || at("union") || at("window") ||
                                      at("returning") || at("set") || at("offset") || at("except") ||
                                      at("intersect") || at("for") || at("fetch"))) {
                return;
            }
            advance();
        }
    }

    // name [[AS] alias], (subquery) [AS] alias, or function(...) [AS] alias
    constexpr void source_reference(bool nullable) {
        accept("lateral");
        accept("only");
        if (current().is("(")) {
            cursor_.skip_group();
            accept("as");
            const std::string_view alias = alias_name();
            return sources_.push_back(source{alias.empty() ? std::string_view{"(subquery)"} : alias, npos, nullable});
        }
        if (!current().is_name()) return;
        std::string_view table = current().unquoted();
        advance();
        while (cursor_.accept_symbol(".")) {
            table = current().unquoted();
            advance();
        }
        const bool function = current().is("(");
        if (function) cursor_.skip_group();
        accept("as");
        const std::string_view alias = alias_name();
        if (function) return sources_.push_back(source{alias.empty() ? table : alias, npos, nullable});
        add_table_source(table, alias, nullable);
    }
    constexpr std::string_view alias_name() {
        if (!current().is_name() || is_any_keyword(current(), clause_words)) return {};
        const std::string_view alias = current().unquoted();
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
            if (current().is("(")) {
                advance();
                const std::size_t mark = open_level();
                statement_body(false);
                close_level(mark);
                cursor_.accept_symbol(")");
            } else if (current().is_name()) {
                advance();
                while (cursor_.accept_symbol(".")) advance();
                if (current().is("(")) {
                    advance();
                    while (ok() && !at_list_end()) {
                        expression();
                        if (!cursor_.accept_symbol(",")) break;
                    }
                    cursor_.accept_symbol(")");
                }
            }
            accept("as");
            alias_name();
            if (accept("on")) expression();
            else if (accept("using")) skip_group_if_open();
            if (cursor_.accept_symbol(",")) continue;
            if (join_keywords() == join_kind::from) return;
        }
    }

    constexpr void returning(bool top) {
        if (!accept("returning")) return;
        if (dialect_ == dialect::mysql && in_update_) return fail(analysis_problem::unsupported_returning, "UPDATE");
        std::size_t item = 0;
        while (ok() && !at_list_end()) {
            result_item(top, item++);
            if (!cursor_.accept_symbol(",")) break;
        }
    }
    // INSERT [OR x] INTO t [AS a] [(columns)] VALUES (...), ... | SELECT ... | DEFAULT VALUES
    //   [ON CONFLICT ... DO UPDATE SET ...] [ON DUPLICATE KEY UPDATE ...] [RETURNING ...]
    constexpr void insert_statement(bool top) {
        advance();
        while (!at("into") && !cursor_.at_end()) advance();  // OR REPLACE, IGNORE, ...
        if (!accept("into")) return;
        const std::size_t mark = open_level();
        std::string_view table = current().unquoted();
        advance();
        while (cursor_.accept_symbol(".")) {
            table = current().unquoted();
            advance();
        }
        std::string_view alias;
        if (accept("as")) alias = alias_name();
        add_table_source(table, alias, false);
        if (!ok()) return;
        const std::size_t t = sources_.back().table;
        std::array<std::size_t, C.columns + S.columns> targets{};
        std::size_t target_count = 0;
        if (cursor_.accept_symbol("(")) {
            while (ok() && !current().is(")") && !cursor_.at_end()) {
                const std::size_t c = catalog_.find_column(t, current().unquoted());
                if (c == npos) return fail(analysis_problem::unknown_column, current().unquoted(), table);
                targets[target_count++] = c;
                advance();
                cursor_.accept_symbol(",");
            }
            cursor_.accept_symbol(")");
        } else {
            for (std::size_t c = 0; c < catalog_.columns.size(); ++c)
                if (catalog_.columns[c].table == t) targets[target_count++] = c;
        }
        if (accept("values") || accept("value")) {
            do {
                if (!cursor_.accept_symbol("(")) break;
                std::size_t count = 0;
                while (ok() && !current().is(")") && !cursor_.at_end()) {
                    const typed_value v = expression();
                    if (count < target_count) store_into(v, targets[count]);
                    ++count;
                    if (!cursor_.accept_symbol(",")) break;
                }
                cursor_.accept_symbol(")");
                if (ok() && count != target_count) return fail(analysis_problem::insert_count_mismatch, table);
            } while (ok() && cursor_.accept_symbol(","));
        } else if (at("select") || at("with") || current().is("(")) {
            const std::size_t inner = open_level();
            statement_body(false);
            close_level(inner);
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
                    sources_.push_back(source{"excluded", t, false});
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
        returning(top);
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
            if (current().is("(")) {  // (a, b) = (...): not typed
                cursor_.skip_group();
                cursor_.accept_symbol("=");
                expression();
                continue;
            }
            std::string_view name = current().unquoted();
            advance();
            while (cursor_.accept_symbol(".")) {  // t.col
                name = current().unquoted();
                advance();
            }
            const std::size_t c = catalog_.find_column(table, name);
            if (c == npos) return fail(analysis_problem::unknown_column, name, table_name);
            cursor_.accept_symbol("=");
            store_into(expression(), c);
        } while (ok() && cursor_.accept_symbol(","));
    }

    // UPDATE [OR x] [ONLY] t [[AS] a] SET ... [FROM ...] [WHERE ...] [RETURNING ...]
    constexpr void update_statement(bool top) {
        advance();
        if (accept("or")) advance();
        accept("only");
        const std::size_t mark = open_level();
        std::string_view table = current().unquoted();
        advance();
        while (cursor_.accept_symbol(".")) {
            table = current().unquoted();
            advance();
        }
        accept("as");
        add_table_source(table, alias_name(), false);
        if (!ok()) return;
        const std::size_t t = sources_.back().table;
        if (accept("set")) {
            // FROM tables may appear in SET's expressions: read them first.
            token_cursor saved = cursor_;
            while (!cursor_.at_end() && !at("from") && !at("where") && !at("returning")) {
                if (current().is("(")) cursor_.skip_group();
                else advance();
            }
            if (accept("from")) read_sources();
            cursor_ = saved;
            if (t != npos) assignments(t, table);
        }
        if (accept("from")) from_clause();
        if (accept("where")) expression();
        in_update_ = true;
        returning(top);
        in_update_ = false;
        close_level(mark);
    }

    // DELETE FROM t [[AS] a] [USING ...] [WHERE ...] [RETURNING ...]
    constexpr void delete_statement(bool top) {
        advance();
        accept("from");
        accept("only");
        const std::size_t mark = open_level();
        std::string_view table = current().unquoted();
        advance();
        while (cursor_.accept_symbol(".")) {
            table = current().unquoted();
            advance();
        }
        accept("as");
        add_table_source(table, alias_name(), false);
        if (accept("using")) {
            token_cursor saved = cursor_;
            read_sources();
            cursor_ = saved;
            from_clause();
        }
        if (accept("where")) expression();
        returning(top);
        close_level(mark);
    }

    // --- expressions, by precedence climbing
    static constexpr int precedence_or = 1, precedence_and = 2, precedence_not = 3, precedence_compare = 4,
                         precedence_concat = 5, precedence_add = 6, precedence_multiply = 7, precedence_postfix = 9;

    constexpr typed_value expression(int min = 0) {
        typed_value left = prefix();
        while (ok()) {
            const token op = current();
            if (is_keyword(op, "or") && min < precedence_or) {
                advance();
                left = logical(left, expression(precedence_or));
            } else if (is_keyword(op, "and") && min < precedence_and) {
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
            } else if (min < precedence_concat && op.is("||")) {
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
            } else if (op.is("::")) {
                advance();
                left = cast(left);
            } else if (is_keyword(op, "collate")) {
                advance();
                advance();
            } else if (op.is("->") || op.is("->>") || op.is("#>") || op.is("#>>")) {
                advance();
                const typed_value right = expression(precedence_postfix);
                left = typed_value::of(op.is("->") || op.is("#>") ? sql_type{type_family::json} : text_type(), true);
                (void)right;
            } else if (op.is("[")) {  // an array's element
                advance();
                expression();
                cursor_.accept_symbol("]");
                sql_type element = left.type;
                element.array = false;
                left = typed_value::of(element, true);
            } else {
                return left;
            }
        }
        return left;
    }

    static constexpr bool is_comparison(const token& t) {
        return t.is("=") || t.is("<>") || t.is("!=") || t.is("<") || t.is(">") || t.is("<=") || t.is(">=") ||
               t.is("==") || t.is("~") || t.is("@>") || t.is("<@") || t.is("&&");
    }

    constexpr typed_value logical(const typed_value& a, const typed_value& b) {
        type_parameter(a, boolean_type(), {});
        type_parameter(b, boolean_type(), {});
        return typed_value::of(boolean_type(), a.nullable || b.nullable);
    }

    // a = b, a = ANY(b), a = ALL(subquery)
    constexpr typed_value comparison(const typed_value& left) {
        if (at("any") || at("all") || at("some")) {
            advance();
            cursor_.accept_symbol("(");
            if (at("select") || at("with")) {
                const std::size_t mark = open_level();
                const typed_value first = select_statement(false);
                close_level(mark);
                unify(left, first);
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
            cursor_.accept_symbol(")");
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
            const typed_value right = expression(precedence_compare);
            unify(left, right);
            allow_null(left);
            allow_null(right);
        } else {
            const typed_value right = expression(precedence_compare);  // IS x (SQLite)
            unify(left, right);
        }
        return typed_value::of(boolean_type(), false);
    }

    constexpr bool starts_predicate() const {
        if (at("not")) {
            token_cursor ahead = cursor_;
            ahead.advance();
            const token& t = ahead.current();
            return is_keyword(t, "in") || is_keyword(t, "like") || is_keyword(t, "ilike") ||
                   is_keyword(t, "between") || is_keyword(t, "glob") || is_keyword(t, "regexp");
        }
        return at("in") || at("like") || at("ilike") || at("between") || at("glob") || at("regexp") ||
               at("notnull") || at("isnull");
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
            if (cursor_.accept_symbol("(")) {
                if (at("select") || at("with")) {
                    const std::size_t mark = open_level();
                    unify(left, select_statement(false));
                    close_level(mark);
                    nullable = true;
                } else {
                    while (ok() && !current().is(")") && !cursor_.at_end()) {
                        const typed_value item = expression();
                        unify(left, item);
                        nullable = nullable || item.nullable;
                        if (!cursor_.accept_symbol(",")) break;
                    }
                }
                cursor_.accept_symbol(")");
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
        const declared_type declared = read_declared_type(
            cursor_, s_.text, type_spelling::known,
            [&](std::string_view name) { return catalog_.find_enum(name); }, [] { return npos; });
        const sql_type type = resolve(declared, dialect_);
        type_parameter(operand, type, {});
        return typed_value::of(type, operand.nullable);
    }

    constexpr typed_value prefix() {
        const token t = current();
        if (t.kind == token_kind::parameter) {
            advance();
            typed_value v;
            v.parameter = parameter_index(t);
            v.nullable = false;
            return v;
        }
        if (t.kind == token_kind::number) {
            advance();
            const bool exact = t.text.find_first_of(".eE") == std::string_view::npos || t.text.starts_with("0x");
            return typed_value::of(exact ? integer_literal_type(t.text, dialect_) : decimal_literal_type(dialect_),
                                   false);
        }
        if (t.kind == token_kind::string) {
            advance();
            const bool bytes = t.text.starts_with("x'") || t.text.starts_with("X'");
            return typed_value::of(bytes ? sql_type{type_family::blob} : text_type(), false);
        }
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
            if (current().is("[")) {
                while (!current().is("]") && !cursor_.at_end()) advance();
                advance();
            } else {
                parenthesised();
            }
            return unknown_value();
        }
        if (is_keyword(t, "cast")) {
            advance();
            cursor_.accept_symbol("(");
            const typed_value operand = expression();
            accept("as");
            const typed_value v = cast(operand);
            cursor_.accept_symbol(")");
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
        token_cursor ahead = cursor_;
        ahead.advance();
        if (ahead.current().is("(") || ahead.current().is(".")) return unknown_value();
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
        if (at("select") || at("with")) {
            const std::size_t mark = open_level();
            v = select_statement(false);
            close_level(mark);
            v.nullable = true;  // a scalar subquery may find no row
            v.parameter = no_parameter;
        } else {
            v = expression();
            while (ok() && cursor_.accept_symbol(",")) {
                expression();
                v = unknown_value();
            }
        }
        cursor_.accept_symbol(")");
        return v;
    }

    // CASE [operand] WHEN a THEN x ... [ELSE y] END
    constexpr typed_value case_expression() {
        advance();
        typed_value operand{};
        const bool simple = !at("when");
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
        const token first = current();
        advance();
        if (current().kind == token_kind::string && find_type_word(first.text) != type_name::unknown) {
            advance();
            return typed_value::of(resolve(declared(find_type_word(first.text)), dialect_), false);
        }
        if (current().is("(")) return call(first.unquoted());
        if (current().is(".")) {
            advance();
            const token second = current();
            advance();
            if (current().is(".")) {  // schema.table.col
                advance();
                const token third = current();
                advance();
                return column_reference(second.unquoted(), third.unquoted());
            }
            if (current().is("(")) return call(second.unquoted());  // schema.function(...)
            return column_reference(first.unquoted(), second.unquoted());
        }
        return column_reference({}, first.unquoted());
    }

    constexpr typed_value call(std::string_view name) {
        advance();  // (
        std::array<typed_value, 8> args{};
        std::size_t count = 0;
        accept("distinct") || accept("all");
        if (iequals(name, "extract")) {  // EXTRACT(YEAR FROM x): the field is a word, not a column
            advance();
            accept("from");
        }
        accept("both") || accept("leading") || accept("trailing");  // TRIM(BOTH 'x' FROM y)
        while (ok() && !current().is(")") && !cursor_.at_end()) {
            const typed_value v = expression();
            if (count < args.size()) args[count] = v;
            ++count;
            if (accept("order")) {  // string_agg(x, ',' ORDER BY y)
                accept("by");
                expression_list_with_aliases();
            }
            if (!cursor_.accept_symbol(",") && !accept("as") && !accept("from") && !accept("for")) break;
        }
        cursor_.accept_symbol(")");
        if (accept("within")) {
            accept("group");
            skip_group_if_open();
        }
        if (accept("filter")) skip_group_if_open();
        if (accept("over")) {
            if (current().is("(")) cursor_.skip_group();
            else advance();
        }
        const std::size_t stored = count < args.size() ? count : args.size();
        // A parameter among COALESCE's first arguments may be NULL, and takes the others' type.
        if (iequals(name, "coalesce") || iequals(name, "ifnull") || iequals(name, "nvl")) {
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

}  // namespace detail

// The capacity an analysis needs: the statement's columns, and every catalog column for a *.
template <statement_shape S, catalog_shape C>
inline constexpr std::size_t analysis_columns = S.columns + C.columns;

template <statement_shape S, catalog_shape C>
constexpr analysis<analysis_columns<S, C>, S.parameters> analyse(const statement<S>& s, const catalog<C>& c,
                                                                  dialect d) {
    if (s.type == statement_kind::definition || s.type == statement_kind::other) {
        analysis<analysis_columns<S, C>, S.parameters> unanalysed;
        for (const result_column& column : s.columns) unanalysed.columns.push_back(column);
        return unanalysed;  // DDL run through execute is not checked against the catalog
    }
    return detail::analyzer<S, C, analysis_columns<S, C>>{s, c, d}.run();
}

}  // namespace ctsql
