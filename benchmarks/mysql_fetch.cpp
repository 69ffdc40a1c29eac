// ctsql against hand-written MySQL C API code, in the same run, on the server at CTSQL_MYSQL_URL:
// a point select by primary key and a 10k-row fetch into a vector of structs. The C code is
// what an expert writes: one prepared statement on the binary protocol, result buffers bound
// once, long values fetched with mysql_stmt_fetch_column.
#include <ctsql/mysql.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "accounts.hpp"

namespace {

using namespace bench;

const char* server_url() {
    const char* url = std::getenv("CTSQL_MYSQL_URL");
    return url ? url : "mysql://root@127.0.0.1:3306/mysql";
}

ctsql::mysql::connection& database() {
    static ctsql::mysql::connection db = [] {
        ctsql::mysql::connection c{server_url()};
        c.execute_script(
            "DROP TABLE IF EXISTS accounts;"
            "CREATE TABLE accounts (id BIGINT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,"
            " balance DOUBLE NOT NULL, active BOOLEAN NOT NULL, note TEXT);"
            "INSERT INTO accounts SELECT seq, CONCAT('user ', seq), CONCAT('user', seq, '@example.org'), seq * 1.5,"
            " seq % 2 = 1, IF(seq % 3 = 0, NULL, CONCAT('note ', seq)) FROM seq_1_to_10000;"
            "ANALYZE TABLE accounts;");
        return c;
    }();
    return db;
}

// The C side prepares on a connection of its own, so that neither side's cache helps the other.
class raw_statement {
public:
    explicit raw_statement(const char* sql) {
        const ctsql::mysql::detail::connect_parameters p = ctsql::mysql::detail::parse_url(server_url());
        conn_ = mysql_init(nullptr);
        mysql_options(conn_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
        if (!mysql_real_connect(conn_, p.host.c_str(), p.user.c_str(), p.password.c_str(), p.database.c_str(), p.port,
                                nullptr, 0))
            std::abort();
        statement_ = mysql_stmt_init(conn_);
        if (mysql_stmt_prepare(statement_, sql, std::strlen(sql)) != 0) std::abort();
        binds_[0].buffer_type = MYSQL_TYPE_LONGLONG;
        binds_[0].buffer = &id_;
        for (int c : {1, 2, 5}) {
            binds_[c].buffer_type = MYSQL_TYPE_STRING;
            binds_[c].buffer = text_[c];
            binds_[c].buffer_length = sizeof text_[c];
        }
        binds_[3].buffer_type = MYSQL_TYPE_DOUBLE;
        binds_[3].buffer = &balance_;
        binds_[4].buffer_type = MYSQL_TYPE_TINY;
        binds_[4].buffer = &active_;
        for (int c = 0; c < 6; ++c) {
            binds_[c].length = &lengths_[c];
            binds_[c].is_null = &nulls_[c];
            binds_[c].error = &errors_[c];
        }
        mysql_stmt_bind_result(statement_, binds_);
    }
    ~raw_statement() {
        mysql_stmt_close(statement_);
        mysql_close(conn_);
    }

    MYSQL_STMT* get() { return statement_; }

    // The next row, or nothing at the end.
    std::optional<Account> fetch() {
        const int rc = mysql_stmt_fetch(statement_);
        if (rc != 0 && rc != MYSQL_DATA_TRUNCATED) return std::nullopt;
        Account a;
        a.id = id_;
        a.name = text(1);
        a.email = text(2);
        a.balance = balance_;
        a.active = active_ != 0;
        if (!nulls_[5]) a.note = text(5);
        return a;
    }

private:
    MYSQL* conn_;
    MYSQL_STMT* statement_;
    MYSQL_BIND binds_[6]{};
    std::int64_t id_ = 0;
    double balance_ = 0;
    signed char active_ = 0;
    char text_[6][256]{};
    unsigned long lengths_[6]{};
    my_bool nulls_[6]{};
    my_bool errors_[6]{};

    std::string text(int c) {
        if (lengths_[c] <= sizeof text_[c]) return std::string{text_[c], lengths_[c]};
        std::string whole(lengths_[c], '\0');
        MYSQL_BIND b{};
        b.buffer_type = MYSQL_TYPE_STRING;
        b.buffer = whole.data();
        b.buffer_length = whole.size();
        mysql_stmt_fetch_column(statement_, &b, static_cast<unsigned>(c), 0);
        return whole;
    }
};

void point_select_raw(benchmark::State& state) {
    database();
    raw_statement raw{"SELECT id, name, email, balance, active, note FROM accounts WHERE id = ?"};
    std::int64_t id = 0;
    MYSQL_BIND parameter{};
    parameter.buffer_type = MYSQL_TYPE_LONGLONG;
    parameter.buffer = &id;
    for (auto _ : state) {
        id = id % row_count + 1;
        mysql_stmt_bind_param(raw.get(), &parameter);
        std::optional<Account> a;
        if (mysql_stmt_execute(raw.get()) == 0) a = raw.fetch();
        mysql_stmt_free_result(raw.get());
        if (!a) state.SkipWithError("no row");
        benchmark::DoNotOptimize(a);
    }
}

void fetch_10k_raw(benchmark::State& state) {
    database();
    raw_statement raw{"SELECT id, name, email, balance, active, note FROM accounts ORDER BY id"};
    for (auto _ : state) {
        std::vector<Account> rows;
        if (mysql_stmt_execute(raw.get()) == 0)
            while (std::optional<Account> a = raw.fetch()) rows.push_back(std::move(*a));
        if (rows.size() != row_count) state.SkipWithError("wrong row count");
        benchmark::DoNotOptimize(rows);
    }
}

}  // namespace

BENCHMARK(point_select_raw)->Unit(benchmark::kMicrosecond);
BENCHMARK(point_select_ctsql<database>)->Unit(benchmark::kMicrosecond);
BENCHMARK(fetch_10k_raw)->Unit(benchmark::kMicrosecond);
BENCHMARK(fetch_10k_ctsql<database>)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
