#pragma once
// MySQL's and MariaDB's error numbers as ctsql::errc. The number stays in native_code() and
// the server's SQLSTATE in sqlstate(): MySQL gives many errors the catch-all HY000.

#include <string>
#include <string_view>

#include <mysql.h>

#include "../error.hpp"

namespace ctsql::mysql {

// https://mariadb.com/kb/en/mariadb-error-codes/ and MySQL's server error reference; the
// 2000s are the client library's own.
inline errc classify(unsigned number) {
    switch (number) {
        case 1022:  // ER_DUP_KEY
        case 1062:  // ER_DUP_ENTRY
        case 1586:  // ER_DUP_ENTRY_WITH_KEY_NAME
            return errc::unique_violation;
        case 1216:  // ER_NO_REFERENCED_ROW
        case 1217:  // ER_ROW_IS_REFERENCED
        case 1451:  // ER_ROW_IS_REFERENCED_2
        case 1452:  // ER_NO_REFERENCED_ROW_2
            return errc::foreign_key_violation;
        case 1048:  // ER_BAD_NULL_ERROR
        case 1364:  // ER_NO_DEFAULT_FOR_FIELD
            return errc::not_null_violation;
        case 3819:  // MySQL's ER_CHECK_CONSTRAINT_VIOLATED
        case 4025:  // MariaDB's ER_CONSTRAINT_FAILED
            return errc::check_violation;
        case 1020:  // ER_CHECKREAD: the row changed since this transaction's snapshot
            return errc::serialization_failure;
        case 1213: return errc::deadlock;  // ER_LOCK_DEADLOCK
        case 1205: return errc::busy;      // ER_LOCK_WAIT_TIMEOUT
        case 1064:  // ER_PARSE_ERROR
        case 1149:  // ER_SYNTAX_ERROR
            return errc::syntax_error;
        case 1049:  // ER_BAD_DB_ERROR
        case 1054:  // ER_BAD_FIELD_ERROR
        case 1146:  // ER_NO_SUCH_TABLE
        case 1305:  // ER_SP_DOES_NOT_EXIST
        case 1630:  // ER_FUNC_INEXISTENT_NAME_COLLISION
            return errc::undefined_object;
        case 1317:  // ER_QUERY_INTERRUPTED (KILL QUERY)
        case 1969:  // MariaDB's ER_STATEMENT_TIMEOUT (max_statement_time)
        case 3024:  // MySQL's ER_QUERY_TIMEOUT (max_execution_time)
            return errc::query_canceled;
        case 1264:  // ER_WARN_DATA_OUT_OF_RANGE
        case 1265:  // WARN_DATA_TRUNCATED
        case 1292:  // ER_TRUNCATED_WRONG_VALUE
        case 1366:  // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
        case 1367:  // ER_ILLEGAL_VALUE_FOR_TYPE
        case 1406:  // ER_DATA_TOO_LONG
        case 1411:  // ER_WRONG_VALUE_FOR_TYPE
        case 1690:  // ER_DATA_OUT_OF_RANGE
            return errc::type_mismatch;
        case 1053:  // ER_SERVER_SHUTDOWN (MySQL's 4031, an idle timeout, is another error on MariaDB)
        case 1927:  // MariaDB's ER_CONNECTION_KILLED
        case 2002:  // CR_CONNECTION_ERROR
        case 2003:  // CR_CONN_HOST_ERROR
        case 2005:  // CR_UNKNOWN_HOST
        case 2006:  // CR_SERVER_GONE_ERROR
        case 2013:  // CR_SERVER_LOST
        case 2026:  // CR_SSL_CONNECTION_ERROR
        case 2055:  // CR_SERVER_LOST_EXTENDED
        case 5013:  // Connector/C's CR_ERR_NET_READ
        case 5014:  // Connector/C's CR_ERR_NET_WRITE
        case 1153:  // ER_NET_PACKET_TOO_LARGE: the server closes the connection
            return errc::connection_failure;
        default: return errc::other;
    }
}

// Throws the error the connection or statement reports, with its number and SQLSTATE.
[[noreturn]] inline void raise(unsigned number, std::string_view sqlstate, std::string_view text,
                               std::string_view query_name) {
    throw error{classify(number), query_name, text, sqlstate, static_cast<int>(number)};
}

[[noreturn]] inline void raise(MYSQL* conn, std::string_view query_name) {
    raise(mysql_errno(conn), mysql_sqlstate(conn), mysql_error(conn), query_name);
}

[[noreturn]] inline void raise(MYSQL_STMT* statement, std::string_view query_name) {
    raise(mysql_stmt_errno(statement), mysql_stmt_sqlstate(statement), mysql_stmt_error(statement), query_name);
}

}  // namespace ctsql::mysql
