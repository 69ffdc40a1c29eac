#pragma once
// Migrations run on a database: migrate applies the pending ones in version order, each in a
// transaction of its own; rollback undoes the last n; status lists them. The database records
// what it has applied in a table, ctsql_migrations, with a checksum of each `up` script, read
// and written by ctsql's own checked queries.
//
//   std::size_t applied = ctsql::migrate(db, migrations);    // 0 when the database is up to date
//   ctsql::rollback(db, migrations, 1);                       // undoes the newest
//   for (const ctsql::migration_status& m : ctsql::status(db, migrations)) { ... }
//
// Two processes migrating one database at once take turns: PostgreSQL's advisory lock and
// MySQL's named lock are held while migrate or rollback runs, and while status reads the ledger;
// on SQLite each migration's BEGIN IMMEDIATE takes the write lock, and the ledger is read again
// inside it.

#include <algorithm>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <vector>

#include <boost/crc.hpp>
#include <fmt/format.h>

#include "connection.hpp"
#include "dialect.hpp"
#include "error.hpp"
#include "fixed_string.hpp"
#include "migration.hpp"
#include "origin.hpp"
#include "query_set.hpp"
#include "schema.hpp"

namespace ctsql {

// One migration as status sees it.
struct migration_status {
    std::int64_t version = 0;
    std::string name;
    bool applied = false;
    std::optional<std::chrono::sys_time<std::chrono::microseconds>> applied_at;  // when applied
    bool changed = false;  // applied with another `up` script than the program's: migrate refuses it
    bool known = true;     // false: applied, but not in the program's list (the database is ahead)
};

// What ctsql_migrations records of an `up` script: its CRC-64/XZ as 16 hex digits. The script is
// taken as its file holds it: without the marker ctsql_embed_sql puts before it (which names the
// file's path), and without carriage returns (a checkout with CRLF line ends is no change).
inline std::string migration_checksum(std::string_view up) {
    boost::crc_optimal<64, 0x42F0E1EBA9EA3693, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, true, true> crc;
    for (char c : without_origin_marker(up))
        if (c != '\r') crc.process_byte(static_cast<unsigned char>(c));
    return fmt::format("{:016x}", crc.checksum());
}

namespace detail {

// The ledger, as each dialect creates it; the same DDL is the schema its queries are checked against.
template <dialect D>
constexpr auto ledger_ddl() {
    if constexpr (D == dialect::postgresql) {
        return fixed_string{
            "CREATE TABLE IF NOT EXISTS ctsql_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
            "checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"};
    } else if constexpr (D == dialect::mysql) {
        return fixed_string{
            "CREATE TABLE IF NOT EXISTS ctsql_migrations (version BIGINT PRIMARY KEY, name VARCHAR(255) NOT NULL, "
            "checksum CHAR(16) NOT NULL, applied_at DATETIME(6) NOT NULL)"};
    } else {
        return fixed_string{
            "CREATE TABLE IF NOT EXISTS ctsql_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
            "checksum TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"};
    }
}

inline constexpr char ledger_sql[] = R"sql(
-- name: AppliedMigrations :many
SELECT version, name, checksum, applied_at FROM ctsql_migrations ORDER BY version;

-- name: AppliedChecksum :one
SELECT checksum FROM ctsql_migrations WHERE version = $1;

-- name: RecordMigration :exec
INSERT INTO ctsql_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4);

-- name: ForgetMigration :exec
DELETE FROM ctsql_migrations WHERE version = $1;
)sql";

template <dialect D>
inline constexpr auto ledger = query_set<ledger_sql, schema<ledger_ddl<D>()>>;

struct applied_migration {
    std::int64_t version;
    std::string name;
    std::string checksum;
    std::chrono::sys_time<std::chrono::microseconds> applied_at;
};

// Another process may have applied or undone a migration since the ledger was read: read again,
// inside the migration's own transaction.
template <class Connection>
std::optional<std::string> recorded_checksum(basic_transaction<Connection>& tx, std::int64_t version) {
    return tx.template execute<std::string>(ledger<Connection::dialect>.template get<"AppliedChecksum">(), version);
}

inline std::string describe_migration(std::int64_t version, std::string_view name) {
    return fmt::format("migration {} '{}'", version, name);
}

inline error changed_migration(const migration& m, std::string_view recorded) {
    return error{errc::migration_mismatch, {},
                 fmt::format("{} has changed since it was applied (checksum {} then, {} now): undo it first, or "
                             "add a new migration",
                             describe_migration(m.version, m.name), recorded, migration_checksum(m.up))};
}

// Runs one of a migration's scripts; an error it raises is said of the migration.
template <class Connection>
void run_script(basic_transaction<Connection>& tx, std::string_view script, const migration& m) {
    try {
        tx.execute_script(script);
    } catch (const error& e) {
        throw error{e.code(), e.query_name(), fmt::format("{}: {}", describe_migration(m.version, m.name), e.text()),
                    e.sqlstate(), e.native_code()};
    }
}

// The program's migrations, checked, in version order.
template <class Migrations>
std::vector<migration> program_migrations(const Migrations& migrations) {
    std::vector<migration> program;
    for (const migration& m : migrations) program.push_back(m);
    if (const message problem = check_migrations(program); !problem.empty())
        throw error{errc::other, {}, problem.view()};
    std::ranges::sort(program, {}, &migration::version);
    return program;
}

inline const migration* find_migration(const std::vector<migration>& program, std::int64_t version) {
    const auto found = std::ranges::lower_bound(program, version, {}, &migration::version);
    return found != program.end() && found->version == version ? &*found : nullptr;
}

// Every applied migration must be the program's, with the text it had then.
inline void check_ledger(const std::vector<migration>& program, const std::vector<applied_migration>& applied) {
    for (const applied_migration& a : applied) {
        const migration* m = find_migration(program, a.version);
        if (m == nullptr)
            throw error{errc::migration_mismatch, {},
                        fmt::format("{} is applied to the database, but the program does not have it: the database "
                                    "is ahead of the program",
                                    describe_migration(a.version, a.name))};
        if (a.checksum != migration_checksum(m->up)) throw changed_migration(*m, a.checksum);
    }
}

inline bool is_applied(const std::vector<applied_migration>& applied, std::int64_t version) {
    return std::ranges::binary_search(applied, version, {}, &applied_migration::version);
}

// PostgreSQL's advisory lock key: the eight bytes "ctsqlmig" read as one big-endian number.
inline constexpr std::int64_t advisory_lock_key = [] {
    std::uint64_t key = 0;
    for (const char c : std::string_view{"ctsqlmig"}) key = (key << 8) | static_cast<unsigned char>(c);
    return static_cast<std::int64_t>(key);
}();

// Keeps other processes from migrating the same database while it lives: PostgreSQL's advisory
// lock and MySQL's named lock, both held by the session, so that a lost connection releases
// them. SQLite has none: each migration's BEGIN IMMEDIATE takes the write lock. Outside a
// transaction only: migrations run in transactions of their own, and on MySQL the ledger's
// CREATE TABLE would commit the program's.
template <class Backend>
class migration_lock {
public:
    explicit migration_lock(basic_connection<Backend>& db) : db_(db) {
        if (db.in_transaction())
            throw error{errc::other, {}, "migrate, rollback and status run outside a transaction: migrations run in "
                                         "transactions of their own"};
        if constexpr (Backend::dialect == dialect::postgresql) {
            db.execute_script(fmt::format("SELECT pg_advisory_lock({})", advisory_lock_key));
        } else if constexpr (Backend::dialect == dialect::mysql) {
            // 1: locked; 0: still held by another after a year; NULL: an error, such as a kill.
            constexpr auto GetLock =
                query<"-- name: LockMigrations :one\nSELECT GET_LOCK('ctsql_migrations', 31536000) AS locked">;
            const auto locked = db.template execute<std::optional<std::int64_t>>(GetLock);
            if (!locked || *locked != 1)
                throw error{errc::busy, {}, "the migration lock (GET_LOCK('ctsql_migrations')) was not granted"};
        }
    }
    migration_lock(const migration_lock&) = delete;
    migration_lock& operator=(const migration_lock&) = delete;

    ~migration_lock() {
        try {
            if constexpr (Backend::dialect == dialect::postgresql)
                db_.execute_script(fmt::format("SELECT pg_advisory_unlock({})", advisory_lock_key));
            else if constexpr (Backend::dialect == dialect::mysql)
                db_.execute_script("DO RELEASE_LOCK('ctsql_migrations')");
        } catch (const error&) {  // the connection is lost, and the server has released the lock with it
        }
    }

private:
    basic_connection<Backend>& db_;
};

// The applied migrations, in version order; the ledger is created first if missing. Under the
// migration lock, so that two processes do not create it at once (PostgreSQL's CREATE TABLE IF
// NOT EXISTS is no guard against one that has not committed yet).
template <class Backend>
std::vector<applied_migration> read_ledger(basic_connection<Backend>& db, const migration_lock<Backend>&) {
    db.execute_script(ledger_ddl<Backend::dialect>().view());
    return db.template execute<applied_migration>(ledger<Backend::dialect>.template get<"AppliedMigrations">());
}

template <class Range>
concept migration_range =
    std::ranges::input_range<Range> && std::convertible_to<std::ranges::range_reference_t<Range>, const migration&>;

}  // namespace detail

// Applies the migrations the database has not applied, in version order, each in a transaction of
// its own that also records it; returns how many it applied. Refuses (errc::migration_mismatch)
// before applying anything when an applied migration has changed or is not in the list. On
// MySQL and MariaDB, whose DDL commits at once, a failed migration may leave some of its
// statements applied (it is not recorded).
template <class Backend, detail::migration_range Migrations>
std::size_t migrate(basic_connection<Backend>& db, const Migrations& migrations) {
    constexpr dialect D = Backend::dialect;
    const std::vector<migration> program = detail::program_migrations(migrations);
    const detail::migration_lock<Backend> lock{db};
    const std::vector<detail::applied_migration> applied = detail::read_ledger(db, lock);
    detail::check_ledger(program, applied);
    std::size_t count = 0;
    for (const migration& m : program) {
        if (detail::is_applied(applied, m.version)) continue;
        auto tx = db.transaction();
        if (const auto recorded = detail::recorded_checksum(tx, m.version)) {
            if (*recorded != migration_checksum(m.up)) throw detail::changed_migration(m, *recorded);
            continue;
        }
        detail::run_script(tx, m.up, m);
        const auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
        tx.execute(detail::ledger<D>.template get<"RecordMigration">(), m.version, m.name, migration_checksum(m.up), now);
        tx.commit();
        ++count;
    }
    return count;
}

// Undoes the newest n applied migrations (by version), newest first, each by its `down` script
// in a transaction of its own that also removes its record; returns how many it undid (fewer
// when fewer are applied). Refuses before undoing anything when one of them has no `down`, and as
// migrate does when the ledger does not match the list.
template <class Backend, detail::migration_range Migrations>
std::size_t rollback(basic_connection<Backend>& db, const Migrations& migrations, std::size_t n) {
    constexpr dialect D = Backend::dialect;
    const std::vector<migration> program = detail::program_migrations(migrations);
    const detail::migration_lock<Backend> lock{db};
    const std::vector<detail::applied_migration> applied = detail::read_ledger(db, lock);
    detail::check_ledger(program, applied);
    std::vector<const migration*> undone;
    for (auto a = applied.rbegin(); a != applied.rend() && undone.size() < n; ++a) {
        const migration* m = detail::find_migration(program, a->version);
        if (m->down.empty())
            throw error{errc::other, {},
                        fmt::format("{} has no down script, so it cannot be undone: nothing was undone",
                                    detail::describe_migration(m->version, m->name))};
        undone.push_back(m);
    }
    std::size_t count = 0;
    for (const migration* m : undone) {
        auto tx = db.transaction();
        if (!detail::recorded_checksum(tx, m->version)) continue;
        detail::run_script(tx, m->down, *m);
        tx.execute(detail::ledger<D>.template get<"ForgetMigration">(), m->version);
        tx.commit();
        ++count;
    }
    return count;
}

// Every migration of the list, in version order, with whether and when it was applied and
// whether its script has changed since; and any migration the database has applied that the
// list does not have, with the name it was applied under and known = false. Takes the migration
// lock while it reads the ledger, as migrate does: it waits for another process's migrate.
template <class Backend, detail::migration_range Migrations>
std::vector<migration_status> status(basic_connection<Backend>& db, const Migrations& migrations) {
    const std::vector<migration> program = detail::program_migrations(migrations);
    const detail::migration_lock<Backend> lock{db};
    const std::vector<detail::applied_migration> applied = detail::read_ledger(db, lock);
    std::vector<migration_status> result;
    for (const migration& m : program) {
        migration_status& s = result.emplace_back();
        s.version = m.version;
        s.name = m.name;
    }
    for (const detail::applied_migration& a : applied) {
        const migration* m = detail::find_migration(program, a.version);
        if (m == nullptr) {
            result.push_back(
                {.version = a.version, .name = a.name, .applied = true, .applied_at = a.applied_at, .known = false});
            continue;
        }
        migration_status& s = result[static_cast<std::size_t>(m - program.data())];
        s.applied = true;
        s.applied_at = a.applied_at;
        s.changed = a.checksum != migration_checksum(m->up);
    }
    std::ranges::sort(result, {}, &migration_status::version);
    return result;
}

}  // namespace ctsql
