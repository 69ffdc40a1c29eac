#pragma once
// Transactions: an object that commits when told and rolls back when dropped, with nested
// levels as savepoints, and a function form that retries a transaction which lost a race.
//
//   auto tx = db.transaction();            // BEGIN
//   tx.execute(CreateUser, "Ann", "ann@example.org");
//   auto inner = tx.transaction();         // SAVEPOINT
//   inner.rollback();                      // ROLLBACK TO SAVEPOINT: Ann stays
//   tx.commit();                           // COMMIT
//
//   auto id = db.transaction([](auto& tx) { return tx.execute(CreateUser, "Bo", "bo@example.org"); },
//                            {.isolation = ctsql::isolation_level::serializable, .retries = 3});
//
// Statements run on the connection, so the connection and every open level share them: a
// statement run through the connection while a transaction object is alive is part of the
// innermost open level. Ending a level ends the levels opened inside it.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "error.hpp"
#include "inferred_row.hpp"

namespace ctsql {

enum class isolation_level : std::uint8_t {
    database_default,  // the server's setting: READ COMMITTED on PostgreSQL, REPEATABLE READ on MySQL
    read_uncommitted,
    read_committed,
    repeatable_read,
    serializable,
};

// How a transaction begins. They apply to the outermost level only: a savepoint has its
// transaction's.
struct transaction_options {
    isolation_level isolation = isolation_level::database_default;
    bool read_only = false;
    // db.transaction(fn, ...) runs fn again, in a new transaction, after a serialization failure or
    // a deadlock, at most this many times; the last failure is thrown.
    int retries = 0;

    bool is_default() const { return isolation == isolation_level::database_default && !read_only && retries == 0; }
};

namespace detail {

// The SQL spelling of a level, for the servers that take one.
constexpr std::string_view isolation_sql(isolation_level level) {
    switch (level) {
        case isolation_level::database_default: return {};
        case isolation_level::read_uncommitted: return "READ UNCOMMITTED";
        case isolation_level::read_committed: return "READ COMMITTED";
        case isolation_level::repeatable_read: return "REPEATABLE READ";
        case isolation_level::serializable: return "SERIALIZABLE";
    }
    return {};
}

// The levels open on one connection, outermost first. Each has a serial number, so that an
// object whose level has ended (by an outer level's commit or rollback) knows it, even after a
// new level of the same depth has opened.
class transaction_levels {
public:
    std::size_t depth() const { return open_.size(); }
    std::uint64_t push() {
        open_.push_back(++last_serial_);
        return last_serial_;
    }
    bool is_open(std::size_t depth, std::uint64_t serial) const {
        return depth != 0 && depth <= open_.size() && open_[depth - 1] == serial;
    }
    void end_from(std::size_t depth) { open_.resize(depth - 1); }

private:
    std::vector<std::uint64_t> open_;
    std::uint64_t last_serial_ = 0;
};

}  // namespace detail

// One open level of a transaction on a Connection (basic_connection<Backend> or
// any_connection): the connection's execute, stream and execute_script, and the end of the level.
// The connection must outlive it and stay where it is while it is open. The Connection lets it
// reach transaction_levels(), begin_transaction(options), commit_transaction() and
// rollback_transaction().
template <class Connection>
class basic_transaction {
public:
    basic_transaction(basic_transaction&& other) noexcept
        : connection_(std::exchange(other.connection_, nullptr)),
          depth_(other.depth_),
          serial_(other.serial_),
          savepoint_(other.savepoint_) {}
    basic_transaction& operator=(basic_transaction&&) = delete;
    basic_transaction(const basic_transaction&) = delete;

    // Rolls back a level neither committed nor rolled back.
    ~basic_transaction() {
        if (!active()) return;
        connection_->transaction_levels().end_from(depth_);
        undo_quietly(*connection_);
    }

    template <class Row = detail::no_row, class Query, class... Args>
    auto execute(const Query& query, const Args&... args) {
        return open_connection().template execute<Row>(query, args...);
    }
    template <class Row = detail::no_row, class Query, class... Args>
    auto stream(const Query& query, const Args&... args) {
        return open_connection().template stream<Row>(query, args...);
    }
    void execute_script(std::string_view sql) { open_connection().execute_script(sql); }

    // A level nested in this one, as a savepoint: its rollback undoes only what ran inside it.
    basic_transaction transaction() { return open_connection().transaction(); }
    template <std::invocable<basic_transaction&> Function>
    auto transaction(Function&& function) {
        return open_connection().transaction(std::forward<Function>(function));
    }

    // Ends the level, keeping its work (in the outer transaction, for a savepoint). If the
    // database refuses, the level is rolled back and the error thrown: either way it has ended.
    void commit() {
        Connection& connection = open_connection();
        connection.transaction_levels().end_from(depth_);
        try {
            if (savepoint_) connection.execute_script("RELEASE SAVEPOINT " + savepoint_name());
            else connection.commit_transaction();
        } catch (const error&) {
            undo_quietly(connection);
            throw;
        }
    }

    // Ends the level, undoing its work.
    void rollback() {
        Connection& connection = open_connection();
        connection.transaction_levels().end_from(depth_);
        undo(connection);
    }

    // False once committed, rolled back, moved from, or ended with an outer level.
    bool active() const { return connection_ != nullptr && connection_->transaction_levels().is_open(depth_, serial_); }

    // Opens a level on a connection: the outermost with BEGIN, one inside it (or inside a
    // transaction the program began with its own BEGIN) with SAVEPOINT.
    static basic_transaction begin(Connection& connection, const transaction_options& options) {
        const bool nested = connection.transaction_levels().depth() != 0 || connection.in_transaction();
        if (nested && !options.is_default())
            throw error{errc::other, {}, "isolation, read_only and retries apply to the outermost transaction only"};
        const std::size_t depth = connection.transaction_levels().depth() + 1;
        if (nested) connection.execute_script("SAVEPOINT " + savepoint_name(depth));
        else connection.begin_transaction(options);
        const std::uint64_t serial = connection.transaction_levels().push();
        return basic_transaction{connection, depth, serial, nested};
    }

private:
    Connection* connection_;
    std::size_t depth_;      // 1 for the outermost level
    std::uint64_t serial_;
    bool savepoint_;

    basic_transaction(Connection& connection, std::size_t depth, std::uint64_t serial, bool savepoint)
        : connection_(&connection), depth_(depth), serial_(serial), savepoint_(savepoint) {}

    Connection& open_connection() const {
        if (!active())
            throw error{errc::other, {}, "the transaction has ended: it was committed or rolled back, here or by an outer level"};
        return *connection_;
    }

    static std::string savepoint_name(std::size_t depth) { return "ctsql_savepoint_" + std::to_string(depth); }
    std::string savepoint_name() const { return savepoint_name(depth_); }

    // ROLLBACK, or ROLLBACK TO and RELEASE for a savepoint. A savepoint the database has already
    // undone with its whole transaction (a deadlock on MySQL rolls it all back) needs nothing.
    void undo(Connection& connection) {
        if (!savepoint_) return connection.rollback_transaction();
        if (!connection.in_transaction()) return;
        const std::string name = savepoint_name();
        connection.execute_script("ROLLBACK TO SAVEPOINT " + name);
        connection.execute_script("RELEASE SAVEPOINT " + name);
    }
    // Where a failure cannot be reported (a lost connection): the server rolls back what it has
    // not committed anyway.
    void undo_quietly(Connection& connection) noexcept {
        try {
            undo(connection);
        } catch (...) {
        }
    }
};

namespace detail {

constexpr bool worth_retrying(errc code) { return code == errc::serialization_failure || code == errc::deadlock; }

// db.transaction(fn): fn(tx), then commit; a throw rolls back and is rethrown, but a lost race is
// retried as the options allow. fn may end the level itself; then it is left as fn left it.
template <class Connection, class Function>
auto run_transaction(Connection& connection, Function& function, const transaction_options& options) {
    using transaction_type = basic_transaction<Connection>;
    for (int attempt = 0;; ++attempt) {
        transaction_type tx = transaction_type::begin(connection, options);
        try {
            if constexpr (std::is_void_v<std::invoke_result_t<Function&, transaction_type&>>) {
                function(tx);
                if (tx.active()) tx.commit();
                return;
            } else {
                auto result = function(tx);
                if (tx.active()) tx.commit();
                return result;
            }
        } catch (const error& e) {
            if (attempt >= options.retries || !worth_retrying(e.code())) throw;
        }
    }
}

}  // namespace detail

}  // namespace ctsql
