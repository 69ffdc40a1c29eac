#pragma once
// PostgreSQL's SQLSTATEs as ctsql::errc, and the errors raised from a failed result or a
// broken connection: the message carries the server's primary message and its detail.

#include <string>
#include <string_view>

#include <libpq-fe.h>

#include "../error.hpp"

namespace ctsql::postgres {

// https://www.postgresql.org/docs/current/errcodes-appendix.html
inline errc classify(std::string_view sqlstate) {
    if (sqlstate == "23505") return errc::unique_violation;
    if (sqlstate == "23503") return errc::foreign_key_violation;
    if (sqlstate == "23502") return errc::not_null_violation;
    if (sqlstate == "23514") return errc::check_violation;
    if (sqlstate == "40001") return errc::serialization_failure;
    if (sqlstate == "40P01") return errc::deadlock;
    if (sqlstate == "42601") return errc::syntax_error;
    if (sqlstate == "42P01" || sqlstate == "42703" || sqlstate == "42704" || sqlstate == "42883")
        return errc::undefined_object;
    if (sqlstate == "57014") return errc::query_canceled;
    if (sqlstate == "55P03") return errc::busy;  // lock_not_available (NOWAIT, lock_timeout)
    // The server shutting down, an administrator or an idle timeout ending the session: the
    // connection is lost.
    if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03" ||
        sqlstate == "57P05" || sqlstate == "25P03")
        return errc::connection_failure;
    // Data exceptions: a value the column cannot hold, text that is not a number or a UUID.
    if (sqlstate.starts_with("22") && sqlstate != "22012") return errc::type_mismatch;
    return errc::other;
}

namespace detail {

inline std::string_view field(const PGresult* result, int code) {
    const char* value = result ? PQresultErrorField(result, code) : nullptr;
    return value ? value : "";
}

// The message libpq gives for a connection, without its trailing newline.
inline std::string connection_message(const PGconn* conn) {
    std::string text = conn ? PQerrorMessage(conn) : "out of memory";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace detail

// Throws the error a failed result reports: the server's SQLSTATE, primary message and detail,
// or, when the connection is gone and there is no SQLSTATE, connection_failure.
[[noreturn]] inline void raise(const PGconn* conn, const PGresult* result, std::string_view query_name,
                               std::string_view context = {}) {
    const std::string_view sqlstate = detail::field(result, PG_DIAG_SQLSTATE);
    std::string text{detail::field(result, PG_DIAG_MESSAGE_PRIMARY)};
    if (text.empty()) text = detail::connection_message(conn);
    if (const std::string_view detail = detail::field(result, PG_DIAG_MESSAGE_DETAIL); !detail.empty())
        text += " (" + std::string{detail} + ")";
    if (!context.empty()) text = std::string{context} + ": " + text;
    errc code = classify(sqlstate);
    // A prepared statement whose result changed under it: the table was altered (0A000 is
    // also every other feature_not_supported).
    if (sqlstate == "0A000" && text.starts_with("cached plan must not change result type")) code = errc::type_mismatch;
    if (sqlstate.empty()) code = conn && PQstatus(conn) == CONNECTION_OK ? errc::other : errc::connection_failure;
    throw error{code, query_name, text, sqlstate};
}

}  // namespace ctsql::postgres
