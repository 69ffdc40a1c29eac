#pragma once
// The suite's workloads in SOCI 4.0 with its PostgreSQL backend, as its documentation teaches
// for speed: statements prepared once with variables bound to them, vectors for bulk fetches
// and inserts. SOCI moves every value as text. It has no bool, so booleans travel as integers
// (SOCI reads PostgreSQL's "t"/"f" as 1/0, and the server takes "1"/"0"), and its std::tm has
// no fraction of a second, so timestamps travel as text parsed and formatted here.
// No pipelined update: SOCI has no pipeline.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "account.hpp"
#include "postgres_tables.hpp"
#include "postgres_timestamp_text.hpp"

namespace bench {

class soci_client {
public:
    static constexpr const char* name = "soci";

    explicit soci_client(const char* url)
        : session_(soci::postgresql, keyword_form(url)),
          find_((session_.prepare << "SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = :id",
                 soci::into(found_.id), soci::into(found_.name), soci::into(found_.note, found_.note_present),
                 soci::into(found_.balance), soci::into(found_.active), soci::into(found_.created_at),
                 soci::use(find_id_))),
          fetch_all_((session_.prepare << "SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id",
                      soci::into(fetched_.ids), soci::into(fetched_.names), soci::into(fetched_.notes, fetched_.note_present),
                      soci::into(fetched_.balances), soci::into(fetched_.actives), soci::into(fetched_.created_ats))),
          insert_((session_.prepare << "INSERT INTO scratch_accounts (id, name, note, balance, active, created_at) "
                                       "VALUES (:id, :name, :note, :balance, :active, :created_at)",
                   soci::use(inserted_.id), soci::use(inserted_.name), soci::use(inserted_.note, inserted_.note_present),
                   soci::use(inserted_.balance), soci::use(inserted_.active), soci::use(inserted_.created_at))),
          add_to_balance_((session_.prepare << "UPDATE scratch_accounts SET balance = balance + :amount WHERE id = :id",
                           soci::use(change_amount_), soci::use(change_id_))) {}

    std::optional<Account> find(std::int64_t id) {
        find_id_ = id;
        if (!find_.execute(true)) return std::nullopt;
        return found_.account();
    }

    // A batch of rows at a time into vectors, as SOCI's bulk fetch goes.
    std::vector<Account> fetch_all() {
        std::vector<Account> rows;
        fetched_.resize(fetch_batch);
        fetch_all_.execute();
        while (fetch_all_.fetch()) {
            for (std::size_t i = 0; i < fetched_.ids.size(); ++i) rows.push_back(fetched_.take(i));
            fetched_.resize(fetch_batch);
        }
        return rows;
    }

    void insert_each(std::span<const Account> rows) {
        soci::transaction transaction{session_};
        for (const Account& account : rows) {
            inserted_.assign(account);
            insert_.execute(true);
        }
        transaction.commit();
    }

    // SOCI's bulk insert: one INSERT with vectors bound. On the wire, SOCI's PostgreSQL backend
    // still runs the prepared statement once per row and waits for each (PQexecPrepared in a
    // loop): one round trip per row, in text. In a transaction, as the other loads are atomic.
    void bulk_load(std::span<const Account> rows) {
        column_vectors columns;
        columns.reserve(rows.size());
        for (const Account& account : rows) columns.push_back(account);
        soci::transaction transaction{session_};
        session_ << "INSERT INTO scratch_accounts (id, name, note, balance, active, created_at) "
                    "VALUES (:id, :name, :note, :balance, :active, :created_at)",
            soci::use(columns.ids), soci::use(columns.names), soci::use(columns.notes, columns.note_present),
            soci::use(columns.balances), soci::use(columns.actives), soci::use(columns.created_ats);
        transaction.commit();
    }

    void add_to_balances(std::span<const balance_change> changes) {
        soci::transaction transaction{session_};
        for (const balance_change& change : changes) {
            change_id_ = change.id;
            change_amount_ = change.amount;
            add_to_balance_.execute(true);
        }
        transaction.commit();
    }

private:
    static constexpr std::size_t fetch_batch = 1000;

    // SOCI reads its connect string as libpq's "key=value" form (it looks for options of its
    // own there) and garbles a URL: the URL is turned into that form first.
    static std::string keyword_form(const char* url) {
        char* error = nullptr;
        PQconninfoOption* options = PQconninfoParse(url, &error);
        if (options == nullptr) {
            const std::string message = error ? error : "out of memory";
            PQfreemem(error);
            throw std::runtime_error("soci: cannot read the connection URL: " + message);
        }
        std::string keywords;
        for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
            if (o->val == nullptr) continue;
            keywords += fmt::format("{}{}='", keywords.empty() ? "" : " ", o->keyword);
            for (const char* c = o->val; *c != '\0'; ++c) {
                if (*c == '\'' || *c == '\\') keywords += '\\';
                keywords += *c;
            }
            keywords += '\'';
        }
        PQconninfoFree(options);
        return keywords;
    }

    static Account to_account(long long id, std::string name, std::string note, soci::indicator note_present,
                              double balance, int active, const std::string& created_at) {
        return Account{id, std::move(name), note_present == soci::i_ok ? std::optional{std::move(note)} : std::nullopt,
                       balance, active != 0, parse_timestamp(created_at)};
    }

    // One row in the variables a statement binds.
    struct row_variables {
        long long id = 0;
        std::string name;
        std::string note;
        soci::indicator note_present = soci::i_ok;
        double balance = 0;
        int active = 0;
        std::string created_at;

        Account account() const { return to_account(id, name, note, note_present, balance, active, created_at); }
        void assign(const Account& a) {
            id = a.id;
            name = a.name;
            note_present = a.note ? soci::i_ok : soci::i_null;
            note = a.note.value_or("");
            balance = a.balance;
            active = a.active ? 1 : 0;
            created_at = timestamp_text(a.created_at);
        }
    };

    // Rows as SOCI's bulk operations bind them: a vector per column.
    struct column_vectors {
        std::vector<long long> ids;
        std::vector<std::string> names;
        std::vector<std::string> notes;
        std::vector<soci::indicator> note_present;
        std::vector<double> balances;
        std::vector<int> actives;
        std::vector<std::string> created_ats;

        void resize(std::size_t n) {
            ids.resize(n);
            names.resize(n);
            notes.resize(n);
            note_present.resize(n);
            balances.resize(n);
            actives.resize(n);
            created_ats.resize(n);
        }
        void reserve(std::size_t n) {
            ids.reserve(n);
            names.reserve(n);
            notes.reserve(n);
            note_present.reserve(n);
            balances.reserve(n);
            actives.reserve(n);
            created_ats.reserve(n);
        }
        // Row i, its text moved out: the next fetch overwrites it.
        Account take(std::size_t i) {
            return to_account(ids[i], std::move(names[i]), std::move(notes[i]), note_present[i], balances[i], actives[i],
                              created_ats[i]);
        }
        void push_back(const Account& a) {
            ids.push_back(a.id);
            names.push_back(a.name);
            notes.push_back(a.note.value_or(""));
            note_present.push_back(a.note ? soci::i_ok : soci::i_null);
            balances.push_back(a.balance);
            actives.push_back(a.active ? 1 : 0);
            created_ats.push_back(timestamp_text(a.created_at));
        }
    };

    // The variables the prepared statements are bound to, then the statements.
    soci::session session_;
    long long find_id_ = 0;
    row_variables found_;
    column_vectors fetched_;
    row_variables inserted_;
    long long change_id_ = 0;
    double change_amount_ = 0;
    soci::statement find_, fetch_all_, insert_, add_to_balance_;
};

}  // namespace bench
