#pragma once
// Faults, the same on every server: the server killed during a query, a stream, a transaction, a
// commit, a bulk load and a pooled workload; a statement timeout and a query cancelled from
// another session. Each check takes a fixture for one fault server, with a database of the
// test's own in which accounts_ddl has been run:
//
//   connection                          the backend's connection type
//   server                              its test::fault_server
//   url(), connect()                    the database's URL; a new connection to it
//   session_of(db)                      the server's id of db's session
//   waiting_statement(observer, id)     what session id runs while it sleeps or waits for a lock
//                                       the test holds, or "" (asked through observer)
//   cancel(observer, id)                cancels what session id runs, from observer's session
//   set_statement_timeout(db, limit)    for db's session; 0 for none
//   Sleep                               a :one query of an integer that sleeps $1 seconds
//   Numbers                             a :many query of the integers 1 to 10 million, in order
//   hold_commit(tx)                     makes tx's COMMIT wait 30 s before it writes anything

#include <ctsql/pool.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <future>
#include <optional>
#include <ranges>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "support/caught.hpp"
#include "support/fault_server.hpp"
#include "support/transaction_checks.hpp"

namespace test {

using namespace std::chrono_literals;

// Long enough that a statement still runs when the test has killed or cancelled it; short
// enough that a fault that goes unnoticed fails the test rather than hangs it.
inline constexpr double long_sleep_seconds = 30;

// Accounts whose transaction left them half done: the workers' transactions open an account
// with 0 and deposit 1 into it.
inline constexpr auto HalfDone =
    ctsql::query<"-- name: HalfDone :one\nSELECT COUNT(*) FROM accounts WHERE balance <> 1">;

// Waits until done() is true, at most `limit`; says whether it became true.
template <class Predicate>
bool eventually(Predicate done, std::chrono::milliseconds limit = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

// Runs call() in a thread of its own: the future gives the ctsql::error it threw, if any.
template <class Call>
std::future<std::optional<ctsql::error>> run_aside(Call call) {
    return std::async(std::launch::async, [call]() mutable -> std::optional<ctsql::error> {
        try {
            call();
        } catch (const ctsql::error& e) {
            return e;
        }
        return std::nullopt;
    });
}

// What session `id` runs once it sleeps or waits, or "" if it does not within 10 s.
template <class Fixture, class Connection>
std::string await_waiting(Connection& observer, std::int64_t id) {
    std::string statement;
    eventually([&] { return !(statement = Fixture::waiting_statement(observer, id)).empty(); });
    return statement;
}

// A connection lost to the server's death says so, and every later call fails the same way.
template <class Connection>
void check_lost(Connection& db) {
    CHECK_FALSE(db.is_open());
    CHECK_FALSE(db.in_transaction());
    CHECK(caught([&] { count_accounts(db); }).code() == ctsql::errc::connection_failure);
}

// A connection of its own running Sleep in a thread of its own, once the server shows it asleep
// to `observer`; outcome() waits for the error that ends the sleep.
template <class Fixture>
class sleeping_session {
public:
    explicit sleeping_session(Fixture& f)
        : db(f.connect()),
          observer(f.connect()),
          id(Fixture::session_of(db)),
          sleeping_(run_aside([this] { db.template execute<std::int64_t>(Fixture::Sleep, long_sleep_seconds); })) {
        REQUIRE(await_waiting<Fixture>(observer, id) != "");
    }
    std::optional<ctsql::error> outcome() { return sleeping_.get(); }

    typename Fixture::connection db;
    typename Fixture::connection observer;
    const std::int64_t id;

private:
    std::future<std::optional<ctsql::error>> sleeping_;
};

// The server killed while a statement runs: the statement fails with connection_failure at
// once, not when it would have ended; a new connection works once the server is back.
template <class Fixture>
void check_killed_during_query(Fixture& f) {
    sleeping_session sleeper{f};
    auto outage = f.server.kill();
    const std::optional<ctsql::error> failure = sleeper.outcome();
    REQUIRE(failure.has_value());
    CHECK_MESSAGE(failure->code() == ctsql::errc::connection_failure, std::string{failure->what()});
    CHECK(failure->query_name() == "Sleep");
    check_lost(sleeper.db);
    outage.end();
    auto fresh = f.connect();
    CHECK(count_accounts(fresh) == 0);
    check_lost(sleeper.db);  // ctsql does not reconnect by itself
}

// What a check does with a stream once the server is killed.
enum class after_kill {
    read_on,          // reads the rows that reached the client
    run_a_statement,  // runs another statement first, for which the stream's rows are read ahead
    drop_the_stream,  // destroys it half-read
};

// The server killed while a stream's rows arrive: the stream throws connection_failure once the
// rows that reached the client are read, rather than end as if the result were complete; a
// statement run in between fails the same way; a stream dropped half-read goes quietly, at once.
template <class Fixture>
void check_stream_killed(Fixture& f, after_kill then) {
    auto db = f.connect();
    std::optional<fault_server::outage> outage;
    {
        auto rows = db.template stream<std::int64_t>(Fixture::Numbers);
        auto row = rows.begin();
        std::int64_t read = 0;
        for (; read < 1000 && row != rows.end(); ++row) REQUIRE(*row == ++read);
        outage.emplace(f.server.kill());
        if (then != after_kill::drop_the_stream) {
            if (then == after_kill::run_a_statement)
                CHECK(caught([&] { count_accounts(db); }).code() == ctsql::errc::connection_failure);
            bool in_order = true;
            const ctsql::error failure = caught([&] {
                for (; row != rows.end(); ++row) in_order = in_order && *row == ++read;
            });
            CHECK_MESSAGE(failure.code() == ctsql::errc::connection_failure, std::string{failure.what()});
            CHECK(in_order);
            CHECK(read < 10'000'000);
        }
    }
    check_lost(db);
    outage->end();
}

template <class Fixture>
void check_killed_during_stream(Fixture& f) {
    check_stream_killed(f, after_kill::read_on);
    check_stream_killed(f, after_kill::run_a_statement);
    check_stream_killed(f, after_kill::drop_the_stream);
}

// The server killed inside a transaction, after some writes and before the commit: the commit
// fails with connection_failure and ends the level, the function form is not run again (a lost
// connection is not a lost race), and after the restart nothing of either transaction is
// visible, while what was committed before them is.
template <class Fixture>
void check_killed_in_transaction(Fixture& f) {
    {
        auto db = f.connect();
        db.execute(OpenAccount, 1, "Ann", 100);
        auto tx = db.transaction();
        tx.execute(OpenAccount, 2, "Bo", 0);
        tx.execute(Deposit, 1, 50);
        auto outage = f.server.kill();
        const ctsql::error failure = caught([&] { tx.commit(); });
        CHECK_MESSAGE(failure.code() == ctsql::errc::connection_failure, std::string{failure.what()});
        CHECK_FALSE(tx.active());
        check_lost(db);
        outage.end();
    }
    auto db = f.connect();
    int calls = 0;
    std::optional<fault_server::outage> outage;
    const ctsql::error failure = caught([&] {
        db.transaction(
            [&](auto& tx) {
                ++calls;
                tx.execute(OpenAccount, 3, "Cy", 0);
                tx.execute(Deposit, 1, 25);
                outage.emplace(f.server.kill());
                tx.execute(Deposit, 3, 25);
            },
            {.retries = 3});
    });
    CHECK_MESSAGE(failure.code() == ctsql::errc::connection_failure, std::string{failure.what()});
    CHECK(calls == 1);
    check_lost(db);
    REQUIRE(outage.has_value());
    outage->end();

    auto fresh = f.connect();
    CHECK(fresh.template execute<std::string>(Owners) == std::vector<std::string>{"Ann"});
    CHECK(fresh.template execute<std::int64_t>(Balance, 1) == 100);
}

// The server killed while COMMIT runs, held before it writes anything: the commit fails with
// connection_failure, and after the restart nothing of the transaction is visible. (A kill
// after the server has written the commit, before its answer reaches the client, would fail
// the same way with the transaction kept: no client can tell those apart.)
template <class Fixture>
void check_killed_during_commit(Fixture& f) {
    auto db = f.connect();
    auto observer = f.connect();
    const std::int64_t session = Fixture::session_of(db);
    db.execute(OpenAccount, 1, "Ann", 100);
    auto tx = db.transaction();
    tx.execute(OpenAccount, 2, "Bo", 0);
    tx.execute(Deposit, 1, 50);
    [[maybe_unused]] const auto hold = f.hold_commit(tx);
    auto committing = run_aside([&] { tx.commit(); });
    REQUIRE(await_waiting<Fixture>(observer, session).starts_with("COMMIT"));
    auto outage = f.server.kill();
    const std::optional<ctsql::error> failure = committing.get();
    REQUIRE(failure.has_value());
    CHECK_MESSAGE(failure->code() == ctsql::errc::connection_failure, std::string{failure->what()});
    CHECK_FALSE(tx.active());
    check_lost(db);
    outage.end();

    auto fresh = f.connect();
    CHECK(fresh.template execute<std::string>(Owners) == std::vector<std::string>{"Ann"});
    CHECK(fresh.template execute<std::int64_t>(Balance, 1) == 100);
}

// The server killed half-way through a bulk load (the range kills it as it reaches item `kill_at`,
// after earlier items were sent): connection_failure, and nothing of the load stays.
template <class Fixture, class Query>
void check_load_killed(Fixture& f, const Query& load, std::int64_t items, std::int64_t kill_at) {
    auto db = f.connect();
    std::optional<fault_server::outage> outage;
    const auto accounts = std::views::iota(std::int64_t{1}, items + 1) | std::views::transform([&](std::int64_t id) {
                              if (id == kill_at && !outage) outage.emplace(f.server.kill());
                              return std::tuple{id, "loaded", std::int64_t{1}};
                          });
    const ctsql::error failure = caught([&] { db.execute(load, accounts); });
    CHECK_MESSAGE(failure.code() == ctsql::errc::connection_failure, std::string{failure.what()});
    check_lost(db);
    REQUIRE(outage.has_value());
    outage->end();
    auto fresh = f.connect();
    CHECK(count_accounts(fresh) == 0);
}

// :copyfrom and :batchexec, each killed half-way.
template <class Fixture>
void check_killed_during_loads(Fixture& f) {
    check_load_killed(f, CopyAccounts, 100'000, 60'000);  // past the first flushes and statements
    check_load_killed(f, OpenAccounts, 3'000, 2'000);     // past the first pipeline windows
}

// A pool under threads, more than its connections, each running small transactions, while the
// server is killed and started again: the workers see connection_failure and nothing else (no
// hang, no crash), the lost connections are dropped, and once the server is back every worker
// succeeds again on new connections. Every acknowledged commit survived, no transaction is half
// there, and none that failed is there (but those whose commit the server wrote just before it
// died).
template <class Fixture>
void check_pool_recovers(Fixture& f) {
    constexpr std::size_t threads = 6;
    ctsql::pool<typename Fixture::connection> pool{f.url(), {.min_size = 4, .max_size = 4, .acquire_timeout = 10s}};
    struct worker {
        std::atomic<int> successes{0};
        std::atomic<int> failures{0};           // connection_failure
        std::optional<ctsql::error> unexpected;  // anything else ends the worker
    };
    std::array<worker, threads> workers;
    std::atomic<std::int64_t> last_id{0};
    std::vector<std::jthread> running;  // stopped and joined when cleared, or on a failed REQUIRE
    for (worker& w : workers) {
        running.emplace_back([&](std::stop_token stop) {
            while (!stop.stop_requested()) {
                try {
                    auto db = pool.acquire();
                    const std::int64_t id = ++last_id;
                    db->transaction([&](auto& tx) {
                        tx.execute(OpenAccount, id, "worker", 0);
                        tx.execute(Deposit, id, 1);
                    });
                    ++w.successes;
                } catch (const ctsql::error& e) {
                    if (e.code() != ctsql::errc::connection_failure) {
                        w.unexpected = e;
                        return;
                    }
                    ++w.failures;
                    std::this_thread::sleep_for(5ms);  // the server is down: no need to spin
                }
            }
        });
    }
    const auto every_worker = [&](auto has) {
        return eventually([&] { return std::ranges::all_of(std::views::iota(std::size_t{0}, threads), has); });
    };
    CHECK(every_worker([&](std::size_t i) { return workers[i].successes >= 3; }));
    const ctsql::pool_statistics before = pool.statistics();
    CHECK(before.dropped == 0);
    auto outage = f.server.kill();
    CHECK(every_worker([&](std::size_t i) { return workers[i].failures > 0; }));
    outage.end();
    std::array<int, threads> successes_before{};
    for (std::size_t i = 0; i < threads; ++i) successes_before[i] = workers[i].successes;
    CHECK(every_worker([&](std::size_t i) { return workers[i].successes >= successes_before[i] + 3; }));
    running.clear();

    int successes = 0;
    for (const worker& w : workers) {
        CHECK_MESSAGE(!w.unexpected.has_value(), std::string{w.unexpected ? w.unexpected->what() : ""});
        successes += w.successes;
    }
    const ctsql::pool_statistics after = pool.statistics();
    CHECK(after.dropped > 0);
    CHECK(after.opened > before.opened);
    CHECK(after.lent == 0);
    CHECK(after.timeouts == 0);
    auto db = f.connect();
    const std::int64_t accounts = count_accounts(db);
    CHECK(accounts >= successes);
    CHECK(accounts <= last_id);
    CHECK(db.template execute<std::int64_t>(HalfDone) == 0);
}

// A statement over the session's statement timeout fails with query_canceled, from execute and
// from a stream's step, when the limit is reached; the connection goes on.
template <class Fixture>
void check_statement_timeout(Fixture& f) {
    auto db = f.connect();
    Fixture::set_statement_timeout(db, 200ms);
    const auto started = std::chrono::steady_clock::now();
    const ctsql::error slept = caught([&] { db.template execute<std::int64_t>(Fixture::Sleep, long_sleep_seconds); });
    CHECK_MESSAGE(slept.code() == ctsql::errc::query_canceled, std::string{slept.what()});
    CHECK(std::chrono::steady_clock::now() - started < 10s);
    CHECK(db.is_open());

    const ctsql::error streamed = caught([&] {
        for (std::int64_t n : db.template stream<std::int64_t>(Fixture::Numbers)) {
            if (n % 1000 == 0) std::this_thread::sleep_for(1ms);  // a slow reader: the limit comes first
        }
    });
    CHECK_MESSAGE(streamed.code() == ctsql::errc::query_canceled, std::string{streamed.what()});
    CHECK(db.is_open());

    Fixture::set_statement_timeout(db, 0ms);
    CHECK(count_accounts(db) == 0);
}

// A statement cancelled from another session fails with query_canceled; its connection, the
// same session, goes on.
template <class Fixture>
void check_cancelled(Fixture& f) {
    sleeping_session sleeper{f};
    Fixture::cancel(sleeper.observer, sleeper.id);
    const std::optional<ctsql::error> failure = sleeper.outcome();
    REQUIRE(failure.has_value());
    CHECK_MESSAGE(failure->code() == ctsql::errc::query_canceled, std::string{failure->what()});
    CHECK(failure->query_name() == "Sleep");
    CHECK(sleeper.db.is_open());
    CHECK(Fixture::session_of(sleeper.db) == sleeper.id);
    CHECK(count_accounts(sleeper.db) == 0);
}

}  // namespace test
