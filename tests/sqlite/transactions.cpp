// Transactions on SQLite: a database file of the test's own, opened by several connections.
#include <ctsql/sqlite.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "support/caught.hpp"
#include "support/temp_dir.hpp"
#include "support/transaction_checks.hpp"

namespace {

// Connections to one new database file with the accounts table.
class accounts_fixture {
public:
    static constexpr const char* begin_statement = "BEGIN";

    accounts_fixture() { connect().execute_script(test::accounts_ddl); }
    ctsql::sqlite::connection connect(const ctsql::sqlite::options& options = {}) const {
        return ctsql::sqlite::connection{path_, options};
    }
    auto opener() const {
        return [this] { return connect(); };
    }

private:
    ctsql_test::temp_dir dir_;
    std::string path_ = dir_.file("accounts.db");
};

}  // namespace

#include "support/transaction_cases.hpp"

TEST_CASE("a commit the database refuses rolls the transaction back") {
    ctsql::sqlite::connection db{":memory:"};
    db.execute_script(R"sql(
        CREATE TABLE owners (id INTEGER PRIMARY KEY);
        CREATE TABLE pets (id INTEGER PRIMARY KEY,
                           owner_id INTEGER REFERENCES owners (id) DEFERRABLE INITIALLY DEFERRED);
    )sql");
    constexpr auto AddPet = ctsql::query<"-- name: AddPet :exec\nINSERT INTO pets (id, owner_id) VALUES ($1, $2)">;
    constexpr auto CountPets = ctsql::query<"-- name: CountPets :one\nSELECT COUNT(*) FROM pets">;
    auto tx = db.transaction();
    tx.execute(AddPet, 1, 42);  // no owner 42: checked at COMMIT
    CHECK(test::caught([&] { tx.commit(); }).code() == ctsql::errc::foreign_key_violation);
    CHECK_FALSE(tx.active());
    CHECK_FALSE(db.in_transaction());  // SQLite kept it open; ctsql rolled it back
    CHECK(db.execute<std::int64_t>(CountPets) == 0);
}

TEST_CASE("a writing transaction takes the write lock at BEGIN, a read-only one does not") {
    using namespace std::chrono_literals;
    accounts_fixture file;
    auto first = file.connect();
    auto impatient = file.connect({.busy_timeout = 50ms});
    auto tx = first.transaction();
    CHECK(test::caught([&] { impatient.transaction(); }).code() == ctsql::errc::busy);
    auto reading = impatient.transaction({.read_only = true});
    CHECK(test::count_accounts(impatient) == 0);
}
