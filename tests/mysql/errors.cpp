// Every error class MySQL and MariaDB report, provoked for real: the portable class, the
// server's error number, and the query's name in the message. And a table altered under a
// prepared query.
#include <ctsql/mysql.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>
#include <unistd.h>

#include "support/caught.hpp"
#include "support/mysql_scratch.hpp"

namespace {

inline constexpr auto Setup = R"sql(
    CREATE TABLE owners (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL UNIQUE, age TINYINT CHECK (age >= 0),
                         nick VARCHAR(5)) ENGINE = InnoDB;
    CREATE TABLE pets (id INT PRIMARY KEY, owner_id INT NOT NULL, FOREIGN KEY (owner_id) REFERENCES owners (id))
        ENGINE = InnoDB;
    INSERT INTO owners VALUES (1, 'ann@example.org', 30, NULL), (2, 'bob@example.org', 40, NULL);
    INSERT INTO pets VALUES (1, 1);
)sql";

inline constexpr auto AddOwner = ctsql::query<R"sql(
-- name: AddOwner :exec
INSERT INTO owners (id, email, age) VALUES ($1, $2, $3)
)sql">;
inline constexpr auto AddBareOwner = ctsql::query<"-- name: AddBareOwner :exec\nINSERT INTO owners (id) VALUES ($1)">;
inline constexpr auto SetNick = ctsql::query<"-- name: SetNick :execrows\nUPDATE owners SET nick = $2 WHERE id = $1">;
inline constexpr auto SetAge = ctsql::query<"-- name: SetAge :execrows\nUPDATE owners SET age = $2 WHERE id = $1">;
inline constexpr auto AddPet = ctsql::query<"-- name: AddPet :exec\nINSERT INTO pets (id, owner_id) VALUES ($1, $2)">;
inline constexpr auto DeleteOwner = ctsql::query<"-- name: DeleteOwner :execrows\nDELETE FROM owners WHERE id = $1">;
inline constexpr auto AgeOf = ctsql::query<"-- name: AgeOf :one\nSELECT age FROM owners WHERE id = $1">;
inline constexpr auto BumpAge = ctsql::query<"-- name: BumpAge :execrows\nUPDATE owners SET age = age + 1 WHERE id = $1">;
inline constexpr auto LockOwner = ctsql::query<"-- name: LockOwner :one\nSELECT id FROM owners WHERE id = $1 FOR UPDATE">;
inline constexpr auto Missing = ctsql::query<"-- name: Missing :many\nSELECT id FROM no_such_table">;
inline constexpr auto MissingColumn = ctsql::query<"-- name: MissingColumn :many\nSELECT no_such_column FROM owners">;
// Well-formed to ctsql, not to MySQL, which has no NULLS FIRST.
inline constexpr auto NullsFirst = ctsql::query<"-- name: NullsFirst :many\nSELECT id FROM owners ORDER BY age NULLS FIRST">;
inline constexpr auto Sleep = ctsql::query<"-- name: Sleep :one\nSELECT SLEEP(2) AS slept">;
inline constexpr auto Heavy = ctsql::query<R"sql(
-- name: Heavy :one
SELECT COUNT(*) AS n FROM seq_1_to_100000 AS a, seq_1_to_100000 AS b
)sql">;
inline constexpr auto ConnectionId = ctsql::query<"-- name: ConnectionId :one\nSELECT CONNECTION_ID() AS id">;
inline constexpr auto CurrentUser = ctsql::query<"-- name: CurrentUser :one\nSELECT CURRENT_USER() AS who">;
inline constexpr auto One = ctsql::query<"-- name: One :one\nSELECT 1 AS one">;

bool mentions(const ctsql::error& e, std::string_view part) { return std::string_view{e.what()}.find(part) != std::string_view::npos; }

}  // namespace

TEST_CASE("constraint violations: unique, foreign key, not null, check") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);

    const ctsql::error unique = test::caught([&] { db.execute(AddOwner, 3, "ann@example.org", 20); });
    CHECK(unique.code() == ctsql::errc::unique_violation);
    CHECK(unique.native_code() == 1062);
    CHECK(unique.sqlstate() == "23000");
    CHECK(unique.query_name() == "AddOwner");
    CHECK(std::string{unique.what()}.starts_with("AddOwner: unique_violation: Duplicate entry 'ann@example.org' for key"));
    // The same key twice: the primary key.
    CHECK(test::caught([&] { db.execute(AddOwner, 1, "cat@example.org", 20); }).native_code() == 1062);

    // A child whose parent does not exist; a parent a child still refers to.
    const ctsql::error orphan = test::caught([&] { db.execute(AddPet, 2, 99); });
    CHECK(orphan.code() == ctsql::errc::foreign_key_violation);
    CHECK(orphan.native_code() == 1452);
    CHECK(orphan.sqlstate() == "23000");
    CHECK(std::string{orphan.what()}.starts_with("AddPet: foreign_key_violation: Cannot add or update a child row"));
    const ctsql::error referenced = test::caught([&] { db.execute(DeleteOwner, 1); });
    CHECK(referenced.code() == ctsql::errc::foreign_key_violation);
    CHECK(referenced.native_code() == 1451);
    CHECK(std::string{referenced.what()}.starts_with("DeleteOwner: foreign_key_violation: Cannot delete or update a parent row"));
    CHECK(db.execute(DeleteOwner, 2) == 1);  // a parent without children goes

    // NULL given for a NOT NULL column, and such a column left out in strict mode.
    const ctsql::error null = test::caught([&] { db.execute(AddOwner, 3, std::nullopt, 20); });
    CHECK(null.code() == ctsql::errc::not_null_violation);
    CHECK(null.native_code() == 1048);
    CHECK(null.sqlstate() == "23000");
    CHECK(std::string{null.what()} == "AddOwner: not_null_violation: Column 'email' cannot be null");
    const ctsql::error no_default = test::caught([&] { db.execute(AddBareOwner, 3); });
    CHECK(no_default.code() == ctsql::errc::not_null_violation);
    CHECK(no_default.native_code() == 1364);
    CHECK(no_default.query_name() == "AddBareOwner");

    // CHECK constraints: MariaDB's error 4025 (MySQL's is 3819).
    const ctsql::error check = test::caught([&] { db.execute(AddOwner, 3, "cat@example.org", -1); });
    CHECK(check.code() == ctsql::errc::check_violation);
    CHECK(check.native_code() == 4025);
    CHECK(check.sqlstate() == "23000");
    CHECK(std::string{check.what()}.starts_with("AddOwner: check_violation: CONSTRAINT `owners.age` failed"));
    CHECK(test::caught([&] { db.execute(SetAge, 1, -5); }).code() == ctsql::errc::check_violation);

    // Nothing was written, and the connection is fine afterwards.
    db.execute(AddOwner, 3, "cat@example.org", 1);
    CHECK(db.execute<std::int32_t>(AgeOf, 3) == std::optional<std::int32_t>{1});
    CHECK(db.execute<std::int32_t>(AgeOf, 1) == std::optional<std::int32_t>{30});
}

TEST_CASE("syntax errors and unknown tables and columns, found when the first execute prepares") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);

    const ctsql::error syntax = test::caught([&] { db.execute<std::int32_t>(NullsFirst); });
    CHECK(syntax.code() == ctsql::errc::syntax_error);
    CHECK(syntax.native_code() == 1064);
    CHECK(syntax.sqlstate() == "42000");
    CHECK(std::string{syntax.what()}.starts_with("NullsFirst: syntax_error: You have an error in your SQL syntax"));
    // A script's errors have no query name.
    const ctsql::error script = test::caught([&] { db.execute_script("SELEC 1"); });
    CHECK(script.code() == ctsql::errc::syntax_error);
    CHECK(script.native_code() == 1064);
    CHECK(script.query_name().empty());
    CHECK(std::string{script.what()}.starts_with("syntax_error: You have an error in your SQL syntax"));

    const ctsql::error table = test::caught([&] { db.execute<std::int32_t>(Missing); });
    CHECK(table.code() == ctsql::errc::undefined_object);
    CHECK(table.native_code() == 1146);
    CHECK(table.sqlstate() == "42S02");
    CHECK(std::string{table.what()} == "Missing: undefined_object: Table '" + scratch.name() + ".no_such_table' doesn't exist");
    const ctsql::error column = test::caught([&] { db.execute<std::int32_t>(MissingColumn); });
    CHECK(column.code() == ctsql::errc::undefined_object);
    CHECK(column.native_code() == 1054);
    CHECK(column.sqlstate() == "42S22");
    // MariaDB 10.11 says "in 'SELECT'", older servers "in 'field list'".
    CHECK(std::string{column.what()}.starts_with("MissingColumn: undefined_object: Unknown column 'no_such_column' in "));

    // A failed prepare is not kept: once the table exists the same query runs.
    db.execute_script("CREATE TABLE no_such_table (id INT); INSERT INTO no_such_table VALUES (7)");
    CHECK(db.execute<std::int32_t>(Missing) == std::vector<std::int32_t>{7});
    // And the connection is fine after all of them.
    CHECK(db.execute<std::int32_t>(AgeOf, 1) == std::optional<std::int32_t>{30});
}

TEST_CASE("values the server refuses in strict mode: out of range, too long, not a number") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);

    const ctsql::error range = test::caught([&] { db.execute(SetAge, 1, 1000); });
    CHECK(range.code() == ctsql::errc::type_mismatch);
    CHECK(range.native_code() == 1264);
    CHECK(range.sqlstate() == "22003");
    CHECK(std::string{range.what()}.starts_with("SetAge: type_mismatch: Out of range value for column 'age'"));

    const ctsql::error too_long = test::caught([&] { db.execute(SetNick, 1, "longer than five"); });
    CHECK(too_long.code() == ctsql::errc::type_mismatch);
    CHECK(too_long.native_code() == 1406);
    CHECK(too_long.sqlstate() == "22001");
    CHECK(std::string{too_long.what()}.starts_with("SetNick: type_mismatch: Data too long for column 'nick'"));

    const ctsql::error not_a_number = test::caught([&] { db.execute(SetAge, 1, "old"); });
    CHECK(not_a_number.code() == ctsql::errc::type_mismatch);
    CHECK(not_a_number.native_code() == 1366);
    CHECK(not_a_number.query_name() == "SetAge");

    // Nothing was changed; values that fit go through.
    CHECK(db.execute<std::int32_t>(AgeOf, 1) == std::optional<std::int32_t>{30});
    CHECK(db.execute(SetNick, 1, "annie") == 1);
}

TEST_CASE("a statement over max_statement_time is canceled") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("SET SESSION max_statement_time = 0.1");
    const auto started = std::chrono::steady_clock::now();
    const ctsql::error slept = test::caught([&] { db.execute<std::int64_t>(Sleep); });
    CHECK(slept.code() == ctsql::errc::query_canceled);
    CHECK(slept.native_code() == 1969);
    CHECK(slept.sqlstate() == "70100");
    CHECK(std::string{slept.what()}.starts_with("Sleep: query_canceled: Query execution was interrupted"));
    // Canceled when the limit was reached, not when the sleep was over.
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds{1500});

    // A statement that works rather than waits: interrupted the same way.
    const ctsql::error heavy = test::caught([&] { db.execute<std::int64_t>(Heavy); });
    CHECK(heavy.code() == ctsql::errc::query_canceled);
    CHECK(heavy.native_code() == 1969);
    CHECK(heavy.query_name() == "Heavy");

    // The connection goes on; without the limit the sleep finishes (SLEEP gives 0).
    db.execute_script("SET SESSION max_statement_time = 0");
    CHECK(db.execute<std::int64_t>(One) == 1);
    const auto ShortSleep = ctsql::query<"-- name: ShortSleep :one\nSELECT SLEEP(0.2) AS slept">;
    CHECK(db.execute<std::int64_t>(ShortSleep) == 0);
}

TEST_CASE("a deadlock between two transactions") {
    test::mysql_scratch scratch;
    auto first = scratch.connect();
    auto second = scratch.connect();
    first.execute_script(Setup);

    // Each holds a row the other then wants.
    first.execute_script("START TRANSACTION");
    second.execute_script("START TRANSACTION");
    CHECK(first.execute(BumpAge, 1) == 1);
    CHECK(second.execute(BumpAge, 2) == 1);
    std::optional<ctsql::error> first_error;
    std::optional<ctsql::error> second_error;
    std::thread other([&] {
        try {
            first.execute(BumpAge, 2);
        } catch (const ctsql::error& e) {
            first_error = e;
        }
    });
    try {
        second.execute(BumpAge, 1);
    } catch (const ctsql::error& e) {
        second_error = e;
    }
    other.join();

    // InnoDB picks one victim and rolls its transaction back; the other then gets the lock.
    REQUIRE((first_error.has_value() != second_error.has_value()));
    const ctsql::error& victim = first_error ? *first_error : *second_error;
    CHECK(victim.code() == ctsql::errc::deadlock);
    CHECK(victim.native_code() == 1213);
    CHECK(victim.sqlstate() == "40001");
    CHECK(std::string{victim.what()}.starts_with("BumpAge: deadlock: Deadlock found when trying to get lock"));
    first.execute_script("COMMIT");
    second.execute_script("COMMIT");
    // The survivor's two updates stand, the victim's are undone: each row was bumped once.
    CHECK(first.execute<std::int32_t>(AgeOf, 1) == std::optional<std::int32_t>{31});
    CHECK(first.execute<std::int32_t>(AgeOf, 2) == std::optional<std::int32_t>{41});
}

TEST_CASE("a lock wait timeout is busy") {
    test::mysql_scratch scratch;
    auto holder = scratch.connect();
    auto waiter = scratch.connect();
    holder.execute_script(Setup);

    holder.execute_script("START TRANSACTION");
    CHECK(holder.execute<std::int32_t>(LockOwner, 1) == std::optional<std::int32_t>{1});
    waiter.execute_script("SET SESSION innodb_lock_wait_timeout = 1");
    const auto started = std::chrono::steady_clock::now();
    const ctsql::error busy = test::caught([&] { waiter.execute(BumpAge, 1); });
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds{900});
    CHECK(busy.code() == ctsql::errc::busy);
    CHECK(busy.native_code() == 1205);
    CHECK(std::string{busy.what()}.starts_with("BumpAge: busy: Lock wait timeout exceeded"));
    // A locking read waits the same way.
    const ctsql::error read = test::caught([&] { waiter.execute<std::int32_t>(LockOwner, 1); });
    CHECK(read.code() == ctsql::errc::busy);
    CHECK(read.native_code() == 1205);
    CHECK(std::string{read.what()}.starts_with("LockOwner: busy: Lock wait timeout exceeded"));
    // Another row is free, and the row itself once the holder is done.
    CHECK(waiter.execute(BumpAge, 2) == 1);
    holder.execute_script("ROLLBACK");
    CHECK(waiter.execute(BumpAge, 1) == 1);
    CHECK(waiter.execute<std::int32_t>(AgeOf, 1) == std::optional<std::int32_t>{31});
}

TEST_CASE("connection failures: a closed port, a killed connection") {
    const ctsql::error refused = test::caught([] { ctsql::mysql::connection{"mysql://root@127.0.0.1:1/ctsql"}; });
    CHECK(refused.code() == ctsql::errc::connection_failure);
    CHECK((refused.native_code() == 2002 || refused.native_code() == 2003));
    CHECK(refused.query_name().empty());
    CHECK(std::string{refused.what()}.starts_with("connection_failure: cannot connect: "));

    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script(Setup);
    CHECK(db.is_open());
    CHECK(db.execute<std::int32_t>(AgeOf, 1) == std::optional<std::int32_t>{30});  // prepared before the kill
    const std::optional<std::uint64_t> id = db.execute<std::uint64_t>(ConnectionId);
    REQUIRE(id.has_value());

    ctsql::mysql::connection admin{scratch.url()};
    admin.execute_script("KILL CONNECTION " + std::to_string(*id));
    // The statement prepared before fails, and so does one prepared after.
    const ctsql::error killed = test::caught([&] { db.execute<std::int32_t>(AgeOf, 1); });
    CHECK(killed.code() == ctsql::errc::connection_failure);
    CHECK((killed.native_code() == 1927 || killed.native_code() == 2006 || killed.native_code() == 2013));
    CHECK(killed.query_name() == "AgeOf");
    CHECK(std::string{killed.what()}.starts_with("AgeOf: connection_failure: "));
    CHECK_FALSE(db.is_open());
    const ctsql::error after = test::caught([&] { db.execute<std::int64_t>(One); });
    CHECK(after.code() == ctsql::errc::connection_failure);
    CHECK(after.query_name() == "One");
    CHECK(test::caught([&] { db.execute_script("SELECT 1"); }).code() == ctsql::errc::connection_failure);
    CHECK_FALSE(db.is_open());
    // Others are not affected.
    CHECK(admin.execute<std::int32_t>(AgeOf, 1) == std::optional<std::int32_t>{30});
}

TEST_CASE("a wrong password: connection_failure, and the password is never shown") {
    test::mysql_scratch scratch;
    // The server's port, from its URL: mysql://user@host:port/database.
    const std::string server = test::mysql_scratch::server_url();
    const std::size_t authority = server.find("://") + 3;
    const std::string host_port = server.substr(authority, server.find('/', authority) - authority);
    const std::size_t colon = host_port.rfind(':');
    const std::string port = colon == std::string::npos ? "3306" : host_port.substr(colon + 1);
    const std::string user = "ctsql_pw_test_" + std::to_string(::getpid());

    ctsql::mysql::connection admin{test::mysql_scratch::server_url()};
    admin.execute_script("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'; CREATE USER '" + user +
                         "'@'127.0.0.1' IDENTIFIED BY 'S3cret@pw'; GRANT ALL ON `" + scratch.name() + "`.* TO '" + user +
                         "'@'127.0.0.1'");
    struct drop_user {  // even when a check below fails
        ctsql::mysql::connection& admin;
        std::string user;
        ~drop_user() {
            try {
                admin.execute_script("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'");
            } catch (const ctsql::error&) {
            }
        }
    } drop{admin, user};

    const std::string at = "@127.0.0.1:" + port + "/" + scratch.name();
    const ctsql::error wrong = test::caught([&] { ctsql::mysql::connection{"mysql://" + user + ":Wr0ng%40pw" + at}; });
    CHECK(wrong.code() == ctsql::errc::connection_failure);
    CHECK(wrong.native_code() == 1045);
    CHECK(wrong.sqlstate() == "28000");
    CHECK(mentions(wrong, "Access denied for user '" + user + "'"));
    CHECK_FALSE(mentions(wrong, "Wr0ng"));
    CHECK_FALSE(mentions(wrong, "S3cret"));
    CHECK(wrong.text().find("Wr0ng") == std::string::npos);

    // The right one, percent-encoded and not.
    ctsql::mysql::connection right{"mysql://" + user + ":S3cret%40pw" + at};
    CHECK(right.execute<std::string>(CurrentUser) == user + "@127.0.0.1");
    ctsql::mysql::connection raw{"mysql://" + user + ":S3cret@pw" + at};
    CHECK(raw.execute<std::int64_t>(One) == 1);
}

namespace {

struct Note {
    std::int32_t id;
    std::string body;
};
inline constexpr auto GetNote = ctsql::query<"-- name: GetNote :one\nSELECT id, body FROM notes WHERE id = $1">;

}  // namespace

TEST_CASE("a table altered under a prepared query: type_mismatch naming the column, then prepared again") {
    test::mysql_scratch scratch;
    auto db = scratch.connect();
    db.execute_script("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20)); INSERT INTO notes VALUES (1, '42')");
    CHECK(db.execute<Note>(GetNote, 1)->body == "42");

    // The server prepares the statement again by itself and sends an integer column now.
    db.execute_script("ALTER TABLE notes MODIFY body BIGINT");
    const ctsql::error changed = test::caught([&] { db.execute<Note>(GetNote, 1); });
    CHECK(changed.code() == ctsql::errc::type_mismatch);
    CHECK(changed.query_name() == "GetNote");
    // Prepared again, and checked against the row: the column no longer fits its field.
    const ctsql::error drift = test::caught([&] { db.execute<Note>(GetNote, 1); });
    CHECK(drift.code() == ctsql::errc::type_mismatch);
    CHECK(std::string{drift.what()} ==
          "GetNote: type_mismatch: result column 'body' holds integer values, which its field (std::string or an enum) "
          "cannot hold (the database differs from the code)");

    // Back as it was: the query works again.
    db.execute_script("ALTER TABLE notes MODIFY body VARCHAR(20)");
    CHECK(db.execute<Note>(GetNote, 1)->body == "42");
}
