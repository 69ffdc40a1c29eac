#pragma once
// The PostgreSQL backend: the only ctsql code that calls libpq for queries. Each query is
// prepared once per connection under a name of its slot, described, and checked against what
// was compiled; values move in binary both ways.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "../connection.hpp"
#include "../detail/redact.hpp"
#include "../dialect.hpp"
#include "../error.hpp"
#include "binary.hpp"
#include "bulk.hpp"
#include "cursor.hpp"
#include "errors.hpp"
#include "session.hpp"

namespace ctsql::postgres {

struct options {};

namespace detail {

// Every password the connection string holds (URL or keywords), so that none is ever shown.
inline std::string without_passwords(std::string text, std::string_view connection_string) {
    const auto hide = [&](std::string_view secret) { ctsql::detail::hide_secret(text, secret); };
    const std::string owned{connection_string};
    if (PQconninfoOption* options = PQconninfoParse(owned.c_str(), nullptr)) {
        for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o)
            if (o->val != nullptr && std::string_view{o->keyword} == "password") hide(o->val);
        PQconninfoFree(options);
    }
    // A URL libpq could not parse: user:password@ by hand.
    if (const std::size_t scheme = connection_string.find("://"); scheme != std::string_view::npos) {
        const std::string_view rest = connection_string.substr(scheme + 3);
        const std::size_t at = rest.substr(0, rest.find('/', rest.find('@'))).rfind('@');  // a password may hold '@'
        const std::size_t colon = rest.substr(0, at).find(':');
        if (at != std::string_view::npos && colon != std::string_view::npos) hide(rest.substr(colon + 1, at - colon - 1));
    }
    hide(connection_string);  // a message quoting the whole string would quote the password too
    return text;
}

}  // namespace detail

class backend {
public:
    static constexpr ctsql::dialect dialect = ctsql::dialect::postgresql;
    using cursor = postgres::cursor;
    using options = postgres::options;

    // A URL (postgresql://user:pw@host:port/db?sslmode=..., postgres://...) or libpq keywords.
    backend(std::string_view url, const options&) {
        const std::string conninfo{url};
        session_->conn.reset(PQconnectdb(conninfo.c_str()));
        if (PQstatus(session_->conn.get()) != CONNECTION_OK) {
            const std::string reason = detail::connection_message(session_->conn.get());
            throw error{errc::connection_failure, {}, "cannot connect: " + detail::without_passwords(reason, url)};
        }
        PQsetClientEncoding(session_->conn.get(), "UTF8");
        // A library does not write to stderr: the server's notices are dropped.
        PQsetNoticeProcessor(session_->conn.get(), [](void*, const char*) {}, nullptr);
    }

    cursor open(const ctsql::detail::query_description& query, ctsql::detail::cursor_use use) {
        return cursor{session_, prepared(query), query.name, use};
    }

    template <class Loader>
    Loader load(const ctsql::detail::query_description& query, const ctsql::detail::range_description& range) {
        return Loader{*session_, prepared(query), query, range};
    }
    using copy_loader = detail::copy_loader;
    using batch_loader = detail::pipeline_batch;

    // Runs several statements with the simple query protocol: for DDL and migrations.
    void execute_script(std::string_view sql) {
        session_->claim();
        const std::string text{sql};
        const detail::result_handle result{PQexec(session_->conn.get(), text.c_str())};
        const ExecStatusType status = PQresultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
            raise(session_->conn.get(), result.get(), {});
    }

    // False once the connection is lost (the server went away, the network failed): a pool
    // drops such a connection.
    bool is_open() const { return PQstatus(session_->conn.get()) == CONNECTION_OK; }

    void begin(const transaction_options& options) {
        std::string sql = "BEGIN";
        if (options.isolation != isolation_level::database_default)
            sql += fmt::format(" ISOLATION LEVEL {}", ctsql::detail::isolation_sql(options.isolation));
        if (options.read_only) sql += " READ ONLY";
        execute_script(sql);
    }
    // PostgreSQL answers COMMIT in a transaction that a failed statement aborted with a
    // rollback, not an error: that is said plainly instead.
    void commit() {
        session_->claim();
        if (PQtransactionStatus(session_->conn.get()) == PQTRANS_INERROR)
            throw error{errc::other, {}, "cannot commit: a statement in the transaction failed, so it is rolled back"};
        execute_script("COMMIT");
    }
    void rollback() { execute_script("ROLLBACK"); }
    // A stream still reading keeps the connection busy: its rows are read first.
    bool in_transaction() {
        session_->claim();
        const PGTransactionStatusType status = PQtransactionStatus(session_->conn.get());
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
    }

    PGconn* native_handle() const { return session_->conn.get(); }

private:
    std::shared_ptr<detail::session> session_ = std::make_shared<detail::session>();

    const std::shared_ptr<detail::prepared_statement>& prepared(const ctsql::detail::query_description& query) {
        std::shared_ptr<detail::prepared_statement>& statement = session_->statement(query.slot);
        if (!statement->ready) {
            auto fresh = std::make_shared<detail::prepared_statement>();
            fresh->generation = statement->generation;
            prepare(*fresh, query);
            statement = std::move(fresh);
        }
        return statement;
    }

    // libpq drops the connection on a parameter description longer than 30000 bytes, 4 per
    // parameter: a statement with more parameters is refused before it is sent.
    static constexpr std::size_t max_parameters = 7498;

    void prepare(detail::prepared_statement& statement, const ctsql::detail::query_description& query) {
        if (query.arguments > max_parameters)
            throw error{errc::other, query.name,
                        fmt::format("{} parameters, more than the {} libpq can describe: bind a long list as an "
                                    "array, = ANY($1)",
                                    query.arguments, max_parameters)};
        detail::session& s = *session_;
        s.claim();
        PGconn* conn = s.conn.get();
        statement.name = fmt::format("ctsql_{}_{}", query.slot, statement.generation++);
        const std::string sql{query.sql};
        const detail::result_handle made{PQprepare(conn, statement.name.c_str(), sql.c_str(), 0, nullptr)};
        if (PQresultStatus(made.get()) != PGRES_COMMAND_OK) raise(conn, made.get(), query.name);
        const detail::result_handle described{PQdescribePrepared(conn, statement.name.c_str())};
        if (PQresultStatus(described.get()) != PGRES_COMMAND_OK) raise(conn, described.get(), query.name);
        const PGresult* d = described.get();
        statement.parameters.clear();
        for (int i = 0; i < PQnparams(d); ++i) statement.parameters.push_back(s.resolve(PQparamtype(d, i), query.name));
        statement.columns.clear();
        for (int i = 0; i < PQnfields(d); ++i) statement.columns.push_back(s.resolve(PQftype(d, i), query.name));
        check_against_compiled(d, statement, query);
        statement.ready = true;
    }

    // The server's view of the statement must match what the code was compiled against, the
    // columns' types included.
    static void check_against_compiled(const PGresult* described, const detail::prepared_statement& statement,
                                       const ctsql::detail::query_description& query) {
        ctsql::detail::check_result_columns(
            query, statement.columns.size(),
            [&](std::size_t i) { return std::string_view{PQfname(described, static_cast<int>(i))}; },
            [&](std::size_t i, std::string_view name) {
                const detail::wire_type& type = statement.columns[i];
                if (i < query.fields.size() && !detail::can_decode(type, query.fields[i]))
                    ctsql::detail::raise_drift(
                        query, fmt::format("result column '{}' is of type {} (oid {}), which its field ({}{}) cannot hold",
                                           name, to_string(type.kind), type.oid, query.fields[i].array ? "an array of " : "",
                                           ctsql::detail::to_string(query.fields[i].type)));
            });
    }
};

using connection = basic_connection<backend>;

}  // namespace ctsql::postgres
