#pragma once
// What the PostgreSQL suite's files share: the server, the tables and the change its updates
// make. `accounts` holds rows 1..table_rows for the selects and is never written;
// `loaded_accounts` is emptied or refilled before each write workload, outside the timed region,
// and checked after it.

#include <cstdint>

namespace bench {

// CTSQL_POSTGRES_URL, checked before anything is registered (postgres.cpp).
const char* server_url();

inline constexpr char accounts_ddl[] = R"sql(
  CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    note text,
    balance float8 NOT NULL,
    active boolean NOT NULL,
    created_at timestamp NOT NULL
  );
  CREATE TABLE loaded_accounts (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    note text,
    balance float8 NOT NULL,
    active boolean NOT NULL,
    created_at timestamp NOT NULL
  );
)sql";

// UPDATE loaded_accounts SET balance = balance + amount WHERE id = id: adding, not setting, so
// that an update skipped or run twice in any iteration shows in the balances afterwards.
struct balance_change {
    std::int64_t id;
    double amount;
};

inline constexpr double update_amount = 0.5;  // exact in binary, so sums stay exact

}  // namespace bench
