#pragma once
// basic_any_connection<Connections...>: one of several backends' connections, chosen at run time
// by the URL's scheme, with their common surface. Every query it runs is checked at compile time
// for each backend it may choose, and at run time against the one chosen.
// <ctsql/any.hpp> gives ctsql::any_connection over SQLite, PostgreSQL and MySQL, and
// ctsql::connect(url).

#include <concepts>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "connection.hpp"
#include "diagnostics.hpp"
#include "dialect.hpp"
#include "error.hpp"
#include "inferred_row.hpp"
#include "migrations.hpp"
#include "transaction.hpp"

namespace ctsql {

namespace detail {

// The URL schemes that pick a backend of dialect D.
constexpr bool scheme_picks(dialect d, std::string_view scheme) {
    switch (d) {
        case dialect::sqlite: return scheme == "sqlite";
        case dialect::postgresql: return scheme == "postgresql" || scheme == "postgres";
        case dialect::mysql: return scheme == "mysql" || scheme == "mariadb";
    }
    return false;
}

// The row type a call through any of the Connections reads: the one it names, or the one each
// backend infers, which must then be the same on all of them.
template <class Query, class Row, class... Connections>
constexpr auto resolve_any_row() {
    if constexpr (!std::is_same_v<Row, no_row> || sizeof...(Connections) == 0) {
        return std::type_identity<Row>{};
    } else {
        using first = resolved_row_t<Query, std::variant_alternative_t<0, std::variant<Connections...>>::dialect, Row>;
        if constexpr ((std::is_same_v<first, resolved_row_t<Query, Connections::dialect, Row>> && ...)) {
            return std::type_identity<first>{};
        } else {
            constexpr message problem = message{} << Query::label()
                                                  << ": the row type inferred differs between the backends an "
                                                     "any_connection may choose: name it, db.execute<Row>(...)";
            reject<problem>();
            return std::type_identity<no_row>{};
        }
    }
}

template <class Query, class Row, class... Connections>
using any_row_t = typename decltype(resolve_any_row<Query, Row, Connections...>())::type;

}  // namespace detail

// The rows of a stream from whichever backend was chosen, as an input range of Row.
template <class Row, class... Streams>
class any_row_stream {
public:
    template <class Stream>
    explicit any_row_stream(Stream&& stream) : stream_(std::forward<Stream>(stream)) {}

    class iterator {
    public:
        using value_type = Row;
        using difference_type = std::ptrdiff_t;

        iterator() = default;
        const Row& operator*() const {
            return std::visit([](const auto& it) -> const Row& { return *it; }, *position_);
        }
        const Row* operator->() const { return &**this; }
        iterator& operator++() {
            std::visit([](auto& it) { ++it; }, *position_);
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& it, std::default_sentinel_t end) {
            return std::visit([&](const auto& at) { return at == end; }, *it.position_);
        }

    private:
        friend class any_row_stream;
        using position = std::variant<decltype(std::declval<Streams&>().begin())...>;
        position* position_ = nullptr;
        explicit iterator(position* at) : position_(at) {}
    };

    // An input range: begin() may be called once, and starts reading.
    iterator begin() {
        std::visit([&](auto& stream) { position_.emplace(stream.begin()); }, stream_);
        return iterator{&*position_};
    }
    std::default_sentinel_t end() const { return {}; }

private:
    std::variant<Streams...> stream_;
    std::optional<typename iterator::position> position_;
};

template <class... Connections>
class basic_any_connection {
public:
    // Each backend's options; only the chosen one's are used.
    struct options {
        std::tuple<typename Connections::options...> per_backend;
    };

    // Opens the backend whose scheme the URL has: sqlite://, postgresql:// or postgres://,
    // mysql:// or mariadb://.
    explicit basic_any_connection(std::string_view url, const options& settings = {})
        : chosen_(open<0>(url, settings)) {}

    // The dialect of the backend chosen.
    ctsql::dialect dialect() const {
        return std::visit([](const auto& db) { return std::decay_t<decltype(db)>::dialect; }, chosen_);
    }

    template <class Row = detail::no_row, class Query, class... Args>
    auto execute(const Query& query, const Args&... args) {
        using row_type = detail::any_row_t<Query, Row, Connections...>;
        return std::visit([&](auto& db) { return db.template execute<row_type>(query, args...); }, chosen_);
    }

    template <class Row = detail::no_row, class Query, class... Args>
    auto stream(const Query& query, const Args&... args) {
        using row_type = detail::any_row_t<Query, Row, Connections...>;
        using stream_type = any_row_stream<row_type, decltype(std::declval<Connections&>().template stream<row_type>(query, args...))...>;
        return std::visit([&](auto& db) { return stream_type{db.template stream<row_type>(query, args...)}; }, chosen_);
    }

    void execute_script(std::string_view sql) {
        std::visit([&](auto& db) { db.execute_script(sql); }, chosen_);
    }
    bool is_open() const {
        return std::visit([](const auto& db) { return db.is_open(); }, chosen_);
    }

    basic_transaction<basic_any_connection> transaction(const transaction_options& options = {}) {
        return basic_transaction<basic_any_connection>::begin(*this, options);
    }
    template <std::invocable<basic_transaction<basic_any_connection>&> Function>
    auto transaction(Function&& function, const transaction_options& options = {}) {
        return detail::run_transaction(*this, function, options);
    }
    bool in_transaction() {
        return std::visit([](auto& db) { return db.in_transaction(); }, chosen_);
    }
    void rollback_open_transaction() {
        std::visit([](auto& db) { db.rollback_open_transaction(); }, chosen_);
    }

    // The chosen backend's connection, when it is C: for what only that backend has.
    template <class C>
    C* get_if() {
        return std::get_if<C>(&chosen_);
    }
    // function(connection) with the chosen backend's connection, whichever it is.
    template <class Function>
    decltype(auto) visit(Function&& function) {
        return std::visit(std::forward<Function>(function), chosen_);
    }

private:
    template <class Connection>
    friend class basic_transaction;

    std::variant<Connections...> chosen_;

    // A transaction is the chosen connection's, levels and all: taken through get_if or visit
    // too, it is the same transaction.
    detail::transaction_levels& transaction_levels() {
        return std::visit([](auto& db) -> detail::transaction_levels& { return db.transaction_levels(); }, chosen_);
    }
    void begin_transaction(const transaction_options& options) {
        std::visit([&](auto& db) { db.begin_transaction(options); }, chosen_);
    }
    void commit_transaction() {
        std::visit([](auto& db) { db.commit_transaction(); }, chosen_);
    }
    void rollback_transaction() {
        std::visit([](auto& db) { db.rollback_transaction(); }, chosen_);
    }

    template <std::size_t I>
    static std::variant<Connections...> open(std::string_view url, const options& settings) {
        if constexpr (I == sizeof...(Connections)) {
            const std::size_t end = url.find("://");
            throw error{errc::connection_failure, {},
                        end == std::string_view::npos
                            ? std::string{"cannot connect: the URL has no scheme (sqlite://, postgresql://, mysql://, ...)"}
                            : fmt::format("cannot connect: no backend here takes URLs of the scheme '{}'", url.substr(0, end))};
        } else {
            using connection = std::variant_alternative_t<I, std::variant<Connections...>>;
            const std::size_t end = url.find("://");
            if (end != std::string_view::npos && detail::scheme_picks(connection::dialect, url.substr(0, end)))
                return std::variant<Connections...>{std::in_place_index<I>, url, std::get<I>(settings.per_backend)};
            return open<I + 1>(url, settings);
        }
    }
};

// Migrations on the backend an any_connection chose, as on that backend's own connection
// (migrations.hpp).
template <class... Connections, detail::migration_range Migrations>
std::size_t migrate(basic_any_connection<Connections...>& db, const Migrations& migrations) {
    return db.visit([&](auto& chosen) { return migrate(chosen, migrations); });
}
template <class... Connections, detail::migration_range Migrations>
std::size_t rollback(basic_any_connection<Connections...>& db, const Migrations& migrations, std::size_t n) {
    return db.visit([&](auto& chosen) { return rollback(chosen, migrations, n); });
}
template <class... Connections, detail::migration_range Migrations>
std::vector<migration_status> status(basic_any_connection<Connections...>& db, const Migrations& migrations) {
    return db.visit([&](auto& chosen) { return status(chosen, migrations); });
}

}  // namespace ctsql
