#pragma once
// A vector with a capacity fixed at compile time: the storage of constexpr parse results.

#include <cstddef>

namespace ctsql::detail {

template <class T, std::size_t Capacity>
struct fixed_vector {
    // A plain array, of one element at least: std::array's operator[] is two more calls, and at
    // compile time each call costs clang microseconds.
    T items[Capacity == 0 ? 1 : Capacity]{};
    std::size_t count = 0;
    // Capacities are often larger than a text needs: at compile time those most queries fit, or a
    // power of two above what the text measures; at run time, capacities fixed in advance. A list
    // lowered to the limit its text measures behaves as it would in capacities of exactly that
    // (see analysis.hpp).
    std::size_t limit = Capacity;

    constexpr void lower_limit(std::size_t to) {
        if (to < limit) limit = to;
    }

    // A bound measured wrong is a compile error at compile time, and a thrown message at run
    // time: never a write past the end.
    constexpr void push_back(const T& item) {
        if (count == limit) throw "ctsql: fixed_vector capacity exceeded (a bound was measured wrong)";
        items[count++] = item;
    }
    constexpr std::size_t size() const { return count; }
    constexpr bool empty() const { return count == 0; }
    constexpr const T& operator[](std::size_t i) const { return items[i]; }
    constexpr T& operator[](std::size_t i) { return items[i]; }
    constexpr const T* begin() const { return items; }
    constexpr const T* end() const { return items + count; }
    constexpr T& back() { return items[count - 1]; }
};

}  // namespace ctsql::detail
