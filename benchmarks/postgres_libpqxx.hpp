#pragma once
// The suite's workloads in libpqxx 6.4, as its documentation teaches: statements prepared on
// the connection, a nontransaction for single reads (no BEGIN/COMMIT), a work for writes, and
// stream_to for the bulk load (text COPY). libpqxx moves every value as text; a timestamp is
// parsed and formatted here, since 6.4 has no std::chrono conversion. A NULL note is bound as
// a null const char*.
// No pipelined update: pqxx::pipeline in 6.4 takes SQL text only, with no parameters and no
// prepared statements (it joins the queries with ';' into one simple-protocol string), so the
// values would have to be quoted into the text; that is not the workload.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "account.hpp"
#include "postgres_tables.hpp"
#include "postgres_timestamp_text.hpp"

namespace bench {

class libpqxx_client {
public:
    static constexpr const char* name = "libpqxx";

    explicit libpqxx_client(const char* url) : conn_(url) {
        conn_.prepare("find", "SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = $1");
        conn_.prepare("fetch_all", "SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id");
        conn_.prepare("insert",
                      "INSERT INTO scratch_accounts (id, name, note, balance, active, created_at) VALUES ($1, $2, $3, $4, $5, $6)");
        conn_.prepare("add_to_balance", "UPDATE scratch_accounts SET balance = balance + $2 WHERE id = $1");
    }

    std::optional<Account> find(std::int64_t id) {
        pqxx::nontransaction transaction{conn_};
        const pqxx::result found = transaction.exec_prepared("find", id);
        if (found.empty()) return std::nullopt;
        return read_account(found[0]);
    }

    std::vector<Account> fetch_all() {
        pqxx::nontransaction transaction{conn_};
        const pqxx::result all = transaction.exec_prepared("fetch_all");
        std::vector<Account> rows;
        rows.reserve(all.size());
        for (const pqxx::row& row : all) rows.push_back(read_account(row));
        return rows;
    }

    void insert_each(std::span<const Account> rows) {
        pqxx::work transaction{conn_};
        for (const Account& a : rows)
            transaction.exec_prepared("insert", a.id, a.name, note_or_null(a), a.balance, a.active, timestamp_text(a.created_at));
        transaction.commit();
    }

    void bulk_load(std::span<const Account> rows) {
        pqxx::work transaction{conn_};
        pqxx::stream_to stream{transaction, "scratch_accounts",
                               std::vector<std::string>{"id", "name", "note", "balance", "active", "created_at"}};
        for (const Account& a : rows)
            stream << std::make_tuple(a.id, a.name, note_or_null(a), a.balance, a.active, timestamp_text(a.created_at));
        stream.complete();
        transaction.commit();
    }

    void add_to_balances(std::span<const balance_change> changes) {
        pqxx::work transaction{conn_};
        for (const balance_change& change : changes) transaction.exec_prepared("add_to_balance", change.id, change.amount);
        transaction.commit();
    }

private:
    pqxx::connection conn_;

    static const char* note_or_null(const Account& a) { return a.note ? a.note->c_str() : nullptr; }

    static Account read_account(const pqxx::row& row) {
        return Account{
            .id = row[0].as<std::int64_t>(),
            .name = row[1].as<std::string>(),
            .note = row[2].is_null() ? std::nullopt : std::optional{row[2].as<std::string>()},
            .balance = row[3].as<double>(),
            .active = row[4].as<bool>(),
            .created_at = parse_timestamp(row[5].c_str()),
        };
    }
};

}  // namespace bench
