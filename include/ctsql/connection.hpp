#pragma once
// basic_connection<Backend>: the surface every backend shares. It checks each call at
// compile time, then binds, steps and reads through the backend's cursor; the backend is
// the only code that touches a C API.
//
// A Backend provides:
//   static constexpr ctsql::dialect dialect; an options struct; a constructor (url, options);
//   cursor open(const detail::query_description&, detail::argument_storage)  a prepared (and cached)
//     statement, ready to bind
//   std::uint64_t affected_rows(); std::int64_t last_insert_id(); void execute_script(std::string_view)
// and its cursor: bind_null(int), bind(int, bool | int64 | uint64 | double | string_view |
//   span<const byte> | microtime), bool step(), and bool read(int, bool& | int64& | uint64& |
//   double& | string& | blob& | microtime&, const value_site&), false for NULL.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "checks.hpp"
#include "detail/statement_slot.hpp"
#include "diagnostics.hpp"
#include "query.hpp"
#include "row_reader.hpp"
#include "row_stream.hpp"

namespace ctsql {

namespace detail {

// What a backend needs to prepare a query and to check the prepared statement against it.
struct query_description {
    std::size_t slot;
    std::string_view sql;
    std::string_view name;
    std::span<const result_column> columns;
    bool columns_known;  // false when a * leaves the count to the database
};

template <class Query, dialect D>
query_description describe_query() {
    constexpr auto& columns = Query::template result_columns<D>();
    // Without a schema a * leaves the columns to the database; with one it is expanded.
    const bool known = Query::has_schema || Query::info.first_star() == nullptr;
    return {statement_slot<Query>(), Query::template sql<D>(), Query::name(),
            std::span<const result_column>{columns.begin(), columns.size()}, known};
}

// Whether the backend may point at the arguments' text and bytes while the statement runs
// (execute: they outlive the call) or must copy them (a stream outlives its arguments).
enum class argument_storage : std::uint8_t { borrow, copy };

template <query_kind Kind, class Row>
struct execute_result {
    using type = void;
};
template <class Row> struct execute_result<query_kind::one, Row> { using type = std::optional<Row>; };
template <class Row> struct execute_result<query_kind::many, Row> { using type = std::vector<Row>; };
template <class Row> struct execute_result<query_kind::execrows, Row> { using type = std::uint64_t; };
template <class Row> struct execute_result<query_kind::execlastid, Row> { using type = std::int64_t; };

}  // namespace detail

template <class Backend>
class basic_connection {
public:
    explicit basic_connection(std::string_view url, const typename Backend::options& options = {})
        : backend_(url, options) {}

    // Runs a query; the tag decides the result: :one -> std::optional<Row>, :many ->
    // std::vector<Row>, :exec -> void, :execrows -> rows affected, :execlastid -> new row id.
    // Without a row type, a query with a schema reads rows of the type the schema gives.
    template <class Row = detail::no_row, class Query, class... Args>
    auto execute(const Query&, const Args&... args)
        -> typename detail::execute_result<Query::kind(), detail::resolved_row_t<Query, Backend::dialect, Row>>::type {
        static_assert(is_query_v<Query>, "ctsql: execute takes a query declared with ctsql::query<...>");
        constexpr message problem = checked_call<Query, Row, Args...>();
        if constexpr (!problem.empty()) {
            reject<problem>();
            return {};
        } else {
            using row_type = detail::resolved_row_t<Query, Backend::dialect, Row>;
            auto cursor = open<Query>(detail::argument_storage::borrow, args...);
            if constexpr (Query::kind() == query_kind::one) {
                std::optional<row_type> row;
                if (cursor.step()) detail::read_row_into<Query, Backend::dialect>(cursor, row.emplace());
                return row;
            } else if constexpr (Query::kind() == query_kind::many) {
                std::vector<row_type> rows;
                while (cursor.step()) detail::read_row_into<Query, Backend::dialect>(cursor, rows.emplace_back());
                return rows;
            } else {
                while (cursor.step()) {
                }
                if constexpr (Query::kind() == query_kind::execrows) return backend_.affected_rows();
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
            return row_stream<row_type, Query, Backend::dialect, cursor_type>{open<Query>(detail::argument_storage::copy)};
        } else {
            return row_stream<row_type, Query, Backend::dialect, cursor_type>{open<Query>(detail::argument_storage::copy, args...)};
        }
    }

    // Runs statements separated by `;`, with no parameters and no result: for DDL and
    // migrations. The text is trusted: it is not checked at compile time.
    void execute_script(std::string_view sql) { backend_.execute_script(sql); }

    Backend& backend() { return backend_; }

private:
    Backend backend_;

    template <class Query, class Row, class... Args>
    static constexpr message checked_call() {
        if constexpr (!Query::info.ok()) return message{};  // already rejected where the query is defined
        else return check_call<Query, Backend::dialect, Row, Args...>();
    }

    template <class Query, class... Args>
    auto open(detail::argument_storage storage, const Args&... args) {
        static const detail::query_description description = detail::describe_query<Query, Backend::dialect>();
        auto cursor = backend_.open(description, storage);
        detail::bind_arguments<Query>(cursor, args...);
        return cursor;
    }
};

}  // namespace ctsql
