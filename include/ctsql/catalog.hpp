#pragma once
// The catalog: the tables, views and enum types a schema's DDL defines, read once at compile
// time into a constexpr value. CREATE/ALTER/DROP/RENAME TABLE, CREATE/ALTER/DROP VIEW and
// CREATE TYPE ... AS ENUM are interpreted, in order, as migrations apply them; indexes,
// functions, extensions, comments, grants, data changes and the like are skipped; anything else
// is refused with the statement and the place, so that no table is ever silently missing.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/fixed_vector.hpp"
#include "detail/shape_excess.hpp"
#include "detail/token_cursor.hpp"
#include "lexer.hpp"
#include "sql_type.hpp"
#include "type_reader.hpp"
#include "tag.hpp"

namespace ctsql {

struct column_definition {
    std::size_t table = 0;  // index in catalog::tables
    std::string_view name;
    bool quoted = false;
    declared_type type;
    bool nullable = true;
    bool has_default = false;  // DEFAULT, SERIAL, AUTO_INCREMENT, identity: INSERT may leave it out
    bool primary_key = false;
};

struct table_definition {
    std::string_view name;
    bool dropped = false;
    bool view = false;
    std::string_view view_query;    // a view's SELECT, typed by the analysis when a query reads it
    std::string_view view_columns;  // CREATE VIEW v (a, b): "(a, b)", the names of its columns
    // Where its columns start in catalog::columns: all come at or after it (ALTER TABLE ... ADD
    // appends), so a search for one of them starts there, not at every other table's columns.
    std::size_t first_column = 0;
    // Where a view's SELECT starts in catalog::view_tokens, placed within view_query.
    std::size_t first_view_token = 0;
};

// ALTER VIEW v RENAME COLUMN a TO b: a view's columns are its SELECT's, typed where a query reads
// the view, so the new name is given to the column then.
struct view_column_rename {
    std::size_t view = 0;  // index in catalog::tables
    std::string_view from;
    std::string_view to;
};

struct enum_definition {
    std::string_view name;  // empty for MySQL's inline ENUM('a', 'b')
    std::size_t first_label = 0;
    std::size_t label_count = 0;
};

enum class catalog_problem : std::uint8_t {
    none,
    unreadable,       // a token the grammar does not expect
    unknown_statement,
    unknown_table,    // ALTER or DROP of a table that does not exist
    unknown_column,   // ALTER of a column that does not exist
    duplicate_table,
    duplicate_column,
    too_large,        // read at run time: more than the fixed capacities hold (subject: which list)
};

struct catalog_diagnosis {
    catalog_problem code = catalog_problem::none;
    std::string_view statement;  // its first line
    std::string_view subject;    // the offending token or name
    std::size_t offset = 0;
};

struct catalog_shape {
    std::size_t tables = 0;
    std::size_t columns = 0;
    std::size_t enums = 0;
    std::size_t labels = 0;
    // For analysing views where a query reads them: their tables and their nesting.
    std::size_t view_sources = 0;
    std::size_t view_depth = 0;
    std::size_t widest_table = 0;  // the most columns a table can have
    std::size_t view_renames = 0;
    std::size_t view_star_sources = 0;  // each * of a view times the tables it may expand
    std::size_t view_tokens = 0;        // of views' SELECTs, each ending with an end token
};

template <catalog_shape Shape>
struct catalog {
    std::string_view text;
    detail::fixed_vector<table_definition, Shape.tables> tables;
    detail::fixed_vector<column_definition, Shape.columns> columns;
    detail::fixed_vector<enum_definition, Shape.enums> enums;
    detail::fixed_vector<std::string_view, Shape.labels> labels;  // enum labels, without quotes
    detail::fixed_vector<view_column_rename, Shape.view_renames> view_renames;  // in the order made
    // The tokens of views' SELECTs, lexed as the DDL is read, so that the analysis of each query
    // that reads a view walks them instead of lexing its text again.
    detail::fixed_vector<token, Shape.view_tokens> view_tokens;
    catalog_diagnosis error;

    constexpr bool ok() const { return error.code == catalog_problem::none; }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Each query looks up its tables and columns here: the lists are walked as plain arrays, and
    // the name measured once and each candidate's compared by size first, since at compile time
    // each call of a list's or a std::string_view's members costs more than the comparison.
    constexpr std::size_t find_table(std::string_view name) const {
        const char* const text = name.data();
        const std::size_t size = name.size();
        const table_definition* const all = tables.begin();
        for (std::size_t i = 0, end = tables.size(); i < end; ++i)
            if (!all[i].dropped && all[i].name.size() == size && detail::iequals(all[i].name.data(), text, size)) return i;
        return npos;
    }
    constexpr std::size_t find_column(std::size_t table, std::string_view name) const {
        const char* const text = name.data();
        const std::size_t size = name.size();
        const column_definition* const all = columns.begin();
        for (std::size_t i = tables[table].first_column, end = columns.size(); i < end; ++i)
            if (all[i].table == table && all[i].name.size() == size && detail::iequals(all[i].name.data(), text, size))
                return i;
        return npos;
    }
    constexpr std::size_t find_enum(std::string_view name) const {
        for (std::size_t i = 0; i < enums.size(); ++i)
            if (!enums[i].name.empty() && detail::iequals(enums[i].name, name)) return i;
        return npos;
    }
};

namespace detail {

// Upper bounds for the catalog's lists, from one pass over the tokens. Each token is looked at
// once, by its kind: at compile time every step counts against the compiler's constexpr limits,
// and a schema's DDL is long.
constexpr catalog_shape measure_catalog(std::string_view text) {
    catalog_shape shape{1, 1, 1, 1, 0, 0, 1, 0, 0, 0};
    bool views = false;
    std::size_t depth = 0;
    std::size_t width = 1;  // of the current statement: commas at depth 1, plus one
    std::size_t added = 0;  // ALTER TABLE ... ADD: columns a table may gain later
    // What the current statement's SELECT would need, were it a view's: counted where it ends.
    bool view = false;
    std::size_t sources = 0, levels = 0, stars = 0;
    // The current statement's tokens, kept for the analysis if it may define a view: CREATE VIEW,
    // and CREATE TABLE ... AS, whose text need hold no SELECT.
    std::size_t tokens = 0;
    bool may_define_view = false;
    const auto end_statement = [&] {
        if (view) {
            shape.view_sources += sources;
            shape.view_depth += levels;
            shape.view_star_sources += stars * (sources + 1);
        }
        if (view || may_define_view) shape.view_tokens += tokens + 1;  // the end
        view = may_define_view = false;
        sources = levels = stars = tokens = 0;
        width = 1;
        depth = 0;
    };
    lexer lex{text, lexer::comments::skipped};
    for (token t = lex.next(); t.kind != token_kind::end && t.kind != token_kind::error; t = lex.next()) {
        ++tokens;
        if (t.kind == token_kind::string) {
            ++shape.labels;
        } else if (t.symbol != '\0') {
            switch (t.symbol) {
                case ',':
                    ++shape.columns;
                    ++sources;
                    if (depth <= 1) ++width;
                    break;
                case '(':  // CREATE TABLE t (a INT): one column, no comma
                    ++shape.columns;
                    ++levels;
                    ++depth;
                    break;
                case ')':
                    if (depth != 0) --depth;
                    break;
                case ';': end_statement(); break;  // even within parentheses: the reader reads no table past it
                case '*': ++stars; break;
                default: break;
            }
        } else if (t.word != 0) {  // a word of the vocabulary
            if (is_keyword(t, "table")) {
                ++shape.columns;
                ++shape.tables;
            } else if (is_keyword(t, "view")) {
                ++shape.tables;
                views = view = true;
            } else if (is_keyword(t, "as")) {
                may_define_view = true;
            } else if (is_keyword(t, "select")) {  // a view's SELECT is a level too
                ++levels;
                views = view = true;
            } else if (is_keyword(t, "from") || is_keyword(t, "join")) {
                ++sources;
            } else if (is_keyword(t, "add")) {
                ++shape.columns;
                ++added;
            } else if (is_keyword(t, "enum")) {
                ++shape.enums;
            } else if (is_keyword(t, "rename")) {
                ++shape.view_renames;
            }
        }
        if (width > shape.widest_table) shape.widest_table = width;
    }
    end_statement();
    shape.widest_table += added;
    if (!views) shape.view_renames = 0;
    return shape;
}

// Statements the catalog passes over: they define nothing a query's types depend on.
constexpr keyword_set skipped_statements{
    "comment", "grant",  "revoke", "set",     "select", "insert",  "update",   "delete", "pragma",
    "begin",   "commit", "end",    "rollback", "start", "use",     "do",       "analyze", "vacuum",
    "lock",    "truncate", "reindex", "with",  "values", "call",   "savepoint", "release", "refresh",
    "cluster", "notify", "listen", "discard", "reset",  "security", "explain", "attach", "detach"};
constexpr keyword_set skipped_creations{
    "index",  "unique", "extension", "function", "trigger", "sequence", "schema",   "domain",
    "procedure", "policy", "rule",   "aggregate", "operator", "collation", "role",  "user",
    "database", "event", "publication", "subscription", "server", "tablespace", "cast",
    "statistics", "text", "conversion", "language", "transform", "access", "foreign", "fulltext",
    "spatial", "definer", "algorithm", "sql", "virtual"};

constexpr keyword_set table_constraint_words{"constraint", "primary", "unique", "foreign", "check",
                                                        "exclude",    "fulltext", "spatial"};

template <catalog_shape Shape>
class catalog_reader {
public:
    // Into result, default-made.
    constexpr catalog_reader(catalog<Shape>& result, std::string_view text) : text_(text), cursor_(text), result_(result) {
        result_.text = text;
    }

    constexpr void read() {
        while (ok() && current().kind != token_kind::end) {
            if (current().kind == token_kind::error) {
                fail(catalog_problem::unreadable, current().text(text_).substr(0, 24));
                break;
            }
            if (cursor_.accept_symbol(";")) continue;
            statement_start_ = current().offset;
            read_statement();
            if (ok() && !cursor_.at_end()) fail(catalog_problem::unreadable, current().text(text_));
        }
    }

private:
    std::string_view text_;
    streamed_token_cursor cursor_;
    // The caller's: a catalog read at run time can take megabytes, and is made where it is kept.
    catalog<Shape>& result_;
    std::size_t statement_start_ = 0;

    constexpr const token& current() const { return cursor_.current(); }
    constexpr bool ok() const { return result_.ok(); }
    constexpr bool accept(keyword word) { return cursor_.accept(word); }
    constexpr bool at(keyword word) const { return cursor_.at_keyword(word); }
    template <std::size_t N>
    constexpr bool at_symbol(const char (&symbol)[N]) const {
        return cursor_.at_symbol(symbol);
    }

    constexpr void fail(catalog_problem code, std::string_view subject, std::size_t offset) {
        if (!ok()) return;
        result_.error = catalog_diagnosis{code, first_line(text_.substr(statement_start_)), subject, offset};
    }
    constexpr void fail(catalog_problem code, std::string_view subject) { fail(code, subject, current().offset); }
    // A problem with a name already read: placed at the name, not at what follows it.
    constexpr void fail(catalog_problem code, const token& name) { fail(code, name.unquoted(text_), name.offset); }

    constexpr void skip_statement() {
        std::size_t depth = 0;
        while (current().kind != token_kind::end && current().kind != token_kind::error) {
            if (at_symbol("(")) ++depth;
            else if (at_symbol(")") && depth != 0) --depth;
            else if (depth == 0 && at_symbol(";")) return;
            else if (depth == 0 && at("begin")) {  // a trigger's or routine's body: BEGIN ... END
                while (current().kind != token_kind::end && !at("end")) cursor_.advance();
            }
            cursor_.advance();
        }
    }

    // schema.table -> table; the name token's text without quotes.
    constexpr token read_name() {
        if (!current().is_name()) fail(catalog_problem::unreadable, current().text(text_));
        return cursor_.qualified_name();
    }

    constexpr void read_statement() {
        if (accept("create")) {
            const bool replace = accept("or") && accept("replace");
            while (accept("temp") || accept("temporary") || accept("unlogged") || accept("global") || accept("local") ||
                   accept("materialized") || accept("recursive")) {
            }
            if (accept("table")) return create_table();
            if (accept("view")) return create_view(replace);
            if (accept("type")) return create_type();
            if (skipped_creations.contains(current().word)) return skip_statement();
            return fail(catalog_problem::unknown_statement, current().text(text_));
        }
        if (accept("alter")) {
            if (accept("table")) return alter_table();
            if (accept("type")) return alter_type();
            if (accept("view") || (accept("materialized") && accept("view"))) return alter_view();
            return skip_statement();  // ALTER SEQUENCE, INDEX, ...: nothing a column's type depends on
        }
        if (accept("drop")) return drop();
        if (accept("rename")) {
            if (accept("table")) return rename_tables();
            return skip_statement();  // RENAME USER
        }
        if (skipped_statements.contains(current().word)) return skip_statement();
        fail(catalog_problem::unknown_statement, current().text(text_));
    }

    constexpr bool accept_if_not_exists() {
        if (!accept("if")) return false;
        accept("not");
        accept("exists");
        return true;
    }

    constexpr void create_table() {
        const bool if_not_exists = accept_if_not_exists();
        const token name = read_name();
        if (!ok()) return;
        if (result_.find_table(name.unquoted(text_)) != catalog<Shape>::npos) {
            if (if_not_exists) return skip_statement();
            return fail(catalog_problem::duplicate_table, name);
        }
        const std::size_t table = result_.tables.size();
        if (accept("as")) {  // CREATE TABLE t AS SELECT ...: typed like a view
            return result_.tables.push_back(view_definition(name, {}));
        }
        result_.tables.push_back(table_definition{name.unquoted(text_), false, false, {}, {}, result_.columns.size(), 0});
        if (!cursor_.accept_symbol("(")) return fail(catalog_problem::unreadable, current().text(text_));
        while (ok()) {
            if (table_constraint_words.contains(current().word) || is_index_definition()) table_constraint(table);
            else column(table);
            if (cursor_.accept_symbol(",")) continue;
            if (cursor_.accept_symbol(")")) break;
            return fail(catalog_problem::unreadable, current().text(text_));
        }
        skip_statement();  // table options: ENGINE=..., WITHOUT ROWID, PARTITION BY, ...
    }

    // MySQL's KEY name (columns) and INDEX name (columns), told from a column named key or index.
    constexpr bool is_index_definition() const {
        if (!at("key") && !at("index")) return false;
        streamed_token_cursor ahead = cursor_;
        ahead.advance();
        if (ahead.at_symbol("(")) return true;
        if (find_type_word(ahead.current().text(text_)) != type_name::unknown) return false;
        ahead.advance();
        return ahead.at_symbol("(");
    }

    // A view whose SELECT is the rest of the statement: its text, and its tokens kept, each
    // placed within that text as if it had been lexed alone.
    constexpr table_definition view_definition(const token& name, std::string_view columns) {
        table_definition view{name.unquoted(text_), false, true, {}, columns, result_.columns.size(), result_.view_tokens.size()};
        const std::size_t begin = current().offset;
        std::size_t end = begin;
        while (!cursor_.at_end() && current().kind != token_kind::error) {
            end = current().offset + current().length;
            token t = current();
            t.offset -= begin;
            result_.view_tokens.push_back(t);
            cursor_.advance();
        }
        view.view_query = text_.substr(begin, end - begin);
        token last;
        last.offset = end - begin;
        result_.view_tokens.push_back(last);
        return view;
    }

    // PRIMARY KEY (a, b) makes its columns NOT NULL; other table constraints change no type.
    constexpr void table_constraint(std::size_t table) {
        if (accept("constraint")) cursor_.advance();
        const bool primary = accept("primary");
        std::size_t depth = 0;
        while (ok() && !cursor_.at_end() && current().kind != token_kind::error) {
            if (depth == 0 && (at_symbol(",") || at_symbol(")"))) return;
            if (at_symbol("(")) ++depth;
            else if (at_symbol(")")) --depth;
            else if (primary && depth == 1 && current().is_name()) mark_primary_key(table, current());
            cursor_.advance();
        }
    }

    constexpr void mark_primary_key(std::size_t table, const token& name) {
        const std::size_t c = result_.find_column(table, name.unquoted(text_));
        if (c == catalog<Shape>::npos) return fail(catalog_problem::unknown_column, name);
        result_.columns[c].primary_key = true;
        result_.columns[c].nullable = false;
    }

    constexpr void column(std::size_t table) {
        const token name = current();
        if (!name.is_name()) return fail(catalog_problem::unreadable, name.text(text_));
        if (result_.find_column(table, name.unquoted(text_)) != catalog<Shape>::npos)
            return fail(catalog_problem::duplicate_column, name);
        cursor_.advance();
        result_.columns.push_back(column_definition_named(table, name));
    }

    // A column's type and constraints, after its name.
    constexpr column_definition column_definition_named(std::size_t table, const token& name) {
        column_definition c;
        c.table = table;
        c.name = name.unquoted(text_);
        c.quoted = name.kind == token_kind::quoted_identifier;
        c.type = read_type();
        if (c.type.name == type_name::serial || c.type.name == type_name::bigserial ||
            c.type.name == type_name::smallserial) {
            c.nullable = false;
            c.has_default = true;
        }
        read_column_constraints(c);
        return c;
    }

    constexpr declared_type read_type() {
        return read_declared_type(
            cursor_, text_, type_spelling::any,
            [&](std::string_view name) { return result_.find_enum(name); },
            [&] { return read_labels({}); });
    }

    // ('a', 'b', ...) after ENUM: the labels, stored once; returns the enum's index.
    constexpr std::size_t read_labels(std::string_view name) {
        enum_definition e{name, result_.labels.size(), 0};
        cursor_.advance();  // (
        while (ok() && current().kind == token_kind::string) {
            result_.labels.push_back(current().text(text_).substr(1, current().length - 2));
            ++e.label_count;
            cursor_.advance();
            if (!cursor_.accept_symbol(",")) break;
        }
        if (!cursor_.accept_symbol(")")) fail(catalog_problem::unreadable, current().text(text_));
        result_.enums.push_back(e);
        return result_.enums.size() - 1;
    }

    constexpr void read_column_constraints(column_definition& c) {
        while (ok() && !at_symbol(",") && !at_symbol(")") && !cursor_.at_end()) {
            if (accept("not")) {
                if (!accept("null")) return fail(catalog_problem::unreadable, current().text(text_));
                c.nullable = false;
            } else if (accept("null")) {
                c.nullable = true;
            } else if (accept("primary")) {
                accept("key");
                accept("asc") || accept("desc");
                skip_conflict_clause();
                c.primary_key = true;
                c.nullable = false;
                if (accept("autoincrement")) c.has_default = true;
                // SQLite: an INTEGER PRIMARY KEY is the rowid, filled in when left out.
                if (c.type.name == type_name::integer) c.has_default = true;
            } else if (accept("unique")) {
                accept("key");
                skip_conflict_clause();
            } else if (accept("default")) {
                skip_expression();
                c.has_default = true;
            } else if (accept("references")) {
                read_name();
                if (at_symbol("(")) cursor_.skip_group();
                while (accept("on")) {
                    cursor_.advance();  // DELETE or UPDATE
                    if (accept("set")) cursor_.advance();  // NULL, DEFAULT
                    else if (accept("no")) accept("action");
                    else cursor_.advance();  // CASCADE, RESTRICT
                }
                if (accept("match")) cursor_.advance();
                if (accept("not")) accept("deferrable");
                if (accept("deferrable")) {
                    if (accept("initially")) cursor_.advance();
                }
            } else if (accept("check")) {
                cursor_.skip_group();
            } else if (accept("constraint") || accept("collate") || accept("comment") || accept("charset")) {
                cursor_.advance();
            } else if (accept("character")) {
                accept("set");
                cursor_.advance();
            } else if (accept("auto_increment") || accept("autoincrement")) {
                c.has_default = true;
            } else if (accept("generated")) {
                generated(c);
            } else if (accept("as")) {  // SQLite and MySQL: AS (expression) [STORED | VIRTUAL]
                cursor_.skip_group();
                c.has_default = true;
                accept("stored") || accept("virtual");
            } else if (accept("on")) {  // MySQL: ON UPDATE CURRENT_TIMESTAMP
                accept("update");
                skip_expression();
            } else if (accept("visible") || accept("invisible")) {
            } else {
                return fail(catalog_problem::unreadable, current().text(text_));
            }
        }
    }

    // GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(...)] or GENERATED ALWAYS AS (expr) STORED
    constexpr void generated(column_definition& c) {
        if (!accept("always")) {
            accept("by");
            accept("default");
        }
        accept("as");
        c.has_default = true;
        if (accept("identity")) {
            c.nullable = false;
            if (at_symbol("(")) cursor_.skip_group();
        } else if (at_symbol("(")) {
            cursor_.skip_group();
            accept("stored") || accept("virtual");
        }
    }

    constexpr void skip_conflict_clause() {
        if (accept("on")) {
            accept("conflict");
            cursor_.advance();
        }
    }

    // A DEFAULT or ON UPDATE value: one term, or a parenthesised expression, with casts and
    // calls (nextval('s'::regclass), CURRENT_TIMESTAMP(3), -1, 'a' || 'b').
    constexpr void skip_expression() {
        if (at_symbol("-") || at_symbol("+")) cursor_.advance();
        cursor_.advance();
        while (ok()) {
            if (at_symbol("(")) cursor_.skip_group();
            else if (current().is("::", text_) || current().is("||", text_)) {
                cursor_.advance();
                cursor_.advance();
            } else break;
        }
    }

    // CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name ...
    constexpr void create_view(bool replace) {
        const bool if_not_exists = accept_if_not_exists();
        const token name = read_name();
        if (!ok()) return;
        if (if_not_exists && result_.find_table(name.unquoted(text_)) != catalog<Shape>::npos) return skip_statement();
        define_view(name, replace);
    }

    // ALTER [MATERIALIZED] VIEW [IF EXISTS] name, then: MySQL's [(names)] AS SELECT ... redefines
    // the view; RENAME TO and RENAME [COLUMN] a TO b rename it or one of its columns; OWNER TO,
    // SET SCHEMA, ALTER COLUMN ... SET DEFAULT and the like change nothing a query reads.
    constexpr void alter_view() {
        const bool if_exists = accept("if") && accept("exists");
        const token name = read_name();
        if (!ok()) return;
        if (at_symbol("(") || at("as")) return define_view(name, true);
        if (!accept("rename")) return skip_statement();
        const std::size_t view = result_.find_table(name.unquoted(text_));
        if (view == catalog<Shape>::npos) {
            if (if_exists) return skip_statement();
            return fail(catalog_problem::unknown_table, name);
        }
        if (accept("to")) {
            result_.tables[view].name = read_name().unquoted(text_);
            return;
        }
        rename_column(view);
    }

    // A view's [(names)] AS SELECT ..., after its name; with `replace` (CREATE OR REPLACE VIEW,
    // ALTER VIEW) the new definition takes the old one's place.
    constexpr void define_view(const token& name, bool replace) {
        if (const std::size_t old = result_.find_table(name.unquoted(text_)); old != catalog<Shape>::npos) {
            if (!replace) return fail(catalog_problem::duplicate_table, name);
            drop_table(old);
        }
        std::string_view columns;
        if (at_symbol("(")) {  // a column list: names the SELECT's columns
            const std::size_t begin = current().offset;
            cursor_.skip_group();
            columns = text_.substr(begin, current().offset - begin);
        }
        if (!accept("as")) return fail(catalog_problem::unreadable, current().text(text_));
        result_.tables.push_back(view_definition(name, columns));
    }

    constexpr void create_type() {
        const token name = read_name();
        if (!ok()) return;
        if (!accept("as")) return skip_statement();
        if (!accept("enum")) return skip_statement();  // composite and range types: not columns' types here
        if (!at_symbol("(")) return fail(catalog_problem::unreadable, current().text(text_));
        read_labels(name.unquoted(text_));
    }

    // ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label' [BEFORE | AFTER 'label']
    constexpr void alter_type() {
        const token name = read_name();
        const std::size_t e = result_.find_enum(name.unquoted(text_));
        if (e == catalog<Shape>::npos || !accept("add")) return skip_statement();
        accept("value");
        accept_if_not_exists();
        if (current().kind != token_kind::string) return fail(catalog_problem::unreadable, current().text(text_));
        // Labels are stored per enum in a run: only the last enum can grow in place.
        if (e + 1 == result_.enums.size() &&
            result_.enums[e].first_label + result_.enums[e].label_count == result_.labels.size()) {
            result_.labels.push_back(current().text(text_).substr(1, current().length - 2));
            ++result_.enums[e].label_count;
        }
        skip_statement();
    }

    constexpr std::size_t existing_table() {
        accept("if") && accept("exists");
        accept("only");
        const token name = read_name();
        if (!ok()) return catalog<Shape>::npos;
        const std::size_t table = result_.find_table(name.unquoted(text_));
        if (table == catalog<Shape>::npos) fail(catalog_problem::unknown_table, name);
        return table;
    }

    constexpr std::size_t existing_column(std::size_t table) {
        const token name = current();
        cursor_.advance();
        const std::size_t c = result_.find_column(table, name.unquoted(text_));
        if (c == catalog<Shape>::npos) fail(catalog_problem::unknown_column, name);
        return c;
    }

    constexpr void alter_table() {
        const std::size_t table = existing_table();
        if (!ok()) return;
        do {
            alter_action(table);
        } while (ok() && cursor_.accept_symbol(","));
    }

    constexpr void alter_action(std::size_t table) {
        if (accept("add")) {
            if (table_constraint_words.contains(current().word) || is_index_definition())
                return table_constraint(table);
            accept("column");
            if (accept_if_not_exists() && result_.find_column(table, current().unquoted(text_)) != catalog<Shape>::npos)
                return skip_action();
            return column(table);
        }
        if (accept("drop")) {
            if (accept("constraint") || at("primary") || at("foreign") || at("index") || at("key") || at("check"))
                return skip_action();
            accept("column");
            const bool if_exists = accept("if") && accept("exists");
            if (if_exists && result_.find_column(table, current().unquoted(text_)) == catalog<Shape>::npos)
                return skip_action();
            const std::size_t c = existing_column(table);
            if (ok()) drop_column(c);
            return skip_action();
        }
        if (accept("rename")) {
            if (accept("to") || accept("as")) {
                result_.tables[table].name = read_name().unquoted(text_);
                return;
            }
            if (accept("constraint") || accept("index") || accept("key")) return skip_action();
            return rename_column(table);
        }
        if (accept("alter") || accept("modify") || accept("change")) return change_column(table);
        skip_action();  // OWNER TO, SET (...), ENABLE TRIGGER, ENGINE=...: no column changes
    }

    // RENAME [COLUMN] a TO b, of a table or a view (PostgreSQL's ALTER TABLE works on views too).
    constexpr void rename_column(std::size_t table) {
        accept("column");
        if (result_.tables[table].view) {  // its columns are not known here: the rename is kept
            const token from = read_name();
            if (!accept("to")) return fail(catalog_problem::unreadable, current().text(text_));
            const token to = read_name();
            if (ok()) result_.view_renames.push_back(view_column_rename{table, from.unquoted(text_), to.unquoted(text_)});
            return;
        }
        const std::size_t c = existing_column(table);
        if (!ok()) return;
        accept("to");
        result_.columns[c].name = current().unquoted(text_);
        result_.columns[c].quoted = current().kind == token_kind::quoted_identifier;
        cursor_.advance();
    }

    // ALTER [COLUMN] c SET/DROP NOT NULL | [SET DATA] TYPE t | SET/DROP DEFAULT, and MySQL's
    // MODIFY [COLUMN] definition and CHANGE [COLUMN] old definition.
    constexpr void change_column(std::size_t table) {
        accept("column");
        const token first = current();
        const std::size_t c = existing_column(table);
        if (!ok()) return;
        column_definition& column = result_.columns[c];
        if (accept("set")) {
            if (accept("not")) {
                accept("null");
                column.nullable = false;
            } else if (accept("default")) {
                skip_expression();
                column.has_default = true;
            } else if (accept("data")) {
                accept("type");
                column.type = read_type();
            }
            return skip_action();
        }
        if (accept("drop")) {
            if (accept("not")) {
                accept("null");
                column.nullable = true;
            } else if (accept("default")) {
                column.has_default = false;
            }
            return skip_action();
        }
        if (accept("type")) {
            column.type = read_type();
            return skip_action();
        }
        // MySQL: MODIFY c type ... (the name was c) or CHANGE old new type ...
        token name = first;
        if (current().is_name() && find_type_word(current().text(text_)) == type_name::unknown) {
            name = current();
            cursor_.advance();
        }
        column = column_definition_named(table, name);
    }

    constexpr void skip_action() {
        cursor_.skip_until([](const token& t) { return t.symbol == ','; });
    }

    constexpr void drop_column(std::size_t c) {
        for (std::size_t i = c; i + 1 < result_.columns.size(); ++i) result_.columns[i] = result_.columns[i + 1];
        --result_.columns.count;
        for (std::size_t t = 0; t < result_.tables.size(); ++t)  // the columns after c moved down by one
            if (result_.tables[t].first_column > c) --result_.tables[t].first_column;
    }

    constexpr void drop() {
        const bool view = accept("view");
        if (!view && !accept("table")) {
            if (accept("type")) return drop_type();
            return skip_statement();  // DROP INDEX, FUNCTION, ...
        }
        const bool if_exists = accept("if") && accept("exists");
        do {
            const token name = read_name();
            if (!ok()) return;
            const std::size_t table = result_.find_table(name.unquoted(text_));
            if (table == catalog<Shape>::npos) {
                if (!if_exists) return fail(catalog_problem::unknown_table, name);
                continue;
            }
            drop_table(table);
        } while (cursor_.accept_symbol(","));
        skip_statement();  // CASCADE, RESTRICT
    }

    constexpr void drop_table(std::size_t table) {
        result_.tables[table].dropped = true;
        for (std::size_t i = 0; i < result_.columns.size();)
            if (result_.columns[i].table == table) drop_column(i);
            else ++i;
    }

    // MySQL: RENAME TABLE a TO b [, c TO d ...]
    constexpr void rename_tables() {
        do {
            const std::size_t table = existing_table();
            if (!ok()) return;
            if (!accept("to")) return fail(catalog_problem::unreadable, current().text(text_));
            result_.tables[table].name = read_name().unquoted(text_);
        } while (ok() && cursor_.accept_symbol(","));
    }

    constexpr void drop_type() {
        accept("if") && accept("exists");
        do {
            const token name = read_name();
            const std::size_t e = result_.find_enum(name.unquoted(text_));
            if (e != catalog<Shape>::npos) result_.enums[e].name = {};
        } while (ok() && cursor_.accept_symbol(","));
        skip_statement();
    }
};

}  // namespace detail

template <catalog_shape Shape>
constexpr catalog<Shape> read_catalog(std::string_view ddl) {
    catalog<Shape> c;
    detail::catalog_reader<Shape>{c, ddl}.read();
    return c;
}

namespace detail {

// A catalog refused unread; made apart, as parser.hpp's too_large is.
template <catalog_shape Room>
constexpr catalog<Room> too_large(std::string_view ddl, const shape_excess& e) {
    catalog<Room> c;
    c.text = ddl;
    c.error = catalog_diagnosis{catalog_problem::too_large, first_line(ddl), e.list, 0};
    return c;
}

}  // namespace detail

// The first of a catalog's lists that needs more than room gives.
constexpr detail::shape_excess excess(const catalog_shape& need, const catalog_shape& room) {
    return detail::first_excess({{"tables", need.tables, room.tables},
                                 {"columns", need.columns, room.columns},
                                 {"enum types", need.enums, room.enums},
                                 {"enum labels", need.labels, room.labels},
                                 {"tables read by views", need.view_sources, room.view_sources},
                                 {"levels of parentheses in views", need.view_depth, room.view_depth},
                                 {"columns in one table", need.widest_table, room.widest_table},
                                 {"view column renames", need.view_renames, room.view_renames},
                                 {"tables that a view's '*'s may expand", need.view_star_sources, room.view_star_sources},
                                 {"tokens of views", need.view_tokens, room.view_tokens}});
}

// DDL read at run time into lists of fixed capacities: DDL that needs more is a
// catalog_problem::too_large, never an overflow.
template <catalog_shape Room>
constexpr catalog<Room> read_catalog_bounded(std::string_view ddl) {
    const detail::shape_excess e = excess(detail::measure_catalog(ddl), Room);
    return e.fits() ? read_catalog<Room>(ddl) : detail::too_large<Room>(ddl, e);
}

}  // namespace ctsql
