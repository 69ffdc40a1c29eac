#pragma once
// A fixed set of words of the vocabulary, and the question every reader asks of name after name:
// is it one of them? The set is a table by word number, and a token carries its word's number
// (see vocabulary.hpp): the question is one look-up, whatever the name.
//
//   constexpr keyword_set clause_words{"from", "where", "group"};
//   if (clause_words.contains(t.word)) ...

#include <cstddef>

#include "vocabulary.hpp"

namespace ctsql::detail {

class keyword_set {
public:
    template <std::size_t... Lengths>
    consteval keyword_set(const char (&... words)[Lengths]) {
        ((holds_[keyword{words}.id] = true), ...);
    }

    // Whether the word numbered `word` is one of them; never 0, no word.
    constexpr bool contains(word_id word) const { return holds_[word]; }
    // Both sets' words.
    consteval keyword_set operator|(const keyword_set& other) const {
        keyword_set both = *this;
        for (std::size_t i = 1; i < vocabulary_size; ++i) both.holds_[i] = holds_[i] || other.holds_[i];
        return both;
    }

private:
    bool holds_[vocabulary_size] = {};
};

}  // namespace ctsql::detail
