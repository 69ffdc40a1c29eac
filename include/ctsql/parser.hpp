#pragma once
// The parser: query text -> statement value, in one forward pass per concern (tag,
// parameters, structure). Expressions are not interpreted here, only delimited: the
// schema analysis reads their text spans.

#include <array>
#include <string_view>

#include "copy_layout.hpp"
#include "detail/join_keywords.hpp"
#include "detail/shape_excess.hpp"
#include "detail/token_cursor.hpp"
#include "lexer.hpp"
#include "named_placeholder.hpp"
#include "statement.hpp"
#include "tag.hpp"

namespace ctsql {

namespace detail {

// Words that take an operand: a name after one is that operand, not an implicit alias
// (`x COLLATE nocase`, `a IS b`, `CASE WHEN x`).
constexpr keyword_set operand_words{
    "as",   "and",  "or",   "not",  "is",      "in",     "like",     "ilike",  "glob",   "regexp",
    "between", "escape", "collate", "distinct", "exists", "all", "any", "some", "over", "filter",
    "case", "when", "then", "else", "interval", "select"};
// Words that are values or keywords, never an alias themselves (`a IS NULL`, `CASE ... END`).
constexpr keyword_set value_words{
    "null", "true", "false", "end", "unknown", "current_timestamp", "current_date", "current_time", "localtime",
    "localtimestamp", "current_user", "session_user", "and", "or", "not", "is", "in", "like", "ilike", "as"};

// Words that end a select list, a FROM clause or a table reference.
constexpr keyword_set select_list_end{"from",   "into",  "where",     "group",  "having",
                                                "order",  "limit", "offset",    "union",  "intersect",
                                                "except", "window", "fetch",    "for",    "returning"};
constexpr keyword_set from_clause_end{"where",  "group",  "having", "order",  "limit",
                                                "offset", "union",  "intersect", "except", "window",
                                                "fetch",  "for",    "returning", "set",  "on",
                                                "using",  "values", "select", "natural", "inner",
                                                "left",   "right",  "full",   "cross",  "join",
                                                "default", "as"};

// Words a table follows, each starting one, and words a select list's first item follows.
constexpr keyword_set source_words{"from", "join", "into", "update"};
constexpr keyword_set select_list_start{"select", "distinct", "all", "returning"};
// Both, so that most names, which are neither, are turned away with one look-up.
constexpr keyword_set shape_words = source_words | select_list_start;

}  // namespace detail

namespace detail {

// Upper bounds for a statement's lists, counted token by token as the text is lexed. Each token
// is looked at once, by its kind: at compile time every step counts against the compiler's
// constexpr limits.
class shape_counter {
public:
    constexpr void count(const token& t) {
        ++shape_.tokens;  // a lexical error among them: the lexer ends the text there
        bool next_item_start = false;
        if (t.kind == token_kind::parameter) {
            ++shape_.parameters;
        } else if (t.symbol != '\0') {
            const char c = t.symbol;
            if (c == ',') ++commas_;
            else if (c == '(') ++shape_.depth;
            else if (c == '*' && item_start_) ++shape_.stars;
            else if (c == ';' && first_semicolon_ == 0) first_semicolon_ = shape_.tokens;
            next_item_start = c == ',' || c == '.' || c == ')';
        } else if (shape_words.contains(t.word)) {  // only an unquoted name has a word
            if (source_words.contains(t.word)) ++sources_;
            else next_item_start = true;
        }
        item_start_ = next_item_start;
    }

    // The shape of the text counted so far, its end included.
    constexpr statement_shape shape() const {
        statement_shape s = shape_;
        s.columns = commas_ + 1;
        s.tables = commas_ + sources_ + 1;
        ++s.tokens;
        return s;
    }
    // The first `;`'s place among the tokens counted, from 1; 0 if none.
    constexpr std::size_t first_semicolon() const { return first_semicolon_; }

private:
    statement_shape shape_;
    std::size_t commas_ = 0;
    std::size_t sources_ = 0;
    std::size_t first_semicolon_ = 0;
    // Whether a `*` here would start an item of a select list (SELECT *, t.*, RETURNING *,
    // DISTINCT ON (a) *), and so may expand to tables' columns, unlike count(*) or a * b.
    bool item_start_ = true;
};

}  // namespace detail

// Upper bounds for the statement's lists: what the parse counts as it lexes, without the parse.
constexpr statement_shape measure(std::string_view text) {
    detail::shape_counter counter;
    lexer lex{text, lexer::comments::skipped};
    for (token t = lex.next(); t.kind != token_kind::end; t = lex.next()) counter.count(t);
    return counter.shape();
}

// The first of a statement's lists that needs more than room gives.
constexpr detail::shape_excess excess(const statement_shape& need, const statement_shape& room) {
    // Every parse asks, and most texts fit: that is told by the numbers alone, before the lists
    // are named (some 0.2 million instructions a query on g++, 1.4 million on clang).
    if (need.columns <= room.columns && need.parameters <= room.parameters && need.tables <= room.tables &&
        need.depth <= room.depth && need.stars <= room.stars && need.tokens <= room.tokens)
        return {};
    return detail::first_excess({{"result columns", need.columns, room.columns},
                                 {"parameters", need.parameters, room.parameters},
                                 {"tables (each comma may start one)", need.tables, room.tables},
                                 {"levels of parentheses", need.depth, room.depth},
                                 {"'*'s", need.stars, room.stars},
                                 {"tokens", need.tokens, room.tokens}});
}

template <statement_shape Shape>
class statement_parser : private detail::token_cursor {
public:
    // Into result, default-made. The lists hold no more than the text measures, as they would with
    // capacities of exactly its shape.
    constexpr statement_parser(statement<Shape>& result, std::string_view text)
        : detail::token_cursor(result.tokens.items), text_(text), result_(result) {
        lex();  // into the array the cursor starts at
        result_.text = text;
        result_.parameters.lower_limit(result_.measured.parameters);
        result_.columns.lower_limit(result_.measured.columns);
        result_.tables.lower_limit(result_.measured.tables);
    }

    constexpr void parse() {
        if (const detail::shape_excess e = excess(result_.measured, Shape); !e.fits()) {
            result_.error = diagnosis{problem::too_large, lex_error::none, e.list, 0, e.need};
            return;
        }
        if (read_tag_comments() && read_parameters() && (result_.list_count() == 0 || check_lists()))
            read_structure();
    }

private:
    std::string_view text_;
    // The caller's: a statement read at run time can take megabytes, and is made where it is kept.
    statement<Shape>& result_;
    // Named and ? parameters so far, lists apart: the next of each kind is numbered one past.
    std::size_t values_numbered_ = 0;
    std::size_t lists_numbered_ = 0;
    // Whether a `;` stands before the last token, so that a second statement may follow it.
    bool may_hold_several_ = false;

    constexpr bool fail(problem code, std::string_view subject, std::size_t offset, std::size_t number = 0) {
        if (result_.error.code == problem::none) result_.error = diagnosis{code, lex_error::none, subject, offset, number};
        return false;
    }
    constexpr bool fail_lexical(const token& t) {
        fail(problem::lexical, t.text(text_).substr(0, 24), t.offset);
        result_.error.lexical = t.error;
        return false;
    }

    // The text's tokens, into the statement as far as they fit, and its shape: the passes below
    // walk the tokens, unless the shape is more than Shape holds. One slot is kept for the end.
    constexpr void lex() {
        detail::shape_counter counter;
        lexer lex{text_, lexer::comments::skipped};
        // Written straight into the list's array, its count set once: two calls a token fewer.
        token* const tokens = result_.tokens.items;
        std::size_t count = 0;
        // A token made where it is declared, in each turn: one assigned to instead would be
        // copied through a temporary.
        for (;;) {
            const token t = lex.next();
            if (t.kind == token_kind::end) {
                if (Shape.tokens != 0) tokens[count++] = t;
                break;
            }
            counter.count(t);
            if (count + 1 < Shape.tokens) tokens[count++] = t;
        }
        result_.tokens.count = count;
        result_.measured = counter.shape();
        may_hold_several_ = counter.first_semicolon() != 0 && counter.first_semicolon() + 1 < result_.measured.tokens;
    }

    // --- the tag: the first comment starting with `name:` among the leading comments
    constexpr bool read_tag_comments() {
        lexer lex{text_};
        token t = lex.next();
        for (; t.kind == token_kind::comment; t = lex.next()) {
            const tag found = read_tag(t.text(text_));
            if (found.status != tag_status::not_a_tag) result_.name = found.name;
            switch (found.status) {
                case tag_status::not_a_tag: continue;
                case tag_status::valid:
                    result_.name = found.name;
                    result_.kind = found.kind;
                    return true;
                case tag_status::no_name: return fail(problem::tag_without_name, t.text(text_), t.offset);
                case tag_status::bad_name: return fail(problem::tag_bad_name, found.name, t.offset);
                case tag_status::no_kind: return fail(problem::tag_without_kind, found.name, t.offset);
                case tag_status::unknown_kind: return fail(problem::tag_unknown_kind, found.kind_word, t.offset);
                case tag_status::extra_text: return fail(problem::tag_extra_text, found.extra, t.offset);
            }
        }
        if (t.kind == token_kind::error) return fail_lexical(t);
        return fail(problem::no_tag, detail::first_line(text_.substr(t.offset)), t.offset);
    }

    // --- parameters, wherever they stand; and no second statement after a `;`
    constexpr bool read_parameters() {
        std::array<bool, Shape.parameters> numbered_seen{};
        std::array<std::string_view, Shape.parameters> numbered_spelling{};
        std::size_t highest = 0;
        token first_list;  // the first sqlc.slice, if any
        bool after_semicolon = false;
        bool any_statement = false;
        bool trigger = false;      // CREATE [TEMP] TRIGGER: its BEGIN ... END body holds statements
        std::size_t body = 0;      // depth of BEGIN ... END (and CASE ... END) within a trigger
        std::size_t position = 0;  // of the token in the statement
        // By index from a plain pointer: at compile time, g++ steps a pointer several times slower,
        // and the list's operator[] is a call.
        const token* const tokens = result_.tokens.begin();
        // Most texts have no `;` but at their end: their tokens are told apart by kind alone, some
        // ten steps a token fewer at compile time, and the checks below are made of the last.
        const bool several = may_hold_several_;
        for (std::size_t i = 0; tokens[i].kind != token_kind::end; ++i) {
            const token& t = tokens[i];
            if (several) {
                if (t.kind == token_kind::error) return fail_lexical(t);
                if (position++ < 3 && detail::is_keyword(t, "trigger")) trigger = true;
                if (trigger && (detail::is_keyword(t, "begin") || detail::is_keyword(t, "case"))) ++body;
                else if (trigger && body != 0 && detail::is_keyword(t, "end")) --body;
                if (t.symbol == ';') {  // t.is(";"), without the call: this loop reads every token
                    after_semicolon = any_statement && body == 0;
                    continue;
                }
                if (after_semicolon) return fail(problem::several_statements, t.text(text_), t.offset);
                any_statement = true;
            }
            if (t.kind != token_kind::parameter) continue;
            if (t.list) {
                if (!first_list.list) first_list = t;
                if (!add_named(t)) return false;
                continue;
            }

            if (result_.style == parameter_style::none) result_.style = t.style;
            if (t.style != result_.style) return fail(problem::mixed_parameter_styles, t.text(text_), t.offset);
            switch (t.style) {
                case parameter_style::numbered:
                    if (t.number == 0) return fail(problem::parameter_zero, t.text(text_), t.offset);
                    if (t.number > highest) highest = t.number;
                    if (t.number > Shape.parameters) break;  // then some lower number is missing
                    if (!numbered_seen[t.number - 1]) numbered_spelling[t.number - 1] = t.text(text_);
                    numbered_seen[t.number - 1] = true;
                    break;
                case parameter_style::anonymous:
                    result_.parameters.push_back(parameter{t.text(text_), {}, next_number(false), false});
                    break;
                case parameter_style::named:
                    if (!add_named(t)) return false;
                    break;
                case parameter_style::none: break;
            }
        }
        if (!several) {
            // The lexer ends a text at an error, so that only its last token may be one.
            const std::size_t count = result_.tokens.size() - 1;  // the end token left out
            if (count != 0 && tokens[count - 1].kind == token_kind::error) return fail_lexical(tokens[count - 1]);
            any_statement = count != 0 && !(count == 1 && tokens[0].symbol == ';');
        }
        if (!any_statement) return fail(problem::empty_statement, result_.name, 0);
        // A list is named, and stands among named parameters or among sqlc's MySQL-style ?s,
        // whose order gives its place; not among $n.
        if (first_list.list && result_.style == parameter_style::numbered)
            return fail(problem::list_among_numbered, first_list.text(text_), first_list.offset);
        if (result_.style == parameter_style::none && first_list.list) result_.style = parameter_style::named;
        for (std::size_t n = 1; n <= highest; ++n) {
            if (n > Shape.parameters || !numbered_seen[n - 1]) return fail(problem::parameter_gap, {}, 0, n);
            result_.parameters.push_back(parameter{numbered_spelling[n - 1], {}, n, false});
        }
        return true;
    }

    // Named and ? parameters are numbered in order of first appearance: lists apart from the
    // others, since a list's placeholders come after every other parameter's.
    constexpr std::size_t next_number(bool list) { return ++(list ? lists_numbered_ : values_numbered_); }

    constexpr bool add_named(const token& t) {
        const named_placeholder named = read_named_placeholder(t.text(text_));
        for (std::size_t i = 0; i < result_.parameters.size(); ++i)
            if (parameter& p = result_.parameters[i]; p.name == named.name) {
                if (p.list != t.list) return fail(problem::list_and_value, named.name, t.offset);
                p.nullable = p.nullable || named.nullable;
                return true;
            }
        result_.parameters.push_back(parameter{t.text(text_), named.name, next_number(t.list), named.nullable, t.list});
        return true;
    }

    // --- lists: sqlc.slice is a whole item of an IN (...) list, where its placeholders are
    // spliced in at run time; not in a :copyfrom or :batchexec, whose elements bind one value
    // per parameter
    constexpr bool check_lists() {
        std::array<bool, Shape.depth> opened_by_in{};  // per open parenthesis
        std::size_t depth = 0;
        const token* before = nullptr;     // the previous token
        const token* list_item = nullptr;  // a list whose next token must end the item
        const token* const tokens = result_.tokens.begin();
        for (std::size_t i = 0, end = result_.tokens.size(); i < end; ++i) {
            const token& t = tokens[i];
            if (list_item != nullptr && !t.is(")") && !t.is(","))
                return fail(problem::list_outside_in, list_item->text(text_), list_item->offset);
            list_item = nullptr;
            if (t.is("(")) {
                opened_by_in[depth++] = before != nullptr && detail::is_keyword(*before, "in");
            } else if (t.is(")") && depth != 0) {
                --depth;
            } else if (t.list) {
                if (takes_a_range(result_.kind)) return fail(problem::list_in_range_query, t.text(text_), t.offset);
                if (depth == 0 || !opened_by_in[depth - 1] || !(before->is("(") || before->is(",")))
                    return fail(problem::list_outside_in, t.text(text_), t.offset);
                list_item = &t;
            }
            before = &t;
        }
        return true;
    }

    // --- the statement's structure: its kind, result columns and tables, read by the moves of the
    // cursor over result_.tokens (current, advance, accept, ...), inherited: a member cursor would
    // cost each of them a call more at compile time

    constexpr void read_structure() {
        skip_with_clause();
        const token& lead = current();
        result_.keyword = lead.text(text_);
        if (accept("select")) {
            result_.type = statement_kind::select;
            accept("distinct") || accept("all");
            read_result_list(detail::select_list_end);
            if (accept("from")) read_from_clause();
        } else if (accept("insert") || accept("replace")) {
            result_.type = statement_kind::insert;
            skip_until_keyword("into");
            if (accept("into")) read_table_reference(join_kind::from);
            find_returning();
        } else if (accept("update")) {
            result_.type = statement_kind::update;
            if (accept("or")) advance();
            accept("only");
            read_table_reference(join_kind::from);
            find_returning();
        } else if (accept("delete")) {
            result_.type = statement_kind::delete_;
            accept("from");
            accept("only");
            read_table_reference(join_kind::from);
            find_returning();
        } else if (detail::is_keyword(lead, "create") || detail::is_keyword(lead, "alter") ||
                   detail::is_keyword(lead, "drop") || detail::is_keyword(lead, "truncate") ||
                   detail::is_keyword(lead, "comment")) {
            result_.type = statement_kind::definition;
        }
        check_kind_against_result();
    }

    // WITH [RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (query), ...
    constexpr void skip_with_clause() {
        if (!accept("with")) return;
        accept("recursive");
        do {
            advance();                         // the CTE's name
            if (at_symbol("(")) skip_group();  // its column list
            accept("as");
            accept("not");
            accept("materialized");
            if (at_symbol("(")) skip_group();  // its query
        } while (at_symbol(",") && (advance(), true));
    }

    constexpr void skip_until_keyword(detail::keyword word) {
        while (!at_end() && !detail::is_keyword(current(), word)) advance();
    }

    // RETURNING list anywhere at the top level of an INSERT, UPDATE or DELETE. Not skip_until:
    // its predicate, a call more on every name, cost clang 1.2 million instructions a query.
    constexpr void find_returning() {
        std::size_t depth = 0;
        for (const token* t = &current(); !at_end(); t = &advance()) {
            switch (t->symbol) {
                case '(':
                case '[': ++depth; break;
                case ')':
                case ']':
                    if (depth != 0) --depth;
                    break;
                default:
                    if (depth == 0 && detail::is_keyword(*t, "returning")) {
                        advance();
                        read_result_list(detail::select_list_end);
                        return;
                    }
            }
        }
    }

    constexpr bool ends_list(const detail::keyword_set& end_words) const {
        return at_end() || at_symbol(")") || end_words.contains(current().word);
    }

    // A comma-separated list of result items, up to a word that ends it at depth 0.
    constexpr void read_result_list(const detail::keyword_set& end_words) {
        while (!ends_list(end_words)) {
            read_result_item(end_words);
            if (!at_symbol(",")) break;
            advance();
        }
    }

    constexpr void read_result_item(const detail::keyword_set& end_words) {
        const token* first[3]{};
        const token* last[3]{};  // last[2] is the most recent
        std::size_t count = 0;
        std::size_t depth = 0;
        bool after_distinct = false;  // a IS DISTINCT FROM b: that FROM does not end the list
        for (const token* t = &current(); !at_end(); t = &advance()) {
            // At depth 0 a `,`, a `)` or a word of end_words ends the item (ends_list, read from t).
            if (depth == 0 && (t->symbol == ',' || t->symbol == ')' ||
                               (end_words.contains(t->word) && !(after_distinct && detail::is_keyword(*t, "from")))))
                break;
            after_distinct = count != 0 && detail::is_keyword(*t, "distinct");
            if (t->symbol == '(' || t->symbol == '[') ++depth;
            else if (t->symbol == ')' || t->symbol == ']') --depth;
            if (count < 3) first[count] = t;
            last[0] = last[1];
            last[1] = last[2];
            last[2] = t;
            ++count;
        }
        if (count == 0) return;
        result_.columns.push_back(describe_item(first, last, count));
    }

    constexpr std::string_view span(const token& from, const token& to) const {
        return text_.substr(from.offset, to.offset + to.length - from.offset);
    }

    // Names a select item: `a`, `t.a`, `*`, `t.*`, `expr AS alias` or `expr alias`; first and
    // last hold its first and last (up to) three tokens.
    constexpr result_column describe_item(const token* const (&first)[3], const token* const (&last)[3],
                                          std::size_t count) const {
        result_column column;
        std::size_t expression_tokens = count;
        const token& end = *last[2];
        const bool explicit_alias = count >= 3 && detail::is_keyword(*last[1], "as") &&
                                    (end.is_name() || end.kind == token_kind::string);
        const bool implicit_alias = !explicit_alias && count >= 2 && end.is_name() &&
                                    !detail::value_words.contains(end.word) &&
                                    !detail::operand_words.contains(last[1]->word) &&
                                    (last[1]->is_name() || last[1]->is(")") || last[1]->kind == token_kind::number ||
                                     last[1]->kind == token_kind::string);
        if (explicit_alias || implicit_alias) {
            expression_tokens = count - (explicit_alias ? 2 : 1);
            column.name = end.kind == token_kind::string ? end.text(text_).substr(1, end.length - 2) : end.unquoted(text_);
            column.quoted = end.kind != token_kind::identifier;
            column.named = true;
        }
        const token& expression_end = explicit_alias ? *last[0] : implicit_alias ? *last[1] : end;
        column.expression = span(*first[0], expression_end);

        if (expression_tokens == 1 && first[0]->is("*")) {
            column.source = column_source::star;
        } else if (expression_tokens == 1 && first[0]->is_name()) {
            column.source = column_source::column;
            take_name(column, *first[0]);
        } else if (expression_tokens == 3 && first[0]->is_name() && first[1]->is(".") &&
                   (first[2]->is_name() || first[2]->is("*"))) {
            column.table = first[0]->unquoted(text_);
            if (first[2]->is("*")) {
                column.source = column_source::table_star;
            } else {
                column.source = column_source::column;
                take_name(column, *first[2]);
            }
        } else if (!column.named) {
            column.name = column.expression;
        }
        return column;
    }

    constexpr void take_name(result_column& column, const token& name) const {
        if (column.named) return;
        column.name = name.unquoted(text_);
        column.quoted = name.kind == token_kind::quoted_identifier;
        column.named = true;
    }

    // FROM a [AS] x, b JOIN c ON ... LEFT JOIN (SELECT ...) d USING (id)
    constexpr void read_from_clause() {
        read_table_reference(join_kind::from);
        while (!at_end() && !at_symbol(")")) {
            if (at_symbol(",")) {
                advance();
                read_table_reference(join_kind::cross);
                continue;
            }
            const join_kind join = detail::accept_join_keywords(*this);
            if (join == join_kind::from) {
                if (detail::is_keyword(current(), "on") || detail::is_keyword(current(), "using")) {
                    skip_join_condition();
                    continue;
                }
                return;  // WHERE, GROUP BY, ...
            }
            read_table_reference(join);
        }
    }

    constexpr void skip_join_condition() {
        advance();  // ON or USING
        skip_until([](const token& t) {
            return (t.symbol == ',' || detail::from_clause_end.contains(t.word)) && !detail::is_keyword(t, "on") &&
                   !detail::is_keyword(t, "using") && !detail::is_keyword(t, "as");
        });
    }

    // name [[AS] alias] or (subquery) [AS] alias
    constexpr void read_table_reference(join_kind join) {
        table_reference table;
        table.join = join;
        if (at_symbol("(")) {
            skip_group();
        } else if (current().is_name()) {
            table.name = qualified_name().unquoted(text_);  // schema.table: the last part names it
            if (at_symbol("(")) skip_group();  // INSERT column list
        } else {
            return;
        }
        accept("as");
        if (current().is_name() && !detail::from_clause_end.contains(current().word)) {
            table.alias = current().unquoted(text_);
            advance();
            if (at_symbol("(")) skip_group();  // INSERT INTO t AS x (columns)
        }
        result_.tables.push_back(table);
    }

    constexpr void check_kind_against_result() {
        const bool has_columns = !result_.columns.empty();
        if (returns_rows(result_.kind) && !has_columns)
            fail(problem::no_result_columns, result_.keyword, 0);
        else if (!returns_rows(result_.kind) && has_columns)
            fail(problem::exec_returns_rows, result_.columns[0].name, 0);
        else if (result_.kind == query_kind::copyfrom) {
            const auto layout = read_copy_layout(result_);
            if (!layout.ok()) fail(problem::copy_not_plain_insert, layout.offending, 0);
        }
    }
};

// Text parsed into lists of capacities Shape: a text that needs more is a problem::too_large,
// never an overflow. At compile time a query's capacities are those most queries fit, or the
// ones it measured when it needs more (see basic_query); at run time, fixed in advance.
template <statement_shape Shape>
constexpr statement<Shape> parse(std::string_view text) {
    statement<Shape> s;
    statement_parser<Shape>{s, text}.parse();
    return s;
}

}  // namespace ctsql
