#pragma once
// A file of many tagged queries, like an sqlc query.sql: split at its tags at compile time,
// every query checked where the set is defined, each one taken out by name.
//
//   inline constexpr char users_sql[] = R"sql(-- name: GetUser :one ... -- name: ListUsers :many ...)sql";
//   inline constexpr auto users = ctsql::query_set<users_sql>;
//   inline constexpr auto GetUser = users.get<"GetUser">();   // the same type as ctsql::query<...>
//
// A query's text is its block, from its tag to the next. When the set's text came from a file
// (it starts with an origin marker, see origin.hpp), each block keeps the marker, with its tag's
// line, in front: its diagnostics name the file and the line.

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

#include "diagnostics.hpp"
#include "fixed_string.hpp"
#include "lexer.hpp"
#include "origin.hpp"
#include "query.hpp"
#include "schema.hpp"
#include "tag.hpp"

namespace ctsql {

namespace detail {

struct query_block {
    std::size_t begin = 0;
    std::size_t size = 0;
    std::string_view name;
    std::size_t line = 1;  // of its tag, counted in the set's text
};

// Calls found(comment, tag) for each tag that starts a statement: a `-- name:` comment inside a
// query (after its first token, before its `;`) is an ordinary comment.
constexpr void for_each_tag(std::string_view text, auto found) {
    lexer lex{text};
    bool at_statement_start = true;
    for (token t = lex.next(); t.kind != token_kind::end && t.kind != token_kind::error; t = lex.next()) {
        if (t.kind != token_kind::comment) {
            at_statement_start = t.is(";");
            continue;
        }
        if (!at_statement_start) continue;
        const tag found_tag = read_tag(t.text(text));
        if (found_tag.status != tag_status::not_a_tag) found(t, found_tag);
    }
}

constexpr std::size_t count_tags(std::string_view text) {
    std::size_t count = 0;
    for_each_tag(text, [&](const token&, const tag&) { ++count; });
    return count;
}

// Each block runs from its tag to the next tag, trailing space trimmed.
template <std::size_t Count>
constexpr std::array<query_block, Count> split_blocks(std::string_view text) {
    std::array<query_block, Count> blocks{};
    std::size_t found = 0;
    const auto close = [&](std::size_t end) {
        if (found == 0) return;
        std::size_t size = end - blocks[found - 1].begin;
        while (size != 0 && is_space(text[blocks[found - 1].begin + size - 1])) --size;
        blocks[found - 1].size = size;
    };
    std::size_t line = 1;
    std::size_t counted = 0;  // text[counted] is on `line`
    for_each_tag(text, [&](const token& comment, const tag& t) {
        close(comment.offset);
        for (; counted < comment.offset; ++counted)
            if (text[counted] == '\n') ++line;
        blocks[found++] = query_block{comment.offset, 0, t.name, line};
    });
    close(text.size());
    return blocks;
}

// The start of a message about a set from a file: "users.sql:12: " at a place in it, or
// "users.sql: " about the whole file (no offset); nothing for a set from elsewhere.
constexpr message set_origin(std::string_view text, std::size_t offset = std::string_view::npos) {
    message m;
    const std::string_view file = origin_of(text).file;
    if (file.empty()) return m;
    if (offset == std::string_view::npos) m << file;
    else write_file_line(m, place_of(text, offset));
    return m << ": ";
}

// Problems of the set as a whole; each query's own problems are reported by its query.
template <std::size_t Count>
constexpr message check_blocks(std::string_view text, const std::array<query_block, Count>& blocks) {
    if (Count == 0) return set_origin(text) << "query set has no '-- name: <Name> :<kind>' tags";
    const token first = lexer{text, lexer::comments::skipped}.next();
    if (first.kind != token_kind::end && first.offset < blocks[0].begin)
        return set_origin(text, first.offset) << "query set: text before the first tag, at '"
                                              << first_line(text.substr(first.offset)) << "'";
    for (std::size_t i = 0; i < Count; ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!blocks[i].name.empty() && blocks[i].name == blocks[j].name)
                return set_origin(text, blocks[i].begin) << "query set: two queries are named '" << blocks[i].name << "'";
    return message{};
}

}  // namespace detail

template <fixed_string Text, const auto& Schema = no_schema_value>
class basic_query_set {
    static constexpr std::size_t count = detail::count_tags(Text.view());
    static constexpr auto blocks = detail::split_blocks<count>(Text.view());

    template <std::size_t I>
    static constexpr auto block_text = [] {
        constexpr std::string_view block = Text.view().substr(blocks[I].begin, blocks[I].size);
        constexpr text_place origin = origin_of(Text.view());
        if constexpr (origin.file.empty()) {
            return fixed_string<block.size()>{block};
        } else {  // the block keeps its origin: its file, at its tag's line
            constexpr std::size_t line = origin.line + blocks[I].line - 1;
            constexpr std::size_t size = [&] {
                detail::text_sink length;
                write_file_marker(length, origin.file, line);
                return (length << block).size;
            }();
            fixed_string<size> text;
            detail::text_sink writer{text.data};
            write_file_marker(writer, origin.file, line);
            writer << block;
            return text;
        }
    }();

    template <fixed_string Name>
    static constexpr std::size_t index_of() {
        for (std::size_t i = 0; i < count; ++i)
            if (blocks[i].name == Name.view()) return i;
        return count;
    }

public:
    constexpr basic_query_set() {
        constexpr message problem = detail::check_blocks(Text.view(), blocks);
        if constexpr (!problem.empty()) {
            reject<problem>();
        } else {  // defining every query checks every query, used or not
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                (void(basic_query<block_text<I>, Schema>{}), ...);
            }(std::make_index_sequence<count>{});
        }
    }

    static constexpr std::size_t size() { return count; }

    static constexpr std::array<std::string_view, count> names() {
        std::array<std::string_view, count> result{};
        for (std::size_t i = 0; i < count; ++i) result[i] = blocks[i].name;
        return result;
    }

    // The query tagged `-- name: Name`, of the same type ctsql::query<...> gives for its text
    // (its block, behind the marker of its origin when the set's text has one).
    template <fixed_string Name>
    constexpr auto get() const {
        constexpr std::size_t index = index_of<Name>();
        if constexpr (index == count) {
            constexpr message problem =
                detail::set_origin(Text.view()) << "query set has no query named '" << Name.view() << "'";
            return reject<problem>();
        } else {
            return basic_query<block_text<index>, Schema>{};
        }
    }
};

template <fixed_string Text, const auto& Schema = no_schema_value>
inline constexpr basic_query_set<Text, Schema> query_set{};

}  // namespace ctsql
