#pragma once
// Ranges of argument sets in few round trips: :copyfrom streams rows to COPY ... FROM STDIN in
// binary, :batchexec sends every execution in libpq's pipeline mode. Both are all or nothing:
// COPY is one statement, and a pipeline up to its sync point is one implicit transaction.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <ranges>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "../connection.hpp"
#include "binary.hpp"
#include "errors.hpp"
#include "parameters.hpp"
#include "session.hpp"

namespace ctsql::postgres::detail {

// Inside the caller's transaction a load runs under a savepoint, so that its failure undoes the
// load alone and leaves the transaction usable, as on the other backends.
class load_savepoint {
public:
    load_savepoint(PGconn* conn, const char* name) : conn_(conn), name_(name) {
        if (PQtransactionStatus(conn_) == PQTRANS_INTRANS) active_ = run(conn_, "SAVEPOINT", name_);
    }
    void release() {
        if (std::exchange(active_, false)) run(conn_, "RELEASE SAVEPOINT", name_);
    }
    void undo() {
        if (std::exchange(active_, false)) roll_back(conn_, name_);
    }

    // Back to the savepoint, and out of it. Its errors are not reported: the load's failure is.
    static void roll_back(PGconn* conn, const char* name) {
        if (run(conn, "ROLLBACK TO SAVEPOINT", name)) run(conn, "RELEASE SAVEPOINT", name);
    }

private:
    PGconn* conn_;
    const char* name_;
    bool active_ = false;

    static bool run(PGconn* conn, std::string_view command, const char* name) {
        const std::string sql = fmt::format("{} {}", command, name);
        const result_handle result{PQexec(conn, sql.c_str())};
        return PQresultStatus(result.get()) == PGRES_COMMAND_OK;
    }
};

// A session's connection, once a stream still reading from it has read ahead.
inline PGconn* claimed(session& s) {
    s.claim();
    return s.conn.get();
}

// COPY's binary form: a signature, flags and a header extension, then each row as a field count
// and each field's length (-1 for NULL) and bytes, then -1. Where each parameter is a column, in
// order (INSERT INTO t (a, b) VALUES ($1, $2)), each value is encoded straight into the row as
// it is bound, as hand-written code does; otherwise (columns in another order, a parameter in
// two), or from a value bound out of order on, a row's values wait in the parameters until
// end_item() writes them.
class copy_loader : public parameter_writer {
public:
    copy_loader(session& s, const std::shared_ptr<prepared_statement>& insert, const ctsql::detail::query_description& query,
                const ctsql::detail::range_description& range)
        : parameter_writer(insert, query.name, ctsql::detail::cursor_use::call),
          session_(s),
          columns_(range.copy_parameters),
          savepoint_(claimed(s), "ctsql_copy") {
        const std::string sql = fmt::format("COPY {} {} FROM STDIN (FORMAT binary)", range.copy_table, range.copy_columns);
        const result_handle started{PQexec(conn(), sql.c_str())};
        if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
            savepoint_.undo();
            raise(conn(), started.get(), query_name_);
        }
        copying_ = true;
        buffer_.reserve(flush_size + flush_size / 4);  // allocated once, not doubled up to where rows go out
        buffer_.append("PGCOPY\n\377\r\n\0", 11);
        append_big_endian(buffer_, std::int32_t{0});
        append_big_endian(buffer_, std::int32_t{0});
        columns_are_parameters_ = std::ranges::equal(columns_, std::views::iota(std::size_t{1}, statement_->parameters.size() + 1));
        in_order_ = columns_are_parameters_;
    }
    copy_loader(const copy_loader&) = delete;
    ~copy_loader() {
        if (!copying_) return;
        PQputCopyEnd(conn(), "ctsql: the rows could not all be encoded");  // the server discards the COPY
        while (result_handle rest{PQgetResult(conn())}) {
        }
        savepoint_.undo();
    }

    void bind_null(int position) {
        if (!next_column_is(position)) return parameter_writer::bind_null(position);
        append_big_endian(buffer_, std::int32_t{-1});
        ++written_;
    }
    template <class T>
    void bind(int position, const T& value) {
        if (!next_column_is(position)) return parameter_writer::bind(position, value);
        write_column(position, [&](std::string& out, const ctsql::detail::argument_site& site) {
            return value_encoder{statement_->parameters[index(position)].kind, out, site}.encode(value);
        });
    }
    template <class T>
    void bind_copy(int position, const T& value) {
        if (!next_column_is(position)) return parameter_writer::bind_copy(position, value);
        // In the row, a value is a copy already. bind() asks next_column_is() again (true): a
        // helper shared by both, which would not, made g++ inline less (740 -> 845 instructions a row).
        bind(position, value);
    }
    template <class Vector>
    void bind_array(const ctsql::detail::argument_site& site, const Vector& values) {
        if (!next_column_is(site.position)) return parameter_writer::bind_array(site, values);
        write_column(site.position, [&](std::string& out, const ctsql::detail::argument_site&) {
            encode_array(statement_->parameters[index(site.position)], values, out, site);
            return wire_format::binary;
        });
    }

    void end_item() {
        open_row();
        for (; written_ < columns_.size(); ++written_) {  // the values that waited
            const std::size_t parameter = columns_[written_];
            const std::size_t i = parameter - 1;
            if (parameters_.formats[i] == static_cast<int>(wire_format::text)) refuse_text(parameter);
            if (parameters_.borrowed[i] == nullptr && parameters_.offsets[i] == std::string::npos) {
                append_big_endian(buffer_, std::int32_t{-1});
                continue;
            }
            append_big_endian(buffer_, static_cast<std::int32_t>(parameters_.lengths[i]));
            buffer_.append(parameters_.borrowed[i] ? parameters_.borrowed[i] : parameters_.bytes.data() + parameters_.offsets[i],
                           static_cast<std::size_t>(parameters_.lengths[i]));
        }
        if (!in_order_) clear_parameters();
        row_open_ = false;
        written_ = 0;
        in_order_ = columns_are_parameters_;
        if (buffer_.size() >= flush_size) flush();
    }

    // The rows loaded.
    std::uint64_t finish() {
        append_big_endian(buffer_, std::int16_t{-1});
        flush();
        if (PQputCopyEnd(conn(), nullptr) != 1) raise(conn(), nullptr, query_name_);
        copying_ = false;
        const result_handle done{PQgetResult(conn())};
        while (result_handle rest{PQgetResult(conn())}) {
        }
        if (PQresultStatus(done.get()) != PGRES_COMMAND_OK) {
            savepoint_.undo();
            raise(conn(), done.get(), query_name_);
        }
        savepoint_.release();
        return rows_affected(done.get());
    }

private:
    static constexpr std::size_t flush_size = 1 << 20;

    session& session_;
    std::span<const std::size_t> columns_;  // the parameter number of each column
    load_savepoint savepoint_;
    std::string buffer_;
    bool copying_ = false;
    bool columns_are_parameters_ = false;  // column c is parameter c + 1, for every parameter
    bool in_order_ = false;                // the row's values so far were bound in its columns' order
    bool row_open_ = false;                // the row's field count is written
    std::size_t written_ = 0;              // the row's columns in buffer_

    PGconn* conn() const { return session_.conn.get(); }

    void open_row() {
        if (std::exchange(row_open_, true)) return;
        append_big_endian(buffer_, static_cast<std::int16_t>(columns_.size()));
    }
    // Whether the value bound at `position` is the row's next column, to be written now.
    bool next_column_is(int position) {
        open_row();
        in_order_ = in_order_ && written_ < columns_.size() && columns_[written_] == static_cast<std::size_t>(position);
        return in_order_;
    }
    template <class Encode>
    void write_column(int position, Encode encode) {
        const ctsql::detail::argument_site site{query_name_, position};
        const auto encoded = [&](std::string& out) { return encode(out, site); };
        if (append_with_length(buffer_, encoded) == wire_format::text) refuse_text(static_cast<std::size_t>(position));
        ++written_;
    }
    [[noreturn]] void refuse_text(std::size_t parameter) const {
        throw error{errc::type_mismatch, query_name_,
                    fmt::format("argument {}: COPY's binary format has no text for this column's type: bind a "
                                "std::chrono value for a date, say", parameter)};
    }

    void flush() {
        if (PQputCopyData(conn(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) raise(conn(), nullptr, query_name_);
        buffer_.clear();
    }
};

// Every execution sent without waiting; results read a window behind, after a flush request,
// so that neither side's buffers fill while the other waits.
class pipeline_batch : public parameter_writer {
public:
    pipeline_batch(session& s, const std::shared_ptr<prepared_statement>& statement,
                   const ctsql::detail::query_description& query, const ctsql::detail::range_description&)
        : parameter_writer(statement, query.name, ctsql::detail::cursor_use::call), session_(s) {
        session_.claim();
        if (!PQenterPipelineMode(conn())) raise(conn(), nullptr, query_name_);
        piping_ = true;
        // Inside the caller's transaction a savepoint stands in for the implicit transaction
        // (load_savepoint, sent in the pipeline).
        if (PQtransactionStatus(conn()) == PQTRANS_INTRANS) {
            in_transaction_ = true;
            send_command("SAVEPOINT ctsql_batch");
        }
    }
    pipeline_batch(const pipeline_batch&) = delete;
    ~pipeline_batch() {
        if (!piping_) return;
        // Abandoned half-way (an argument could not be encoded): undo what was sent. Outside a
        // transaction, fail the pipeline on purpose, so that its implicit transaction rolls back.
        if (!in_transaction_) send_command("SELECT 1/0");
        end_after_failure();
    }

    void end_item() {
        parameters_.finish();
        if (!PQsendQueryPrepared(conn(), statement_->name.c_str(), static_cast<int>(parameters_.values.size()),
                                 parameters_.values.data(), parameters_.lengths.data(), parameters_.formats.data(), 1))
            raise(conn(), nullptr, query_name_);
        clear_parameters();
        ++sent_;
        if (sent_ - received_ >= 2 * window) {
            if (!PQsendFlushRequest(conn()) || PQflush(conn()) != 0) raise(conn(), nullptr, query_name_);
            while (sent_ - received_ > window) receive();
            if (failure_) {
                end_after_failure();
                raise_failure();
            }
        }
    }

    // The rows affected by all the executions.
    std::uint64_t finish() {
        if (in_transaction_) send_command("RELEASE SAVEPOINT ctsql_batch");  // skipped if an item failed
        if (!end_pipeline()) raise(conn(), nullptr, query_name_);
        if (failure_ && in_transaction_) load_savepoint::roll_back(conn(), "ctsql_batch");
        raise_failure();
        return affected_;
    }

private:
    static constexpr std::size_t window = 512;

    session& session_;
    std::size_t sent_ = 0;
    std::size_t received_ = 0;
    std::uint64_t affected_ = 0;
    bool piping_ = false;
    bool in_transaction_ = false;  // the caller's: a savepoint went first, as result 0
    result_handle failure_;
    std::size_t failed_item_ = 0;

    PGconn* conn() const { return session_.conn.get(); }

    // A statement of ctsql's own in the pipeline; its result is read like an item's.
    void send_command(const char* sql) {
        if (PQsendQueryParams(conn(), sql, 0, nullptr, nullptr, nullptr, nullptr, 0)) ++sent_;
    }

    // One execution's result, then the NULL that ends it.
    void receive() {
        result_handle result{PQgetResult(conn())};
        if (!result) {  // the connection is gone
            received_ = sent_;
            return;
        }
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            affected_ += rows_affected(result.get());
        } else if (status != PGRES_PIPELINE_ABORTED && !failure_) {
            failure_ = std::move(result);
            failed_item_ = received_ - (in_transaction_ ? 1 : 0);
        }
        ++received_;
        while (result_handle end{PQgetResult(conn())}) {
        }
    }

    // Syncs, reads every outstanding result and the sync's, and leaves pipeline mode; false
    // when the connection failed on the way.
    bool end_pipeline() {
        piping_ = false;
        const bool synced = PQpipelineSync(conn()) == 1;
        while (synced && received_ < sent_ && PQstatus(conn()) == CONNECTION_OK) receive();
        while (synced && PQstatus(conn()) == CONNECTION_OK) {
            const result_handle result{PQgetResult(conn())};
            if (!result || PQresultStatus(result.get()) == PGRES_PIPELINE_SYNC) break;
        }
        PQexitPipelineMode(conn());
        return synced && PQstatus(conn()) == CONNECTION_OK;
    }

    // Leaves the pipeline, and inside the caller's transaction goes back to the savepoint.
    void end_after_failure() {
        end_pipeline();
        if (in_transaction_) load_savepoint::roll_back(conn(), "ctsql_batch");
    }

    // The first execution that failed, named by its item (counted from 0).
    void raise_failure() {
        if (failure_) raise(conn(), failure_.get(), query_name_, fmt::format("item {}", failed_item_));
    }
};

}  // namespace ctsql::postgres::detail
