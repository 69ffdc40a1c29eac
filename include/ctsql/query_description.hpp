#pragma once
// What a backend needs to prepare a query and to check the prepared statement against it: made
// once per query and row type. A query with lists (sqlc.slice) has a text for each combination
// of its lists' lengths, so a description for each, with a statement cache slot of its own:
// made the first time a call brings that combination, and kept for the program's life, since
// cursors point at their descriptions.

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "call_arguments.hpp"
#include "detail/statement_slot.hpp"
#include "dialect.hpp"
#include "row_reader.hpp"
#include "schema.hpp"
#include "statement.hpp"
#include "value_io.hpp"

namespace ctsql::detail {

struct query_description {
    std::size_t slot;
    std::string_view sql;
    std::string_view name;
    std::span<const result_column> columns;
    bool columns_known;  // false when a * leaves the count to the database
    std::span<const field_reading> fields;  // how the caller's row reads each column; empty without rows
    std::size_t arguments;  // how many values a call binds: one per parameter, one per list element
    std::span<const std::size_t> placeholders;  // MySQL's: the value (from 1) each ? binds, in order
};

template <class Query, dialect D, class Row>
inline constexpr auto field_readings_of = field_readings<Query, D, Row>();

template <class Query>
inline constexpr auto placeholder_arguments_of = Query::placeholder_arguments();

// A query with lists gets its slot, text and placeholders from describe_lists.
template <class Query, dialect D, class Row>
query_description describe_query() {
    constexpr auto& columns = Query::template result_columns<D>();
    constexpr auto& fields = field_readings_of<Query, D, Row>;
    // Without a schema a * leaves the columns to the database; with one it is expanded.
    const bool known = schema_checked<Query> || Query::info().first_star() == nullptr;
    query_description description{0, {}, Query::name(),
                                  std::span<const result_column>{columns.begin(), columns.size()}, known,
                                  std::span<const field_reading>{fields.data(), fields.size()},
                                  Query::parameter_count(), {}};
    if constexpr (Query::list_count() == 0) {
        description.slot = statement_slot<Query>();
        description.sql = Query::template sql<D>();
        if constexpr (D == dialect::mysql) description.placeholders = placeholder_arguments_of<Query>;
    }
    return description;
}

// The text of a query for lists of some lengths, and what describes it.
struct list_description {
    std::string sql;
    std::vector<std::size_t> placeholders;
    query_description description;  // pointing at the two above
};

// The description of a query with lists of these lengths. Thread-safe.
template <class Query, dialect D, class Row>
const query_description& describe_lists(const list_lengths<Query::list_count()>& lengths) {
    struct made_descriptions {
        std::mutex mutex;
        std::map<list_lengths<Query::list_count()>, std::unique_ptr<const list_description>> by_lengths;
    };
    static made_descriptions made;
    const std::lock_guard lock{made.mutex};
    std::unique_ptr<const list_description>& entry = made.by_lengths[lengths];
    if (entry == nullptr) {
        auto fresh = std::make_unique<list_description>();
        fresh->sql = Query::template sql<D>(lengths);
        if constexpr (D == dialect::mysql) fresh->placeholders = Query::placeholder_arguments(lengths);
        fresh->description = describe_query<Query, D, Row>();
        fresh->description.slot = next_statement_slot();
        fresh->description.sql = fresh->sql;
        fresh->description.placeholders = fresh->placeholders;
        fresh->description.arguments =
            Query::parameter_count() - Query::list_count() + std::reduce(lengths.begin(), lengths.end());
        entry = std::move(fresh);
    }
    return entry->description;
}

}  // namespace ctsql::detail
