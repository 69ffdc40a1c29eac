#pragma once
// The MySQL and MariaDB backend: the only ctsql code that calls the MySQL C API, as MariaDB's
// Connector/C has it (Debian: libmariadb-dev; it talks to MySQL servers too). Each query is prepared once per connection on the binary
// protocol, its result metadata checked against what was compiled, and its result buffers
// bound once; its text has only ?, each bound to the argument the compile-time map names.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>
#include <mysql.h>

#include "../connection.hpp"
#include "../detail/redact.hpp"
#include "../dialect.hpp"
#include "../error.hpp"
#include "../lexer.hpp"
#include "bulk.hpp"
#include "cursor.hpp"
#include "errors.hpp"
#include "results.hpp"
#include "session.hpp"
#include "url.hpp"

namespace ctsql::mysql {

struct options {
    // :execrows counts the rows an UPDATE changed, as MySQL does by default (and sqlc's Go
    // driver with it); true counts the rows it matched, as PostgreSQL and SQLite do.
    bool count_matched_rows = false;
};

class backend {
public:
    static constexpr ctsql::dialect dialect = ctsql::dialect::mysql;
    using cursor = mysql::cursor;
    using options = mysql::options;

    // mysql://user:password@host:port/database?ssl-mode=...&ssl-ca=...&socket=...&connect-timeout=...
    // (or mariadb://). Text is utf8mb4 and the session's time zone UTC.
    backend(std::string_view url, const options& settings) {
        const detail::connect_parameters p = detail::parse_url(url);
        session_->conn.reset(mysql_init(nullptr));
        MYSQL* conn = session_->conn.get();
        if (conn == nullptr) throw error{errc::connection_failure, {}, "cannot connect: out of memory"};
        mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
        const detail::flag yes = 1;
        mysql_options(conn, MYSQL_REPORT_DATA_TRUNCATION, &yes);
        if (p.connect_timeout != 0) mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &p.connect_timeout);
        set_tls(conn, p);
        const unsigned long flags = settings.count_matched_rows ? CLIENT_FOUND_ROWS : 0;
        if (mysql_real_connect(conn, p.host.c_str(), p.user.c_str(), p.password.c_str(), p.database.c_str(), p.port,
                               p.socket.empty() ? nullptr : p.socket.c_str(), flags) == nullptr) {
            std::string reason = mysql_error(conn);
            ctsql::detail::hide_secret(reason, p.password);
            throw error{errc::connection_failure, {}, "cannot connect: " + reason, mysql_sqlstate(conn),
                        static_cast<int>(mysql_errno(conn))};
        }
        // TIMESTAMP columns convert to and from the session's zone: UTC keeps them as written.
        session_->run("SET time_zone = '+00:00'");
    }

    cursor open(const ctsql::detail::query_description& query, ctsql::detail::cursor_use use) {
        session_->claim();  // before a stale statement is closed, which reads what is pending
        if (query.slot >= session_->statements.size()) session_->statements.resize(query.slot + 1);
        std::unique_ptr<detail::prepared_statement>& cached = session_->statements[query.slot];
        if (cached != nullptr && cached->stale && !cached->in_use) cached.reset();
        if (cached == nullptr) cached = prepare(query);
        if (!cached->in_use) return cursor{session_, *cached, nullptr, query, use};
        // The same query again while a stream reads it: a statement of its own.
        std::unique_ptr<detail::prepared_statement> own = prepare(query);
        detail::prepared_statement& statement = *own;
        return cursor{session_, statement, std::move(own), query, use};
    }

    using copy_loader = detail::copy_loader;
    using batch_loader = detail::batch_loader;

    template <class Loader>
    Loader load(const ctsql::detail::query_description& query, const ctsql::detail::range_description& range) {
        if constexpr (std::is_same_v<Loader, copy_loader>) return Loader{*session_, query, range};
        else return Loader{open(query, ctsql::detail::cursor_use::call), *session_};
    }

    std::int64_t last_insert_id() const { return session_->last_insert_id; }

    // Runs several statements separated by `;` as one text: for DDL and migrations.
    void execute_script(std::string_view sql) {
        session_->claim();
        // The server answers a script of only comments "Query was empty"; the other backends run it.
        if (!holds_statement(sql)) return;
        MYSQL* conn = session_->conn.get();
        mysql_set_server_option(conn, MYSQL_OPTION_MULTI_STATEMENTS_ON);
        struct single_statements_again {  // only scripts may hold several statements
            MYSQL* conn;
            ~single_statements_again() { mysql_set_server_option(conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF); }
        } restore{conn};
        if (mysql_real_query(conn, sql.data(), static_cast<unsigned long>(sql.size())) != 0) session_->fail({});
        for (;;) {
            if (MYSQL_RES* result = mysql_store_result(conn)) mysql_free_result(result);
            else if (mysql_field_count(conn) != 0) session_->fail({});
            const int next = mysql_next_result(conn);
            if (next < 0) break;
            if (next > 0) session_->fail({});
        }
    }

    // False once the connection is lost (the server went away, the network failed): a pool
    // drops such a connection.
    bool is_open() const { return !session_->lost; }

    // SET TRANSACTION applies to the next transaction only.
    void begin(const transaction_options& options) {
        if (options.isolation != isolation_level::database_default)
            session_->run(fmt::format("SET TRANSACTION ISOLATION LEVEL {}", ctsql::detail::isolation_sql(options.isolation)));
        session_->run(options.read_only ? "START TRANSACTION READ ONLY" : "START TRANSACTION");
    }
    void commit() { session_->run("COMMIT"); }
    void rollback() { session_->run("ROLLBACK"); }
    // The server's own flag, kept current by every reply: DDL commits a transaction implicitly,
    // and a deadlock rolls it back.
    bool in_transaction() {
        session_->claim();
        return session_->in_transaction();
    }

    MYSQL* native_handle() const { return session_->conn.get(); }

private:
    std::shared_ptr<detail::session> session_ = std::make_shared<detail::session>();

    static void set_tls(MYSQL* conn, const detail::connect_parameters& p) {
        using detail::ssl_mode;
        if (!p.ssl_ca.empty()) mysql_options(conn, MYSQL_OPT_SSL_CA, p.ssl_ca.c_str());
        // MariaDB's client (3.3) asks for TLS only when it is required, and its check of the
        // certificate covers the host name too.
        const detail::flag yes = 1;
        if (p.ssl == ssl_mode::required || p.ssl == ssl_mode::verify_ca || p.ssl == ssl_mode::verify_identity)
            mysql_options(conn, MYSQL_OPT_SSL_ENFORCE, &yes);
        if (p.ssl == ssl_mode::verify_ca || p.ssl == ssl_mode::verify_identity)
            mysql_options(conn, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes);
    }

    std::unique_ptr<detail::prepared_statement> prepare(const ctsql::detail::query_description& query) {
        std::unique_ptr<detail::prepared_statement> statement = session_->prepare(query.sql, query.name);
        const unsigned long parameters = mysql_stmt_param_count(statement->handle.get());
        if (parameters != query.placeholders.size())
            throw error{errc::other, query.name,
                        fmt::format("the server counts {} parameters in the statement, ctsql counted {}", parameters,
                                    query.placeholders.size())};
        // MariaDB describes the columns of INSERT/DELETE ... RETURNING only when it runs them.
        statement->described = !statement->results.columns().empty() || query.columns.empty();
        if (statement->described) detail::check_against_compiled(statement->results, query);
        return statement;
    }
};

using connection = basic_connection<backend>;

}  // namespace ctsql::mysql
