#pragma once
// Where a text came from, so that compile-time diagnostics name the file and the line as a
// compiler does: `db/queries/users.sql:9: CreateUser: result column ...`.
//
// A marker comment, right before the text it describes, says it:
//   /* ctsql: file db/queries/users.sql:1 */   the text after it is that file's, from line 1 on
//   /* ctsql: migration 2 add_email */         the text after it is migration 2's `up` script
// ctsql_embed_sql starts each embedded file with a file marker and no line break after it, so
// lines count as in the file; a query set gives each of its queries the marker of its tag's
// line; schema_from starts each migration's script with a migration marker. To a database a
// marker is a comment like any other.

#include <cstddef>
#include <string_view>

#include "lexer.hpp"

namespace ctsql {

// A place in a text, as a person finds it: the file and line (or the migration), and the column.
struct text_place {
    std::string_view file;               // empty unless a file marker precedes the place
    std::string_view migration_version;  // empty unless a migration marker precedes the place
    std::string_view migration_name;
    std::size_t line = 1;    // in the file, else in the migration's script, else in the text
    std::size_t column = 1;  // in that line
};

namespace detail {

inline constexpr std::string_view marker_open = "/* ctsql: ";
inline constexpr std::string_view marker_close = " */";

// What a marker says: its kind, and the file and line or the migration's version and name.
struct origin_marker {
    enum class kind : unsigned char { none, file, migration } type = kind::none;
    std::string_view first;   // the file, or the version
    std::string_view second;  // the migration's name
    std::size_t line = 1;
};

// The marker a token's text is, if it is one.
constexpr origin_marker read_origin_marker(std::string_view comment) {
    std::string_view body = comment;
    if (!body.starts_with(marker_open) || !body.ends_with(marker_close)) return {};
    body = body.substr(marker_open.size(), body.size() - marker_open.size() - marker_close.size());
    if (body.starts_with("file ")) {  // file <path>:<line>, the line after the path's last colon
        body.remove_prefix(5);
        const std::size_t colon = body.rfind(':');
        if (colon == std::string_view::npos || colon + 1 == body.size()) return {};
        std::size_t line = 0;
        for (char c : body.substr(colon + 1)) {
            if (!is_digit(c)) return {};
            line = line * 10 + static_cast<std::size_t>(c - '0');
        }
        return {origin_marker::kind::file, body.substr(0, colon), {}, line};
    }
    if (body.starts_with("migration ")) {  // migration <version> <name>
        body.remove_prefix(10);
        const std::size_t space = body.find(' ');
        if (space == std::string_view::npos) return {origin_marker::kind::migration, body, {}, 1};
        return {origin_marker::kind::migration, body.substr(0, space), body.substr(space + 1), 1};
    }
    return {};
}

}  // namespace detail

// The place of an offset in a text, by the markers before it: a file marker counts lines from
// its own, a migration marker from 1; without markers, lines count in the whole text.
constexpr text_place place_of(std::string_view text, std::size_t offset) {
    text_place place;
    std::size_t segment = 0;  // where the text the last marker describes begins
    lexer lex{text};
    for (token t = lex.next(); t.kind != token_kind::end && t.kind != token_kind::error && t.offset < offset;
         t = lex.next()) {
        if (t.kind != token_kind::comment) continue;
        const detail::origin_marker marker = detail::read_origin_marker(t.text(text));
        if (marker.type == detail::origin_marker::kind::none) continue;
        if (marker.type == detail::origin_marker::kind::migration) {
            place.migration_version = marker.first;
            place.migration_name = marker.second;
            place.file = {};
        } else {
            place.file = marker.first;
        }
        place.line = marker.line;
        segment = t.offset + t.length;
    }
    std::size_t line_start = segment;
    for (std::size_t i = segment; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++place.line;
            line_start = i + 1;
        }
    place.column = offset - line_start + 1;
    return place;
}

// Writes "file:line" of a place from a file; nothing otherwise.
constexpr void write_file_line(auto& out, const text_place& place) {
    if (!place.file.empty()) out << place.file << ":" << place.line;
}

// Writes the marker that says the text after it is file's from line on.
constexpr void write_file_marker(auto& out, std::string_view file, std::size_t line) {
    out << detail::marker_open << "file " << file << ":" << line << detail::marker_close;
}

// Writes the marker that says the text after it is migration `version`'s `up` script. A "*/" in
// the name would end the comment early: its '/' is left out.
constexpr void write_migration_marker(auto& out, std::string_view version, std::string_view name) {
    out << detail::marker_open << "migration " << version << " ";
    for (std::size_t i = 0; i < name.size(); ++i)
        if (!(name[i] == '/' && i != 0 && name[i - 1] == '*')) out << name.substr(i, 1);
    out << detail::marker_close;
}

// The file (and its line) a text's first line comes from, as the marker it starts with says;
// no file for other texts.
constexpr text_place origin_of(std::string_view text) {
    const detail::origin_marker marker = detail::read_origin_marker(lexer{text}.next().text(text));
    if (marker.type != detail::origin_marker::kind::file) return {};
    text_place place;
    place.file = marker.first;
    place.line = marker.line;
    return place;
}

// The text without the marker it starts with, if any: what its file holds.
constexpr std::string_view without_origin_marker(std::string_view text) {
    const token first = lexer{text}.next();
    if (first.offset != 0 || detail::read_origin_marker(first.text(text)).type == detail::origin_marker::kind::none) return text;
    return text.substr(first.length);
}

}  // namespace ctsql
