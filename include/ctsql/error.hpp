#pragma once
// The one exception type ctsql throws, with a portable error class that applications branch
// on, and the backend's own code and text kept for logs.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace ctsql {

enum class errc : std::uint8_t {
    unique_violation,
    foreign_key_violation,
    not_null_violation,
    check_violation,
    serialization_failure,
    deadlock,
    busy,                // the database is locked by another connection
    connection_failure,
    syntax_error,
    undefined_object,    // no such table, column, function
    type_mismatch,       // a value the other side cannot hold, or a result that drifted from the code
    unexpected_null,     // NULL into a field that is not std::optional
    query_canceled,
    pool_timeout,        // no pooled connection came free within the pool's acquire_timeout
    migration_mismatch,  // an applied migration's text differs from the one the program has
    other,
};

constexpr std::string_view to_string(errc code) {
    switch (code) {
        case errc::unique_violation: return "unique_violation";
        case errc::foreign_key_violation: return "foreign_key_violation";
        case errc::not_null_violation: return "not_null_violation";
        case errc::check_violation: return "check_violation";
        case errc::serialization_failure: return "serialization_failure";
        case errc::deadlock: return "deadlock";
        case errc::busy: return "busy";
        case errc::connection_failure: return "connection_failure";
        case errc::syntax_error: return "syntax_error";
        case errc::undefined_object: return "undefined_object";
        case errc::type_mismatch: return "type_mismatch";
        case errc::unexpected_null: return "unexpected_null";
        case errc::query_canceled: return "query_canceled";
        case errc::pool_timeout: return "pool_timeout";
        case errc::migration_mismatch: return "migration_mismatch";
        case errc::other: return "other";
    }
    return "?";
}

// What went wrong, for which query, in the database's words; the backend's own code kept.
class error : public std::runtime_error {
public:
    error(errc code, std::string_view query_name, std::string_view database_text, std::string_view sqlstate = {},
          int native_code = 0)
        : std::runtime_error(compose(code, query_name, database_text)),
          code_(code),
          query_name_(query_name),
          text_(database_text),
          sqlstate_(sqlstate),
          native_code_(native_code) {}

    errc code() const noexcept { return code_; }
    const std::string& query_name() const noexcept { return query_name_; }  // empty outside a query
    const std::string& text() const noexcept { return text_; }              // what() without the name and code
    const std::string& sqlstate() const noexcept { return sqlstate_; }      // five characters, where the backend has them
    int native_code() const noexcept { return native_code_; }

    // The same error, said of one element of a :copyfrom or :batchexec range (counted from 0).
    error in_item(std::size_t item) const {
        return error{code_, query_name_, fmt::format("item {}: {}", item, text_), sqlstate_, native_code_};
    }
    // Said of the elements first to last, sent together, when the database does not tell which.
    error in_items(std::size_t first, std::size_t last) const {
        if (first == last) return in_item(first);
        return error{code_, query_name_, fmt::format("items {} to {}: {}", first, last, text_), sqlstate_, native_code_};
    }

private:
    errc code_;
    std::string query_name_;
    std::string text_;
    std::string sqlstate_;
    int native_code_;

    static std::string compose(errc code, std::string_view query_name, std::string_view text) {
        if (query_name.empty()) return fmt::format("{}: {}", to_string(code), text);
        return fmt::format("{}: {}: {}", query_name, to_string(code), text);
    }
};

}  // namespace ctsql
