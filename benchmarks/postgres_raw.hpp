#pragma once
// The raw side of the PostgreSQL suite: libpq as an expert writes it, every statement prepared
// once per connection, parameters and results in binary, rows decoded straight from the result
// into the struct, COPY in its binary format, and pipeline mode for the pipelined updates. The
// contract of a side is in checks.hpp; add_to_balances and add_to_balances_pipelined are the
// suite's own update workloads.

#include <bit>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "account.hpp"
#include "postgres_tables.hpp"

namespace bench {

class raw_postgres {
public:
    static constexpr const char* name = "raw";

    raw_postgres() : conn_(PQconnectdb(server_url())) {
        if (PQstatus(conn_) != CONNECTION_OK) fail("connect");
        prepare(select_one_statement, "SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = $1");
        prepare(select_all_statement, "SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id");
        prepare(insert_statement,
                "INSERT INTO loaded_accounts (id, name, note, balance, active, created_at) VALUES ($1, $2, $3, $4, $5, $6)");
        prepare(add_to_balance_statement, "UPDATE loaded_accounts SET balance = balance + $2 WHERE id = $1");
    }
    raw_postgres(const raw_postgres&) = delete;
    raw_postgres& operator=(const raw_postgres&) = delete;
    ~raw_postgres() { PQfinish(conn_); }

    std::optional<Account> read_one(std::int64_t id) {
        const std::uint64_t key = big_endian(static_cast<std::uint64_t>(id));
        const char* values[] = {reinterpret_cast<const char*>(&key)};
        const int lengths[] = {8};
        const int formats[] = {1};
        const result found{PQexecPrepared(conn_, select_one_statement, 1, values, lengths, formats, 1)};
        expect(found, PGRES_TUPLES_OK, "select one");
        if (PQntuples(found.get()) == 0) return std::nullopt;
        return read_account(found.get(), 0);
    }

    std::vector<Account> read_all() {
        const result all{PQexecPrepared(conn_, select_all_statement, 0, nullptr, nullptr, nullptr, 1)};
        expect(all, PGRES_TUPLES_OK, "select all");
        const int count = PQntuples(all.get());
        std::vector<Account> rows;
        rows.reserve(static_cast<std::size_t>(count));
        for (int row = 0; row < count; ++row) rows.push_back(read_account(all.get(), row));
        return rows;
    }

    void insert_each(const std::vector<Account>& rows) {
        run("BEGIN");
        for (const Account& account : rows) {
            const encoded_account values{account};
            const result inserted{PQexecPrepared(conn_, insert_statement, 6, values.values, values.lengths,
                                                 encoded_account::formats, 1)};
            expect(inserted, PGRES_COMMAND_OK, "insert");
        }
        run("COMMIT");
    }

    // COPY's binary format: a signature, flags and an empty header extension, then per row
    // the field count and each field's length (-1 for NULL) and bytes, then a -1 trailer.
    void bulk_load(const std::vector<Account>& rows) {
        const result started{PQexec(
            conn_, "COPY loaded_accounts (id, name, note, balance, active, created_at) FROM STDIN (FORMAT binary)")};
        expect(started, PGRES_COPY_IN, "COPY");
        std::string buffer;
        buffer.reserve(copy_chunk + 256);
        buffer.append("PGCOPY\n\377\r\n\0", 11);
        append(buffer, std::uint32_t{0});  // flags
        append(buffer, std::uint32_t{0});  // header extension length
        for (const Account& account : rows) {
            const encoded_account values{account};
            append(buffer, std::uint16_t{6});
            for (int field = 0; field < 6; ++field) {
                if (values.values[field] == nullptr) {
                    append(buffer, std::uint32_t{0xffff'ffff});  // -1: NULL
                    continue;
                }
                append(buffer, static_cast<std::uint32_t>(values.lengths[field]));
                buffer.append(values.values[field], static_cast<std::size_t>(values.lengths[field]));
            }
            if (buffer.size() >= copy_chunk) put_copy_data(buffer);
        }
        append(buffer, std::uint16_t{0xffff});  // -1: the end
        put_copy_data(buffer);
        if (PQputCopyEnd(conn_, nullptr) != 1) fail("COPY end");
        const result done{PQgetResult(conn_)};
        expect(done, PGRES_COMMAND_OK, "COPY");
        while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);
    }

    void add_to_balances(const std::vector<balance_change>& changes) {
        run("BEGIN");
        for (const balance_change& change : changes) {
            const encoded_change values{change};
            const result updated{PQexecPrepared(conn_, add_to_balance_statement, 2, values.values,
                                                encoded_change::lengths, encoded_change::formats, 1)};
            expect(updated, PGRES_COMMAND_OK, "update");
        }
        run("COMMIT");
    }

    // Every update sent without waiting, one sync at the end: the pipeline up to the sync is one
    // implicit transaction. libpq reads the server's answers whenever a send would block, so
    // neither side's buffers fill while the other waits.
    void add_to_balances_pipelined(const std::vector<balance_change>& changes) {
        if (PQenterPipelineMode(conn_) != 1) fail("enter pipeline mode");
        for (const balance_change& change : changes) {
            const encoded_change values{change};
            if (PQsendQueryPrepared(conn_, add_to_balance_statement, 2, values.values, encoded_change::lengths,
                                    encoded_change::formats, 1) != 1)
                fail("send update");
        }
        if (PQpipelineSync(conn_) != 1) fail("pipeline sync");
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const result updated{PQgetResult(conn_)};
            expect(updated, PGRES_COMMAND_OK, "pipelined update");
            if (PGresult* end = PQgetResult(conn_)) {  // each statement's results end with a NULL
                PQclear(end);
                throw std::runtime_error("raw: more than one result for a pipelined update");
            }
        }
        const result synced{PQgetResult(conn_)};
        expect(synced, PGRES_PIPELINE_SYNC, "pipeline sync");
        if (PQexitPipelineMode(conn_) != 1) fail("exit pipeline mode");
    }

private:
    static constexpr const char* select_one_statement = "select_one";
    static constexpr const char* select_all_statement = "select_all";
    static constexpr const char* insert_statement = "insert";
    static constexpr const char* add_to_balance_statement = "add_to_balance";
    static constexpr std::size_t copy_chunk = 1 << 16;

    // The microseconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01.
    static constexpr std::int64_t postgres_epoch = 946'684'800'000'000;

    struct result_deleter {
        void operator()(PGresult* r) const { PQclear(r); }
    };
    using result = std::unique_ptr<PGresult, result_deleter>;

    PGconn* conn_;

    static std::uint64_t big_endian(std::uint64_t v) { return std::endian::native == std::endian::big ? v : __builtin_bswap64(v); }
    static std::uint32_t big_endian(std::uint32_t v) { return std::endian::native == std::endian::big ? v : __builtin_bswap32(v); }
    static std::uint16_t big_endian(std::uint16_t v) { return std::endian::native == std::endian::big ? v : __builtin_bswap16(v); }

    template <class Unsigned>
    static void append(std::string& out, Unsigned v) {
        const Unsigned wire = big_endian(v);
        out.append(reinterpret_cast<const char*>(&wire), sizeof wire);
    }
    static std::uint64_t read_u64(const char* p) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        return big_endian(v);
    }

    // One row's parameters in binary: the text straight from the struct, the rest encoded here.
    struct encoded_account {
        static constexpr int formats[6] = {1, 1, 1, 1, 1, 1};
        std::uint64_t id, balance, created_at;
        char active;
        const char* values[6];
        int lengths[6];

        explicit encoded_account(const Account& a)
            : id(big_endian(static_cast<std::uint64_t>(a.id))),
              balance(big_endian(std::bit_cast<std::uint64_t>(a.balance))),
              created_at(big_endian(static_cast<std::uint64_t>(a.created_at.time_since_epoch().count() - postgres_epoch))),
              active(a.active ? 1 : 0),
              values{reinterpret_cast<const char*>(&id), a.name.data(), a.note ? a.note->data() : nullptr,
                     reinterpret_cast<const char*>(&balance), &active, reinterpret_cast<const char*>(&created_at)},
              lengths{8, static_cast<int>(a.name.size()), a.note ? static_cast<int>(a.note->size()) : 0, 8, 1, 8} {}
        encoded_account(const encoded_account&) = delete;  // values point into it
    };

    struct encoded_change {
        static constexpr int lengths[2] = {8, 8};
        static constexpr int formats[2] = {1, 1};
        std::uint64_t id, amount;
        const char* values[2];

        explicit encoded_change(const balance_change& c)
            : id(big_endian(static_cast<std::uint64_t>(c.id))),
              amount(big_endian(std::bit_cast<std::uint64_t>(c.amount))),
              values{reinterpret_cast<const char*>(&id), reinterpret_cast<const char*>(&amount)} {}
        encoded_change(const encoded_change&) = delete;
    };

    static Account read_account(const PGresult* r, int row) {
        const auto text = [&](int column) {
            return std::string{PQgetvalue(r, row, column), static_cast<std::size_t>(PQgetlength(r, row, column))};
        };
        return Account{
            .id = static_cast<std::int64_t>(read_u64(PQgetvalue(r, row, 0))),
            .name = text(1),
            .note = PQgetisnull(r, row, 2) ? std::nullopt : std::optional<std::string>{text(2)},
            .balance = std::bit_cast<double>(read_u64(PQgetvalue(r, row, 3))),
            .active = *PQgetvalue(r, row, 4) != 0,
            .created_at = timestamp{std::chrono::microseconds{static_cast<std::int64_t>(read_u64(PQgetvalue(r, row, 5))) +
                                                              postgres_epoch}},
        };
    }

    void prepare(const char* statement, const char* sql) {
        const result prepared{PQprepare(conn_, statement, sql, 0, nullptr)};
        expect(prepared, PGRES_COMMAND_OK, statement);
    }
    void run(const char* sql) {
        const result done{PQexec(conn_, sql)};
        expect(done, PGRES_COMMAND_OK, sql);
    }
    void put_copy_data(std::string& buffer) {
        if (PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1) fail("COPY data");
        buffer.clear();
    }

    void expect(const result& r, ExecStatusType status, const char* what) const {
        if (PQresultStatus(r.get()) != status) fail(what);
    }
    [[noreturn]] void fail(const char* what) const {
        throw std::runtime_error(std::string{"raw libpq: "} + what + ": " + PQerrorMessage(conn_));
    }
};

}  // namespace bench
