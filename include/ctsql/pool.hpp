#pragma once
// A pool of connections for threaded programs: each thread takes a connection, uses it alone and
// gives it back when its handle goes out of scope.
//
//   ctsql::pool<ctsql::postgres::connection> pool{url, {.min_size = 2, .max_size = 16, .acquire_timeout = 2s}};
//   auto db = pool.acquire();        // waits at most acquire_timeout: else errc::pool_timeout
//   db->execute(GetUser, 42);
//
// A connection comes back as it was lent, minus any transaction left open, which is rolled back.
// One that was lost (is_open() is false) is dropped instead, and a new one is opened when needed.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "error.hpp"

namespace ctsql {

struct pool_options {
    std::size_t min_size = 0;  // opened when the pool is made, so that the first requests do not wait
    std::size_t max_size = 8;  // at most this many open at once, lent or idle
    std::chrono::milliseconds acquire_timeout = std::chrono::seconds{5};
};

// A moment's counts, taken under the pool's lock.
struct pool_statistics {
    std::size_t open = 0;     // lent and idle
    std::size_t idle = 0;
    std::size_t lent = 0;
    std::size_t waiting = 0;  // threads in acquire() waiting for a connection to come back
    std::uint64_t acquired = 0;  // since the pool was made
    std::uint64_t opened = 0;
    std::uint64_t dropped = 0;   // lost connections given back, or ones whose transaction would not roll back
    std::uint64_t timeouts = 0;
};

namespace detail {

// What the pool and its handles share, so that a handle given back after the pool is gone
// closes its connection instead of touching freed memory.
template <class Connection>
struct pool_state {
    std::string url;
    pool_options limits;
    typename Connection::options connection_options;

    std::mutex mutex;
    std::condition_variable returned;
    std::vector<std::unique_ptr<Connection>> idle;
    pool_statistics counts;  // all but idle, which is idle.size()
    bool closed = false;  // the pool is gone: connections given back are closed

    // Opens one, counted as open before it exists, so that no two threads pass max_size.
    std::unique_ptr<Connection> open_one(std::unique_lock<std::mutex>& lock) {
        ++counts.open;
        lock.unlock();
        try {
            auto connection = std::make_unique<Connection>(url, connection_options);
            lock.lock();
            ++counts.opened;
            return connection;
        } catch (...) {
            lock.lock();
            --counts.open;
            returned.notify_one();  // the place it held is free for a waiting thread
            throw;
        }
    }

    // The most recently used idle connection (only usable ones are kept: see give_back), or null.
    std::unique_ptr<Connection> take_idle() {
        if (idle.empty()) return nullptr;
        std::unique_ptr<Connection> connection = std::move(idle.back());
        idle.pop_back();
        return connection;
    }

    void give_back(std::unique_ptr<Connection> connection) noexcept {
        const bool reusable = ready_for_reuse(*connection);
        std::unique_lock lock{mutex};
        --counts.lent;
        if (reusable && !closed) {
            idle.push_back(std::move(connection));
            returned.notify_one();
            return;
        }
        --counts.open;
        if (!reusable) ++counts.dropped;
        returned.notify_one();
        lock.unlock();
        connection.reset();  // closed outside the lock
    }

    // The idle connections leave with the pool; lent ones are closed when given back.
    void close() noexcept {
        std::vector<std::unique_ptr<Connection>> leaving;
        {
            const std::lock_guard lock{mutex};
            closed = true;
            leaving.swap(idle);
            counts.open -= leaving.size();
        }
    }

    // A transaction left open is rolled back; a connection that cannot be used again is dropped.
    static bool ready_for_reuse(Connection& connection) noexcept {
        try {
            if (!connection.is_open()) return false;
            if (connection.in_transaction()) connection.rollback_open_transaction();
            return connection.is_open();
        } catch (...) {
            return false;
        }
    }
};

}  // namespace detail

template <class Connection>
class pool {
public:
    // A connection lent by the pool: -> and * reach it; it goes back when the handle is destroyed.
    class handle {
    public:
        handle(handle&&) noexcept = default;
        handle& operator=(handle&& other) noexcept {
            if (this != &other) {
                give_back();
                state_ = std::move(other.state_);
                connection_ = std::move(other.connection_);
            }
            return *this;
        }
        ~handle() { give_back(); }

        Connection* operator->() const { return connection_.get(); }
        Connection& operator*() const { return *connection_; }

    private:
        friend class pool;
        std::shared_ptr<detail::pool_state<Connection>> state_;
        std::unique_ptr<Connection> connection_;

        handle(std::shared_ptr<detail::pool_state<Connection>> state, std::unique_ptr<Connection> connection)
            : state_(std::move(state)), connection_(std::move(connection)) {}
        void give_back() noexcept {
            if (connection_ != nullptr) state_->give_back(std::move(connection_));
        }
    };

    // Opens min_size connections at once: a URL that cannot be reached fails here, not later.
    explicit pool(std::string_view url, const pool_options& limits = {},
                  const typename Connection::options& connection_options = {})
        : state_(std::make_shared<detail::pool_state<Connection>>()) {
        if (limits.max_size == 0 || limits.min_size > limits.max_size)
            throw error{errc::other, {}, fmt::format("pool: min_size {} and max_size {} make no pool", limits.min_size,
                                                     limits.max_size)};
        state_->url = url;
        state_->limits = limits;
        state_->connection_options = connection_options;
        std::unique_lock lock{state_->mutex};
        while (state_->idle.size() < limits.min_size)
            state_->idle.push_back(state_->open_one(lock));
    }
    pool(const pool&) = delete;
    pool& operator=(const pool&) = delete;
    ~pool() { state_->close(); }

    // An idle connection, a new one while fewer than max_size are open, or the first one given
    // back within acquire_timeout; errc::pool_timeout after that.
    handle acquire() {
        detail::pool_state<Connection>& s = *state_;
        std::unique_lock lock{s.mutex};
        const auto deadline = std::chrono::steady_clock::now() + s.limits.acquire_timeout;
        ++s.counts.waiting;
        const bool available = s.returned.wait_until(lock, deadline, [&] {
            return !s.idle.empty() || s.counts.open < s.limits.max_size;
        });
        --s.counts.waiting;
        if (!available) {
            ++s.counts.timeouts;
            throw error{errc::pool_timeout, {},
                        fmt::format("no connection came free within {} ms: all {} are lent",
                                    s.limits.acquire_timeout.count(), s.counts.lent)};
        }
        std::unique_ptr<Connection> connection = s.take_idle();
        if (connection == nullptr) connection = s.open_one(lock);
        ++s.counts.lent;
        ++s.counts.acquired;
        return handle{state_, std::move(connection)};
    }

    pool_statistics statistics() const {
        const std::lock_guard lock{state_->mutex};
        pool_statistics now = state_->counts;
        now.idle = state_->idle.size();
        return now;
    }

private:
    std::shared_ptr<detail::pool_state<Connection>> state_;
};

}  // namespace ctsql
