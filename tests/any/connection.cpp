// any_connection: SQLite, PostgreSQL or MariaDB chosen by the URL's scheme, with the same calls,
// transactions and pools on each.
#include <ctsql/any.hpp>
#include <ctsql/pool.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/caught.hpp"
#include "support/mysql_scratch.hpp"
#include "support/pool_checks.hpp"
#include "support/postgres_scratch.hpp"
#include "support/temp_dir.hpp"
#include "support/transaction_checks.hpp"

namespace {

inline constexpr auto accounts_schema = ctsql::schema<R"sql(
CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance BIGINT NOT NULL);
)sql">;
inline constexpr auto OwnerOf =
    ctsql::query<"-- name: OwnerOf :one\nSELECT owner FROM accounts WHERE id = $1", accounts_schema>;
inline constexpr auto RichAccounts = ctsql::query<R"sql(-- name: RichAccounts :many
SELECT id, owner FROM accounts WHERE balance >= $1 ORDER BY id)sql", accounts_schema>;
inline constexpr auto Fees = ctsql::query<"-- name: Fees :execrows\nUPDATE accounts SET balance = balance - 1", accounts_schema>;

struct Account {
    std::int64_t id;
    std::string owner;
};

// One database of each backend, with the accounts table, and their URLs.
struct three_databases {
    ctsql_test::temp_dir dir;
    test::postgres_scratch postgres;
    test::mysql_scratch mysql;
    std::vector<std::string> urls{"sqlite://" + dir.file("accounts.db"), postgres.url(), mysql.url()};

    three_databases() {
        for (const std::string& url : urls) ctsql::connect(url).execute_script(test::accounts_ddl);
    }
};

}  // namespace

TEST_CASE("the URL's scheme picks the backend") {
    three_databases databases;
    CHECK(ctsql::connect(databases.urls[0]).dialect() == ctsql::dialect::sqlite);
    CHECK(ctsql::connect(databases.urls[1]).dialect() == ctsql::dialect::postgresql);
    CHECK(ctsql::connect(databases.urls[2]).dialect() == ctsql::dialect::mysql);

    std::string postgres = databases.urls[1];
    std::string mariadb = databases.urls[2];
    CHECK(ctsql::connect(postgres.replace(0, std::string{"postgresql"}.size(), "postgres")).dialect() ==
          ctsql::dialect::postgresql);
    CHECK(ctsql::connect(mariadb.replace(0, std::string{"mysql"}.size(), "mariadb")).dialect() == ctsql::dialect::mysql);

    ctsql::any_connection sqlite{databases.urls[0]};
    CHECK(sqlite.get_if<ctsql::sqlite::connection>() != nullptr);
    CHECK(sqlite.get_if<ctsql::postgres::connection>() == nullptr);
}

TEST_CASE("a URL with no scheme or an unknown one is refused, without showing the URL") {
    const ctsql::error unknown = test::caught([] { ctsql::connect("oracle://scott:tiger@db/orcl"); });
    CHECK(unknown.code() == ctsql::errc::connection_failure);
    CHECK(std::string{unknown.what()}.find("'oracle'") != std::string::npos);
    CHECK(std::string{unknown.what()}.find("tiger") == std::string::npos);
    CHECK(test::caught([] { ctsql::connect("accounts.db"); }).code() == ctsql::errc::connection_failure);
    CHECK(test::caught([] { ctsql::connect("postgresql://postgres@127.0.0.1:1/x"); }).code() ==
          ctsql::errc::connection_failure);
}

TEST_CASE("every kind of call and a stream give the same results on each backend") {
    three_databases databases;
    for (const std::string& url : databases.urls) {
        CAPTURE(url);
        ctsql::any_connection db = ctsql::connect(url);
        db.execute(test::OpenAccount, 1, "Ann", 100);
        db.execute(test::OpenAccount, 2, "Bo", 5);
        db.execute(test::OpenAccount, 3, "Cy", 50);
        const std::optional<std::string> owner = db.execute(OwnerOf, 2);  // inferred: the same on every backend
        CHECK(owner == "Bo");
        CHECK(db.execute(OwnerOf, 9) == std::nullopt);
        const std::vector<Account> rich = db.execute<Account>(RichAccounts, 50);
        REQUIRE(rich.size() == 2);
        CHECK(rich[1].owner == "Cy");
        CHECK(db.execute(Fees) == 3);
        std::vector<std::int64_t> streamed;
        for (const Account& account : db.stream<Account>(RichAccounts, 0)) streamed.push_back(account.id);
        CHECK(streamed == std::vector<std::int64_t>{1, 2, 3});
        CHECK(db.is_open());
    }
}

TEST_CASE("transactions on an any_connection") {
    three_databases databases;
    for (const std::string& url : databases.urls) {
        CAPTURE(url);
        const auto connect = [&] { return ctsql::connect(url); };
        test::check_commit_and_rollback(connect);
        ctsql::connect(url).execute_script("DELETE FROM accounts");
        test::check_savepoints(connect);
        ctsql::connect(url).execute_script("DELETE FROM accounts");
        test::check_read_only(connect);
    }
}

TEST_CASE("a pool of any_connection") {
    three_databases databases;
    for (const std::string& url : databases.urls) {
        CAPTURE(url);
        test::check_pool_under_threads<ctsql::any_connection>(url);
        ctsql::connect(url).execute_script("DELETE FROM accounts");
        test::check_pool_rolls_back<ctsql::any_connection>(url, "BEGIN");
    }
}

// The any_connection's transaction levels are the chosen connection's: a level opened through
// visit is ended by the any_connection's rollback, and the other way round.
TEST_CASE("a transaction through the chosen connection is the any_connection's own") {
    three_databases databases;
    for (const std::string& url : databases.urls) {
        CAPTURE(url);
        ctsql::any_connection db = ctsql::connect(url);
        auto outer = db.transaction();
        db.visit([&](auto& chosen) {
            auto inner = chosen.transaction();  // a savepoint of outer
            inner.execute(test::OpenAccount, 7, "Ed", 1);
            CHECK(inner.active());
            outer.rollback();
            CHECK_FALSE(inner.active());
        });
        CHECK_FALSE(db.in_transaction());
        CHECK_FALSE(db.execute<std::string>(OwnerOf, 7).has_value());

        db.visit([&](auto& chosen) {
            auto direct = chosen.transaction();
            auto nested = db.transaction();  // a savepoint of direct
            nested.execute(test::OpenAccount, 8, "Flo", 1);
            nested.commit();
            direct.commit();
        });
        CHECK(db.execute<std::string>(OwnerOf, 8) == "Flo");
    }
}

TEST_CASE("migrations on an any_connection run on the backend chosen") {
    three_databases databases;
    static constexpr ctsql::migration notes[] = {
        {1, "notes", "CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(100) NOT NULL)", "DROP TABLE notes"},
        {2, "note_authors", "ALTER TABLE notes ADD author VARCHAR(40)", "ALTER TABLE notes DROP COLUMN author"},
    };
    constexpr auto AddNote = ctsql::query<"-- name: AddNote :exec\nINSERT INTO notes (id, body, author) VALUES ($1, $2, $3)",
                                          ctsql::schema_from<notes>>;
    for (const std::string& url : databases.urls) {
        CAPTURE(url);
        ctsql::any_connection db = ctsql::connect(url);
        CHECK(ctsql::migrate(db, notes) == 2);
        CHECK(ctsql::migrate(db, notes) == 0);
        db.execute(AddNote, 1, "hello", "Ann");
        const std::vector<ctsql::migration_status> applied = ctsql::status(db, notes);
        REQUIRE(applied.size() == 2);
        CHECK(applied[1].applied);
        CHECK(ctsql::rollback(db, notes, 2) == 2);
        CHECK_FALSE(ctsql::status(db, notes)[0].applied);
    }
}
