#pragma once
// A range run as one execution of its prepared statement per element: :batchexec where the
// database has no pipeline, and SQLite's :copyfrom. The element's arguments are bound to the
// statement; run_item() executes it, names the element in an error, and readies it for the
// next. The loader deriving from it counts what each element changed.

#include <cstddef>
#include <utility>

#include "../error.hpp"

namespace ctsql::detail {

template <class Cursor>
class statement_per_item {
public:
    explicit statement_per_item(Cursor statement) : statement_(std::move(statement)) {}

    void bind_null(int position) { statement_.bind_null(position); }
    template <class T>
    void bind(int position, const T& value) {
        statement_.bind(position, value);
    }

protected:
    Cursor statement_;

    void run_item() {
        try {
            while (statement_.step()) {
            }
        } catch (const error& e) {
            throw e.in_item(item_);
        }
        statement_.rewind();
        ++item_;
    }

private:
    std::size_t item_ = 0;  // counted from 0
};

}  // namespace ctsql::detail
