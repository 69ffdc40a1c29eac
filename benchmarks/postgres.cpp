// The PostgreSQL suite, against the server at CTSQL_POSTGRES_URL (whose tables accounts and
// loaded_accounts it replaces): every workload by ctsql, by libpq as an expert writes it, by
// SOCI and by libpqxx, each on a connection of its own. The workloads, their checks and the
// ctsql and SOCI sides are those of every suite (checks.hpp, portable_sides.hpp); this file adds
// the updates only PostgreSQL runs, pipelined and one by one. A load or an update is checked
// row by row on the server, against expected_accounts(), account(i) in SQL.
#include <ctsql/postgres.hpp>
#include <libpq-fe.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "account.hpp"
#include "checks.hpp"
#include "portable_sides.hpp"
#include "postgres_libpqxx.hpp"
#include "postgres_raw.hpp"
#include "postgres_tables.hpp"
#include "report.hpp"

namespace bench {
const char* const suite_name = "PostgreSQL";

const char* server_url() { return std::getenv("CTSQL_POSTGRES_URL"); }
}  // namespace bench

namespace {

using bench::Account;
using bench::balance_change;

inline constexpr auto schema = ctsql::schema<bench::accounts_ddl>;

// account(i) in SQL, to fill the tables and check them on the server. Checked against
// account(i) itself, over every id the suite writes, before anything is measured.
constexpr const char* expected_accounts_sql = R"sql(
  CREATE FUNCTION expected_accounts(last bigint) RETURNS SETOF accounts LANGUAGE sql STABLE AS $$
    SELECT i, 'user ' || i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'note for account ' || i END,
           i * 1.5::float8, i % 2 = 1, timestamp '2026-01-01' + i * interval '1000250 microseconds'
    FROM generate_series(1::bigint, last) AS i
  $$
)sql";

// Makes both tables, fills `accounts`, and empties, refills and checks `loaded_accounts`, on a
// connection of its own.
class postgres_table {
public:
    static constexpr auto ExpectedAccounts = ctsql::query<R"sql(
      -- name: ExpectedAccounts :many
      SELECT id, name, note, balance, active, created_at FROM expected_accounts($1)
    )sql">;

    // loaded_accounts against expected_accounts($1), whose first $2 balances have $3 added: how
    // many rows it holds, how many are missing, extra or different, and the first of those.
    struct comparison {
        std::int64_t rows_found;
        std::int64_t wrong_rows;
        std::optional<std::int64_t> first_wrong;
    };
    static constexpr auto CompareLoaded = ctsql::query<R"sql(
      -- name: CompareLoaded :one
      SELECT count(found) AS rows_found, count(*) FILTER (WHERE wrong) AS wrong_rows,
             min(id) FILTER (WHERE wrong) AS first_wrong
      FROM (SELECT coalesce(l.id, e.id) AS id, l.id AS found,
                   (l.name, l.note, l.balance, l.active, l.created_at) IS DISTINCT FROM
                   (e.name, e.note, e.balance + CASE WHEN e.id <= $2 THEN $3::float8 ELSE 0 END, e.active, e.created_at)
                   AS wrong
            FROM loaded_accounts l FULL JOIN expected_accounts($1) e ON e.id = l.id) AS compared
    )sql">;

    postgres_table() : db_(bench::server_url()) {
        db_.execute_script("DROP FUNCTION IF EXISTS expected_accounts; DROP TABLE IF EXISTS accounts, loaded_accounts");
        db_.execute_script(bench::accounts_ddl);
        db_.execute_script(expected_accounts_sql);
        const std::vector<Account> generated = db_.execute<Account>(ExpectedAccounts, bench::bulk_rows);
        if (const std::string problem = bench::difference(generated, bench::accounts_up_to(bench::bulk_rows)); !problem.empty())
            throw std::runtime_error{"expected_accounts() is not account(i): " + problem};
        db_.execute_script("INSERT INTO accounts SELECT * FROM expected_accounts(" + std::to_string(bench::table_rows) +
                           "); ANALYZE accounts");
    }

    void empty_loaded() { db_.execute_script("TRUNCATE loaded_accounts"); }
    void fill_loaded(int rows) {
        db_.execute_script("TRUNCATE loaded_accounts; INSERT INTO loaded_accounts SELECT * FROM expected_accounts(" +
                           std::to_string(rows) + "); ANALYZE loaded_accounts");
    }

    std::string check_loaded(int rows) { return check_updated(rows, 0, 0); }

    // "" when loaded_accounts holds rows 1..rows, the balances of the first `updated` raised by `added`.
    std::string check_updated(int rows, int updated, double added) {
        const comparison c = *db_.execute<comparison>(CompareLoaded, rows, updated, added);
        if (c.rows_found == rows && c.wrong_rows == 0) return {};
        return "loaded_accounts: " + std::to_string(c.rows_found) + " rows where " + std::to_string(rows) +
               " were expected, " + std::to_string(c.wrong_rows) + " of them missing, extra or different (the first: id " +
               std::to_string(c.first_wrong.value_or(0)) + ")";
    }

private:
    ctsql::postgres::connection db_;
};

// ---- The sides: the shared ctsql and SOCI ones with the updates added ------------------------

class ctsql_postgres : public bench::ctsql_side<ctsql::postgres::connection, schema> {
public:
    static constexpr auto AddToBalance = ctsql::query<R"sql(
      -- name: AddToBalance :exec
      UPDATE loaded_accounts SET balance = balance + $2 WHERE id = $1
    )sql", schema>;
    static constexpr auto AddToBalances = ctsql::query<R"sql(
      -- name: AddToBalances :batchexec
      UPDATE loaded_accounts SET balance = balance + $2 WHERE id = $1
    )sql", schema>;

    ctsql_postgres() : ctsql_side(ctsql::postgres::connection{bench::server_url()}) {}

    void add_to_balances(const std::vector<balance_change>& changes) {
        auto tx = db_.transaction();
        for (const balance_change& change : changes) db_.execute(AddToBalance, change.id, change.amount);
        tx.commit();
    }
    void add_to_balances_pipelined(const std::vector<balance_change>& changes) { db_.execute(AddToBalances, changes); }
};

// SOCI's PostgreSQL backend reads its connect string as libpq's "key=value" form (it looks for
// options of its own there) and garbles a URL: the URL is turned into that form first.
std::string keyword_form(const char* url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url, &error);
    if (options == nullptr) {
        const std::string message = error ? error : "out of memory";
        PQfreemem(error);
        throw std::runtime_error{"soci: cannot read the connection URL: " + message};
    }
    std::string keywords;
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
        if (o->val == nullptr) continue;
        keywords += keywords.empty() ? "" : " ";
        keywords += o->keyword;
        keywords += "='";
        for (const char* c = o->val; *c != '\0'; ++c) {
            if (*c == '\'' || *c == '\\') keywords += '\\';
            keywords += *c;
        }
        keywords += '\'';
    }
    PQconninfoFree(options);
    return keywords;
}

// No pipelined update: SOCI has no pipeline.
class soci_postgres : public bench::soci_side {
public:
    soci_postgres()
        : soci_side("postgresql", keyword_form(bench::server_url()), {}),
          add_to_balance_((session().prepare << "UPDATE loaded_accounts SET balance = balance + :amount WHERE id = :id",
                           soci::use(change_amount_), soci::use(change_id_))) {}

    void add_to_balances(const std::vector<balance_change>& changes) {
        soci::transaction tx{session()};
        for (const balance_change& change : changes) {
            change_id_ = change.id;
            change_amount_ = change.amount;
            add_to_balance_.execute(true);
        }
        tx.commit();
    }

private:
    long long change_id_ = 0;
    double change_amount_ = 0;
    soci::statement add_to_balance_;
};

// ---- The updates -----------------------------------------------------------------------------

// Each iteration adds update_amount to the balances of rows 1..update_rows of loaded_accounts,
// filled with rows 1..table_rows before the first; afterwards each must hold account(i).balance
// plus update_amount once per iteration, so that an update skipped or run twice shows.
template <class Apply>
void updates(benchmark::State& state, Apply apply) {
    postgres_table& table = bench::table<postgres_table>();
    table.fill_loaded(bench::table_rows);
    std::vector<balance_change> changes;
    for (std::int64_t id = 1; id <= bench::update_rows; ++id) changes.push_back({id, bench::update_amount});
    for (auto _ : state) bench::counted([&] { apply(changes); });
    state.SetItemsProcessed(state.iterations() * bench::update_rows);
    const double added = bench::update_amount * static_cast<double>(state.iterations());
    if (const std::string problem = table.check_updated(bench::table_rows, bench::update_rows, added); !problem.empty())
        state.SkipWithError(problem.c_str());
}

// Registers `workload` for each of Sides, an iteration calling apply(side, changes).
template <class... Sides, class Apply>
void register_updates(std::string_view workload, Apply apply) {
    (bench::register_workload<postgres_table, Sides>(
         workload, [apply](benchmark::State& state, auto& side) { updates(state, [&](const auto& changes) { apply(side, changes); }); }),
     ...);
}

[[maybe_unused]] const bool registered = [] {
    if (bench::server_url() == nullptr || *bench::server_url() == '\0') {
        std::fputs("bench_postgres: CTSQL_POSTGRES_URL is not set; set it to the server to run against, as in "
                   "postgresql://postgres@127.0.0.1:5432/bench (its tables accounts and loaded_accounts are replaced)\n",
                   stderr);
        std::exit(1);
    }
    bench::register_suite<postgres_table, bench::raw_postgres, ctsql_postgres, soci_postgres, bench::libpqxx_postgres>();
    register_updates<bench::raw_postgres, ctsql_postgres>(  // SOCI and libpqxx have no pipeline
        "update_5k_pipelined", [](auto& side, const auto& changes) { side.add_to_balances_pipelined(changes); });
    register_updates<bench::raw_postgres, ctsql_postgres, soci_postgres, bench::libpqxx_postgres>(
        "update_5k_sequential", [](auto& side, const auto& changes) { side.add_to_balances(changes); });
    return true;
}();

}  // namespace
