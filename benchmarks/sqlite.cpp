// The SQLite suite: every workload by ctsql, by the SQLite C API as an expert writes it, and by
// SOCI, each on a connection of its own to one database file in a temporary folder.
//
// Every connection runs in WAL mode with synchronous = NORMAL, the setting SQLite recommends
// for WAL: a commit appends to the log without waiting for the disk, and the log is synced when
// it is checkpointed into the database. So the write path (pager, log, B-tree pages) is measured,
// as :memory: would not, but a commit does not wait on this shared machine's disk, whose latency
// would drown the libraries' differences. Before each load the table is emptied and the log
// checkpointed, with the timer paused, so that each load starts from the same state.
#include <ctsql/sqlite.hpp>
#include <sqlite3.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "account.hpp"
#include "checks.hpp"
#include "portable_sides.hpp"
#include "report.hpp"

namespace bench {
const char* const suite_name = "SQLite";
}

namespace {

using bench::Account;

// `accounts` is read, `loaded_accounts` written. INTEGER PRIMARY KEY is the rowid itself;
// timestamps are TEXT in ctsql's form, which the raw and SOCI sides write and read too.
inline constexpr char schema_sql[] = R"sql(
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  note TEXT,
  balance REAL NOT NULL,
  active BOOLEAN NOT NULL,
  created_at TIMESTAMP NOT NULL
);
CREATE TABLE loaded_accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  note TEXT,
  balance REAL NOT NULL,
  active BOOLEAN NOT NULL,
  created_at TIMESTAMP NOT NULL
);
)sql";
inline constexpr auto schema = ctsql::schema<schema_sql>;

inline constexpr std::string_view connection_settings = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL";

// The database file's folder, made fresh and removed at exit.
class temporary_folder {
public:
    temporary_folder() {
        std::string name = (std::filesystem::temp_directory_path() / "ctsql-bench-XXXXXX").string();
        if (mkdtemp(name.data()) == nullptr) throw std::runtime_error{"cannot make a temporary folder"};
        path_ = name;
    }
    temporary_folder(const temporary_folder&) = delete;
    ~temporary_folder() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

ctsql::sqlite::connection open_ctsql(const std::string& path) {
    ctsql::sqlite::connection db{path};  // WAL is ctsql's default for a file
    db.execute_script(connection_settings);
    return db;
}

// Makes the database, fills `accounts`, and empties and checks `loaded_accounts`, on a
// connection of its own.
class sqlite_table {
public:
    // The text of created_at read back as microseconds: the whole seconds of its first 19
    // characters (unixepoch of the whole text would round .9995 up), and the fraction's digits
    // padded to six.
    static constexpr auto SummarizeLoaded = ctsql::query<R"sql(
      -- name: SummarizeLoaded :one
      SELECT COUNT(*) AS row_count, COALESCE(SUM(id), 0) AS id_sum,
             COALESCE(SUM(id * LENGTH(name)), 0) AS name_check, COUNT(note) AS note_count,
             COALESCE(SUM(id * LENGTH(note)), 0) AS note_check, TOTAL(id * balance) AS balance_check,
             COALESCE(SUM(id * active), 0) AS active_check,
             COALESCE(SUM((unixepoch(substr(created_at, 1, 19)) - unixepoch('2026-01-01')) * 1000000
                          + CAST(substr(substr(created_at, 21) || '000000', 1, 6) AS INTEGER)), 0) AS created_check
      FROM loaded_accounts
    )sql">;
    // The text's length tells ctsql's form from others of the same time (trailing zeros, a T).
    static constexpr auto LoadedTimeTextLength = ctsql::query<R"sql(
      -- name: LoadedTimeTextLength :one
      SELECT COALESCE(SUM(LENGTH(created_at)), 0) AS bytes FROM loaded_accounts
    )sql">;

    sqlite_table() : db_(open_ctsql(path())) {
        db_.execute_script(schema_sql);
        db_.execute(bench::FillAccounts<schema>, bench::accounts_up_to(bench::table_rows));
    }

    std::string path() const { return (folder_.path() / "bench.db").string(); }

    void empty_loaded() { db_.execute_script("DELETE FROM loaded_accounts; PRAGMA wal_checkpoint(TRUNCATE)"); }

    std::string check_loaded(int rows) {
        std::string problem = bench::difference(*db_.execute<bench::table_summary>(SummarizeLoaded), bench::expected_summary(rows));
        if (!problem.empty()) return problem;
        std::int64_t expected_bytes = 0;
        for (int i = 1; i <= rows; ++i) {
            char text[bench::timestamp_text_capacity];
            expected_bytes += static_cast<std::int64_t>(bench::format_timestamp(bench::account(i).created_at, text));
        }
        const std::int64_t bytes = *db_.execute<std::int64_t>(LoadedTimeTextLength);
        if (bytes != expected_bytes)
            return "loaded_accounts: created_at texts take " + std::to_string(bytes) + " bytes, ctsql's form " +
                   std::to_string(expected_bytes);
        return {};
    }

private:
    temporary_folder folder_;
    ctsql::sqlite::connection db_;
};

const std::string& database_path() {
    static const std::string path = bench::table<sqlite_table>().path();
    return path;
}

// The C API as an expert writes it: statements prepared once with SQLITE_PREPARE_PERSISTENT,
// reset and reused; text bound in place (SQLITE_STATIC); columns read by position.
class raw_sqlite {
public:
    static constexpr const char* name = "raw";

    raw_sqlite() {
        if (sqlite3_open_v2(database_path().c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
            fail();
        sqlite3_busy_timeout(db_, 5000);
        run(std::string{connection_settings}.c_str());
        select_one_ = prepare("SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = ?1");
        select_all_ = prepare("SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id");
        insert_ = prepare(
            "INSERT INTO loaded_accounts (id, name, note, balance, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    }
    raw_sqlite(const raw_sqlite&) = delete;
    ~raw_sqlite() {
        for (sqlite3_stmt* s : {select_one_, select_all_, insert_}) sqlite3_finalize(s);
        sqlite3_close(db_);
    }

    std::optional<Account> read_one(std::int64_t id) {
        sqlite3_bind_int64(select_one_, 1, id);
        std::optional<Account> row;
        const int rc = sqlite3_step(select_one_);
        if (rc == SQLITE_ROW) row = read_row(select_one_);
        sqlite3_reset(select_one_);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail();
        return row;
    }

    std::vector<Account> read_all() {
        std::vector<Account> rows;
        int rc;
        while ((rc = sqlite3_step(select_all_)) == SQLITE_ROW) rows.push_back(read_row(select_all_));
        sqlite3_reset(select_all_);
        if (rc != SQLITE_DONE) fail();
        return rows;
    }

    void insert_each(const std::vector<Account>& rows) {
        run("BEGIN IMMEDIATE");
        try {
            for (const Account& a : rows) insert(a);
        } catch (...) {
            run("ROLLBACK");
            throw;
        }
        run("COMMIT");
    }

    // SQLite's bulk path is this same loop. With no server, a row costs no round trip to save,
    // and one transaction already spares the per-row commit; a multi-row VALUES would only
    // trade the calls of step and reset for a longer statement to bind.
    void bulk_load(const std::vector<Account>& rows) { insert_each(rows); }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* select_one_ = nullptr;
    sqlite3_stmt* select_all_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;

    [[noreturn]] void fail() const { throw std::runtime_error{sqlite3_errmsg(db_)}; }
    void run(const char* sql) {
        if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail();
    }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) fail();
        return statement;
    }

    // The column's text where SQLite keeps it, valid until the next step or reset.
    static std::string_view text(sqlite3_stmt* s, int column) {
        return {reinterpret_cast<const char*>(sqlite3_column_text(s, column)), static_cast<std::size_t>(sqlite3_column_bytes(s, column))};
    }
    static Account read_row(sqlite3_stmt* s) {
        return Account{sqlite3_column_int64(s, 0), std::string{text(s, 1)},
                       sqlite3_column_type(s, 2) == SQLITE_NULL ? std::nullopt : std::optional<std::string>{text(s, 2)},
                       sqlite3_column_double(s, 3), sqlite3_column_int(s, 4) != 0, bench::read_timestamp(text(s, 5))};
    }

    void insert(const Account& a) {
        char created_at[bench::timestamp_text_capacity];  // alive until the step: bound in place
        sqlite3_bind_int64(insert_, 1, a.id);
        sqlite3_bind_text(insert_, 2, a.name.data(), static_cast<int>(a.name.size()), SQLITE_STATIC);
        if (a.note) sqlite3_bind_text(insert_, 3, a.note->data(), static_cast<int>(a.note->size()), SQLITE_STATIC);
        else sqlite3_bind_null(insert_, 3);
        sqlite3_bind_double(insert_, 4, a.balance);
        sqlite3_bind_int(insert_, 5, a.active ? 1 : 0);
        sqlite3_bind_text(insert_, 6, created_at, static_cast<int>(bench::format_timestamp(a.created_at, created_at)),
                          SQLITE_STATIC);
        const int rc = sqlite3_step(insert_);
        sqlite3_reset(insert_);
        if (rc != SQLITE_DONE) fail();
    }
};

struct ctsql_sqlite : bench::ctsql_side<ctsql::sqlite::connection, schema> {
    ctsql_sqlite() : ctsql_side(open_ctsql(database_path())) {}
};

struct soci_sqlite : bench::soci_side {
    soci_sqlite()
        : soci_side("sqlite3", "db=" + database_path() + " timeout=5",
                    {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {}
};

[[maybe_unused]] const bool registered = bench::register_suite<sqlite_table, raw_sqlite, ctsql_sqlite, soci_sqlite>();

}  // namespace
