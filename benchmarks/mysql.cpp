// The MySQL and MariaDB suite, against the server at CTSQL_MYSQL_URL: every workload by ctsql,
// by the C API (MariaDB's Connector/C) as an expert writes it, and by SOCI, each on a
// connection of its own.
#include <ctsql/mysql.hpp>
#include <mysql.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
const char* const suite_name = "MySQL";
}

namespace {

using bench::Account;

// `accounts` is read, `loaded_accounts` written.
inline constexpr char schema_sql[] = R"sql(
CREATE TABLE accounts (
  id BIGINT PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  note VARCHAR(64),
  balance DOUBLE NOT NULL,
  active BOOLEAN NOT NULL,
  created_at DATETIME(6) NOT NULL
);
CREATE TABLE loaded_accounts (
  id BIGINT PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  note VARCHAR(64),
  balance DOUBLE NOT NULL,
  active BOOLEAN NOT NULL,
  created_at DATETIME(6) NOT NULL
);
)sql";
inline constexpr auto schema = ctsql::schema<schema_sql>;

// Checked before anything is registered: without a server there is nothing to run.
const std::string& server_url() {
    static const std::string url = std::getenv("CTSQL_MYSQL_URL");
    return url;
}

// Makes both tables, fills `accounts`, and empties and checks `loaded_accounts`, on a
// connection of its own.
class mysql_table {
public:
    static constexpr auto SummarizeLoaded = ctsql::query<R"sql(
      -- name: SummarizeLoaded :one
      SELECT COUNT(*) AS row_count, COALESCE(SUM(id), 0) AS id_sum,
             COALESCE(SUM(id * LENGTH(name)), 0) AS name_check, COUNT(note) AS note_count,
             COALESCE(SUM(id * LENGTH(note)), 0) AS note_check, COALESCE(SUM(id * balance), 0) AS balance_check,
             COALESCE(SUM(id * active), 0) AS active_check,
             COALESCE(SUM(TIMESTAMPDIFF(MICROSECOND, '2026-01-01 00:00:00', created_at)), 0) AS created_check
      FROM loaded_accounts
    )sql">;

    mysql_table() : db_(server_url()) {
        db_.execute_script("DROP TABLE IF EXISTS accounts, loaded_accounts");
        db_.execute_script(schema_sql);
        db_.execute(bench::FillAccounts<schema>, bench::accounts_up_to(bench::table_rows));
    }

    // TRUNCATE, not DELETE: deleting 100k rows would take longer than loading them, and leave
    // InnoDB purging them while the next load runs.
    void empty_loaded() { db_.execute_script("TRUNCATE TABLE loaded_accounts"); }

    std::string check_loaded(int rows) {
        return bench::difference(*db_.execute<bench::table_summary>(SummarizeLoaded), bench::expected_summary(rows));
    }

private:
    ctsql::mysql::connection db_;
};

// ---- The C API as an expert writes it --------------------------------------------------------
// Statements prepared once on the binary protocol. Parameters and results bound once to
// buffers of fixed addresses, which each row is copied into or read from; a VARCHAR(64) of
// utf8mb4 takes at most 256 bytes, so no value is ever truncated. Rows are read as they arrive
// (no mysql_stmt_store_result), as ctsql reads them.

inline constexpr std::size_t column_bytes = 256;

// One row's values, in the buffers a statement's six parameters or six result columns are
// bound to.
struct row_buffers {
    std::int64_t id = 0;
    char name[column_bytes]{};
    char note[column_bytes]{};
    double balance = 0;
    signed char active = 0;
    MYSQL_TIME created_at{};
    unsigned long lengths[6]{};
    my_bool nulls[6]{};
    my_bool truncated[6]{};

    // Binds these buffers to binds[0..5], in the order id, name, note, balance, active, created_at.
    void bind(MYSQL_BIND* binds) {
        const auto to = [&](int column, enum_field_types type, void* buffer, unsigned long size) {
            MYSQL_BIND& b = binds[column];
            b = MYSQL_BIND{};
            b.buffer_type = type;
            b.buffer = buffer;
            b.buffer_length = size;
            b.length = &lengths[column];
            b.is_null = &nulls[column];
            b.error = &truncated[column];
        };
        to(0, MYSQL_TYPE_LONGLONG, &id, sizeof id);
        to(1, MYSQL_TYPE_STRING, name, column_bytes);
        to(2, MYSQL_TYPE_STRING, note, column_bytes);
        to(3, MYSQL_TYPE_DOUBLE, &balance, sizeof balance);
        to(4, MYSQL_TYPE_TINY, &active, sizeof active);
        to(5, MYSQL_TYPE_DATETIME, &created_at, sizeof created_at);
    }

    void set(const Account& a) {
        using namespace std::chrono;
        id = a.id;
        lengths[1] = copy(a.name, name);
        nulls[2] = !a.note;
        lengths[2] = a.note ? copy(*a.note, note) : 0;
        balance = a.balance;
        active = a.active ? 1 : 0;
        const sys_days day = floor<days>(a.created_at);
        const year_month_day date{day};
        const hh_mm_ss<microseconds> clock{a.created_at - day};
        created_at = MYSQL_TIME{};
        created_at.year = static_cast<unsigned>(static_cast<int>(date.year()));
        created_at.month = static_cast<unsigned>(date.month());
        created_at.day = static_cast<unsigned>(date.day());
        created_at.hour = static_cast<unsigned>(clock.hours().count());
        created_at.minute = static_cast<unsigned>(clock.minutes().count());
        created_at.second = static_cast<unsigned>(clock.seconds().count());
        created_at.second_part = static_cast<unsigned long>(clock.subseconds().count());
        created_at.time_type = MYSQL_TIMESTAMP_DATETIME;
    }

    Account account() const {
        using namespace std::chrono;
        const year_month_day date{year{static_cast<int>(created_at.year)}, month{created_at.month}, day{created_at.day}};
        return Account{id, std::string{name, lengths[1]},
                       nulls[2] ? std::nullopt : std::optional<std::string>{std::in_place, note, lengths[2]}, balance,
                       active != 0,
                       sys_days{date} + hours{created_at.hour} + minutes{created_at.minute} + seconds{created_at.second} +
                           microseconds{created_at.second_part}};
    }

private:
    static unsigned long copy(const std::string& text, char* buffer) {
        if (text.size() > column_bytes) throw std::length_error{"a text longer than its VARCHAR(64) column"};
        std::memcpy(buffer, text.data(), text.size());
        return static_cast<unsigned long>(text.size());
    }
};

class raw_mysql {
public:
    static constexpr const char* name = "raw";

    raw_mysql() : conn_(mysql_init(nullptr)) {
        const ctsql::mysql::detail::connect_parameters p = ctsql::mysql::detail::parse_url(server_url());
        mysql_options(conn_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
        if (mysql_real_connect(conn_, p.host.c_str(), p.user.c_str(), p.password.c_str(), p.database.c_str(), p.port,
                               p.socket.empty() ? nullptr : p.socket.c_str(), 0) == nullptr)
            throw std::runtime_error{mysql_error(conn_)};
        select_one_ = prepare("SELECT id, name, note, balance, active, created_at FROM accounts WHERE id = ?");
        select_all_ = prepare("SELECT id, name, note, balance, active, created_at FROM accounts ORDER BY id");
        insert_one_ = prepare(insert_sql(1).c_str());
        MYSQL_BIND id{};
        id.buffer_type = MYSQL_TYPE_LONGLONG;
        id.buffer = &wanted_id_;
        MYSQL_BIND row[6];
        read_.bind(row);
        check(select_one_, mysql_stmt_bind_param(select_one_, &id) || mysql_stmt_bind_result(select_one_, row));
        check(select_all_, mysql_stmt_bind_result(select_all_, row));
        written_.resize(rows_per_insert);
        written_[0].bind(row);
        check(insert_one_, mysql_stmt_bind_param(insert_one_, row));
    }
    raw_mysql(const raw_mysql&) = delete;
    ~raw_mysql() {
        for (MYSQL_STMT* s : {select_one_, select_all_, insert_one_, insert_full_, insert_tail_})
            if (s != nullptr) mysql_stmt_close(s);
        mysql_close(conn_);
    }

    std::optional<Account> read_one(std::int64_t id) {
        wanted_id_ = id;
        check(select_one_, mysql_stmt_execute(select_one_));
        std::optional<Account> row;
        if (fetch(select_one_)) row = read_.account();
        mysql_stmt_free_result(select_one_);  // the end of the result, unread
        return row;
    }

    std::vector<Account> read_all() {
        std::vector<Account> rows;
        check(select_all_, mysql_stmt_execute(select_all_));
        while (fetch(select_all_)) rows.push_back(read_.account());
        return rows;
    }

    void insert_each(const std::vector<Account>& rows) {
        in_transaction([&] {
            for (const Account& a : rows) {
                written_[0].set(a);
                check(insert_one_, mysql_stmt_execute(insert_one_));
            }
        });
    }

    // Multi-row INSERTs of rows_per_insert rows each, every row's values copied into buffers
    // bound once; the rows left over at the end go in one more statement, bound for their count.
    void bulk_load(const std::vector<Account>& rows) {
        in_transaction([&] {
            for (std::size_t first = 0; first < rows.size(); first += rows_per_insert) {
                const std::size_t count = std::min(rows_per_insert, rows.size() - first);
                for (std::size_t i = 0; i < count; ++i) written_[i].set(rows[first + i]);
                MYSQL_STMT* insert = count == rows_per_insert ? full_insert() : tail_insert(count);
                check(insert, mysql_stmt_execute(insert));
            }
        });
    }

private:
    // 1000 rows of six values: far below the 65535 placeholders a statement may have, and its
    // 80 kB of values far below max_allowed_packet, while its round trip is spread over enough
    // rows not to count.
    static constexpr std::size_t rows_per_insert = 1000;

    MYSQL* conn_;
    MYSQL_STMT* select_one_ = nullptr;
    MYSQL_STMT* select_all_ = nullptr;
    MYSQL_STMT* insert_one_ = nullptr;
    MYSQL_STMT* insert_full_ = nullptr;  // rows_per_insert rows, made at the first bulk load
    MYSQL_STMT* insert_tail_ = nullptr;  // fewer rows, made again for another count
    std::size_t tail_rows_ = 0;
    std::int64_t wanted_id_ = 0;
    row_buffers read_;
    std::vector<row_buffers> written_;

    static std::string insert_sql(std::size_t rows) {
        std::string sql = "INSERT INTO loaded_accounts (id, name, note, balance, active, created_at) VALUES ";
        for (std::size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)";
        return sql;
    }

    void check(MYSQL_STMT* statement, bool failed) {
        if (failed) throw std::runtime_error{mysql_stmt_error(statement)};
    }
    void run(const char* sql) {
        if (mysql_query(conn_, sql) != 0) throw std::runtime_error{mysql_error(conn_)};
    }
    template <class Work>
    void in_transaction(Work work) {
        run("START TRANSACTION");
        try {
            work();
        } catch (...) {
            mysql_query(conn_, "ROLLBACK");
            throw;
        }
        run("COMMIT");
    }

    MYSQL_STMT* prepare(const char* sql) {
        MYSQL_STMT* statement = mysql_stmt_init(conn_);
        if (statement == nullptr) throw std::runtime_error{mysql_error(conn_)};
        if (mysql_stmt_prepare(statement, sql, std::strlen(sql)) != 0) {
            const std::string reason = mysql_stmt_error(statement);
            mysql_stmt_close(statement);
            throw std::runtime_error{reason};
        }
        return statement;
    }
    // A multi-row INSERT of `rows` rows, its parameters bound to the first `rows` of written_.
    MYSQL_STMT* prepare_insert(std::size_t rows) {
        MYSQL_STMT* statement = prepare(insert_sql(rows).c_str());
        std::vector<MYSQL_BIND> binds(rows * 6);
        for (std::size_t r = 0; r < rows; ++r) written_[r].bind(&binds[r * 6]);
        check(statement, mysql_stmt_bind_param(statement, binds.data()));  // the library copies the binds
        return statement;
    }
    MYSQL_STMT* full_insert() {
        if (insert_full_ == nullptr) insert_full_ = prepare_insert(rows_per_insert);
        return insert_full_;
    }
    MYSQL_STMT* tail_insert(std::size_t rows) {
        if (tail_rows_ != rows) {
            if (insert_tail_ != nullptr) mysql_stmt_close(insert_tail_);
            insert_tail_ = nullptr;
            insert_tail_ = prepare_insert(rows);
            tail_rows_ = rows;
        }
        return insert_tail_;
    }

    // The next row into read_: false at the end.
    bool fetch(MYSQL_STMT* statement) {
        const int rc = mysql_stmt_fetch(statement);
        if (rc == MYSQL_NO_DATA) return false;
        if (rc == MYSQL_DATA_TRUNCATED) throw std::runtime_error{"a value longer than its buffer"};
        check(statement, rc != 0);
        return true;
    }
};

struct ctsql_mysql : bench::ctsql_side<ctsql::mysql::connection, schema> {
    ctsql_mysql() : ctsql_side(ctsql::mysql::connection{server_url()}) {}
};

// SOCI's MySQL backend takes "key=value" pairs: the same server, user and database.
std::string soci_connect_string() {
    const ctsql::mysql::detail::connect_parameters p = ctsql::mysql::detail::parse_url(server_url());
    std::string text = "host=" + p.host + " port=" + std::to_string(p.port) + " user=" + p.user + " db=" + p.database +
                       " charset=utf8mb4";
    if (!p.password.empty()) text += " password=" + p.password;
    if (!p.socket.empty()) text += " unix_socket=" + p.socket;
    return text;
}

struct soci_mysql : bench::soci_side {
    soci_mysql() : soci_side("mysql", soci_connect_string(), {}) {}
};

[[maybe_unused]] const bool registered = [] {
    if (std::getenv("CTSQL_MYSQL_URL") == nullptr) {
        std::fputs("bench_mysql: CTSQL_MYSQL_URL is not set; set it to the server to run against,"
                   " as in mysql://user:password@127.0.0.1:3306/database\n",
                   stderr);
        std::exit(1);
    }
    return bench::register_suite<mysql_table, raw_mysql, ctsql_mysql, soci_mysql>();
}();

}  // namespace
