// The PostgreSQL suite: every workload run by ctsql, raw libpq, SOCI and libpqxx, each on a
// connection of its own, against the server at CTSQL_POSTGRES_URL (whose tables accounts and
// scratch_accounts it replaces). Every run's result is checked; a wrong one is a benchmark
// error, which report.cpp turns into a failing exit code.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "account.hpp"
#include "postgres_ctsql.hpp"
#include "postgres_libpqxx.hpp"
#include "postgres_raw.hpp"
#include "postgres_soci.hpp"
#include "postgres_tables.hpp"
#include "report.hpp"

const char* const bench::suite_name = "PostgreSQL";

namespace {

using namespace bench;

const char* server_url() {
    static const char* const url = [] {
        const char* given = std::getenv("CTSQL_POSTGRES_URL");
        if (given == nullptr || *given == '\0') {
            std::fputs("bench_postgres: set CTSQL_POSTGRES_URL to the server to measure, e.g. "
                       "postgresql://postgres@127.0.0.1:5432/bench (its tables accounts and scratch_accounts are "
                       "replaced)\n",
                       stderr);
            std::exit(1);
        }
        return given;
    }();
    return url;
}

std::vector<Account> accounts_from_1_to(std::int64_t last) {
    std::vector<Account> rows;
    rows.reserve(static_cast<std::size_t>(last));
    for (std::int64_t i = 1; i <= last; ++i) rows.push_back(account(i));
    return rows;
}

// account(i) in SQL, for building the tables and checking them on the server. Checked against
// account(i) itself, over every id the suite writes, before anything is measured.
constexpr const char* expected_accounts_sql = R"sql(
  CREATE FUNCTION expected_accounts(last bigint) RETURNS SETOF accounts LANGUAGE sql STABLE AS $$
    SELECT i, 'user ' || i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'note for account ' || i END,
           i * 1.5::float8, i % 2 = 1, timestamp '2026-01-01' + i * interval '1000250 microseconds'
    FROM generate_series(1::bigint, last) AS i
  $$
)sql";

inline constexpr auto ExpectedAccounts = ctsql::query<R"sql(
  -- name: ExpectedAccounts :many
  SELECT id, name, note, balance, active, created_at FROM expected_accounts($1)
)sql">;

// scratch_accounts against expected_accounts($1), whose first $2 balances have $3 added: how
// many rows it holds, how many are missing, extra or different, and the first of those.
struct scratch_comparison {
    std::int64_t rows_found;
    std::int64_t wrong_rows;
    std::optional<std::int64_t> first_wrong;
};
inline constexpr auto CompareScratch = ctsql::query<R"sql(
  -- name: CompareScratch :one
  SELECT count(found) AS rows_found, count(*) FILTER (WHERE wrong) AS wrong_rows,
         min(id) FILTER (WHERE wrong) AS first_wrong
  FROM (SELECT coalesce(s.id, e.id) AS id, s.id AS found,
               (s.name, s.note, s.balance, s.active, s.created_at) IS DISTINCT FROM
               (e.name, e.note, e.balance + CASE WHEN e.id <= $2 THEN $3::float8 ELSE 0 END, e.active, e.created_at)
               AS wrong
        FROM scratch_accounts s FULL JOIN expected_accounts($1) e ON e.id = s.id) AS compared
)sql">;

// The suite's own connection: builds the tables, empties or refills scratch_accounts between
// runs, and checks what each write workload left there.
class test_bed {
public:
    test_bed() : db_(server_url()) {
        db_.execute_script("DROP FUNCTION IF EXISTS expected_accounts; DROP TABLE IF EXISTS accounts, scratch_accounts");
        db_.execute_script(accounts_ddl);
        db_.execute_script(expected_accounts_sql);
        const std::vector<Account> generated = db_.execute<Account>(ExpectedAccounts, bulk_rows);
        if (const std::string wrong = difference(generated, accounts_from_1_to(bulk_rows)); !wrong.empty())
            throw std::runtime_error("expected_accounts() is not account(i): " + wrong);
        db_.execute_script(fmt::format("INSERT INTO accounts SELECT * FROM expected_accounts({}); ANALYZE accounts", table_rows));
    }

    void empty_scratch() { db_.execute_script("TRUNCATE scratch_accounts"); }
    void fill_scratch(int rows) {
        db_.execute_script(fmt::format(
            "TRUNCATE scratch_accounts; INSERT INTO scratch_accounts SELECT * FROM expected_accounts({}); "
            "ANALYZE scratch_accounts",
            rows));
    }

    // What differs between scratch_accounts and rows 1..rows of account(i), the balances of the
    // first `updated` raised by `added`; empty when nothing does.
    std::string scratch_difference(int rows, int updated = 0, double added = 0) {
        const scratch_comparison c = *db_.execute<scratch_comparison>(CompareScratch, rows, updated, added);
        if (c.rows_found == rows && c.wrong_rows == 0) return {};
        return fmt::format("scratch_accounts: {} rows where {} were expected, {} of them missing, extra or different "
                           "(the first: id {})",
                           c.rows_found, rows, c.wrong_rows, c.first_wrong.value_or(0));
    }

    // The first field of a row read that differs from the row expected; empty when none does.
    static std::string difference(const Account& read, const Account& expected) {
        const char* field = read.id != expected.id                 ? "id"
                            : read.name != expected.name             ? "name"
                            : read.note != expected.note             ? "note"
                            : read.balance != expected.balance       ? "balance"
                            : read.active != expected.active         ? "active"
                            : read.created_at != expected.created_at ? "created_at"
                                                                     : nullptr;
        return field ? fmt::format("row {}: its {} differs from account({})", expected.id, field, expected.id) : "";
    }
    static std::string difference(std::span<const Account> read, std::span<const Account> expected) {
        if (read.size() != expected.size()) return fmt::format("{} rows read, {} expected", read.size(), expected.size());
        for (std::size_t i = 0; i < read.size(); ++i)
            if (std::string wrong = difference(read[i], expected[i]); !wrong.empty()) return wrong;
        return {};
    }

private:
    ctsql::postgres::connection db_;
};

test_bed& bed() {
    static test_bed instance;
    return instance;
}

// One connection per implementation for the whole run, made after the tables: statements
// are prepared once, in whichever run comes first, not in the runs that are reported.
template <class Client>
Client& shared_client() {
    bed();
    static Client client{server_url()};
    return client;
}

void fail(benchmark::State& state, const std::string& why) { state.SkipWithError(why.c_str()); }

void count_rows(benchmark::State& state, std::int64_t rows_per_iteration) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * rows_per_iteration);
}

// ---- The workloads, each a function of any client --------------------------------------

const auto point_select = [](benchmark::State& state, auto& client) {
    static const std::vector<Account> expected = accounts_from_1_to(table_rows);
    std::size_t next = 0;
    for (auto _ : state) {
        const Account& wanted = expected[next];
        next = (next + 1) % expected.size();
        const std::optional<Account> row = client.find(wanted.id);
        if (!row || *row != wanted) {
            fail(state, row ? test_bed::difference(*row, wanted) : fmt::format("no row {}", wanted.id));
            break;
        }
    }
};

const auto fetch_10k = [](benchmark::State& state, auto& client) {
    std::vector<Account> rows;
    for (auto _ : state) rows = client.fetch_all();
    count_rows(state, table_rows);
    if (const std::string wrong = test_bed::difference(rows, accounts_from_1_to(table_rows)); !wrong.empty())
        fail(state, wrong);
};

// Loads rows 1..count into an emptied scratch_accounts each iteration; emptying it is not timed.
template <class Load>
void measure_load(benchmark::State& state, int count, Load load) {
    const std::vector<Account> rows = accounts_from_1_to(count);
    for (auto _ : state) {
        state.PauseTiming();
        bed().empty_scratch();
        state.ResumeTiming();
        load(std::span<const Account>{rows});
    }
    count_rows(state, count);
    if (const std::string wrong = bed().scratch_difference(count); !wrong.empty()) fail(state, wrong);
}

const auto insert_10k = [](benchmark::State& state, auto& client) {
    measure_load(state, insert_rows, [&](std::span<const Account> rows) { client.insert_each(rows); });
};

const auto bulk_load_100k = [](benchmark::State& state, auto& client) {
    measure_load(state, bulk_rows, [&](std::span<const Account> rows) { client.bulk_load(rows); });
};

// Adds update_amount to the balances of rows 1..update_rows of a freshly filled scratch_accounts
// each iteration, so that afterwards each holds account(i).balance + iterations * update_amount.
template <class Apply>
void measure_updates(benchmark::State& state, Apply apply) {
    bed().fill_scratch(table_rows);
    std::vector<balance_change> changes;
    for (std::int64_t id = 1; id <= update_rows; ++id) changes.push_back({id, update_amount});
    for (auto _ : state) apply(std::span<const balance_change>{changes});
    count_rows(state, update_rows);
    const double added = update_amount * static_cast<double>(state.iterations());
    if (const std::string wrong = bed().scratch_difference(table_rows, update_rows, added); !wrong.empty())
        fail(state, wrong);
}

const auto update_5k_pipelined = [](benchmark::State& state, auto& client) {
    measure_updates(state, [&](std::span<const balance_change> changes) { client.add_to_balances_pipelined(changes); });
};

const auto update_5k_sequential = [](benchmark::State& state, auto& client) {
    measure_updates(state, [&](std::span<const balance_change> changes) { client.add_to_balances(changes); });
};

// ---- Registration ------------------------------------------------------------------------

// "<workload>/<client>" for each client, in the order given, so that the implementations of
// one workload run one after another.
template <class... Clients, class Workload>
void add(const char* workload, Workload run) {
    (benchmark::RegisterBenchmark(fmt::format("{}/{}", workload, Clients::name).c_str(),
                                  [run](benchmark::State& state) {
                                      try {
                                          run(state, shared_client<Clients>());
                                      } catch (const std::exception& e) {
                                          fail(state, e.what());
                                      }
                                  })
         ->Unit(benchmark::kMicrosecond),
     ...);
}

[[maybe_unused]] const bool registered = [] {
    add<ctsql_client, raw_client, soci_client, libpqxx_client>("point_select", point_select);
    add<ctsql_client, raw_client, soci_client, libpqxx_client>("fetch_10k", fetch_10k);
    add<ctsql_client, raw_client, soci_client, libpqxx_client>("insert_10k", insert_10k);
    add<ctsql_client, raw_client, soci_client, libpqxx_client>("bulk_load_100k", bulk_load_100k);
    add<ctsql_client, raw_client>("update_5k_pipelined", update_5k_pipelined);  // SOCI and libpqxx: no pipeline
    add<ctsql_client, raw_client, soci_client, libpqxx_client>("update_5k_sequential", update_5k_sequential);
    return true;
}();

}  // namespace
