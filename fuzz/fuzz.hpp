#pragma once
// What every fuzz target shares: its input as text, and its assertions. An invariant that does
// not hold aborts, which libFuzzer reports as a crash with the input that broke it.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string_view>

namespace ctsql_fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline void expect(bool holds, const char* invariant) {
    if (holds) return;
    std::fprintf(stderr, "ctsql fuzz: broken invariant: %s\n", invariant);
    std::abort();
}

// A list outgrowing the capacity measured for it throws its message (see fixed_vector.hpp): at
// compile time that is a compile error, here a finding.
[[noreturn]] inline void thrown(const char* message) {
    std::fprintf(stderr, "ctsql fuzz: thrown: %s\n", message);
    std::abort();
}

// Whether part is a view into text (or empty): what a parse result points at must outlive it
// exactly as long as the text does.
inline bool inside(std::string_view part, std::string_view text) {
    const std::less_equal<const char*> at_most;
    return part.empty() ||
           (at_most(text.data(), part.data()) && at_most(part.data() + part.size(), text.data() + text.size()));
}

}  // namespace ctsql_fuzz
