#pragma once
// A string literal usable as a template argument: the carrier of every query's text.

#include <cstddef>
#include <string_view>

namespace ctsql {

template <std::size_t N>
struct fixed_string {
    char data[N + 1]{};

    constexpr fixed_string() = default;
    // Every query's text is converted here when the compiler makes it a template argument: the
    // characters are read from the array itself, since a call of std::string_view's members for
    // each of them doubled what the conversion cost (about a millisecond a query).
    constexpr fixed_string(const char (&text)[N + 1]) {
        for (std::size_t i = 0; i < N; ++i) data[i] = text[i];
        data[N] = '\0';
    }
    // Copies N characters from a longer buffer (used to cut slices at compile time).
    constexpr explicit fixed_string(std::string_view text) {
        const char* const characters = text.data();
        const std::size_t size = text.size();
        for (std::size_t i = 0; i < N; ++i) data[i] = i < size ? characters[i] : '\0';
        // Every element assigned, the terminator too: clang then prints the value as a string.
        data[N] = '\0';
    }

    static constexpr std::size_t size() { return N; }
    constexpr std::string_view view() const { return {data, N}; }
    constexpr operator std::string_view() const { return view(); }
};

template <std::size_t N>
fixed_string(const char (&)[N]) -> fixed_string<N - 1>;

template <std::size_t N, std::size_t M>
constexpr bool operator==(const fixed_string<N>& a, const fixed_string<M>& b) {
    return a.view() == b.view();
}

// Writes a number's decimal digits to anything that takes a std::string_view with <<.
constexpr void write_number(auto& out, std::size_t number) {
    char digits[20]{};
    std::size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + number % 10);
        number /= 10;
    } while (number != 0);
    while (count != 0) out << std::string_view{&digits[--count], 1};
}

// A text of up to Capacity characters built at compile time, later cut to its exact size.
template <std::size_t Capacity>
struct text_buffer {
    char data[Capacity]{};
    std::size_t length = 0;

    constexpr text_buffer& operator<<(std::string_view text) {
        for (char c : text)
            if (length < Capacity) data[length++] = c;
        return *this;
    }
    constexpr text_buffer& operator<<(std::size_t number) {
        write_number(*this, number);
        return *this;
    }
    constexpr std::string_view view() const { return {data, length}; }
    constexpr bool empty() const { return length == 0; }
};

namespace detail {

// Counts the characters it is given, or copies them into a buffer: the same walk serves to
// size a text exactly and then to write it, into a fixed_string's data, say.
struct text_sink {
    char* out = nullptr;
    std::size_t size = 0;
    constexpr text_sink& operator<<(std::string_view text) {
        for (char c : text) {
            if (out != nullptr) out[size] = c;
            ++size;
        }
        return *this;
    }
    constexpr text_sink& operator<<(std::size_t number) {
        write_number(*this, number);
        return *this;
    }
};

}  // namespace detail

}  // namespace ctsql
