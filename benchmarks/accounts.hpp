#pragma once
// The row every backend's benchmark reads: six columns, one of them nullable, in a table of
// 10k rows named accounts.

#include <ctsql/ctsql.hpp>

#include <cstdint>
#include <optional>
#include <string>

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

}  // namespace bench
