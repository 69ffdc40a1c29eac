#pragma once
// One MySQL connection's state: the client handle, its prepared statements by query slot, and
// the stream (if any) whose rows are still arriving. Shared between the connection and its
// open streams, so that a stream may outlive it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <mysql.h>

#include "../error.hpp"
#include "errors.hpp"
#include "parameters.hpp"
#include "results.hpp"

namespace ctsql::mysql::detail {

struct connection_deleter {
    void operator()(MYSQL* conn) const { mysql_close(conn); }
};
using connection_handle = std::unique_ptr<MYSQL, connection_deleter>;

struct statement_deleter {
    void operator()(MYSQL_STMT* statement) const { mysql_stmt_close(statement); }
};
using statement_handle = std::unique_ptr<MYSQL_STMT, statement_deleter>;

// The error that ended a stream's rows while they were read ahead, raised when it gets there.
struct deferred_error {
    unsigned number = 0;
    std::string sqlstate;
    std::string text;
};

struct prepared_statement {
    statement_handle handle;
    result_buffers results;
    parameter_values values;  // the next execution's, kept between calls for their memory
    std::vector<MYSQL_BIND> binds;    // laid out for mysql_stmt_bind_param, which copies them
    std::uint64_t bound_layout = 0;   // the values' layout its parameters are bound to; 0: none
    bool described = false;   // its result columns are known and checked
    bool in_use = false;      // a cursor is executing or reading it
    bool stale = false;       // its result changed under it: prepared again before the next use
    deferred_error failure;   // read ahead, a stream's rows ended in this error

    // Binds the parameters to `rows` rows of `from` (see parameter_values::lay_out), unless they
    // are bound to its layout already: binding again costs more than executing (the library
    // checks every bind, and the next execution sends the types again). False on failure.
    bool bind(parameter_values& from, std::span<const std::size_t> order, std::size_t rows = 1,
              std::size_t width = 0) {
        if (bound_layout == from.layout()) return true;
        from.lay_out(binds, order, rows, width);
        if (!binds.empty() && mysql_stmt_bind_param(handle.get(), binds.data()) != 0) return false;
        bound_layout = from.layout();
        return true;
    }
};

// A multi-row INSERT of a :copyfrom query, prepared for its number of rows.
struct multi_row_insert {
    std::size_t rows;
    std::unique_ptr<prepared_statement> statement;
};

// A :copyfrom query's rows of values and the INSERTs bound to them, kept between calls: the
// next call neither prepares nor binds them again.
struct copy_statements {
    parameter_values rows;
    std::vector<multi_row_insert> inserts;
};

struct session {
    connection_handle conn;
    // By query slot, destroyed before the connection they belong to: each query's statement,
    // and a :copyfrom query's INSERTs.
    std::vector<std::unique_ptr<prepared_statement>> statements;
    std::vector<copy_statements> copies;
    prepared_statement* reading = nullptr;  // the stream whose rows are arriving, if any
    std::uint64_t affected_rows = 0;
    std::int64_t last_insert_id = 0;
    bool lost = false;
    unsigned long max_packet = 0;  // the server's max_allowed_packet, once asked

    // Before any other command: a stream reading rows has the connection, so its remaining
    // rows are read ahead into the client's memory, from where the stream goes on reading.
    void claim() {
        if (reading == nullptr) return;
        prepared_statement* stream = std::exchange(reading, nullptr);
        MYSQL_STMT* handle = stream->handle.get();
        if (mysql_stmt_store_result(handle) != 0)
            stream->failure = {mysql_stmt_errno(handle), mysql_stmt_sqlstate(handle), mysql_stmt_error(handle)};
    }

    // Throws the connection's or the statement's error; a lost connection stays lost.
    [[noreturn]] void fail(std::string_view query_name) {
        note(mysql_errno(conn.get()));
        raise(conn.get(), query_name);
    }
    [[noreturn]] void fail(MYSQL_STMT* statement, std::string_view query_name) {
        // An error that arrives after the columns (a timeout, a kill, a lost connection while
        // rows are fetched) is set on the connection only.
        if (mysql_stmt_errno(statement) == 0) fail(query_name);
        note(mysql_stmt_errno(statement));
        raise(statement, query_name);
    }
    [[noreturn]] void fail(const deferred_error& e, std::string_view query_name) {
        note(e.number);
        raise(e.number, e.sqlstate, e.text, query_name);
    }

    // A statement of the text, its result columns described and buffers bound.
    std::unique_ptr<prepared_statement> prepare(std::string_view sql, std::string_view query_name) {
        claim();
        auto statement = std::make_unique<prepared_statement>();
        statement->handle.reset(mysql_stmt_init(conn.get()));
        if (statement->handle == nullptr) fail(query_name);
        MYSQL_STMT* handle = statement->handle.get();
        if (mysql_stmt_prepare(handle, sql.data(), static_cast<unsigned long>(sql.size())) != 0) fail(handle, query_name);
        statement->results.describe(handle);
        return statement;
    }

    // Runs a statement without parameters or results (SAVEPOINT, COMMIT, SET ...).
    void run(std::string_view sql, std::string_view query_name = {}) {
        claim();
        if (mysql_real_query(conn.get(), sql.data(), static_cast<unsigned long>(sql.size())) != 0) fail(query_name);
        if (MYSQL_RES* result = mysql_store_result(conn.get())) mysql_free_result(result);
    }

    // After a call whose failure is not raised (a stream's unread rows dropped): a connection
    // the client library found lost on the way is lost for ctsql too.
    void note_if_lost() {
        if (classify(mysql_errno(conn.get())) == errc::connection_failure) lost = true;
    }

    // As the server said in its last reply. A lost connection has none: the server rolls back
    // what its session left open, and the reply before the loss may have said otherwise.
    bool in_transaction() const { return !lost && (conn->server_status & SERVER_STATUS_IN_TRANS) != 0; }

private:
    void note(unsigned number) {
        const errc kind = classify(number);
        if (kind == errc::connection_failure) lost = true;
        // A deadlock rolls the whole transaction back, but an error reply carries no status
        // flags, so the client's copy (a public field of MYSQL) would say "in a transaction"
        // until the next success.
        if (kind == errc::deadlock) conn->server_status &= ~SERVER_STATUS_IN_TRANS;
    }
};

}  // namespace ctsql::mysql::detail
