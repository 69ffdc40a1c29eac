#pragma once
// A fixed set of SQL keywords, and the question every reader asks of name after name: is it one
// of them? At compile time each step of a constant expression costs the compiler dearly, and most
// names are no keyword: the set turns them away by their length or their first letter before it
// compares any text.
//
//   constexpr keyword_set clause_words{"from", "where", "group"};
//   if (clause_words.contains(t.text)) ...

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "characters.hpp"

namespace ctsql::detail {

template <std::size_t N>
class keyword_set {
public:
    // Each word lowercase, starting with a letter, shorter than 64 characters.
    template <std::size_t... Lengths>
    consteval keyword_set(const char (&... words)[Lengths]) : words_{std::string_view{words, Lengths - 1}...} {
        for (std::string_view word : words_) {
            if (word.empty() || word.size() >= 64 || word[0] < 'a' || word[0] > 'z')
                throw "keyword_set: a word is empty, too long, or does not start with a lowercase letter";
            lengths_ |= std::uint64_t{1} << word.size();
            initials_ |= std::uint32_t{1} << (word[0] - 'a');
        }
    }

    // Whether name, in any case, is one of the words.
    constexpr bool contains(std::string_view name) const {
        const std::size_t size = name.size();
        if (size == 0 || size >= 64 || ((lengths_ >> size) & 1) == 0) return false;
        const char initial = to_lower(name[0]);
        if (initial < 'a' || initial > 'z' || ((initials_ >> (initial - 'a')) & 1) == 0) return false;
        for (std::string_view word : words_)
            if (iequals(word, name)) return true;
        return false;
    }

    constexpr const std::string_view* begin() const { return words_; }
    constexpr const std::string_view* end() const { return words_ + N; }

private:
    std::string_view words_[N];
    std::uint64_t lengths_ = 0;   // bit n: a word of n characters
    std::uint32_t initials_ = 0;  // bit i: a word starting with 'a' + i
};

template <std::size_t... Lengths>
keyword_set(const char (&... words)[Lengths]) -> keyword_set<sizeof...(Lengths)>;

}  // namespace ctsql::detail
