#pragma once
// The words that join a table to those before it, read alike by the parse and by the analysis.

#include "../statement.hpp"
#include "keyword_set.hpp"
#include "token_cursor.hpp"

namespace ctsql::detail {

// The words a join can start with.
constexpr keyword_set join_start_words{"natural", "inner", "left", "right", "full", "cross", "join", "outer"};

// [NATURAL] [INNER | LEFT | RIGHT | FULL [OUTER] | CROSS] JOIN: the kind of join, or
// join_kind::from if there is none. Most tables are followed by no join: they are told by one
// look-up, where asking for each word would cost eight calls at compile time.
constexpr join_kind accept_join_keywords(token_cursor& cursor) {
    if (!join_start_words.contains(cursor.current().word)) return join_kind::from;
    cursor.accept("natural");
    join_kind join = join_kind::inner;
    bool any = true;
    if (cursor.accept("left")) join = join_kind::left;
    else if (cursor.accept("right")) join = join_kind::right;
    else if (cursor.accept("full")) join = join_kind::full;
    else if (cursor.accept("cross")) join = join_kind::cross;
    else if (!cursor.accept("inner")) any = false;
    cursor.accept("outer");
    if (cursor.accept("join")) return join;
    return any ? join : join_kind::from;
}

}  // namespace ctsql::detail
