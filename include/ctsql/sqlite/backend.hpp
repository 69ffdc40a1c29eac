#pragma once
// The SQLite backend: the only ctsql code that calls the SQLite C API.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sqlite3.h>

#include "../connection.hpp"
#include "../detail/statement_per_item.hpp"
#include "../detail/time_text.hpp"
#include "../dialect.hpp"
#include "../error.hpp"
#include "../types.hpp"
#include "../value_io.hpp"
#include "errors.hpp"

namespace ctsql::sqlite {

struct options {
    std::chrono::milliseconds busy_timeout{5000};  // wait this long for another writer's lock
    bool foreign_keys = true;                       // SQLite leaves them off unless asked
    bool write_ahead_log = true;                    // WAL for files: readers do not block the writer
    bool read_only = false;
};

namespace detail {

struct statement_deleter {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using statement_handle = std::unique_ptr<sqlite3_stmt, statement_deleter>;

struct database_deleter {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using database_handle = std::unique_ptr<sqlite3, database_deleter>;

// Statements with more parameters have their timestamps' text copied by SQLite instead.
inline constexpr int max_parameters_with_kept_times = 1024;

struct cache_entry {
    statement_handle statement;
    bool in_use = false;  // a cursor (a stream, say) is reading it right now
    // The text of each timestamp argument, a slot per parameter, made at the first one: bound
    // in place, it spares SQLite a copy (an allocation) per value.
    std::unique_ptr<char[]> time_texts;
};

// The connection's prepared statements, indexed by query slot. Shared with open streams, so that
// a stream outliving its connection (or one moved away) finalizes them itself; the database,
// closed with sqlite3_close_v2, lingers until then.
using statement_cache = std::vector<cache_entry>;

// `sqlite://path`, `sqlite://:memory:`, a plain path, `:memory:` or a `file:` URI.
inline std::string path_from_url(std::string_view url) {
    constexpr std::string_view scheme = "sqlite://";
    if (url.starts_with(scheme)) url.remove_prefix(scheme.size());
    return std::string{url};
}

// NOW(), as PostgreSQL and MySQL have it, so that portable queries run on SQLite too: the
// current UTC time in CURRENT_TIMESTAMP's form, with microseconds.
inline void now_function(sqlite3_context* context, int, sqlite3_value**) {
    char text[ctsql::detail::timestamp_text_size];
    const auto now = std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
    sqlite3_result_text(context, text, static_cast<int>(ctsql::detail::format_timestamp(now, text)), SQLITE_TRANSIENT);
}

}  // namespace detail

// A prepared statement in use by one call: bound, stepped, read, then reset for the next.
class cursor {
public:
    cursor(sqlite3_stmt* statement, std::string_view query_name, std::shared_ptr<detail::statement_cache>* cache,
           std::size_t slot, ctsql::detail::cursor_use use)
        : statement_(statement),
          query_name_(query_name),
          cache_(cache ? cache->get() : nullptr),
          keep_alive_(cache && use == ctsql::detail::cursor_use::stream ? *cache : nullptr),
          slot_(slot),
          argument_lifetime_(use == ctsql::detail::cursor_use::call ? SQLITE_STATIC : SQLITE_TRANSIENT) {}
    cursor(cursor&& other) noexcept
        : statement_(std::exchange(other.statement_, nullptr)),
          query_name_(other.query_name_),
          cache_(other.cache_),
          keep_alive_(std::move(other.keep_alive_)),
          slot_(other.slot_),
          argument_lifetime_(other.argument_lifetime_) {}
    cursor& operator=(cursor&&) = delete;
    ~cursor() { release(); }

    void bind_null(int position) { check(sqlite3_bind_null(statement_, position)); }
    void bind(int position, bool value) { bind(position, std::int64_t{value ? 1 : 0}); }
    void bind(int position, std::int64_t value) { check(sqlite3_bind_int64(statement_, position, value)); }
    void bind(int position, std::uint64_t value) {
        if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            throw error{errc::type_mismatch, query_name_,
                                      "argument " + std::to_string(position) +
                                          ": SQLite integers are 64-bit signed; the value is larger"};
        bind(position, static_cast<std::int64_t>(value));
    }
    void bind(int position, double value) { check(sqlite3_bind_double(statement_, position, value)); }
    void bind(int position, std::string_view value) { bind_text(position, value, argument_lifetime_); }
    void bind(int position, std::span<const std::byte> value) { bind_blob(position, value, argument_lifetime_); }
    // Text and bytes gone before the statement runs (a list element its range makes): copied.
    void bind_copy(int position, std::string_view value) { bind_text(position, value, SQLITE_TRANSIENT); }
    void bind_copy(int position, std::span<const std::byte> value) { bind_blob(position, value, SQLITE_TRANSIENT); }
    void bind(int position, ctsql::detail::microtime value) {
        if (!ctsql::detail::in_text_range(value))
            throw error{errc::type_mismatch, query_name_,
                        "argument " + std::to_string(position) + ": a timestamp outside the years 0 to 9999"};
        if (char* kept = kept_time_text(position)) {
            bind_text(position, std::string_view{kept, ctsql::detail::format_timestamp(value, kept)}, SQLITE_STATIC);
            return;
        }
        char text[ctsql::detail::timestamp_text_size];  // gone when this returns: SQLite copies it
        bind_text(position, std::string_view{text, ctsql::detail::format_timestamp(value, text)}, SQLITE_TRANSIENT);
    }

    // SQLite has no uuid type: a UUID is kept as its text form.
    void bind(int position, const uuid& value) { bind_text(position, value.to_string(), SQLITE_TRANSIENT); }

    // Ready to run again: the next call binds every parameter anew.
    void rewind() { sqlite3_reset(statement_); }
    // The rows the statement changed, once step() has run it.
    std::uint64_t affected_rows() const { return static_cast<std::uint64_t>(sqlite3_changes64(sqlite3_db_handle(statement_))); }

    bool step() {
        const int rc = sqlite3_step(statement_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        raise(sqlite3_db_handle(statement_), rc, query_name_);
    }

    // Each read returns false for NULL; a value of another storage class is a type_mismatch.
    // A column is read through its sqlite3_value: one lookup of the column, where each
    // sqlite3_column_* call would look it up again. (That value is "unprotected": safe here,
    // since a connection is used by one thread at a time.)
    bool read(int column, bool& out, const ctsql::detail::value_site& site) const {
        std::int64_t value = 0;
        if (!read(column, value, site)) return false;
        if (value != 0 && value != 1) site.fail(errc::type_mismatch, "integer " + std::to_string(value) + " is not a boolean (0 or 1)");
        out = value == 1;
        return true;
    }
    bool read(int column, std::int64_t& out, const ctsql::detail::value_site& site) const {
        sqlite3_value* value = sqlite3_column_value(statement_, column);
        if (!present(value, SQLITE_INTEGER, site)) return false;
        out = sqlite3_value_int64(value);
        return true;
    }
    bool read(int column, std::uint64_t& out, const ctsql::detail::value_site& site) const {
        std::int64_t value = 0;
        if (!read(column, value, site)) return false;
        if (value < 0) site.fail(errc::type_mismatch, "negative value " + std::to_string(value) + " read into an unsigned field");
        out = static_cast<std::uint64_t>(value);
        return true;
    }
    bool read(int column, double& out, const ctsql::detail::value_site& site) const {
        sqlite3_value* value = sqlite3_column_value(statement_, column);
        const int stored = sqlite3_value_type(value);
        if (stored == SQLITE_NULL) return false;
        if (stored != SQLITE_INTEGER && stored != SQLITE_FLOAT) mismatch(stored, SQLITE_FLOAT, site);
        out = sqlite3_value_double(value);
        return true;
    }
    bool read(int column, std::string& out, const ctsql::detail::value_site& site) const {
        sqlite3_value* value = sqlite3_column_value(statement_, column);
        if (!present(value, SQLITE_TEXT, site)) return false;
        ctsql::detail::copy_text(text(value), out);
        return true;
    }
    bool read(int column, blob& out, const ctsql::detail::value_site& site) const {
        sqlite3_value* value = sqlite3_column_value(statement_, column);
        if (!present(value, SQLITE_BLOB, site)) return false;
        const auto* data = static_cast<const std::byte*>(sqlite3_value_blob(value));
        out.assign(data, data + sqlite3_value_bytes(value));
        return true;
    }
    // A UUID kept as text, or as its 16 bytes.
    bool read(int column, uuid& out, const ctsql::detail::value_site& site) const {
        sqlite3_value* value = sqlite3_column_value(statement_, column);
        const int stored = sqlite3_value_type(value);
        if (stored == SQLITE_NULL) return false;
        if (stored == SQLITE_BLOB && sqlite3_value_bytes(value) == 16) {
            std::memcpy(out.bytes.data(), sqlite3_value_blob(value), 16);
            return true;
        }
        if (stored != SQLITE_TEXT) mismatch(stored, SQLITE_TEXT, site);
        const std::optional<uuid> parsed = uuid::parse(text(value));
        if (!parsed) site.fail(errc::type_mismatch, "text '" + std::string{text(value)} + "' is not a UUID");
        out = *parsed;
        return true;
    }
    // Timestamps are kept as text (CURRENT_TIMESTAMP's form) or as unix seconds.
    bool read(int column, ctsql::detail::microtime& out, const ctsql::detail::value_site& site) const {
        sqlite3_value* value = sqlite3_column_value(statement_, column);
        const int stored = sqlite3_value_type(value);
        if (stored == SQLITE_NULL) return false;
        if (stored == SQLITE_INTEGER) {
            out = ctsql::detail::microtime{std::chrono::seconds{sqlite3_value_int64(value)}};
            return true;
        }
        if (stored != SQLITE_TEXT) mismatch(stored, SQLITE_TEXT, site);
        const auto parsed = ctsql::detail::parse_timestamp(text(value));
        if (!parsed) site.fail(errc::type_mismatch, "text '" + std::string{text(value)} + "' is not a timestamp");
        out = *parsed;
        return true;
    }

private:
    sqlite3_stmt* statement_;
    std::string_view query_name_;
    detail::statement_cache* cache_;  // null for a statement of its own, finalized at the end
    std::shared_ptr<detail::statement_cache> keep_alive_;  // a stream's: the cache outlives it
    std::size_t slot_;
    sqlite3_destructor_type argument_lifetime_;  // SQLITE_STATIC: SQLite reads the caller's memory

    void bind_text(int position, std::string_view value, sqlite3_destructor_type lifetime) {
        // A null data pointer would bind NULL; an empty text must stay an empty text.
        check(sqlite3_bind_text64(statement_, position, value.empty() ? "" : value.data(), value.size(), lifetime,
                                  SQLITE_UTF8));
    }
    void bind_blob(int position, std::span<const std::byte> value, sqlite3_destructor_type lifetime) {
        if (value.empty()) check(sqlite3_bind_zeroblob(statement_, position, 0));
        else check(sqlite3_bind_blob64(statement_, position, value.data(), value.size(), lifetime));
    }

    // Where the text of a timestamp argument can stay until the statement has run: its slot in
    // the cached statement's entry, which outlives the cursor (a cursor may be moved, and its
    // own memory with it). None for a statement of the cursor's own: SQLite copies then.
    char* kept_time_text(int position) {
        if (cache_ == nullptr) return nullptr;
        std::unique_ptr<char[]>& texts = (*cache_)[slot_].time_texts;
        if (texts == nullptr) {
            const int parameters = sqlite3_bind_parameter_count(statement_);
            if (parameters > detail::max_parameters_with_kept_times) return nullptr;
            texts = std::make_unique<char[]>(static_cast<std::size_t>(parameters) * ctsql::detail::timestamp_text_size);
        }
        return texts.get() + static_cast<std::size_t>(position - 1) * ctsql::detail::timestamp_text_size;
    }

    void check(int rc) const {
        if (rc != SQLITE_OK) raise(sqlite3_db_handle(statement_), rc, query_name_);
    }
    static std::string_view text(sqlite3_value* value) {
        const auto* data = reinterpret_cast<const char*>(sqlite3_value_text(value));
        return {data, static_cast<std::size_t>(sqlite3_value_bytes(value))};
    }
    // False for NULL, true for a value of the expected storage class, an error otherwise.
    static bool present(sqlite3_value* value, int expected, const ctsql::detail::value_site& site) {
        const int stored = sqlite3_value_type(value);
        if (stored == SQLITE_NULL) return false;
        if (stored != expected) mismatch(stored, expected, site);
        return true;
    }
    [[noreturn]] static void mismatch(int stored, int expected, const ctsql::detail::value_site& site) {
        constexpr const char* names[] = {"", "INTEGER", "REAL", "TEXT", "BLOB", "NULL"};
        site.fail(errc::type_mismatch, std::string{"stored as "} + names[stored] + ", the field needs " + names[expected]);
    }
    void release() {
        if (statement_ == nullptr) return;
        // Bindings stay, pointing at arguments that may be gone: they are never read, since
        // every call binds every parameter anew before it steps.
        sqlite3_reset(statement_);
        if (cache_ == nullptr) sqlite3_finalize(statement_);
        else (*cache_)[slot_].in_use = false;
    }
};

namespace detail {

// :copyfrom and :batchexec: the statement run once per element, inside a savepoint, so that the
// range is all or nothing as on the servers.
class range_loader : public ctsql::detail::statement_per_item<sqlite::cursor> {
public:
    range_loader(sqlite::cursor statement, sqlite3* db, std::string_view query_name)
        : statement_per_item(std::move(statement)), db_(db), query_name_(query_name) {}
    range_loader(const range_loader&) = delete;
    ~range_loader() {
        if (!finished_) sqlite3_exec(db_, "ROLLBACK TO ctsql_range; RELEASE ctsql_range", nullptr, nullptr, nullptr);
    }

    void end_item() {
        run_item();
        affected_ += statement_.affected_rows();
    }

    std::uint64_t finish() {
        finished_ = true;
        if (const int rc = sqlite3_exec(db_, "RELEASE ctsql_range", nullptr, nullptr, nullptr); rc != SQLITE_OK)
            raise(db_, rc, query_name_);
        return affected_;
    }

private:
    sqlite3* db_;
    std::string_view query_name_;
    std::uint64_t affected_ = 0;
    bool finished_ = false;
};

}  // namespace detail

class backend {
public:
    static constexpr ctsql::dialect dialect = ctsql::dialect::sqlite;
    using cursor = sqlite::cursor;
    using options = sqlite::options;

    backend(std::string_view url, const options& settings) {
        const std::string path = detail::path_from_url(url);
        const int flags = (settings.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                          SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
        db_.reset(raw);
        if (rc != SQLITE_OK) {
            const std::string text = "cannot open '" + path + "': " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
            throw error{errc::connection_failure, {}, text, {}, rc};
        }
        sqlite3_extended_result_codes(raw, 1);
        sqlite3_busy_timeout(raw, static_cast<int>(settings.busy_timeout.count()));
        sqlite3_create_function_v2(raw, "now", 0, SQLITE_UTF8, nullptr, detail::now_function, nullptr, nullptr, nullptr);
        if (settings.foreign_keys) execute_script("PRAGMA foreign_keys = ON");
        const bool in_memory = *sqlite3_db_filename(raw, "main") == '\0';
        if (settings.write_ahead_log && !in_memory && !settings.read_only) execute_script("PRAGMA journal_mode = WAL");
    }

    cursor open(const ctsql::detail::query_description& query, ctsql::detail::cursor_use use) {
        detail::statement_cache& cache = *cache_;
        if (query.slot >= cache.size()) cache.resize(query.slot + 1);
        detail::cache_entry& entry = cache[query.slot];
        if (entry.statement == nullptr) {
            entry.statement = prepare(query, SQLITE_PREPARE_PERSISTENT);
        } else if (entry.in_use) {  // the same query again while a stream reads it: a statement of its own
            return cursor{prepare(query, 0).release(), query.name, nullptr, 0, use};
        }
        entry.in_use = true;
        return cursor{entry.statement.get(), query.name, &cache_, query.slot, use};
    }

    using copy_loader = detail::range_loader;
    using batch_loader = detail::range_loader;

    template <class Loader>
    Loader load(const ctsql::detail::query_description& query, const ctsql::detail::range_description&) {
        cursor statement = open(query, ctsql::detail::cursor_use::call);
        execute_script("SAVEPOINT ctsql_range");
        return Loader{std::move(statement), db_.get(), query.name};
    }

    bool is_open() const { return true; }  // a database file stays open until the connection ends

    std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }

    void execute_script(std::string_view sql) {
        const std::string text{sql};
        char* message = nullptr;
        const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            const std::string reason = message ? message : sqlite3_errstr(rc);
            sqlite3_free(message);
            throw error{classify(sqlite3_extended_errcode(db_.get()), reason), {}, reason, {},
                                      sqlite3_extended_errcode(db_.get())};
        }
    }

    // A transaction that writes takes the write lock at once (BEGIN IMMEDIATE): one that took it
    // only at its first write could find another writer ahead of it and fail with busy at once,
    // which no busy timeout waits out. Every transaction is serializable, so any isolation asked
    // for is given. A read-only one sets query_only until it ends.
    void begin(const transaction_options& options) {
        if (!options.read_only) return execute_script("BEGIN IMMEDIATE");
        execute_script("PRAGMA query_only = ON");
        read_only_transaction_ = true;
        try {
            execute_script("BEGIN");
        } catch (...) {
            leave_read_only();  // no transaction began, so none will end and turn it off
            throw;
        }
    }
    void commit() {
        execute_script("COMMIT");
        leave_read_only();
    }
    // SQLite itself rolls back after some errors (a full disk, an interrupt): then there is
    // nothing left to roll back.
    void rollback() {
        try {
            if (in_transaction()) execute_script("ROLLBACK");
        } catch (...) {
            leave_read_only();
            throw;
        }
        leave_read_only();
    }
    bool in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

    sqlite3* native_handle() const { return db_.get(); }

private:
    detail::database_handle db_;
    bool read_only_transaction_ = false;
    std::shared_ptr<detail::statement_cache> cache_ = std::make_shared<detail::statement_cache>();

    void leave_read_only() {
        if (std::exchange(read_only_transaction_, false)) execute_script("PRAGMA query_only = OFF");
    }

    detail::statement_handle prepare(const ctsql::detail::query_description& query, unsigned flags) {
        sqlite3_stmt* raw = nullptr;
        const int rc = sqlite3_prepare_v3(db_.get(), query.sql.data(), static_cast<int>(query.sql.size()), flags,
                                          &raw, nullptr);
        detail::statement_handle statement{raw};
        if (rc != SQLITE_OK) raise(db_.get(), rc, query.name);
        check_against_compiled(statement.get(), query);
        return statement;
    }

    // The database's view of the statement must match what the code was compiled against.
    static void check_against_compiled(sqlite3_stmt* statement, const ctsql::detail::query_description& query) {
        ctsql::detail::check_result_columns(
            query, static_cast<std::size_t>(sqlite3_column_count(statement)),
            [&](std::size_t i) { return std::string_view{sqlite3_column_name(statement, static_cast<int>(i))}; },
            [](std::size_t, std::string_view) {});
    }
};

using connection = basic_connection<backend>;

}  // namespace ctsql::sqlite
