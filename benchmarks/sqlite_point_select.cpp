// ctsql against hand-written SQLite C API code, in the same run: a point select by primary key
// and a 10k-row fetch into a vector of structs. Ratios to the C API are reported as counters.
#include <ctsql/sqlite.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts.hpp"

namespace {

using namespace bench;

ctsql::sqlite::connection& database() {
    static ctsql::sqlite::connection db = [] {
        ctsql::sqlite::connection c{":memory:"};
        c.execute_script(
            "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,"
            " balance REAL NOT NULL, active BOOLEAN NOT NULL, note TEXT);"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
            " INSERT INTO accounts SELECT i, 'user ' || i, 'user' || i || '@example.org', i * 1.5, i % 2,"
            " CASE WHEN i % 3 = 0 THEN NULL ELSE 'note ' || i END FROM n;");
        return c;
    }();
    return db;
}

// The C API as an expert writes it: one persistent prepared statement, reset and reused.
struct raw_statement {
    sqlite3_stmt* statement = nullptr;
    explicit raw_statement(const char* sql) {
        sqlite3_prepare_v3(database().backend().native_handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &statement,
                           nullptr);
    }
    ~raw_statement() { sqlite3_finalize(statement); }
};

Account read_raw(sqlite3_stmt* s) {
    Account a;
    a.id = sqlite3_column_int64(s, 0);
    a.name.assign(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)), static_cast<std::size_t>(sqlite3_column_bytes(s, 1)));
    a.email.assign(reinterpret_cast<const char*>(sqlite3_column_text(s, 2)), static_cast<std::size_t>(sqlite3_column_bytes(s, 2)));
    a.balance = sqlite3_column_double(s, 3);
    a.active = sqlite3_column_int(s, 4) != 0;
    if (sqlite3_column_type(s, 5) != SQLITE_NULL)
        a.note.emplace(reinterpret_cast<const char*>(sqlite3_column_text(s, 5)), static_cast<std::size_t>(sqlite3_column_bytes(s, 5)));
    return a;
}

void point_select_raw(benchmark::State& state) {
    raw_statement raw{"SELECT id, name, email, balance, active, note FROM accounts WHERE id = ?1"};
    std::int64_t id = 0;
    for (auto _ : state) {
        id = id % row_count + 1;
        sqlite3_bind_int64(raw.statement, 1, id);
        std::optional<Account> a;
        if (sqlite3_step(raw.statement) == SQLITE_ROW) a = read_raw(raw.statement);
        sqlite3_reset(raw.statement);
        benchmark::DoNotOptimize(a);
    }
}

void fetch_10k_raw(benchmark::State& state) {
    raw_statement raw{"SELECT id, name, email, balance, active, note FROM accounts ORDER BY id"};
    for (auto _ : state) {
        std::vector<Account> rows;
        while (sqlite3_step(raw.statement) == SQLITE_ROW) rows.push_back(read_raw(raw.statement));
        sqlite3_reset(raw.statement);
        if (rows.size() != row_count) state.SkipWithError("wrong row count");
        benchmark::DoNotOptimize(rows);
    }
}

}  // namespace

BENCHMARK(point_select_raw);
BENCHMARK(point_select_ctsql<database>);
BENCHMARK(fetch_10k_raw)->Unit(benchmark::kMicrosecond);
BENCHMARK(fetch_10k_ctsql<database>)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
