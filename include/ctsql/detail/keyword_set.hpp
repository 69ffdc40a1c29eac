#pragma once
// A fixed set of SQL keywords, and the question every reader asks of name after name: is it one
// of them? At compile time each step of a constant expression costs the compiler dearly (clang
// spends microseconds on a call), and most names are no keyword: the set turns them away by their
// length and first letter together before it compares any text, and compares a name only with
// the words as long as it is.
//
//   constexpr keyword_set clause_words{"from", "where", "group"};
//   if (clause_words.contains(t.text)) ...

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

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
            initials_[word.size()] |= std::uint32_t{1} << (word[0] - 'a');
        }
        // By length, so that a name is compared only with the words as long as it is.
        for (std::size_t i = 1; i < N; ++i)
            for (std::size_t j = i; j > 0 && words_[j].size() < words_[j - 1].size(); --j)
                std::swap(words_[j], words_[j - 1]);
        for (std::size_t size = 0, i = 0; size <= 64; ++size) {
            while (i < N && words_[i].size() < size) ++i;
            first_[size] = i;
        }
    }

    // Whether name, in any case, is one of the words.
    constexpr bool contains(std::string_view name) const {
        const std::size_t size = name.size();
        if (size == 0 || size >= 64) return false;
        const char initial = static_cast<char>(lowercase.of[static_cast<unsigned char>(*name.data())]);
        if (initial < 'a' || initial > 'z' || ((initials_[size] >> (initial - 'a')) & 1) == 0) return false;
        for (std::size_t i = first_[size]; i < first_[size + 1]; ++i)
            if (iequals(words_[i], name)) return true;
        return false;
    }

    constexpr const std::string_view* begin() const { return words_; }
    constexpr const std::string_view* end() const { return words_ + N; }

private:
    std::string_view words_[N];
    std::uint32_t initials_[64] = {};  // per length: bit i for a word starting with 'a' + i
    std::size_t first_[65] = {};       // the words of n characters are words_[first_[n]] to words_[first_[n + 1]]
};

template <std::size_t... Lengths>
keyword_set(const char (&... words)[Lengths]) -> keyword_set<sizeof...(Lengths)>;

}  // namespace ctsql::detail
