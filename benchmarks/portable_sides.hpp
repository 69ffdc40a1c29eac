#pragma once
// The two sides whose code is the same on every backend: ctsql, as a user writes it, and SOCI,
// as an expert writes it (statements prepared once, variables bound once, bulk vectors); and the
// ctsql query with which the SQLite and MySQL Tables fill `accounts` (PostgreSQL's makes the rows
// on the server). Each suite gives the connection: ctsql's and the schema its queries are checked
// against, or SOCI's backend name and connect string. The contract of a side is in checks.hpp; a
// suite with workloads of its own (PostgreSQL's updates) derives from these and adds them, on the
// same connection.

#include <soci/soci.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "account.hpp"
#include "checks.hpp"

namespace bench {

// What a suite's Table fills `accounts` with, rows from accounts_up_to(table_rows).
template <const auto& Schema>
inline constexpr auto FillAccounts = ctsql::query<R"sql(
  -- name: FillAccounts :copyfrom
  INSERT INTO accounts (id, name, note, balance, active, created_at)
  VALUES (@id, @name, @note, @balance, @active, @created_at)
)sql", Schema>;

template <class Connection, const auto& Schema>
class ctsql_side {
public:
    static constexpr const char* name = "ctsql";

    static constexpr auto GetAccount = ctsql::query<R"sql(
      -- name: GetAccount :one
      SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = $1
    )sql", Schema>;
    static constexpr auto ListAccounts = ctsql::query<R"sql(
      -- name: ListAccounts :many
      SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id
    )sql", Schema>;
    static constexpr auto InsertAccount = ctsql::query<R"sql(
      -- name: InsertAccount :exec
      INSERT INTO loaded_accounts (id, name, note, balance, active, created_at)
      VALUES (@id, @name, @note, @balance, @active, @created_at)
    )sql", Schema>;
    static constexpr auto CopyAccounts = ctsql::query<R"sql(
      -- name: CopyAccounts :copyfrom
      INSERT INTO loaded_accounts (id, name, note, balance, active, created_at)
      VALUES (@id, @name, @note, @balance, @active, @created_at)
    )sql", Schema>;

    explicit ctsql_side(Connection db) : db_(std::move(db)) {}

    std::optional<Account> read_one(std::int64_t id) { return db_.template execute<Account>(GetAccount, id); }
    std::vector<Account> read_all() { return db_.template execute<Account>(ListAccounts); }
    void insert_each(const std::vector<Account>& rows) {
        auto tx = db_.transaction();
        for (const Account& a : rows) db_.execute(InsertAccount, a);  // named parameters from the fields
        tx.commit();
    }
    void bulk_load(const std::vector<Account>& rows) { db_.execute(CopyAccounts, rows); }

protected:
    Connection db_;
};

class soci_side {
public:
    static constexpr const char* name = "soci";

    // The session runs each of `setup` before anything else. The backend is named ("sqlite3",
    // "mysql", "postgresql") rather than given by its header: soci-sqlite3.h declares SQLite's C
    // API inside a namespace of its own, which breaks any other code in the file that includes
    // sqlite3.h.
    soci_side(const std::string& backend, const std::string& connect_string,
              std::initializer_list<const char*> setup)
        : sql_(backend, connect_string, setup),
          select_one_(prepare_select_one()),
          select_all_(prepare_select_all()),
          insert_one_(prepare_insert_one()) {}

    std::optional<Account> read_one(std::int64_t id) {
        wanted_id_ = id;
        if (!select_one_.execute(true)) return std::nullopt;
        Account row{one_.id, one_.name, one_.note_indicator == soci::i_null ? std::nullopt : std::optional{one_.note},
                    one_.balance, one_.active != 0, read_timestamp(one_.created_at)};
        // To the end of the result: a SQLite statement left on its row keeps its read snapshot,
        // and this connection's next transaction could not write ("database is locked").
        select_one_.fetch();
        return row;
    }

    // Bulk into(std::vector), a batch at a time: SOCI's fastest way to read many rows.
    std::vector<Account> read_all() {
        std::vector<Account> rows;
        many_.resize(batch_rows);
        select_all_.execute();
        while (select_all_.fetch()) {
            for (std::size_t i = 0; i < many_.id.size(); ++i)
                rows.push_back({many_.id[i], std::move(many_.name[i]),
                                many_.note_indicator[i] == soci::i_null ? std::nullopt : std::optional{std::move(many_.note[i])},
                                many_.balance[i], many_.active[i] != 0, read_timestamp(many_.created_at[i])});
            many_.resize(batch_rows);  // fetch shrinks them to the rows it read
        }
        return rows;
    }

    void insert_each(const std::vector<Account>& rows) {
        soci::transaction tx{sql_.session};
        for (const Account& a : rows) {
            one_.set(a);
            insert_one_.execute(true);
        }
        tx.commit();
    }

    // Bulk use(std::vector), a batch at a time, in one transaction. Each batch is a statement
    // of its own: SOCI 4.0's MySQL backend, executing a bulk statement again, sends the first
    // batch's values again.
    void bulk_load(const std::vector<Account>& rows) {
        soci::transaction tx{sql_.session};
        for (std::size_t first = 0; first < rows.size(); first += batch_rows) {
            const std::size_t count = std::min(batch_rows, rows.size() - first);
            many_.resize(count);
            for (std::size_t i = 0; i < count; ++i) many_.set(i, rows[first + i]);
            sql_.session << insert_sql, soci::use(many_.id), soci::use(many_.name), soci::use(many_.note, many_.note_indicator),
                soci::use(many_.balance), soci::use(many_.active), soci::use(many_.created_at);
        }
        tx.commit();
    }

protected:
    soci::session& session() { return sql_.session; }

private:
    static constexpr std::size_t batch_rows = 1000;

    struct configured_session {
        soci::session session;
        configured_session(const std::string& backend, const std::string& connect_string,
                           std::initializer_list<const char*> setup)
            : session(backend, connect_string) {
            for (const char* statement : setup) session << statement;
        }
    };

    // Timestamps go as text both ways: SOCI's std::tm holds no microseconds. Booleans go as
    // integers (SOCI has no bool): PostgreSQL's backend reads "t"/"f" as 1/0, and the server
    // takes "1"/"0" for a boolean.
    static void write_time(timestamp t, std::string& out) {
        char text[timestamp_text_capacity];
        out.assign(text, format_timestamp(t, text));
    }

    // One row's columns, as SOCI exchanges them (it has no bool).
    struct row_variables {
        long long id = 0;
        std::string name;
        std::string note;
        soci::indicator note_indicator = soci::i_ok;
        double balance = 0;
        int active = 0;
        std::string created_at;

        void set(const Account& a) {
            id = a.id;
            name = a.name;
            note = a.note.value_or("");
            note_indicator = a.note ? soci::i_ok : soci::i_null;
            balance = a.balance;
            active = a.active ? 1 : 0;
            write_time(a.created_at, created_at);
        }
    };
    // A batch of rows, column by column.
    struct row_vectors {
        std::vector<long long> id;
        std::vector<std::string> name;
        std::vector<std::string> note;
        std::vector<soci::indicator> note_indicator;
        std::vector<double> balance;
        std::vector<int> active;
        std::vector<std::string> created_at;

        void resize(std::size_t rows) {
            id.resize(rows);
            name.resize(rows);
            note.resize(rows);
            note_indicator.resize(rows);
            balance.resize(rows);
            active.resize(rows);
            created_at.resize(rows);
        }
        void set(std::size_t i, const Account& a) {
            id[i] = a.id;
            name[i] = a.name;
            note[i] = a.note.value_or("");
            note_indicator[i] = a.note ? soci::i_ok : soci::i_null;
            balance[i] = a.balance;
            active[i] = a.active ? 1 : 0;
            write_time(a.created_at, created_at[i]);
        }
    };

    configured_session sql_;
    long long wanted_id_ = 0;
    row_variables one_;
    row_vectors many_;
    soci::statement select_one_;
    soci::statement select_all_;
    soci::statement insert_one_;

    static constexpr const char* insert_sql =
        "INSERT INTO loaded_accounts (id, name, note, balance, active, created_at)"
        " VALUES (:id, :name, :note, :balance, :active, :created_at)";

    soci::statement prepare_select_one() {
        return (sql_.session.prepare << "SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = :id",
                soci::use(wanted_id_), soci::into(one_.id), soci::into(one_.name), soci::into(one_.note, one_.note_indicator),
                soci::into(one_.balance), soci::into(one_.active), soci::into(one_.created_at));
    }
    soci::statement prepare_select_all() {
        many_.resize(batch_rows);
        return (sql_.session.prepare << "SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id",
                soci::into(many_.id), soci::into(many_.name), soci::into(many_.note, many_.note_indicator),
                soci::into(many_.balance), soci::into(many_.active), soci::into(many_.created_at));
    }
    soci::statement prepare_insert_one() {
        return (sql_.session.prepare << insert_sql, soci::use(one_.id), soci::use(one_.name),
                soci::use(one_.note, one_.note_indicator), soci::use(one_.balance), soci::use(one_.active),
                soci::use(one_.created_at));
    }
};

}  // namespace bench
