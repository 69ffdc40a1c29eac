#pragma once
// The suite's workloads in ctsql, as a user writes them: queries checked at compile time
// against the tables' DDL, rows read straight into bench::Account.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <ctsql/postgres.hpp>

#include "account.hpp"
#include "postgres_tables.hpp"

namespace bench {

inline constexpr auto schema = ctsql::schema<accounts_ddl>;

inline constexpr auto GetAccount = ctsql::query<R"sql(
  -- name: GetAccount :one
  SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = $1
)sql", schema>;
inline constexpr auto ListAccounts = ctsql::query<R"sql(
  -- name: ListAccounts :many
  SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id
)sql", schema>;
inline constexpr auto InsertAccount = ctsql::query<R"sql(
  -- name: InsertAccount :exec
  INSERT INTO scratch_accounts (id, name, note, balance, active, created_at) VALUES ($1, $2, $3, $4, $5, $6)
)sql", schema>;
inline constexpr auto CopyAccounts = ctsql::query<R"sql(
  -- name: CopyAccounts :copyfrom
  INSERT INTO scratch_accounts (id, name, note, balance, active, created_at) VALUES ($1, $2, $3, $4, $5, $6)
)sql", schema>;
inline constexpr auto AddToBalance = ctsql::query<R"sql(
  -- name: AddToBalance :exec
  UPDATE scratch_accounts SET balance = balance + $2 WHERE id = $1
)sql", schema>;
inline constexpr auto AddToBalances = ctsql::query<R"sql(
  -- name: AddToBalances :batchexec
  UPDATE scratch_accounts SET balance = balance + $2 WHERE id = $1
)sql", schema>;

class ctsql_client {
public:
    static constexpr const char* name = "ctsql";

    explicit ctsql_client(const char* url) : db_(url) {}

    std::optional<Account> find(std::int64_t id) { return db_.execute<Account>(GetAccount, id); }

    std::vector<Account> fetch_all() { return db_.execute<Account>(ListAccounts); }

    void insert_each(std::span<const Account> rows) {
        auto transaction = db_.transaction();
        for (const Account& a : rows) transaction.execute(InsertAccount, a.id, a.name, a.note, a.balance, a.active, a.created_at);
        transaction.commit();
    }

    void bulk_load(std::span<const Account> rows) { db_.execute(CopyAccounts, rows); }

    void add_to_balances(std::span<const balance_change> changes) {
        auto transaction = db_.transaction();
        for (const balance_change& change : changes) transaction.execute(AddToBalance, change.id, change.amount);
        transaction.commit();
    }

    void add_to_balances_pipelined(std::span<const balance_change> changes) { db_.execute(AddToBalances, changes); }

private:
    ctsql::postgres::connection db_;
};

}  // namespace bench
