#pragma once
// The row every backend's benchmark reads (six columns, one of them nullable, in a table of
// 10k rows named accounts) and the ctsql side of each workload, the same on every backend.

#include <ctsql/ctsql.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bench {

struct Account {
    std::int64_t id;
    std::string name;
    std::string email;
    double balance;
    bool active;
    std::optional<std::string> note;
};

inline constexpr int row_count = 10000;

inline constexpr auto GetAccount = ctsql::query<R"sql(
  -- name: GetAccount :one
  SELECT id, name, email, balance, active, note FROM accounts WHERE id = $1
)sql">;
inline constexpr auto ListAccounts = ctsql::query<R"sql(
  -- name: ListAccounts :many
  SELECT id, name, email, balance, active, note FROM accounts ORDER BY id
)sql">;

// Database() returns the backend's connection, its table filled.
template <auto& Database>
void point_select_ctsql(benchmark::State& state) {
    auto& db = Database();
    std::int64_t id = 0;
    for (auto _ : state) {
        id = id % row_count + 1;
        std::optional<Account> a = db.template execute<Account>(GetAccount, id);
        if (!a) state.SkipWithError("no row");
        benchmark::DoNotOptimize(a);
    }
}

template <auto& Database>
void fetch_10k_ctsql(benchmark::State& state) {
    auto& db = Database();
    for (auto _ : state) {
        std::vector<Account> rows = db.template execute<Account>(ListAccounts);
        if (rows.size() != row_count) state.SkipWithError("wrong row count");
        benchmark::DoNotOptimize(rows);
    }
}

}  // namespace bench
