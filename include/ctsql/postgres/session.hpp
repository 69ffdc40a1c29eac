#pragma once
// One PostgreSQL connection's state: the libpq connection, its prepared statements by query
// slot, the database's own types met so far, and the stream (if any) that is reading rows.
// Shared between the connection and its open streams, so that a stream may outlive it.

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "errors.hpp"
#include "types.hpp"

namespace ctsql::postgres::detail {

struct connection_deleter {
    void operator()(PGconn* conn) const { PQfinish(conn); }
};
using connection_handle = std::unique_ptr<PGconn, connection_deleter>;

struct result_deleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using result_handle = std::unique_ptr<PGresult, result_deleter>;

// The rows a command changed (or read), as its tag says: 0 for a command that counts none.
// from_chars, not strtoull: a :batchexec asks it of every execution.
inline std::uint64_t rows_affected(PGresult* result) {
    const std::string_view count = PQcmdTuples(result);
    std::uint64_t rows = 0;
    std::from_chars(count.data(), count.data() + count.size(), rows);
    return rows;
}

// Where a cursor keeps its parameters while it binds them: each one's place in `bytes` (or
// the caller's own memory), length and format. Kept by the statement between calls, so that
// a call allocates nothing once the buffers have grown.
struct parameter_buffers {
    std::string bytes;
    std::vector<std::size_t> offsets;       // into bytes; npos for NULL
    std::vector<const char*> borrowed;      // the caller's text, where it outlives the call
    std::vector<const char*> values;        // what libpq is given
    std::vector<int> lengths;
    std::vector<int> formats;

    // Once per execution, and per row of a COPY: the vectors keep their size, so that this is
    // a few stores rather than a reallocation check and a call per vector.
    void reset(std::size_t count) {
        bytes.clear();
        if (values.size() != count) {
            offsets.resize(count);
            borrowed.resize(count);
            values.resize(count);
            lengths.resize(count);
            formats.resize(count);
        }
        std::fill(offsets.begin(), offsets.end(), std::string::npos);
        std::fill(borrowed.begin(), borrowed.end(), nullptr);
        std::fill(lengths.begin(), lengths.end(), 0);
        std::fill(formats.begin(), formats.end(), 1);
    }
    // The pointers libpq reads, once every parameter is in place.
    void finish() {
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = borrowed[i] ? borrowed[i] : offsets[i] == std::string::npos ? nullptr : bytes.data() + offsets[i];
    }
};

struct prepared_statement {
    bool ready = false;
    std::string name;
    std::uint32_t generation = 0;  // a new name after the statement went stale
    std::vector<wire_type> parameters;
    std::vector<wire_type> columns;
    parameter_buffers buffers;     // lent to one cursor at a time: another has its own
    bool buffers_lent = false;
};

// The rows of a stream that had to give way to another command on the connection: read
// ahead into memory, to be handed out as the stream asks for them.
struct stream_backlog {
    std::deque<result_handle> rows;
    result_handle failure;  // the error that ended the stream, raised when it gets there
};

struct session {
    connection_handle conn;
    // By query slot. Prepared again, a statement is a new object: a stream still reading the
    // old one keeps its column types.
    std::vector<std::shared_ptr<prepared_statement>> statements;
    std::vector<wire_type> own_types;                             // enums, domains, their arrays
    stream_backlog* reading = nullptr;  // the stream whose rows are arriving, if any

    // Before any other command: a stream reading rows has the connection, so its remaining
    // rows are read into its backlog.
    void claim() {
        if (reading == nullptr) return;
        stream_backlog* stream = std::exchange(reading, nullptr);
        while (result_handle result{PQgetResult(conn.get())}) {
            const ExecStatusType status = PQresultStatus(result.get());
            if (status == PGRES_SINGLE_TUPLE) stream->rows.push_back(std::move(result));
            else if (status != PGRES_TUPLES_OK && !stream->failure) stream->failure = std::move(result);
        }
    }

    std::shared_ptr<prepared_statement>& statement(std::size_t slot) {
        if (slot >= statements.size()) statements.resize(slot + 1);
        if (!statements[slot]) statements[slot] = std::make_shared<prepared_statement>();
        return statements[slot];
    }

    // What ctsql makes of a type OID: built in, or looked up in pg_type once.
    wire_type resolve(Oid oid, std::string_view query_name) {
        wire_type type;
        if (builtin_wire_type(oid, type)) return type;
        for (const wire_type& known : own_types)
            if (known.oid == oid) return known;
        type = look_up(oid, query_name);
        own_types.push_back(type);
        return type;
    }

private:
    wire_type look_up(Oid oid, std::string_view query_name) {
        const std::string sql = fmt::format(
            "SELECT typtype, typcategory, typelem, typbasetype FROM pg_catalog.pg_type WHERE oid = {}", oid);
        const result_handle result{PQexec(conn.get(), sql.c_str())};
        if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) raise(conn.get(), result.get(), query_name, "reading pg_type");
        wire_type type{oid};
        if (PQntuples(result.get()) != 1) return type;
        const std::string_view typtype = PQgetvalue(result.get(), 0, 0);
        const std::string_view category = PQgetvalue(result.get(), 0, 1);
        const auto element = static_cast<Oid>(std::strtoul(PQgetvalue(result.get(), 0, 2), nullptr, 10));
        const auto base = static_cast<Oid>(std::strtoul(PQgetvalue(result.get(), 0, 3), nullptr, 10));
        if (typtype == "e") {  // an enum: its values are their labels' text
            type.kind = wire_kind::text;
        } else if (typtype == "d") {  // a domain: its base type's format
            const wire_type underlying = resolve(base, query_name);
            type = {oid, underlying.kind, underlying.element, underlying.element_kind};
        } else if (category == "A" && element != 0) {
            const wire_type element_type = resolve(element, query_name);
            type = {oid, wire_kind::array, element, element_type.kind};
        }
        return type;
    }
};

}  // namespace ctsql::postgres::detail
