#pragma once
// SQLite's result codes as ctsql::errc. SQLite reports a missing table or a syntax error only
// as SQLITE_ERROR with a message, so those two are told apart by the message's wording.

#include <string_view>

#include <sqlite3.h>

#include "../error.hpp"

namespace ctsql::sqlite {

inline errc classify(int extended_code, std::string_view message) {
    switch (extended_code) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY: return errc::unique_violation;
        case SQLITE_CONSTRAINT_FOREIGNKEY: return errc::foreign_key_violation;
        case SQLITE_CONSTRAINT_NOTNULL: return errc::not_null_violation;
        case SQLITE_CONSTRAINT_CHECK: return errc::check_violation;
        case SQLITE_CONSTRAINT_DATATYPE: return errc::type_mismatch;  // a STRICT table's column
        default: break;
    }
    switch (extended_code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return errc::busy;
        case SQLITE_CANTOPEN:
        case SQLITE_NOTADB:
        case SQLITE_AUTH:
        case SQLITE_PERM: return errc::connection_failure;
        case SQLITE_MISMATCH:
        case SQLITE_RANGE:
        case SQLITE_TOOBIG: return errc::type_mismatch;
        case SQLITE_INTERRUPT: return errc::query_canceled;
        case SQLITE_ERROR:
            if (message.find("syntax error") != std::string_view::npos ||
                message.find("incomplete input") != std::string_view::npos)
                return errc::syntax_error;
            if (message.starts_with("no such ") || message.find("has no column named") != std::string_view::npos)
                return errc::undefined_object;
            return errc::other;
        default: return errc::other;
    }
}

[[noreturn]] inline void raise(sqlite3* db, int code, std::string_view query_name, std::string_view context = {}) {
    const int extended = db != nullptr ? sqlite3_extended_errcode(db) : code;
    const std::string_view message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    std::string text{message};
    if (!context.empty()) text = std::string{context} + ": " + text;
    throw error{classify(extended, message), query_name, text, {}, extended};
}

}  // namespace ctsql::sqlite
