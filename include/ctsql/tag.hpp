#pragma once
// The sqlc-style tag that names a query and its kind: `-- name: GetUser :one`
// or `/* name: GetUser :one */`. Only a comment whose text starts with `name:` is a tag.

#include <cstdint>
#include <string_view>

#include "detail/characters.hpp"
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

// The text up to its first line break, at most 40 characters: enough to recognise a place.
constexpr std::string_view first_line(std::string_view s) { return s.substr(0, s.find('\n')).substr(0, 40); }

// A comment's characters, read by a tag reader. Every query's tag is read when it is parsed: at
// compile time each call costs more than the work, so the reader walks a plain pointer and the
// character table, where std::string_view's members and the class tests would be a call or more
// per character.
class comment_reader {
public:
    // The comment's body: without its `--`, or its `/*` and `*/`.
    constexpr explicit comment_reader(std::string_view comment)
        : text_(comment.data()), at_(2), end_(comment.size() - (*comment.data() == '/' ? 2 : 0)) {}

    constexpr bool at_end() const { return at_ == end_; }
    constexpr char peek() const { return text_[at_]; }
    constexpr void skip_spaces() {
        while (at_ != end_ && (character_classes.of[static_cast<unsigned char>(text_[at_])] & character_class::space)) ++at_;
    }
    // Takes `word` (case as written) if the text goes on with it.
    template <std::size_t N>
    constexpr bool take(const char (&word)[N]) {
        if (end_ - at_ < N - 1) return false;
        for (std::size_t i = 0; i + 1 < N; ++i)
            if (text_[at_ + i] != word[i]) return false;
        at_ += N - 1;
        return true;
    }
    // The characters up to the next space, and the spaces after them.
    constexpr std::string_view take_word() {
        const std::size_t start = at_;
        while (at_ != end_ && !(character_classes.of[static_cast<unsigned char>(text_[at_])] & character_class::space)) ++at_;
        const std::string_view word{text_ + start, at_ - start};
        skip_spaces();
        return word;
    }
    // The rest, without the spaces that end it.
    constexpr std::string_view rest() const {
        std::size_t last = end_;
        while (last != at_ && (character_classes.of[static_cast<unsigned char>(text_[last - 1])] & character_class::space)) --last;
        return {text_ + at_, last - at_};
    }

private:
    const char* text_;
    std::size_t at_;
    std::size_t end_;
};

constexpr bool is_identifier(std::string_view s) {
    const char* const text = s.data();
    const std::size_t size = s.size();
    if (size == 0 || !(character_classes.of[static_cast<unsigned char>(text[0])] & character_class::name_start)) return false;
    for (std::size_t i = 1; i < size; ++i)
        if (!(character_classes.of[static_cast<unsigned char>(text[i])] & character_class::identifier)) return false;
    return true;
}

}  // namespace detail

// A comment's tag, if it is one: comment is the comment's text (a comment token's).
constexpr tag read_tag(std::string_view comment) {
    tag result;
    detail::comment_reader reader{comment};
    reader.skip_spaces();
    if (!reader.take("name:")) return result;
    reader.skip_spaces();
    result.name = reader.take_word();
    if (result.name.empty() || *result.name.data() == ':') {
        result.status = tag_status::no_name;
        result.name = {};
        return result;
    }
    if (!detail::is_identifier(result.name)) {
        result.status = tag_status::bad_name;
        return result;
    }
    const bool colon = !reader.at_end() && reader.peek() == ':';
    const std::string_view kind = reader.take_word();
    if (kind.empty()) {
        result.status = tag_status::no_kind;
        return result;
    }
    result.kind_word = colon ? std::string_view{kind.data() + 1, kind.size() - 1} : kind;
    if (!colon || !detail::parse_query_kind(result.kind_word, result.kind)) {
        result.status = tag_status::unknown_kind;
        return result;
    }
    result.extra = reader.rest();
    result.status = result.extra.empty() ? tag_status::valid : tag_status::extra_text;
    return result;
}

}  // namespace ctsql
