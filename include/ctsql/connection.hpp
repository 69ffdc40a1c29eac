#pragma once
// basic_connection<Backend>: the surface every backend shares. It checks each call at
// compile time, then binds, steps and reads through the backend's cursor; the backend is
// the only code that touches a C API.
//
// A Backend provides:
//   static constexpr ctsql::dialect dialect; an options struct; a constructor (url, options);
//   cursor open(const detail::query_description&, detail::cursor_use)  a prepared (and cached)
//     statement, ready to bind
//   Loader load<Loader>(const query_description&, const range_description&) for its copy_loader
//     and batch_loader types: a cursor's binds, then end_item() per element, then finish()
//   std::int64_t last_insert_id() where the database has one;
//   void execute_script(std::string_view); bool is_open();
//   void begin(const transaction_options&), commit(), rollback(); bool in_transaction()
// and its cursor: bind_null(int), bind(int, bool | int64 | uint64 | double | string_view |
//   span<const byte> | microtime | uuid), bind_copy(int, string_view | span<const byte>) for
//   text and bytes gone before the statement runs, bind_array(argument_site, vector) where the
//   database has arrays, bool step(), std::uint64_t affected_rows() once step() ran the
//   statement, and bool read(int, bool& | int64& | uint64& | double& | string& | blob& |
//   microtime& | uuid&, const value_site&) (and read_array), false for NULL.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "checks.hpp"
#include "detail/characters.hpp"
#include "error.hpp"
#include "diagnostics.hpp"
#include "query.hpp"
#include "query_description.hpp"
#include "range_arguments.hpp"
#include "row_reader.hpp"
#include "row_stream.hpp"
#include "transaction.hpp"

namespace ctsql {

namespace detail {

[[noreturn]] inline void raise_drift(const query_description& query, std::string_view what) {
    throw error{errc::type_mismatch, query.name, fmt::format("{} (the database differs from the code)", what)};
}

// A statement's result columns as the database compiled it, against the query as ctsql
// compiled it: their number, then each name (name_at(i)), then whatever check_column(i, name)
// adds. A difference is drift: the database changed under the code.
template <class NameAt, class CheckColumn>
void check_result_columns(const query_description& query, std::size_t count, NameAt name_at, CheckColumn check_column) {
    if (!query.columns_known) return;
    if (count != query.columns.size())
        raise_drift(query, fmt::format("the statement returns {} columns, the query was compiled with {}", count,
                                       query.columns.size()));
    for (std::size_t i = 0; i < count; ++i) {
        const result_column& expected = query.columns[i];
        const std::string_view actual = name_at(i);
        if (expected.named && !(expected.quoted ? actual == expected.name : iequals(actual, expected.name)))
            raise_drift(query, fmt::format("result column {} is named '{}', the query was compiled with '{}'", i + 1,
                                           actual, expected.name));
        check_column(i, actual);
    }
}

// How a cursor is used. A call's arguments outlive it, so the backend may point at their text
// and bytes, and its rows are read before the call returns. A stream outlives its arguments
// (the backend copies them), and reads its rows as the caller asks for them.
enum class cursor_use : std::uint8_t { call, stream };

template <query_kind Kind, class Row>
struct execute_result {
    using type = void;
};
template <class Row> struct execute_result<query_kind::one, Row> { using type = std::optional<Row>; };
template <class Row> struct execute_result<query_kind::many, Row> { using type = std::vector<Row>; };
template <class Row> struct execute_result<query_kind::execrows, Row> { using type = std::uint64_t; };
template <class Row> struct execute_result<query_kind::execlastid, Row> { using type = std::int64_t; };
template <class Row> struct execute_result<query_kind::copyfrom, Row> { using type = std::uint64_t; };
template <class Row> struct execute_result<query_kind::batchexec, Row> { using type = std::uint64_t; };

// What a backend needs to load a :copyfrom range in its own bulk form: the INSERT's table and
// column list as written, and the parameter that fills each column.
struct range_description {
    std::string_view copy_table;
    std::string_view copy_columns;
    std::span<const std::size_t> copy_parameters;
};

template <class Query>
inline constexpr auto copy_layout_of = read_copy_layout(Query::info());

template <class Query>
range_description describe_range() {
    if constexpr (Query::kind() != query_kind::copyfrom) {
        return {};
    } else {
        constexpr auto& layout = copy_layout_of<Query>;
        return {layout.table, layout.columns,
                std::span<const std::size_t>{layout.parameters.begin(), layout.parameters.size()}};
    }
}

}  // namespace detail

template <class... Connections>
class basic_any_connection;

template <class Backend>
class basic_connection {
public:
    using options = typename Backend::options;
    static constexpr ctsql::dialect dialect = Backend::dialect;

    explicit basic_connection(std::string_view url, const typename Backend::options& options = {})
        : backend_(url, options) {}

    // Runs a query; the tag decides the result: :one -> std::optional<Row>, :many ->
    // std::vector<Row>, :exec -> void, :execrows -> rows affected, :execlastid -> new row id,
    // :copyfrom -> rows loaded and :batchexec -> rows affected, from one range argument.
    // Without a row type, a query with a schema reads rows of the type the schema gives.
    template <class Row = detail::no_row, class Query, class... Args>
    auto execute(const Query&, const Args&... args) {
        static_assert(is_query_v<Query>, "ctsql: execute takes a query declared with ctsql::query<...>");
        constexpr message problem = checked_call<Query, Row, Args...>();
        using result_type = typename detail::execute_result<Query::kind(), detail::resolved_row_t<Query, Backend::dialect, Row>>::type;
        if constexpr (!problem.empty()) {
            reject<problem>();
            return result_type();
        } else if constexpr (takes_a_range(Query::kind())) {
            return run_range<Query>(args...);
        } else {
            using row_type = detail::resolved_row_t<Query, Backend::dialect, Row>;
            auto cursor = open<Query, row_type>(detail::cursor_use::call, args...);
            if constexpr (Query::kind() == query_kind::one) {
                std::optional<row_type> row;
                if (cursor.step()) detail::read_row_into<Query, Backend::dialect>(cursor, row.emplace());
                return row;
            } else if constexpr (Query::kind() == query_kind::many) {
                std::vector<row_type> rows;
                if (!cursor.step()) return rows;
                // A backend that holds the whole result knows its size: the vector grows once.
                if constexpr (requires { cursor.rows_in_result(); }) rows.reserve(cursor.rows_in_result());
                do detail::read_row_into<Query, Backend::dialect>(cursor, rows.emplace_back());
                while (cursor.step());
                return rows;
            } else {
                while (cursor.step()) {
                }
                if constexpr (Query::kind() == query_kind::execrows) return cursor.affected_rows();
                if constexpr (Query::kind() == query_kind::execlastid) return backend_.last_insert_id();
            }
        }
    }

    // The rows of a query as an input range, read as the loop asks for them.
    template <class Row = detail::no_row, class Query, class... Args>
    auto stream(const Query&, const Args&... args) {
        static_assert(is_query_v<Query>, "ctsql: stream takes a query declared with ctsql::query<...>");
        constexpr message problem = checked_call<Query, Row, Args...>();
        using cursor_type = typename Backend::cursor;
        using row_type = detail::resolved_row_t<Query, Backend::dialect, Row>;
        if constexpr (!problem.empty()) {
            reject<problem>();
            return row_stream<row_type, Query, Backend::dialect, cursor_type>{open<Query, row_type>(detail::cursor_use::stream)};
        } else {
            return row_stream<row_type, Query, Backend::dialect, cursor_type>{
                open<Query, row_type>(detail::cursor_use::stream, args...)};
        }
    }

    // Runs statements separated by `;`, with no parameters and no result: for DDL and
    // migrations. The text is trusted: it is not checked at compile time.
    void execute_script(std::string_view sql) { backend_.execute_script(sql); }

    // False once the connection is lost: the server went away, or the network failed.
    bool is_open() const { return backend_.is_open(); }

    // A transaction, rolled back unless committed; inside an open one, a savepoint
    // (transaction.hpp).
    basic_transaction<basic_connection> transaction(const transaction_options& options = {}) {
        return basic_transaction<basic_connection>::begin(*this, options);
    }
    // fn(tx) in a transaction, committed when fn returns (its result is returned), rolled back
    // when it throws, and run again after a lost race as options.retries allows.
    template <std::invocable<basic_transaction<basic_connection>&> Function>
    auto transaction(Function&& function, const transaction_options& options = {}) {
        return detail::run_transaction(*this, function, options);
    }
    // Whether the database has a transaction open on this connection, however it began.
    bool in_transaction() { return backend_.in_transaction(); }
    // Rolls back the open transaction, however it began, ending every transaction object on it:
    // for a pool taking a connection back.
    void rollback_open_transaction() {
        if (levels_.depth() != 0) levels_.end_from(1);
        rollback_transaction();
    }

    Backend& backend() { return backend_; }

private:
    template <class Connection>
    friend class basic_transaction;
    template <class... Connections>
    friend class basic_any_connection;  // its transactions are the chosen connection's

    Backend backend_;
    detail::transaction_levels levels_;

    detail::transaction_levels& transaction_levels() { return levels_; }
    void begin_transaction(const transaction_options& options) { backend_.begin(options); }
    void commit_transaction() { backend_.commit(); }
    void rollback_transaction() { backend_.rollback(); }

    template <class Query, class Row, class... Args>
    static constexpr message checked_call() {
        if constexpr (!Query::info().ok()) return message{};  // already rejected where the query is defined
        else if constexpr (takes_a_range(Query::kind())) return detail::check_range_call<Query, Backend::dialect, Row, Args...>();
        else return check_call<Query, Backend::dialect, Row, Args...>();
    }

    template <class Query, class Row, class... Args>
    auto open(detail::cursor_use use, const Args&... args) {
        const detail::query_description* description;
        if constexpr (Query::list_count() == 0) {
            static const detail::query_description described = detail::describe_query<Query, Backend::dialect, Row>();
            description = &described;
        } else {  // one for each combination of the lists' lengths
            description = &detail::describe_lists<Query, Backend::dialect, Row>(detail::lengths_of_lists<Query>(args...));
        }
        auto cursor = backend_.open(*description, use);
        detail::bind_arguments<Query>(cursor, args...);
        return cursor;
    }

    // Each element of the range is bound and handed to the backend's loader for the kind; an
    // error names the element that caused it, counted from 0.
    template <class Query, class Range>
    std::uint64_t run_range(const Range& range) {
        static const detail::query_description description = detail::describe_query<Query, Backend::dialect, detail::no_row>();
        static const detail::range_description layout = detail::describe_range<Query>();
        using loader_type = std::conditional_t<Query::kind() == query_kind::copyfrom, typename Backend::copy_loader,
                                               typename Backend::batch_loader>;
        auto loader = backend_.template load<loader_type>(description, layout);
        std::size_t item = 0;
        for (const auto& element : range) {
            try {
                detail::bind_element<Query>(loader, element);
            } catch (const error& e) {
                throw e.in_item(item);
            }
            loader.end_item();
            ++item;
        }
        return loader.finish();
    }
};

}  // namespace ctsql
