#pragma once
// The row every suite moves, the same on every backend and for every implementation: six
// columns (int, text, text, double, bool, timestamp), the note nullable. Row i of every table
// is account(i), so each implementation's result can be checked against the same values.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace bench {

using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

struct Account {
    std::int64_t id;
    std::string name;
    std::optional<std::string> note;
    double balance;
    bool active;
    timestamp created_at;

    friend bool operator==(const Account&, const Account&) = default;
};

inline constexpr int table_rows = 10'000;  // the table the selects read
inline constexpr int insert_rows = 10'000;  // one statement each, in one transaction
inline constexpr int bulk_rows = 100'000;   // one bulk load
inline constexpr int update_rows = 5'000;   // PostgreSQL: pipelined against one round trip each

// 2026-01-01 00:00:00 UTC, then one second and 250 microseconds per row.
inline constexpr timestamp first_created{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};

inline Account account(std::int64_t i) {
    return Account{
        .id = i,
        .name = "user " + std::to_string(i),
        .note = i % 3 == 0 ? std::nullopt : std::optional<std::string>{"note for account " + std::to_string(i)},
        .balance = static_cast<double>(i) * 1.5,
        .active = i % 2 == 1,
        .created_at = first_created + std::chrono::microseconds{i * 1'000'250},
    };
}

}  // namespace bench
