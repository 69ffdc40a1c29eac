#pragma once
// The instructions an implementation executes per operation, counted by valgrind's callgrind
// (scripts/bench --instructions): unlike time, a count does not move with the load of the
// machine or of the server, so that what a library costs its client is told apart from noise.
// Callgrind, started with --collect-atstart=no, counts only inside counted(), and each run of a
// benchmark ends with a dump of its count; benchmarks/instructions.awk makes the tables. Run
// natively, counted() adds the test of a flag.

#include <benchmark/benchmark.h>
#include <valgrind/callgrind.h>

#include <cmath>
#include <string>

#include "report.hpp"

namespace bench {

inline const bool under_valgrind = [] { return RUNNING_ON_VALGRIND != 0; }();

// Runs operation() with callgrind counting, and gives what it returns.
template <class Operation>
decltype(auto) counted(Operation operation) {
    struct counting {
        counting() { toggle(); }
        ~counting() { toggle(); }
        static void toggle() {
            if (under_valgrind) CALLGRIND_TOGGLE_COLLECT;
        }
    } const scope;
    return operation();
}

// Ends a run of `benchmark`: callgrind writes out what it counted, described as "<suite>
// <benchmark> <operations> <rows per operation>", and starts again from zero.
inline void dump_count(const std::string& benchmark, benchmark::State& state) {
    if (!under_valgrind || state.iterations() == 0) return;
    const auto items = state.counters.find("items_per_second");  // SetItemsProcessed's count, not yet a rate
    const double rows = items == state.counters.end() ? 0 : std::round(items->second.value / static_cast<double>(state.iterations()));
    const std::string description = std::string{suite_name} + " " + benchmark + " " + std::to_string(state.iterations()) +
                                    " " + std::to_string(static_cast<long long>(rows));
    CALLGRIND_DUMP_STATS_AT(description.c_str());  // a request of its own: the text must outlive it
}

}  // namespace bench
