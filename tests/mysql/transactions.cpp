// Transactions on MariaDB: isolation levels, a real deadlock run again, and the server's own
// ends of a transaction (DDL commits it, a deadlock rolls it back).
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>

#include "support/caught.hpp"
#include "support/mysql_scratch.hpp"
#include "support/transaction_checks.hpp"

namespace {

// A database of the test's own with the accounts table.
struct accounts_fixture {
    test::mysql_scratch scratch;
    static constexpr const char* begin_statement = "START TRANSACTION";
    accounts_fixture() { scratch.connect().execute_script(test::accounts_ddl); }
    auto opener() const {
        return [this] { return scratch.connect(); };
    }
};

}  // namespace

#include "support/transaction_cases.hpp"

TEST_CASE("a deadlock between two transactions is run again") {
    accounts_fixture d;
    test::check_deadlock_retried(d.opener(), test::deadlock_work::in_transaction);
}

TEST_CASE("a savepoint rolled back after a deadlock lets the deadlock be run again") {
    accounts_fixture d;
    test::check_deadlock_retried(d.opener(), test::deadlock_work::in_savepoint);
}

TEST_CASE("isolation levels reach the server, for the one transaction") {
    // Told apart by what a reader sees of another connection's writes.
    accounts_fixture d;
    auto reader = d.scratch.connect();
    auto writer = d.scratch.connect();
    writer.execute(test::OpenAccount, 1, "Ann", 0);
    const auto sees_a_commit_made_after_its_first_read = [&](ctsql::isolation_level level, std::int64_t id) {
        auto tx = reader.transaction({.isolation = level});
        const std::int64_t before = test::count_accounts(tx);
        writer.execute(test::OpenAccount, id, "new", 0);
        return test::count_accounts(tx) == before + 1;
    };
    CHECK(sees_a_commit_made_after_its_first_read(ctsql::isolation_level::read_committed, 2));
    CHECK_FALSE(sees_a_commit_made_after_its_first_read(ctsql::isolation_level::repeatable_read, 3));
    CHECK(sees_a_commit_made_after_its_first_read(ctsql::isolation_level::read_committed, 4));
    CHECK_FALSE(sees_a_commit_made_after_its_first_read(ctsql::isolation_level::database_default, 5));  // REPEATABLE READ

    {
        auto uncommitted = writer.transaction();
        uncommitted.execute(test::OpenAccount, 6, "not yet", 0);
        for (const auto& [level, visible] : {std::pair{ctsql::isolation_level::read_uncommitted, 6},
                                             std::pair{ctsql::isolation_level::read_committed, 5}}) {
            auto tx = reader.transaction({.isolation = level});
            CHECK(test::count_accounts(tx) == visible);
        }
    }

    // SERIALIZABLE reads take shared locks: a writer of the row read waits, here in vain.
    writer.execute_script("SET SESSION innodb_lock_wait_timeout = 1");
    auto tx = reader.transaction({.isolation = ctsql::isolation_level::serializable});
    CHECK(tx.execute<std::int64_t>(test::Balance, 1) == 0);
    CHECK(test::caught([&] { writer.execute(test::Deposit, 1, 5); }).code() == ctsql::errc::busy);
    tx.commit();
    auto next = reader.transaction();  // REPEATABLE READ again: plain reads take no locks
    CHECK(next.execute<std::int64_t>(test::Balance, 1) == 0);
    writer.execute(test::Deposit, 1, 5);
}

TEST_CASE("DDL commits the transaction: what ran before it stays, and the commit is harmless") {
    accounts_fixture d;
    auto db = d.scratch.connect();
    auto tx = db.transaction();
    tx.execute(test::OpenAccount, 1, "Ann", 0);
    tx.execute_script("CREATE TABLE notes (id INT PRIMARY KEY)");
    CHECK_FALSE(db.in_transaction());
    tx.rollback();
    CHECK(test::count_accounts(db) == 1);
}
