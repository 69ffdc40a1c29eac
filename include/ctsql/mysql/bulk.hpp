#pragma once
// Ranges of argument sets: :copyfrom as multi-row INSERT statements, each as many rows as fit
// under the 65535-placeholder limit and half the server's max_allowed_packet; :batchexec as
// the prepared statement run once per element. Both inside one transaction (a savepoint in
// the caller's), so that the range is all or nothing as on the other databases. Not LOAD DATA
// LOCAL INFILE: servers turn it off by default, and it turns errors into warnings.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <mysql.h>

#include "../connection.hpp"
#include "../detail/statement_per_item.hpp"
#include "cursor.hpp"
#include "parameters.hpp"
#include "session.hpp"

namespace ctsql::mysql::detail {

// A transaction for one range, or a savepoint inside the caller's; undone unless committed.
class range_transaction {
public:
    explicit range_transaction(session& s) : session_(&s), nested_(s.in_transaction()) {
        session_->run(nested_ ? "SAVEPOINT ctsql_range" : "START TRANSACTION");
    }
    range_transaction(const range_transaction&) = delete;
    ~range_transaction() {
        if (done_ || session_->lost) return;
        try {
            session_->run(nested_ ? "ROLLBACK TO SAVEPOINT ctsql_range" : "ROLLBACK");
        } catch (const error&) {  // a deadlock already rolled the whole transaction back
        }
    }
    void commit() {
        session_->run(nested_ ? "RELEASE SAVEPOINT ctsql_range" : "COMMIT");
        done_ = true;
    }

private:
    session* session_;
    bool nested_;
    bool done_ = false;
};

// The server's max_allowed_packet: no statement sent may be larger.
inline unsigned long max_allowed_packet(session& s) {
    if (s.max_packet != 0) return s.max_packet;
    s.claim();
    constexpr std::string_view sql = "SELECT @@max_allowed_packet";
    if (mysql_real_query(s.conn.get(), sql.data(), sql.size()) != 0) s.fail({});
    MYSQL_RES* result = mysql_store_result(s.conn.get());
    if (result == nullptr) s.fail({});
    const MYSQL_ROW row = mysql_fetch_row(result);
    s.max_packet = row && row[0] ? std::strtoul(row[0], nullptr, 10) : 0;
    mysql_free_result(result);
    if (s.max_packet == 0) s.max_packet = 1 << 20;  // MySQL's smallest default: 1 MiB
    return s.max_packet;
}

// Each element's values are bound straight into the row of them that the next INSERT sends,
// and each INSERT's parameters are bound to those rows once: it is only executed again as the
// rows are filled anew, as users of the C API do it. Both are kept for the connection's next
// call. A row that would take an INSERT past the byte budget goes in the next one: it moves to
// the first row once the rows before it are sent.
class copy_loader : public parameter_writer {
public:
    copy_loader(session& s, const ctsql::detail::query_description& query, const ctsql::detail::range_description& range)
        : parameter_writer(rows_, query.name, false),
          session_(&s),
          slot_(query.slot),
          table_(range.copy_table),
          column_names_(range.copy_columns),
          columns_(range.copy_parameters),
          arguments_(query.arguments),
          rows_per_statement_(std::min(max_rows_per_statement, max_placeholders / columns_.size())),
          byte_budget_(max_allowed_packet(s) / 2),
          most_uses_(most_uses(columns_, arguments_)),
          transaction_(s) {
        if (slot_ >= s.copies.size()) s.copies.resize(slot_ + 1);  // here: giving them back cannot fail
        // The last call's, unless another loader of the query has them now.
        copy_statements kept = std::exchange(s.copies[slot_], {});
        rows_ = std::move(kept.rows);
        inserts_ = std::move(kept.inserts);
        rows_.grow(arguments_);
        bytes_before_ = rows_.bytes_set();
    }
    copy_loader(const copy_loader&) = delete;
    // Kept for the next call: the full INSERT and the last other (as loads of a few rows at a
    // time use again), and the memory of copied text up to the byte budget.
    ~copy_loader() {
        std::erase_if(inserts_, [&](const multi_row_insert& i) {
            return i.rows != rows_per_statement_ && i.rows != last_rows_;
        });
        rows_.trim(rows_.size(), byte_budget_);
        session_->copies[slot_] = {std::move(rows_), std::move(inserts_)};
    }

    void end_item() {
        // Each value takes its bytes and about 11 more (type, length, NULL flag) on the wire.
        const std::size_t size = columns_.size() * 11 + most_uses_ * (rows_.bytes_set() - bytes_before_);
        if (pending_ > 0 && pending_bytes_ + size > byte_budget_) {
            const std::size_t row = pending_;
            flush();
            for (std::size_t a = 0; a < arguments_; ++a) rows_.copy(a, row * arguments_ + a);
        }
        pending_bytes_ += size;
        ++pending_;
        if (pending_ == rows_per_statement_) flush();
        first_ = pending_ * arguments_;
        rows_.grow(first_ + arguments_);
        bytes_before_ = rows_.bytes_set();
    }

    // The rows loaded.
    std::uint64_t finish() {
        flush();
        transaction_.commit();
        return loaded_;
    }

private:
    static constexpr std::size_t max_placeholders = 65535;
    static constexpr std::size_t max_rows_per_statement = 1000;

    parameter_values rows_;  // the elements not yet sent, row after row, each all its arguments
    std::vector<multi_row_insert> inserts_;
    session* session_;
    std::size_t slot_;
    std::string_view table_;
    std::string_view column_names_;
    std::span<const std::size_t> columns_;  // the argument (from 1) that fills each column
    std::size_t arguments_;
    std::size_t rows_per_statement_;
    std::size_t byte_budget_;
    std::size_t most_uses_;  // the most columns one argument fills: 1 unless the INSERT repeats one
    range_transaction transaction_;
    std::size_t pending_ = 0;
    std::size_t pending_bytes_ = 0;  // what the pending rows take on the wire, roughly
    std::size_t bytes_before_ = 0;   // rows_.bytes_set() before the element being bound
    std::size_t first_pending_ = 0;  // the item number of the first row not yet sent
    std::size_t last_rows_ = 0;      // the rows of the last INSERT sent
    std::uint64_t loaded_ = 0;

    static std::size_t most_uses(std::span<const std::size_t> columns, std::size_t arguments) {
        std::vector<std::size_t> uses(arguments + 1);
        std::size_t most = 0;
        for (const std::size_t argument : columns) most = std::max(most, ++uses[argument]);
        return most;
    }

    void flush() {
        if (pending_ == 0) return;
        multi_row_insert& insert = insert_of(pending_);
        MYSQL_STMT* handle = insert.statement->handle.get();
        try {
            if (!insert.statement->bind(rows_, columns_, pending_, arguments_)) session_->fail(handle, query_name_);
            if (mysql_stmt_execute(handle) != 0) session_->fail(handle, query_name_);
        } catch (const error& e) {
            throw e.in_items(first_pending_, first_pending_ + pending_ - 1);
        }
        loaded_ += mysql_stmt_affected_rows(handle);
        rows_.trim(pending_ * arguments_, byte_budget_);
        first_pending_ += pending_;
        last_rows_ = pending_;
        pending_ = 0;
        pending_bytes_ = 0;
    }

    // INSERT INTO table (columns) VALUES (?, ?), (?, ?) ... for this many rows, prepared once.
    multi_row_insert& insert_of(std::size_t rows) {
        for (multi_row_insert& i : inserts_)
            if (i.rows == rows) return i;
        std::string sql = fmt::format("INSERT INTO {} {} VALUES ", table_, column_names_);
        std::string row = "(";
        for (std::size_t c = 0; c < columns_.size(); ++c) row += c == 0 ? "?" : ", ?";
        row += ")";
        for (std::size_t r = 0; r < rows; ++r) (sql += r == 0 ? "" : ", ") += row;
        return inserts_.emplace_back(multi_row_insert{rows, session_->prepare(sql, query_name_)});
    }
};

// The prepared statement run once per element, in one transaction.
class batch_loader : public ctsql::detail::statement_per_item<mysql::cursor> {
public:
    batch_loader(mysql::cursor statement, session& s)
        : statement_per_item(std::move(statement)), transaction_(s) {}
    batch_loader(const batch_loader&) = delete;

    void end_item() {
        run_item();
        affected_ += statement_.affected_rows();
    }

    std::uint64_t finish() {
        transaction_.commit();
        return affected_;
    }

private:
    range_transaction transaction_;
    std::uint64_t affected_ = 0;
};

}  // namespace ctsql::mysql::detail
