#pragma once
// Transactions, the same on every backend: each check takes a function that opens a new
// connection to one database of the test's own, in which accounts_ddl has been run.

#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <latch>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "support/caught.hpp"

namespace test {

inline constexpr const char* accounts_ddl =
    "CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance BIGINT NOT NULL)";

inline constexpr auto OpenAccount =
    ctsql::query<"-- name: OpenAccount :exec\nINSERT INTO accounts (id, owner, balance) VALUES ($1, $2, $3)">;
inline constexpr auto Deposit = ctsql::query<"-- name: Deposit :exec\nUPDATE accounts SET balance = balance + $2 WHERE id = $1">;
inline constexpr auto Balance = ctsql::query<"-- name: Balance :one\nSELECT balance FROM accounts WHERE id = $1">;
inline constexpr auto CountAccounts = ctsql::query<"-- name: CountAccounts :one\nSELECT COUNT(*) FROM accounts">;
inline constexpr auto Owners = ctsql::query<"-- name: Owners :many\nSELECT owner FROM accounts ORDER BY id">;
inline constexpr auto CopyAccounts =
    ctsql::query<"-- name: CopyAccounts :copyfrom\nINSERT INTO accounts (id, owner, balance) VALUES ($1, $2, $3)">;
inline constexpr auto OpenAccounts =
    ctsql::query<"-- name: OpenAccounts :batchexec\nINSERT INTO accounts (id, owner, balance) VALUES ($1, $2, $3)">;

template <class Connection>
std::int64_t count_accounts(Connection& db) {
    return db.template execute<std::int64_t>(CountAccounts).value();
}

// Commit keeps, rollback and a dropped object undo; statements run through the connection while a
// transaction is open belong to it; another connection sees nothing before the commit.
template <class Connect>
void check_commit_and_rollback(Connect connect) {
    auto db = connect();
    auto other = connect();
    {
        auto tx = db.transaction();
        CHECK(tx.active());
        CHECK(db.in_transaction());
        tx.execute(OpenAccount, 1, "Ann", 100);
        db.execute(OpenAccount, 2, "Bo", 50);  // the connection's statements are the transaction's
        CHECK(count_accounts(db) == 2);
        CHECK(count_accounts(other) == 0);
        tx.commit();
        CHECK_FALSE(tx.active());
    }
    CHECK_FALSE(db.in_transaction());
    CHECK(count_accounts(other) == 2);
    {
        auto tx = db.transaction();
        tx.execute(OpenAccount, 3, "Cy", 0);
        tx.rollback();
    }
    {
        auto tx = db.transaction();
        tx.execute(OpenAccount, 4, "Di", 0);
    }  // dropped: rolled back
    CHECK_FALSE(db.in_transaction());
    CHECK(count_accounts(db) == 2);
    CHECK(count_accounts(other) == 2);

    auto tx = db.transaction();
    std::vector<std::string> owners;
    for (const std::string& owner : tx.template stream<std::string>(Owners)) owners.push_back(owner);
    CHECK(owners == std::vector<std::string>{"Ann", "Bo"});
    tx.commit();
}

// Savepoints: an inner level's rollback keeps the outer level's work; an outer rollback undoes a
// committed inner level; ending an outer level ends the inner ones, and their objects know it.
template <class Connect>
void check_savepoints(Connect connect) {
    auto db = connect();
    {
        auto outer = db.transaction();
        outer.execute(OpenAccount, 1, "Ann", 100);
        {
            auto inner = outer.transaction();
            inner.execute(OpenAccount, 2, "Bo", 0);
            auto innermost = inner.transaction();
            innermost.execute(OpenAccount, 3, "Cy", 0);
            CHECK(count_accounts(db) == 3);
            inner.rollback();  // ends innermost with it
            CHECK_FALSE(innermost.active());
            CHECK(caught([&] { innermost.commit(); }).code() == ctsql::errc::other);
            CHECK(caught([&] { innermost.execute(OpenAccount, 9, "Zed", 0); }).code() == ctsql::errc::other);
        }
        CHECK(outer.active());
        CHECK(count_accounts(db) == 1);
        {
            auto inner = outer.transaction();
            inner.execute(OpenAccount, 2, "Bo", 0);
            inner.commit();
        }
        CHECK(count_accounts(db) == 2);
        outer.commit();
    }
    CHECK(count_accounts(db) == 2);
    {
        auto outer = db.transaction();
        auto inner = outer.transaction();
        inner.execute(OpenAccount, 3, "Cy", 0);
        inner.commit();
        outer.rollback();
    }
    CHECK(count_accounts(db) == 2);

    // An object whose level ended stays ended, though a new level of the same depth opens.
    auto outer = db.transaction();
    auto first = outer.transaction();
    first.rollback();
    auto second = outer.transaction();
    CHECK_FALSE(first.active());
    CHECK(second.active());
    outer.commit();
    CHECK_FALSE(second.active());
    CHECK_FALSE(db.in_transaction());
}

// The function form: its result returned after the commit, a throw rolled back and rethrown, a
// level the function ended itself left ended, a nested function as a savepoint.
template <class Connect>
void check_transaction_function(Connect connect) {
    auto db = connect();
    const std::int64_t balance = db.transaction([](auto& tx) {
        tx.execute(OpenAccount, 1, "Ann", 100);
        tx.execute(Deposit, 1, 20);
        return tx.template execute<std::int64_t>(Balance, 1).value();
    });
    CHECK(balance == 120);
    CHECK_FALSE(db.in_transaction());

    const ctsql::error e = caught([&] {
        db.transaction([](auto& tx) {
            tx.execute(Deposit, 1, 1000);
            tx.execute(OpenAccount, 1, "Ann again", 0);  // the same id: unique_violation
        });
    });
    CHECK(e.code() == ctsql::errc::unique_violation);
    CHECK_FALSE(db.in_transaction());
    CHECK(db.template execute<std::int64_t>(Balance, 1) == 120);

    db.transaction([](auto& tx) {
        tx.execute(OpenAccount, 2, "Bo", 0);
        tx.rollback();
    });
    CHECK(count_accounts(db) == 1);

    db.transaction([](auto& tx) {
        tx.execute(Deposit, 1, 1);
        CHECK_THROWS_AS(tx.transaction([](auto& inner) {
            inner.execute(Deposit, 1, 500);
            throw std::runtime_error("not this one");
        }),
                        std::runtime_error);
        CHECK(tx.active());
    });
    CHECK(db.template execute<std::int64_t>(Balance, 1) == 121);
}

// A serialization failure or a deadlock runs the function again, as many times as allowed.
template <class Connect>
void check_retries(Connect connect) {
    auto db = connect();
    db.execute(OpenAccount, 1, "Ann", 0);
    int calls = 0;
    const auto lose_twice = [&](auto& tx) {
        tx.execute(Deposit, 1, 10);
        if (++calls <= 2) throw ctsql::error{calls == 1 ? ctsql::errc::deadlock : ctsql::errc::serialization_failure, {}, "lost"};
        return calls;
    };
    CHECK(db.transaction(lose_twice, {.retries = 2}) == 3);
    CHECK(db.template execute<std::int64_t>(Balance, 1) == 10);  // the losing attempts were rolled back

    calls = 0;
    CHECK(caught([&] { db.transaction(lose_twice, {.retries = 1}); }).code() == ctsql::errc::serialization_failure);
    CHECK(calls == 2);
    calls = 0;
    const auto unique_violation = [&](auto&) {
        ++calls;
        throw ctsql::error{ctsql::errc::unique_violation, {}, "taken"};
    };
    CHECK(caught([&] { db.transaction(unique_violation, {.retries = 5}); }).code() == ctsql::errc::unique_violation);
    CHECK(calls == 1);  // only lost races are tried again
    CHECK(db.template execute<std::int64_t>(Balance, 1) == 10);
}

// A read-only transaction refuses writes, and the next transaction may write again; options are
// refused on a nested level.
template <class Connect>
void check_read_only(Connect connect) {
    auto db = connect();
    db.execute(OpenAccount, 1, "Ann", 0);
    {
        auto tx = db.transaction({.read_only = true});
        CHECK(tx.template execute<std::int64_t>(Balance, 1) == 0);
        // Every backend refuses the write itself (no lost connection, no other failure), naming the query.
        const ctsql::error refused = caught([&] { tx.execute(Deposit, 1, 5); });
        CHECK(refused.code() == ctsql::errc::other);
        CHECK(refused.query_name() == "Deposit");
    }
    db.transaction([](auto& tx) { tx.execute(Deposit, 1, 5); });
    db.execute(Deposit, 1, 5);
    CHECK(db.template execute<std::int64_t>(Balance, 1) == 10);

    auto tx = db.transaction();
    CHECK(caught([&] { db.transaction({.read_only = true}); }).code() == ctsql::errc::other);
    CHECK(caught([&] { db.transaction({.isolation = ctsql::isolation_level::serializable}); }).code() ==
          ctsql::errc::other);
    CHECK(tx.active());
}

// A :copyfrom or :batchexec that fails inside a transaction undoes only itself: the
// transaction goes on, and what ran before the load stays.
template <class Connect>
void check_failed_load_undoes_itself(Connect connect) {
    using account = std::tuple<std::int64_t, std::string, std::int64_t>;
    auto db = connect();
    db.transaction([](auto& tx) {
        tx.execute(OpenAccount, 1, "Ann", 0);
        const std::vector<account> clashing{{2, "Bo", 0}, {1, "Ann again", 0}};
        CHECK(caught([&] { tx.execute(CopyAccounts, clashing); }).code() == ctsql::errc::unique_violation);
        CHECK(caught([&] { tx.execute(OpenAccounts, clashing); }).code() == ctsql::errc::unique_violation);
        CHECK(count_accounts(tx) == 1);
        tx.execute(CopyAccounts, std::vector<account>{{2, "Bo", 0}, {3, "Cy", 0}});
        tx.execute(OpenAccounts, std::vector<account>{{4, "Di", 0}});
    });
    CHECK(count_accounts(db) == 4);
}

// A transaction the program began with its own BEGIN: a transaction object inside it is a
// savepoint, whose rollback keeps what ran before it.
template <class Connect>
void check_inside_own_begin(Connect connect, const char* begin) {
    auto db = connect();
    db.execute_script(begin);
    CHECK(db.in_transaction());
    db.execute(OpenAccount, 1, "Ann", 0);
    {
        auto tx = db.transaction();
        tx.execute(OpenAccount, 2, "Bo", 0);
    }
    CHECK(db.in_transaction());
    CHECK(count_accounts(db) == 1);
    db.execute_script("ROLLBACK");
    CHECK(count_accounts(db) == 0);
}

// How the transactions of check_deadlock_retried do their work: in the transaction itself, or in
// a savepoint that the program rolls back itself when a statement fails, before it rethrows.
enum class deadlock_work { in_transaction, in_savepoint };

// Two transactions that lock two rows in opposite orders: the database picks one to fail with a
// deadlock, which is run again, so both end up applied. For the servers: SQLite's writers take
// turns, so they never deadlock.
template <class Connect>
void check_deadlock_retried(Connect connect, deadlock_work work) {
    auto setup = connect();
    setup.execute(OpenAccount, 1, "Ann", 0);
    setup.execute(OpenAccount, 2, "Bo", 0);
    std::latch both_hold_one_row{2};
    struct transfer {
        std::int64_t first, second;
        int attempts = 0;
        std::optional<ctsql::error> failure;
    };
    transfer forward{.first = 1, .second = 2, .attempts = 0, .failure = {}};
    transfer backward{.first = 2, .second = 1, .attempts = 0, .failure = {}};
    const auto run = [&](transfer& t) {
        try {
            auto db = connect();
            const auto deposit_twice = [&](auto& level) {
                level.execute(Deposit, t.first, 1);
                if (++t.attempts == 1) both_hold_one_row.arrive_and_wait();
                level.execute(Deposit, t.second, 1);
            };
            db.transaction(
                [&](auto& tx) {
                    if (work == deadlock_work::in_transaction) return deposit_twice(tx);
                    auto savepoint = tx.transaction();
                    try {
                        deposit_twice(savepoint);
                        savepoint.commit();
                    } catch (const ctsql::error&) {
                        savepoint.rollback();  // the deadlock is still what is thrown, and retried
                        throw;
                    }
                },
                {.retries = 3});
        } catch (const ctsql::error& e) {
            t.failure = e;
        }
    };
    std::thread a{[&] { run(forward); }};
    std::thread b{[&] { run(backward); }};
    a.join();
    b.join();
    CHECK_FALSE(forward.failure.has_value());
    CHECK_FALSE(backward.failure.has_value());
    // At least one lost to a deadlock and ran again (PostgreSQL may cancel both, when both
    // check for deadlocks before either has rolled back).
    CHECK(forward.attempts + backward.attempts >= 3);
    CHECK(setup.template execute<std::int64_t>(Balance, 1) == 2);
    CHECK(setup.template execute<std::int64_t>(Balance, 2) == 2);
}

}  // namespace test
