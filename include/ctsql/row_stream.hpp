#pragma once
// db.stream<Row>(query, args...): the rows of a :many query one at a time, as an input
// range, without collecting them. The stream holds the query's statement until it ends.

#include <cstddef>
#include <iterator>
#include <optional>
#include <utility>

#include "dialect.hpp"
#include "row_reader.hpp"

namespace ctsql {

template <class Row, class Query, dialect D, class Cursor>
class row_stream {
public:
    explicit row_stream(Cursor cursor) : cursor_(std::move(cursor)) {}
    row_stream(row_stream&&) noexcept = default;
    row_stream& operator=(row_stream&&) noexcept = default;

    class iterator {
    public:
        using value_type = Row;
        using difference_type = std::ptrdiff_t;

        iterator() = default;
        explicit iterator(row_stream* stream) : stream_(stream) {}
        const Row& operator*() const { return *stream_->row_; }
        const Row* operator->() const { return &*stream_->row_; }
        iterator& operator++() {
            stream_->advance();
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& it, std::default_sentinel_t) { return it.at_end(); }

    private:
        bool at_end() const { return !stream_->row_; }

        row_stream* stream_ = nullptr;
    };

    // An input range: begin() may be called once, and starts reading.
    iterator begin() {
        advance();
        return iterator{this};
    }
    std::default_sentinel_t end() const { return {}; }

private:
    Cursor cursor_;
    std::optional<Row> row_;

    void advance() {
        if (!cursor_.step()) {
            row_.reset();
            return;
        }
        if (!row_) row_.emplace();
        detail::read_row_into<Query, D>(cursor_, *row_);
    }
};

}  // namespace ctsql
