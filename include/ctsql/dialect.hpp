#pragma once
// The SQL dialects ctsql targets; each backend names its own.

#include <cstdint>
#include <string_view>

namespace ctsql {

enum class dialect : std::uint8_t { sqlite, postgresql, mysql };

constexpr std::string_view to_string(dialect d) {
    switch (d) {
        case dialect::sqlite: return "sqlite";
        case dialect::postgresql: return "postgresql";
        case dialect::mysql: return "mysql";
    }
    return "?";
}

// Only PostgreSQL has array types (and ctsql maps them to std::vector).
constexpr bool has_arrays(dialect d) { return d == dialect::postgresql; }

}  // namespace ctsql
