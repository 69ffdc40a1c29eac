#pragma once
// The libpqxx side of the PostgreSQL suite: libpqxx 6.4 as its documentation teaches, statements
// prepared on the connection, a nontransaction for single reads (no BEGIN/COMMIT), a work for
// writes, and stream_to for the bulk load (text COPY). libpqxx moves every value as text and 6.4
// has no std::chrono conversion, so a timestamp goes through checks.hpp's text form; a NULL note
// is bound as a null const char*. The contract of a side is in checks.hpp; add_to_balances is
// the suite's own sequential update.
// No pipelined update: pqxx::pipeline in 6.4 takes SQL text only, with no parameters and no
// prepared statements (it joins the queries with ';' into one simple-protocol string), so the
// values would have to be quoted into the text; that is not the workload.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <pqxx/pqxx>

#include "account.hpp"
#include "checks.hpp"
#include "postgres_tables.hpp"

namespace bench {

class libpqxx_postgres {
public:
    static constexpr const char* name = "libpqxx";

    libpqxx_postgres() : conn_(server_url()) {
        conn_.prepare("select_one", "SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = $1");
        conn_.prepare("select_all", "SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id");
        conn_.prepare("insert",
                      "INSERT INTO loaded_accounts (id, name, note, balance, active, created_at) VALUES ($1, $2, $3, $4, $5, $6)");
        conn_.prepare("add_to_balance", "UPDATE loaded_accounts SET balance = balance + $2 WHERE id = $1");
    }

    std::optional<Account> read_one(std::int64_t id) {
        pqxx::nontransaction transaction{conn_};
        const pqxx::result found = transaction.exec_prepared("select_one", id);
        if (found.empty()) return std::nullopt;
        return read_account(found[0]);
    }

    std::vector<Account> read_all() {
        pqxx::nontransaction transaction{conn_};
        const pqxx::result all = transaction.exec_prepared("select_all");
        std::vector<Account> rows;
        rows.reserve(all.size());
        for (const pqxx::row& row : all) rows.push_back(read_account(row));
        return rows;
    }

    void insert_each(const std::vector<Account>& rows) {
        pqxx::work transaction{conn_};
        for (const Account& a : rows) {
            const time_text created_at{a.created_at};
            transaction.exec_prepared("insert", a.id, a.name, note_or_null(a), a.balance, a.active, created_at.text);
        }
        transaction.commit();
    }

    void bulk_load(const std::vector<Account>& rows) {
        pqxx::work transaction{conn_};
        pqxx::stream_to stream{transaction, "loaded_accounts",
                               std::vector<std::string>{"id", "name", "note", "balance", "active", "created_at"}};
        for (const Account& a : rows) {
            const time_text created_at{a.created_at};
            stream << std::make_tuple(a.id, a.name, note_or_null(a), a.balance, a.active, created_at.text);
        }
        stream.complete();
        transaction.commit();
    }

    void add_to_balances(const std::vector<balance_change>& changes) {
        pqxx::work transaction{conn_};
        for (const balance_change& change : changes) transaction.exec_prepared("add_to_balance", change.id, change.amount);
        transaction.commit();
    }

private:
    pqxx::connection conn_;

    // A timestamp as a C string on the stack: libpqxx binds a const char* as text.
    struct time_text {
        char text[timestamp_text_capacity + 1];
        explicit time_text(timestamp t) { text[format_timestamp(t, text)] = '\0'; }
    };

    static const char* note_or_null(const Account& a) { return a.note ? a.note->c_str() : nullptr; }

    static Account read_account(const pqxx::row& row) {
        return Account{
            .id = row[0].as<std::int64_t>(),
            .name = row[1].as<std::string>(),
            .note = row[2].is_null() ? std::nullopt : std::optional{row[2].as<std::string>()},
            .balance = row[3].as<double>(),
            .active = row[4].as<bool>(),
            .created_at = read_timestamp(std::string_view{row[5].c_str(), row[5].size()}),
        };
    }
};

}  // namespace bench
