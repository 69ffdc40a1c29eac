#pragma once
// A prepared statement in use by one call: its parameters encoded in binary for the types the
// server expects, then either one result read whole (execute) or rows read one at a time in
// libpq's single-row mode (stream), each value decoded from binary.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include <libpq-fe.h>

#include "../connection.hpp"
#include "../value_io.hpp"
#include "binary.hpp"
#include "errors.hpp"
#include "parameters.hpp"
#include "session.hpp"

namespace ctsql::postgres {

class cursor : public detail::parameter_writer {
public:
    cursor(const std::shared_ptr<detail::session>& session, const std::shared_ptr<detail::prepared_statement>& statement,
           std::string_view query_name, ctsql::detail::cursor_use use)
        : parameter_writer(statement, query_name, use),
          session_(session.get()),
          columns_(statement->columns.data()),
          keep_alive_(use == ctsql::detail::cursor_use::stream ? session : nullptr),
          backlog_(use == ctsql::detail::cursor_use::stream ? std::make_unique<detail::stream_backlog>() : nullptr) {}
    cursor(cursor&&) noexcept = default;
    cursor& operator=(cursor&&) = delete;
    ~cursor() { release(); }

    // Once per row: a call's next row is a count, inlined where rows are read; running the
    // statement and a stream's rows are the rest, kept out of line so that this stays small.
    bool step() {
        if (use_ == ctsql::detail::cursor_use::call && started_) return ++row_ < rows_;
        return start_or_stream();
    }

    // The rows of a call's result, once step() has run it (a stream's are not known).
    std::size_t rows_in_result() const { return static_cast<std::size_t>(rows_); }
    // The rows a call's statement changed, once step() has run it: read from the command's tag
    // only when asked, which costs more than the rest of an INSERT's handling.
    std::uint64_t affected_rows() const { return detail::rows_affected(result_.get()); }

    // Each read returns false for NULL; a value of a type the field cannot hold is a type_mismatch.
    template <class T>
    bool read(int column, T& out, const ctsql::detail::value_site& site) const {
        detail::wire_value v;
        if (!value(column, v)) return false;
        detail::decode(v, out, site);
        return true;
    }
    template <class Vector>
    bool read_array(int column, Vector& out, const ctsql::detail::value_site& site) const {
        detail::wire_value v;
        if (!value(column, v)) return false;
        detail::decode_array(columns_[column], v.bytes, out, site);
        return true;
    }

private:
    detail::session* session_;
    const detail::wire_type* columns_;  // the statement's result columns: the statement is held
    std::shared_ptr<detail::session> keep_alive_;  // a stream's: the connection outlives it
    detail::result_handle result_;
    int row_ = -1;
    int rows_ = 0;
    bool started_ = false;
    bool finished_ = false;  // a stream's last row was read
    std::unique_ptr<detail::stream_backlog> backlog_;  // a stream's rows read ahead; stable for the session

    // The current row's value in `column`, false for NULL. libpq gives NULL a length of 0, so
    // only an empty value needs asking whether it is NULL, and a NULL's bytes are not asked for.
    bool value(int column, detail::wire_value& v) const {
        const int length = PQgetlength(result_.get(), row_, column);
        if (length == 0 && PQgetisnull(result_.get(), row_, column)) return false;
        v = {columns_[column].kind, {PQgetvalue(result_.get(), row_, column), static_cast<std::size_t>(length)}};
        return true;
    }

    [[gnu::noinline]] bool start_or_stream() {
        if (!started_) start();
        if (use_ == ctsql::detail::cursor_use::call) return ++row_ < rows_;
        return next_streamed_row();
    }

    void start() {
        started_ = true;
        session_->claim();
        parameters_.finish();
        PGconn* conn = session_->conn.get();
        const int count = static_cast<int>(parameters_.values.size());
        if (use_ == ctsql::detail::cursor_use::call) {
            result_.reset(PQexecPrepared(conn, statement_->name.c_str(), count, parameters_.values.data(),
                                         parameters_.lengths.data(), parameters_.formats.data(), 1));
            const ExecStatusType status = PQresultStatus(result_.get());
            if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(std::move(result_));
            rows_ = PQntuples(result_.get());
        } else {
            if (!PQsendQueryPrepared(conn, statement_->name.c_str(), count, parameters_.values.data(),
                                     parameters_.lengths.data(), parameters_.formats.data(), 1))
                raise(conn, nullptr, query_name_);
            PQsetSingleRowMode(conn);
            session_->reading = backlog_.get();
        }
    }

    // The next row of a stream: from the backlog if it had to give way, else from the server.
    bool next_streamed_row() {
        row_ = 0;
        if (finished_) return false;
        if (session_->reading != backlog_.get()) {  // gave way: everything is in the backlog
            if (!backlog_->rows.empty()) {
                result_ = std::move(backlog_->rows.front());
                backlog_->rows.pop_front();
                return true;
            }
            finished_ = true;
            if (backlog_->failure) fail(std::move(backlog_->failure));
            return false;
        }
        result_.reset(PQgetResult(session_->conn.get()));
        const ExecStatusType status = PQresultStatus(result_.get());
        if (status == PGRES_SINGLE_TUPLE) return true;
        finished_ = true;
        session_->claim();  // reads what remains: the end of the results
        if (status != PGRES_TUPLES_OK) fail(std::move(result_));
        return false;
    }

    // A statement whose result changed under it (the table was altered) or that the session
    // lost (DISCARD ALL) is prepared again, and checked again, by the next call.
    [[noreturn]] void fail(detail::result_handle failed) {
        const std::string_view sqlstate = detail::field(failed.get(), PG_DIAG_SQLSTATE);
        if (sqlstate == "0A000" || sqlstate == "26000") statement_->ready = false;
        raise(session_->conn.get(), failed.get(), query_name_);
    }

    // An abandoned stream's remaining rows are read and dropped: the connection is free again.
    void release() {
        if (!backlog_ || session_->reading != backlog_.get()) return;
        session_->reading = nullptr;
        while (detail::result_handle rest{PQgetResult(session_->conn.get())}) {
        }
    }
};

}  // namespace ctsql::postgres
