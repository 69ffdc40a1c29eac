#pragma once
// Each query type gets a small dense number on first use: its index in every connection's
// prepared-statement cache. The query's type is its identity, so no text is hashed.

#include <atomic>
#include <cstddef>

namespace ctsql::detail {

inline std::size_t next_statement_slot() {
    static std::atomic<std::size_t> next{0};
    return next.fetch_add(1, std::memory_order_relaxed);
}

template <class Query>
std::size_t statement_slot() {
    static const std::size_t slot = next_statement_slot();
    return slot;
}

}  // namespace ctsql::detail
