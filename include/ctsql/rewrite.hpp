#pragma once
// The query text each backend is given, produced at compile time: parameters are respelled
// in the dialect's own placeholder syntax; everything else is left exactly as written.
//   SQLite:      $n -> ?n, named -> ?k (k in order of first appearance), ? stays ?
//   PostgreSQL:  $n stays, named and ? -> $k
//   MySQL:       every parameter -> ?, with a map from each ? to the argument it binds, so
//                that $2 may come first and $1 twice
// A list (sqlc.slice) is cut out of that text at compile time, and where it was cut its
// placeholders are spliced in at run time, one per element, numbered after every other
// parameter's: the other placeholders never depend on a list's length.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dialect.hpp"
#include "fixed_string.hpp"
#include "lexer.hpp"
#include "statement.hpp"

namespace ctsql::detail {

// Appends to a std::string: the texts made at run time, for a query's lists.
struct string_sink {
    std::string& out;
    constexpr string_sink& operator<<(std::string_view text) {
        out.append(text);
        return *this;
    }
};

template <statement_shape Shape>
constexpr std::size_t bound_position(const statement<Shape>& s, const token& t, std::size_t& anonymous_seen) {
    switch (t.style) {
        case parameter_style::numbered: return t.number;
        case parameter_style::anonymous: return ++anonymous_seen;
        case parameter_style::named: {
            const parameter* p = s.parameter_of(t);
            return p == nullptr ? 0 : p->number;
        }
        case parameter_style::none: return 0;
    }
    return 0;
}

// Where a list was cut out of a dialect's text.
struct list_cut {
    std::size_t at = 0;            // the offset in the text without lists
    std::size_t list = 0;          // which list, from 0 in order of first appearance
    std::size_t placeholders = 0;  // the other placeholders before it, for MySQL's map
    std::size_t highest = 0;       // the highest number among them, for SQLite's bare ?
};

// The dialect's text, lists cut out: each cut is handed to on_list.
template <dialect D, statement_shape Shape>
constexpr void respell_parameters(const statement<Shape>& s, text_sink& sink, auto on_list) {
    std::size_t copied = 0;
    std::size_t anonymous_seen = 0;
    std::size_t placeholders = 0;
    std::size_t highest = 0;
    const bool has_lists = s.list_count() != 0;
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
        const token& t = s.tokens[i];
        if (t.kind != token_kind::parameter) continue;
        sink << s.text.substr(copied, t.offset - copied);
        copied = t.offset + t.length;
        const std::size_t position = bound_position(s, t, anonymous_seen);
        if (t.list) {
            on_list(list_cut{sink.size, position - 1, placeholders, highest});
            continue;
        }
        ++placeholders;
        highest = position > highest ? position : highest;
        sink << (D == dialect::postgresql ? "$" : "?");
        // SQLite numbers a bare ? itself, one past the highest number so far, which a list before
        // it would change; MySQL has only ?.
        if (D == dialect::postgresql ||
            (D == dialect::sqlite && (t.style != parameter_style::anonymous || has_lists)))
            write_number(sink, position);
    }
    sink << s.text.substr(copied);
}

// The parameter tokens of a statement that are lists, or that are not, in the order they are written.
template <statement_shape Shape>
constexpr std::size_t parameter_token_count(const statement<Shape>& s, bool lists) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.tokens.size(); ++i)
        count += s.tokens[i].kind == token_kind::parameter && s.tokens[i].list == lists ? 1 : 0;
    return count;
}
template <statement_shape Shape>
constexpr std::size_t placeholder_count(const statement<Shape>& s) {
    return parameter_token_count(s, false);
}

// For a dialect whose placeholders are all ?: the argument (numbered from 1) each one binds;
// lists left out.
template <std::size_t N, statement_shape Shape>
constexpr std::array<std::size_t, N> placeholder_arguments(const statement<Shape>& s) {
    std::array<std::size_t, N> arguments{};
    std::size_t at = 0;
    std::size_t anonymous_seen = 0;
    for (std::size_t i = 0; i < s.tokens.size(); ++i)
        if (const token& t = s.tokens[i]; t.kind == token_kind::parameter && !t.list)
            arguments[at++] = bound_position(s, t, anonymous_seen);
    return arguments;
}

template <dialect D, statement_shape Shape>
constexpr std::size_t respelled_size(const statement<Shape>& s) {
    text_sink counter;
    respell_parameters<D>(s, counter, [](const list_cut&) {});
    return counter.size;
}

template <std::size_t N, dialect D, statement_shape Shape>
constexpr fixed_string<N> respelled(const statement<Shape>& s) {
    fixed_string<N> result;
    text_sink writer{result.data};
    respell_parameters<D>(s, writer, [](const list_cut&) {});
    return result;
}

// Where respelled<D> cut each of the N lists written in the statement.
template <std::size_t N, dialect D, statement_shape Shape>
constexpr std::array<list_cut, N> list_cuts(const statement<Shape>& s) {
    std::array<list_cut, N> cuts{};
    std::size_t count = 0;
    text_sink counter;
    respell_parameters<D>(s, counter, [&](const list_cut& cut) { cuts[count++] = cut; });
    return cuts;
}

// The first placeholder of list j: after the other parameters' and the lists' before it.
constexpr std::size_t first_list_placeholder(std::size_t others, std::span<const std::size_t> lengths, std::size_t j) {
    std::size_t first = others + 1;
    for (std::size_t i = 0; i < j; ++i) first += lengths[i];
    return first;
}

// The text for lists of these lengths, written to sink: a dialect's text with lists cut out, and
// where each was cut its placeholders, or NULL for an empty list (IN (NULL) matches no row, as
// sqlc has it).
template <dialect D, std::size_t Cuts>
constexpr void splice_lists(std::string_view text, const std::array<list_cut, Cuts>& cuts, std::size_t others,
                            std::span<const std::size_t> lengths, auto& sink) {
    std::size_t copied = 0;
    std::size_t highest = 0;  // SQLite's highest placeholder number so far
    for (const list_cut& cut : cuts) {
        sink << text.substr(copied, cut.at - copied);
        copied = cut.at;
        const std::size_t length = lengths[cut.list];
        if (length == 0) sink << "NULL";
        const std::size_t first = first_list_placeholder(others, lengths, cut.list);
        // SQLite numbers a bare ? one past the highest number before it, and prepares ?NNN in a
        // time that grows with the square of their count: a list whose numbers follow on from
        // every number before it is written ?N, ?, ?, ...
        const bool follows_on = first > (cut.highest > highest ? cut.highest : highest);
        for (std::size_t k = 0; k < length; ++k) {
            sink << (k == 0 ? "" : ", ") << (D == dialect::postgresql ? "$" : "?");
            if (D == dialect::postgresql || (D == dialect::sqlite && (k == 0 || !follows_on)))
                write_number(sink, first + k);
        }
        if (length != 0 && first + length - 1 > highest) highest = first + length - 1;
    }
    sink << text.substr(copied);
}

// MySQL's map for the same text: the other placeholders' arguments, and each list's elements
// in their place, numbered as splice_lists numbers them.
template <std::size_t Cuts, std::size_t N>
constexpr std::vector<std::size_t> splice_list_arguments(const std::array<std::size_t, N>& others_map,
                                                         const std::array<list_cut, Cuts>& cuts, std::size_t others,
                                                         std::span<const std::size_t> lengths) {
    std::vector<std::size_t> arguments;
    std::size_t copied = 0;
    for (const list_cut& cut : cuts) {
        arguments.insert(arguments.end(), others_map.begin() + copied, others_map.begin() + cut.placeholders);
        copied = cut.placeholders;
        const std::size_t first = first_list_placeholder(others, lengths, cut.list);
        for (std::size_t k = 0; k < lengths[cut.list]; ++k) arguments.push_back(first + k);
    }
    arguments.insert(arguments.end(), others_map.begin() + copied, others_map.end());
    return arguments;
}

}  // namespace ctsql::detail
