// Transactions on PostgreSQL: isolation levels, a real serialization failure and deadlock run
// again, and an aborted transaction that cannot commit.
#include <ctsql/postgres.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "support/caught.hpp"
#include "support/postgres_scratch.hpp"
#include "support/transaction_checks.hpp"

namespace {

inline constexpr auto Isolation = ctsql::query<"-- name: Isolation :one\nSELECT current_setting('transaction_isolation')">;
inline constexpr auto ReadOnly = ctsql::query<"-- name: ReadOnly :one\nSELECT current_setting('transaction_read_only')">;

// A schema of the test's own with the accounts table.
struct accounts_fixture {
    test::postgres_scratch scratch;
    static constexpr const char* begin_statement = "BEGIN";
    accounts_fixture() { scratch.connect().execute_script(test::accounts_ddl); }
    auto opener() const {
        return [this] { return scratch.connect(); };
    }
};

}  // namespace

#include "support/transaction_cases.hpp"

TEST_CASE("a deadlock between two transactions is run again") {
    accounts_fixture s;
    test::check_deadlock_retried(s.opener(), test::deadlock_work::in_transaction);
}

TEST_CASE("a savepoint rolled back after a deadlock lets the deadlock be run again") {
    accounts_fixture s;
    test::check_deadlock_retried(s.opener(), test::deadlock_work::in_savepoint);
}

TEST_CASE("isolation levels and read only reach the server") {
    accounts_fixture s;
    auto db = s.scratch.connect();
    for (const auto& [level, name] : {std::pair{ctsql::isolation_level::read_uncommitted, "read uncommitted"},
                                      std::pair{ctsql::isolation_level::read_committed, "read committed"},
                                      std::pair{ctsql::isolation_level::repeatable_read, "repeatable read"},
                                      std::pair{ctsql::isolation_level::serializable, "serializable"}}) {
        auto tx = db.transaction({.isolation = level, .read_only = true});
        CHECK(tx.execute<std::string>(Isolation) == name);
        CHECK(tx.execute<std::string>(ReadOnly) == "on");
    }
    auto tx = db.transaction();
    CHECK(tx.execute<std::string>(Isolation) == "read committed");
    CHECK(tx.execute<std::string>(ReadOnly) == "off");
}

TEST_CASE("a serialization failure at REPEATABLE READ is run again") {
    accounts_fixture s;
    auto db = s.scratch.connect();
    auto other = s.scratch.connect();
    db.execute(test::OpenAccount, 1, "Ann", 0);
    int attempts = 0;
    db.transaction(
        [&](auto& tx) {
            CHECK(tx.template execute<std::int64_t>(test::Balance, 1).has_value());  // the snapshot is taken
            if (++attempts == 1) other.execute(test::Deposit, 1, 100);               // and overtaken
            tx.execute(test::Deposit, 1, 1);  // 40001 the first time
        },
        {.isolation = ctsql::isolation_level::repeatable_read, .retries = 1});
    CHECK(attempts == 2);
    CHECK(db.execute<std::int64_t>(test::Balance, 1) == 101);
}

TEST_CASE("a transaction a failed statement aborted cannot commit, and nothing of it stays") {
    accounts_fixture s;
    auto db = s.scratch.connect();
    auto tx = db.transaction();
    tx.execute(test::OpenAccount, 1, "Ann", 0);
    CHECK(test::caught([&] { tx.execute(test::OpenAccount, 1, "Ann", 0); }).code() == ctsql::errc::unique_violation);
    const ctsql::error refused = test::caught([&] { tx.commit(); });
    CHECK(refused.code() == ctsql::errc::other);
    CHECK(std::string{refused.what()}.find("rolled back") != std::string::npos);
    CHECK_FALSE(db.in_transaction());
    CHECK(test::count_accounts(db) == 0);
}

TEST_CASE("a savepoint undoes a failed statement, and the transaction goes on") {
    accounts_fixture s;
    auto db = s.scratch.connect();
    db.transaction([](auto& tx) {
        tx.execute(test::OpenAccount, 1, "Ann", 0);
        CHECK(test::caught([&] {
                  tx.transaction([](auto& inner) { inner.execute(test::OpenAccount, 1, "Ann", 0); });
              }).code() == ctsql::errc::unique_violation);
        tx.execute(test::OpenAccount, 2, "Bo", 0);
    });
    CHECK(test::count_accounts(db) == 2);
}

TEST_CASE("a deferred constraint that fails at COMMIT ends the transaction") {
    accounts_fixture s;
    auto db = s.scratch.connect();
    db.execute_script(R"sql(
        CREATE TABLE owners (id BIGINT PRIMARY KEY);
        CREATE TABLE pets (id BIGINT PRIMARY KEY,
                           owner_id BIGINT REFERENCES owners (id) DEFERRABLE INITIALLY DEFERRED);
    )sql");
    constexpr auto AddPet = ctsql::query<"-- name: AddPet :exec\nINSERT INTO pets (id, owner_id) VALUES ($1, $2)">;
    auto tx = db.transaction();
    tx.execute(AddPet, 1, 42);
    CHECK(test::caught([&] { tx.commit(); }).code() == ctsql::errc::foreign_key_violation);
    CHECK_FALSE(tx.active());
    CHECK_FALSE(db.in_transaction());
}
