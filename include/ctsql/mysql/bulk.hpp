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

class copy_loader : public parameter_writer {
public:
    copy_loader(session& s, const ctsql::detail::query_description& query, const ctsql::detail::range_description& range)
        : parameter_writer(item_, query.name, false),
          session_(&s),
          table_(range.copy_table),
          column_names_(range.copy_columns),
          columns_(range.copy_parameters),
          arguments_(query.arguments),
          rows_per_statement_(std::min(max_rows_per_statement, max_placeholders / columns_.size())),
          byte_budget_(max_allowed_packet(s) / 2),
          transaction_(s) {
        item_.reset(arguments_);
    }
    copy_loader(const copy_loader&) = delete;

    void end_item() {
        if (pending_ > 0 && rows_.wire_size() + item_.wire_size() > byte_budget_) flush();
        const std::size_t base = rows_.size();
        rows_.extend(columns_.size());
        for (std::size_t c = 0; c < columns_.size(); ++c) rows_.copy_from(base + c, item_, columns_[c] - 1);
        item_.reset(arguments_);
        ++pending_;
        if (pending_ == rows_per_statement_) flush();
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

    parameter_values item_;  // the element being bound
    parameter_values rows_;  // the elements not yet sent, column after column
    session* session_;
    std::string_view table_;
    std::string_view column_names_;
    std::span<const std::size_t> columns_;  // the argument (from 1) that fills each column
    std::size_t arguments_;
    std::size_t rows_per_statement_;
    std::size_t byte_budget_;
    range_transaction transaction_;
    std::vector<std::pair<std::size_t, std::unique_ptr<prepared_statement>>> inserts_;  // by row count
    std::vector<MYSQL_BIND> binds_;
    std::size_t pending_ = 0;
    std::size_t first_pending_ = 0;  // the item number of the first row not yet sent
    std::uint64_t loaded_ = 0;

    void flush() {
        if (pending_ == 0) return;
        MYSQL_STMT* handle = insert_of(pending_).handle.get();
        rows_.lay_out(binds_, {});
        try {
            if (mysql_stmt_bind_param(handle, binds_.data()) != 0 || mysql_stmt_execute(handle) != 0)
                session_->fail(handle, query_name_);
        } catch (const error& e) {
            throw e.in_items(first_pending_, first_pending_ + pending_ - 1);
        }
        loaded_ += mysql_stmt_affected_rows(handle);
        first_pending_ += pending_;
        pending_ = 0;
        rows_.reset(0);
    }

    // INSERT INTO table (columns) VALUES (?, ?), (?, ?) ... for this many rows, prepared once.
    prepared_statement& insert_of(std::size_t rows) {
        for (auto& [count, statement] : inserts_)
            if (count == rows) return *statement;
        std::string sql = fmt::format("INSERT INTO {} {} VALUES ", table_, column_names_);
        std::string row = "(";
        for (std::size_t c = 0; c < columns_.size(); ++c) row += c == 0 ? "?" : ", ?";
        row += ")";
        for (std::size_t r = 0; r < rows; ++r) (sql += r == 0 ? "" : ", ") += row;
        inserts_.emplace_back(rows, session_->prepare(sql, query_name_));
        return *inserts_.back().second;
    }
};

// The prepared statement run once per element, in one transaction.
class batch_loader : public ctsql::detail::statement_per_item<mysql::cursor> {
public:
    batch_loader(mysql::cursor statement, session& s)
        : statement_per_item(std::move(statement)), session_(&s), transaction_(s) {}
    batch_loader(const batch_loader&) = delete;

    void end_item() {
        run_item();
        affected_ += session_->affected_rows;
    }

    std::uint64_t finish() {
        transaction_.commit();
        return affected_;
    }

private:
    session* session_;
    range_transaction transaction_;
    std::uint64_t affected_ = 0;
};

}  // namespace ctsql::mysql::detail
