// ctsql against hand-written libpq code, in the same run, on the server at CTSQL_POSTGRES_URL:
// a point select by primary key and a 10k-row fetch into a vector of structs. The libpq code
// is what an expert writes: one prepared statement, binary parameters and results.
#include <ctsql/postgres.hpp>

#include <benchmark/benchmark.h>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "accounts.hpp"

namespace {

using namespace bench;

const char* server_url() {
    const char* url = std::getenv("CTSQL_POSTGRES_URL");
    return url ? url : "postgresql://postgres@127.0.0.1:5432/postgres";
}

ctsql::postgres::connection& database() {
    static ctsql::postgres::connection db = [] {
        ctsql::postgres::connection c{server_url()};
        c.execute_script(
            "DROP TABLE IF EXISTS accounts;"
            "CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL,"
            " balance float8 NOT NULL, active boolean NOT NULL, note text);"
            "INSERT INTO accounts SELECT i, 'user ' || i, 'user' || i || '@example.org', i * 1.5, i % 2 = 1,"
            " CASE WHEN i % 3 = 0 THEN NULL ELSE 'note ' || i END FROM generate_series(1, 10000) AS i;"
            "ANALYZE accounts;");
        return c;
    }();
    return db;
}

// Big-endian reads, as libpq's binary results need.
std::int64_t int8_at(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return static_cast<std::int64_t>(__builtin_bswap64(v));
}

Account read_raw(const PGresult* r, int row) {
    Account a;
    a.id = int8_at(PQgetvalue(r, row, 0));
    a.name.assign(PQgetvalue(r, row, 1), static_cast<std::size_t>(PQgetlength(r, row, 1)));
    a.email.assign(PQgetvalue(r, row, 2), static_cast<std::size_t>(PQgetlength(r, row, 2)));
    a.balance = std::bit_cast<double>(int8_at(PQgetvalue(r, row, 3)));
    a.active = *PQgetvalue(r, row, 4) != 0;
    if (!PQgetisnull(r, row, 5)) a.note.emplace(PQgetvalue(r, row, 5), static_cast<std::size_t>(PQgetlength(r, row, 5)));
    return a;
}

// The libpq side prepares on a connection of its own, so that neither side's cache helps the other.
struct raw_connection {
    PGconn* conn = PQconnectdb(server_url());
    explicit raw_connection(const char* sql) { PQclear(PQprepare(conn, "q", sql, 0, nullptr)); }
    ~raw_connection() { PQfinish(conn); }
};

void point_select_raw(benchmark::State& state) {
    database();
    raw_connection raw{"SELECT id, name, email, balance, active, note FROM accounts WHERE id = $1"};
    std::int64_t id = 0;
    for (auto _ : state) {
        id = id % row_count + 1;
        const std::uint64_t wire = __builtin_bswap64(static_cast<std::uint64_t>(id));
        const char* values[] = {reinterpret_cast<const char*>(&wire)};
        const int lengths[] = {8};
        const int formats[] = {1};
        PGresult* r = PQexecPrepared(raw.conn, "q", 1, values, lengths, formats, 1);
        std::optional<Account> a;
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) a = read_raw(r, 0);
        PQclear(r);
        if (!a) state.SkipWithError("no row");
        benchmark::DoNotOptimize(a);
    }
}

void fetch_10k_raw(benchmark::State& state) {
    database();
    raw_connection raw{"SELECT id, name, email, balance, active, note FROM accounts ORDER BY id"};
    for (auto _ : state) {
        PGresult* r = PQexecPrepared(raw.conn, "q", 0, nullptr, nullptr, nullptr, 1);
        std::vector<Account> rows;
        const int count = PQntuples(r);
        for (int i = 0; i < count; ++i) rows.push_back(read_raw(r, i));
        PQclear(r);
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
