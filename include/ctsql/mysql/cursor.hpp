#pragma once
// A prepared statement in use by one call or stream: its arguments bound one per ? in the
// text's order, executed on the binary protocol, and its rows fetched one at a time into the
// statement's bound buffers. A stream that must give way to another command has its remaining
// rows read ahead into the client's memory (mysql_stmt_store_result) and goes on from there.

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <mysql.h>

#include "../connection.hpp"
#include "parameters.hpp"
#include "results.hpp"
#include "session.hpp"

namespace ctsql::mysql {

class cursor : public detail::parameter_writer, public detail::result_reader {
public:
    // `own` is set when the statement is the cursor's alone (its cached one was in use).
    cursor(const std::shared_ptr<detail::session>& session, detail::prepared_statement& statement,
           std::unique_ptr<detail::prepared_statement> own, const ctsql::detail::query_description& query,
           ctsql::detail::cursor_use use)
        : parameter_writer(statement.values, query.name, use == ctsql::detail::cursor_use::call),
          result_reader(statement.results),
          session_(session.get()),
          keep_alive_(use == ctsql::detail::cursor_use::stream ? session : nullptr),
          statement_(&statement),
          own_(std::move(own)),
          query_(&query),
          stream_(use == ctsql::detail::cursor_use::stream) {
        statement.in_use = true;
        statement.values.reset(query.arguments);
    }
    cursor(cursor&& other) noexcept
        : parameter_writer(other),
          result_reader(other),
          session_(other.session_),
          keep_alive_(std::move(other.keep_alive_)),
          statement_(std::exchange(other.statement_, nullptr)),
          own_(std::move(other.own_)),
          query_(other.query_),
          stream_(other.stream_),
          started_(other.started_),
          has_rows_(other.has_rows_),
          finished_(other.finished_) {}
    cursor& operator=(cursor&&) = delete;
    ~cursor() { release(); }

    bool step() {
        if (!started_) start();
        if (!has_rows_ || finished_) return false;
        if (statement_->failure.number != 0) {  // reading ahead failed: the rows are gone
            finished_ = true;
            session_->fail(std::exchange(statement_->failure, {}), query_name_);
        }
        MYSQL_STMT* handle = statement_->handle.get();
        const int rc = statement_->results.fetch(handle);
        if (rc == 0) return true;
        finished_ = true;
        if (session_->reading == statement_) session_->reading = nullptr;
        if (rc == MYSQL_NO_DATA) return false;
        session_->fail(handle, query_name_);
    }

    // The rows the statement changed, once step() has run it.
    std::uint64_t affected_rows() const { return session_->affected_rows; }

    // Ready to run again: the next step executes with the arguments bound since.
    void rewind() {
        finish_result();
        started_ = has_rows_ = finished_ = false;
        statement_->values.reset(statement_->values.size());
    }

private:
    static constexpr unsigned new_metadata = 2057;  // CR_NEW_STMT_METADATA

    detail::session* session_;
    std::shared_ptr<detail::session> keep_alive_;  // a stream's: the connection outlives it
    detail::prepared_statement* statement_;
    std::unique_ptr<detail::prepared_statement> own_;
    const ctsql::detail::query_description* query_;  // static: outlives every cursor
    bool stream_;
    bool started_ = false;
    bool has_rows_ = false;
    bool finished_ = false;

    void start() {
        started_ = true;
        session_->claim();
        MYSQL_STMT* handle = statement_->handle.get();
        if (!statement_->bind(statement_->values, query_->placeholders)) session_->fail(handle, query_name_);
        const bool executed = mysql_stmt_execute(handle) == 0;
        // A table altered since the prepare: the server prepared the statement again by itself,
        // and sends another number of columns (the library refuses them, CR_NEW_STMT_METADATA).
        if (!executed && mysql_stmt_errno(handle) == new_metadata) {
            mysql_stmt_free_result(handle);
            statement_->stale = true;
            ctsql::detail::raise_drift(*query_, "the number of result columns changed since the statement was prepared");
        }
        if (!executed) session_->fail(handle, query_name_);
        // Columns of other types than at the prepare: a table altered, or a column whose type
        // follows an argument's (SELECT ? AS x). Described and checked again.
        if (statement_->described && !statement_->results.still_describes(handle)) statement_->described = false;
        session_->affected_rows = mysql_stmt_affected_rows(handle);
        session_->last_insert_id = static_cast<std::int64_t>(mysql_stmt_insert_id(handle));
        has_rows_ = mysql_stmt_field_count(handle) > 0;
        if (!statement_->described) {  // known only now that it ran
            statement_->results.describe(handle);
            statement_->described = true;
            statement_->stale = true;  // until checked
            detail::check_against_compiled(statement_->results, *query_);
            statement_->stale = false;
        }
        if (has_rows_ && stream_) session_->reading = statement_;
    }

    // The rest of the rows, unread, are dropped: the connection is free for the next command.
    void finish_result() {
        if (statement_ == nullptr || !started_) return;
        if (session_->reading == statement_) session_->reading = nullptr;
        if (has_rows_) {
            mysql_stmt_free_result(statement_->handle.get());  // reads the unread rows
            session_->note_if_lost();
        }
        statement_->failure = {};
    }

    void release() {
        if (statement_ == nullptr) return;
        finish_result();
        statement_->in_use = false;
        // Closing a statement reads what the connection has pending: another stream's rows
        // must be read ahead first.
        if (own_ != nullptr) session_->claim();
    }
};

}  // namespace ctsql::mysql
