#pragma once
// Whether text read at run time fits the fixed capacities it is parsed into. At compile time a
// statement's or a catalog's lists are sized by measuring its own text, so they always fit; at
// run time (ctsql-check, the fuzzers) the capacities are fixed in advance, and a text that needs
// more must be refused before it is parsed, never written past the end of a list.

#include <cstddef>
#include <string_view>

namespace ctsql::detail {

// One list of a shape: how much the text needs and how much room there is.
struct shape_excess {
    std::string_view list;  // what there is too much of, e.g. "parameters"; empty when all fits
    std::size_t need = 0;
    std::size_t room = 0;

    constexpr bool fits() const { return list.empty(); }
};

// The first list that needs more than its room, or one that fits().
template <std::size_t N>
constexpr shape_excess first_excess(const shape_excess (&lists)[N]) {
    for (const shape_excess& l : lists)
        if (l.need > l.room) return l;
    return {};
}

}  // namespace ctsql::detail
