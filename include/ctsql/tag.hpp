#pragma once
// The sqlc-style tag that names a query and its kind: `-- name: GetUser :one`
// or `/* name: GetUser :one */`. Only a comment whose text starts with `name:` is a tag.

#include <string_view>

#include "lexer.hpp"
#include "query_kind.hpp"

namespace ctsql {

enum class tag_status : std::uint8_t {
    not_a_tag,    // an ordinary comment
    valid,
    no_name,      // `-- name: :one`
    bad_name,     // a name that is not an identifier
    no_kind,      // `-- name: GetUser`
    unknown_kind, // `-- name: GetUser :first`
    extra_text,   // `-- name: GetUser :one two`
};

struct tag {
    tag_status status = tag_status::not_a_tag;
    std::string_view name;
    std::string_view kind_word;  // as written, without the colon
    query_kind kind = query_kind::exec;
    std::string_view extra;
};

namespace detail {

constexpr std::string_view comment_body(const token& comment) {
    std::string_view body = comment.text.substr(2);
    if (comment.text.starts_with("/*")) body.remove_suffix(2);
    return body;
}

constexpr std::string_view trim_left(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    return s;
}

// The text up to its first line break, at most 40 characters: enough to recognise a place.
constexpr std::string_view first_line(std::string_view s) { return s.substr(0, s.find('\n')).substr(0, 40); }

constexpr std::string_view take_word(std::string_view& s) {
    std::size_t n = 0;
    while (n < s.size() && !is_space(s[n])) ++n;
    const std::string_view word = s.substr(0, n);
    s = trim_left(s.substr(n));
    return word;
}

constexpr bool is_identifier(std::string_view s) {
    if (s.empty() || !is_name_start(s.front())) return false;
    for (char c : s)
        if (!is_identifier_char(c)) return false;
    return true;
}

}  // namespace detail

constexpr tag read_tag(const token& comment) {
    tag result;
    std::string_view rest = detail::trim_left(detail::comment_body(comment));
    if (!rest.starts_with("name:")) return result;
    rest = detail::trim_left(rest.substr(5));

    result.name = detail::take_word(rest);
    if (result.name.empty() || result.name.front() == ':') {
        result.status = tag_status::no_name;
        result.name = {};
        return result;
    }
    if (!detail::is_identifier(result.name)) {
        result.status = tag_status::bad_name;
        return result;
    }
    const std::string_view kind = detail::take_word(rest);
    if (kind.empty()) {
        result.status = tag_status::no_kind;
        return result;
    }
    result.kind_word = kind.front() == ':' ? kind.substr(1) : kind;
    if (kind.front() != ':' || !detail::parse_query_kind(result.kind_word, result.kind)) {
        result.status = tag_status::unknown_kind;
        return result;
    }
    while (!rest.empty() && detail::is_space(rest.back())) rest.remove_suffix(1);
    result.extra = rest;
    result.status = rest.empty() ? tag_status::valid : tag_status::extra_text;
    return result;
}

}  // namespace ctsql
