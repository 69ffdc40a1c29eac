#pragma once
// Connection pools, the same on every backend: each check takes the URL of a database of the
// test's own in which accounts_ddl has been run.

#include <ctsql/pool.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/caught.hpp"
#include "support/transaction_checks.hpp"

namespace test {

// Many threads, more than the pool holds, each taking a connection per step: every step's write
// arrives, no more than max_size connections are ever opened, and all come back.
template <class Connection>
void check_pool_under_threads(const std::string& url) {
    using namespace std::chrono_literals;
    ctsql::pool<Connection> pool{url, {.min_size = 0, .max_size = 4, .acquire_timeout = 30s}};
    constexpr int threads = 12;
    constexpr int steps = 40;
    std::vector<std::optional<ctsql::error>> failures(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            try {
                for (int step = 0; step < steps; ++step) {
                    auto db = pool.acquire();
                    const std::int64_t id = t * steps + step;
                    if (step % 2 == 0) {
                        db->execute(OpenAccount, id, "thread " + std::to_string(t), step);
                    } else {
                        db->transaction([&](auto& tx) {
                            tx.execute(OpenAccount, id, "thread " + std::to_string(t), 0);
                            tx.execute(Deposit, id, step);
                        });
                    }
                }
            } catch (const ctsql::error& e) {
                failures[t] = e;
            }
        });
    }
    for (std::thread& worker : workers) worker.join();
    for (const auto& failure : failures) CHECK_MESSAGE(!failure.has_value(), (failure ? failure->what() : ""));

    const ctsql::pool_statistics counts = pool.statistics();
    CHECK(counts.acquired == threads * steps);
    CHECK(counts.opened <= 4);
    CHECK(counts.open == counts.opened);
    CHECK(counts.idle == counts.open);
    CHECK(counts.lent == 0);
    CHECK(counts.waiting == 0);
    CHECK(counts.timeouts == 0);
    auto db = pool.acquire();
    CHECK(count_accounts(*db) == threads * steps);
}

// min_size opens at once; a full pool makes acquire wait, then time out with pool_timeout; a
// connection given back wakes a waiting thread.
template <class Connection>
void check_pool_limits(const std::string& url) {
    using namespace std::chrono_literals;
    ctsql::pool<Connection> pool{url, {.min_size = 2, .max_size = 2, .acquire_timeout = 100ms}};
    CHECK(pool.statistics().opened == 2);
    CHECK(pool.statistics().idle == 2);
    {
        auto first = pool.acquire();
        auto second = pool.acquire();
        const auto started = std::chrono::steady_clock::now();
        const ctsql::error e = caught([&] { pool.acquire(); });
        CHECK(e.code() == ctsql::errc::pool_timeout);
        CHECK(std::chrono::steady_clock::now() - started >= 100ms);
        CHECK(pool.statistics().timeouts == 1);
        CHECK(pool.statistics().lent == 2);
    }
    CHECK(pool.statistics().idle == 2);

    ctsql::pool<Connection> patient{url, {.max_size = 1, .acquire_timeout = 10s}};
    std::optional<typename ctsql::pool<Connection>::handle> held{patient.acquire()};
    std::thread waiter{[&] {
        auto db = patient.acquire();
        db->execute(OpenAccount, 1, "Ann", 0);
    }};
    while (patient.statistics().waiting == 0) std::this_thread::sleep_for(1ms);
    held.reset();
    waiter.join();
    CHECK(patient.statistics().opened == 1);
    CHECK(count_accounts(*patient.acquire()) == 1);

    CHECK(caught([&] { ctsql::pool<Connection>(url, {.min_size = 3, .max_size = 2}); }).code() == ctsql::errc::other);
}

// A transaction left open on a connection given back is rolled back before the next user gets it.
template <class Connection>
void check_pool_rolls_back(const std::string& url, const char* begin) {
    ctsql::pool<Connection> pool{url, {.max_size = 1}};
    {
        auto db = pool.acquire();
        db->execute_script(begin);
        db->execute(OpenAccount, 1, "Ann", 0);
    }
    auto db = pool.acquire();
    CHECK_FALSE(db->in_transaction());
    CHECK(count_accounts(*db) == 0);
    CHECK(pool.statistics().opened == 1);  // the same connection, clean
}

// A connection that was lost is dropped when given back, and the next acquire opens a new one.
// kill(db) ends db's session from the server's side.
template <class Connection, class Kill>
void check_pool_replaces_lost(const std::string& url, Kill kill) {
    ctsql::pool<Connection> pool{url, {.min_size = 1, .max_size = 1}};
    {
        auto db = pool.acquire();
        kill(*db);
        CHECK(caught([&] { count_accounts(*db); }).code() == ctsql::errc::connection_failure);
        CHECK_FALSE(db->is_open());
    }
    CHECK(pool.statistics().dropped == 1);
    CHECK(pool.statistics().open == 0);
    auto db = pool.acquire();
    CHECK(count_accounts(*db) == 0);
    CHECK(pool.statistics().opened == 2);
}

}  // namespace test
