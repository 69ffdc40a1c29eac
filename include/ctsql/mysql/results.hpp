#pragma once
// A statement's result columns and the buffers its rows are fetched into. The buffers are
// bound once (mysql_stmt_bind_result) and reused row after row; a value longer than its
// buffer is fetched whole with mysql_stmt_fetch_column into a grown buffer, which is bound
// in its place for the rows that follow. Reads check that each value fits its field.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>
#include <mysql.h>

#include "../connection.hpp"
#include "../detail/decimal_text.hpp"
#include "../types.hpp"
#include "../uuid.hpp"
#include "../value_io.hpp"
#include "parameters.hpp"  // flag

namespace ctsql::mysql::detail {

using ctsql::detail::canonical_type;
using ctsql::detail::value_site;

// How a column's values are fetched, whatever its exact type.
enum class column_class : unsigned char {
    integer,   // TINYINT..BIGINT, YEAR: as a 64-bit integer
    real,      // FLOAT, DOUBLE
    decimal,   // DECIMAL: as its exact text
    temporal,  // DATE, DATETIME, TIMESTAMP: as MYSQL_TIME
    text,      // strings, binary strings, BLOB, JSON, ENUM, SET, TIME, BIT: as bytes
    null,      // SELECT NULL: only ever NULL
};

inline column_class class_of(enum_field_types type) {
    switch (type) {
        case MYSQL_TYPE_TINY:
        case MYSQL_TYPE_SHORT:
        case MYSQL_TYPE_INT24:
        case MYSQL_TYPE_LONG:
        case MYSQL_TYPE_LONGLONG:
        case MYSQL_TYPE_YEAR: return column_class::integer;
        case MYSQL_TYPE_FLOAT:
        case MYSQL_TYPE_DOUBLE: return column_class::real;
        case MYSQL_TYPE_DECIMAL:
        case MYSQL_TYPE_NEWDECIMAL: return column_class::decimal;
        case MYSQL_TYPE_DATE:
        case MYSQL_TYPE_NEWDATE:
        case MYSQL_TYPE_DATETIME:
        case MYSQL_TYPE_TIMESTAMP: return column_class::temporal;
        case MYSQL_TYPE_NULL: return column_class::null;
        default: return column_class::text;
    }
}

constexpr std::string_view to_string(column_class c) {
    switch (c) {
        case column_class::integer: return "integer";
        case column_class::real: return "floating-point";
        case column_class::decimal: return "DECIMAL";
        case column_class::temporal: return "date and time";
        case column_class::text: return "string";
        case column_class::null: return "NULL";
    }
    return "?";
}

// Whether a column of this class can be read into a field read as `as` (values are checked too).
constexpr bool can_read(column_class c, canonical_type as) {
    if (c == column_class::null) return true;
    switch (as) {
        case canonical_type::boolean: return c == column_class::integer;
        case canonical_type::signed_integer:
        case canonical_type::unsigned_integer: return c == column_class::integer || c == column_class::decimal;
        case canonical_type::real: return c == column_class::real || c == column_class::integer || c == column_class::decimal;
        case canonical_type::text: return c == column_class::text || c == column_class::decimal;
        case canonical_type::bytes:
        case canonical_type::uuid: return c == column_class::text;
        case canonical_type::time_point: return c == column_class::temporal;
    }
    return false;
}

struct result_column {
    std::string name;
    enum_field_types type;
    column_class kind;
    bool is_unsigned;
    bool is_binary;  // bytes, not text: BINARY, VARBINARY, BLOB
};

inline constexpr unsigned binary_charset = 63;

class result_buffers {
public:
    result_buffers() = default;
    result_buffers(const result_buffers&) = delete;  // the library holds pointers into it

    // The statement's columns from its metadata; buffers for them, bound to the statement.
    void describe(MYSQL_STMT* statement) {
        columns_.clear();
        if (MYSQL_RES* metadata = mysql_stmt_result_metadata(statement)) {
            const unsigned count = mysql_num_fields(metadata);
            const MYSQL_FIELD* fields = mysql_fetch_fields(metadata);
            for (unsigned i = 0; i < count; ++i)
                columns_.push_back({std::string{fields[i].name, fields[i].name_length}, fields[i].type,
                                    class_of(fields[i].type), (fields[i].flags & UNSIGNED_FLAG) != 0,
                                    fields[i].charsetnr == binary_charset});
            mysql_free_result(metadata);
        }
        slots_ = std::vector<slot>(columns_.size());
        binds_.assign(columns_.size(), MYSQL_BIND{});
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            slot& s = slots_[i];
            MYSQL_BIND& b = binds_[i];
            b.length = &s.length;
            b.is_null = &s.is_null;
            b.error = &s.error;
            switch (columns_[i].kind) {
                case column_class::integer:
                    b.buffer_type = MYSQL_TYPE_LONGLONG;
                    b.buffer = &s.integer;
                    b.is_unsigned = columns_[i].is_unsigned;
                    break;
                case column_class::real:
                    b.buffer_type = MYSQL_TYPE_DOUBLE;
                    b.buffer = &s.real;
                    break;
                case column_class::temporal:
                    b.buffer_type = MYSQL_TYPE_DATETIME;
                    b.buffer = &s.time;
                    break;
                default:
                    s.text.resize(initial_text_capacity);
                    b.buffer_type = MYSQL_TYPE_STRING;
                    b.buffer = s.text.data();
                    b.buffer_length = s.text.size();
            }
        }
        bound_ = false;
    }

    const std::vector<result_column>& columns() const { return columns_; }

    // Whether the columns of the statement's latest execution are those described at its
    // prepare: the server prepares again by itself after a table changed.
    bool still_describes(MYSQL_STMT* statement) const {
        if (mysql_stmt_field_count(statement) != columns_.size()) return false;
        for (std::size_t i = 0; i < columns_.size(); ++i)
            if (class_of(statement->fields[i].type) != columns_[i].kind) return false;
        return true;
    }

    // The next row into the buffers: true for a row, false at the end; the library's error
    // code (1) is left for the caller to raise.
    int fetch(MYSQL_STMT* statement) {
        if (!bound_ && !columns_.empty()) {
            if (mysql_stmt_bind_result(statement, binds_.data())) return 1;
            bound_ = true;
        }
        const int rc = mysql_stmt_fetch(statement);
        if (rc == MYSQL_DATA_TRUNCATED) return fetch_long_values(statement);
        return rc;
    }

    bool is_null(int column) const { return slots_[index(column)].is_null != 0; }
    const result_column& column(int column) const { return columns_[index(column)]; }

    std::int64_t integer(int column) const { return slots_[index(column)].integer; }
    double real(int column) const { return slots_[index(column)].real; }
    const MYSQL_TIME& time(int column) const { return slots_[index(column)].time; }
    std::string_view text(int column) const {
        const slot& s = slots_[index(column)];
        return {s.text.data(), s.length};
    }

private:
    static constexpr std::size_t initial_text_capacity = 256;

    struct slot {
        std::int64_t integer = 0;
        double real = 0;
        MYSQL_TIME time{};
        std::vector<char> text;
        unsigned long length = 0;
        flag is_null = 0;
        flag error = 0;
    };
    std::vector<result_column> columns_;
    std::vector<slot> slots_;
    std::vector<MYSQL_BIND> binds_;
    bool bound_ = false;

    static std::size_t index(int column) { return static_cast<std::size_t>(column); }

    // Values longer than their buffers, fetched whole into grown ones, bound for the next rows.
    int fetch_long_values(MYSQL_STMT* statement) {
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            slot& s = slots_[i];
            MYSQL_BIND& b = binds_[i];
            if (s.is_null || b.buffer_type != MYSQL_TYPE_STRING || s.length <= b.buffer_length) continue;
            s.text.resize(s.length);
            b.buffer = s.text.data();
            b.buffer_length = s.text.size();
            if (mysql_stmt_fetch_column(statement, &b, static_cast<unsigned>(i), 0)) return 1;
            bound_ = false;
        }
        return 0;
    }
};

// The server's view of the statement must match what the code was compiled against, the
// columns' types included.
inline void check_against_compiled(const result_buffers& results, const ctsql::detail::query_description& query) {
    const auto& columns = results.columns();
    ctsql::detail::check_result_columns(
        query, columns.size(), [&](std::size_t i) { return std::string_view{columns[i].name}; },
        [&](std::size_t i, std::string_view name) {
            if (i < query.fields.size() && !can_read(columns[i].kind, query.fields[i].type))
                ctsql::detail::raise_drift(query, fmt::format("result column '{}' holds {} values, which its field ({}) cannot hold",
                                                              name, to_string(columns[i].kind),
                                                              ctsql::detail::to_string(query.fields[i].type)));
        });
}

// The value of a column as each canonical type, checked: a value the field cannot hold is a
// type_mismatch naming the query and the column.
class result_reader {
public:
    explicit result_reader(const result_buffers& buffers) : buffers_(&buffers) {}

    bool read(int column, bool& out, const value_site& site) const {
        std::int64_t value = 0;
        if (!read(column, value, site)) return false;
        if (value != 0 && value != 1) mismatch(site, "integer {} is not a boolean (0 or 1)", value);
        out = value == 1;
        return true;
    }
    bool read(int column, std::int64_t& out, const value_site& site) const { return read_integer(column, out, site); }
    bool read(int column, std::uint64_t& out, const value_site& site) const { return read_integer(column, out, site); }
    bool read(int column, double& out, const value_site& site) const {
        if (!present(column, canonical_type::real, site)) return false;
        switch (buffers_->column(column).kind) {
            case column_class::real: out = buffers_->real(column); break;
            case column_class::decimal:
                if (!ctsql::detail::decimal_to_double(buffers_->text(column), out))
                    mismatch(site, "DECIMAL {} is out of a double's range", buffers_->text(column));
                break;
            default: {
                const result_column& c = buffers_->column(column);
                const std::int64_t value = buffers_->integer(column);
                out = c.is_unsigned ? static_cast<double>(static_cast<std::uint64_t>(value)) : static_cast<double>(value);
            }
        }
        return true;
    }
    bool read(int column, std::string& out, const value_site& site) const {
        if (!present(column, canonical_type::text, site)) return false;
        ctsql::detail::copy_text(buffers_->text(column), out);
        return true;
    }
    bool read(int column, blob& out, const value_site& site) const {
        if (!present(column, canonical_type::bytes, site)) return false;
        const std::string_view bytes = buffers_->text(column);
        const auto* data = reinterpret_cast<const std::byte*>(bytes.data());
        out.assign(data, data + bytes.size());
        return true;
    }
    // A UUID kept as its text (CHAR(36), MariaDB's UUID) or as its 16 bytes (BINARY(16)).
    bool read(int column, uuid& out, const value_site& site) const {
        if (!present(column, canonical_type::uuid, site)) return false;
        const std::string_view value = buffers_->text(column);
        if (buffers_->column(column).is_binary && value.size() == 16) {
            std::memcpy(out.bytes.data(), value.data(), 16);
            return true;
        }
        const std::optional<uuid> parsed = uuid::parse(value);
        if (!parsed) mismatch(site, "'{}' is not a UUID", value);
        out = *parsed;
        return true;
    }
    bool read(int column, ctsql::detail::microtime& out, const value_site& site) const {
        using namespace std::chrono;
        if (!present(column, canonical_type::time_point, site)) return false;
        const MYSQL_TIME& t = buffers_->time(column);
        const year_month_day date{year{static_cast<int>(t.year)}, month{t.month}, day{t.day}};
        if (!date.ok())
            mismatch(site, "{:04}-{:02}-{:02} is not a date (MySQL's zero dates have no time point)", t.year, t.month, t.day);
        out = sys_days{date} + hours{t.hour} + minutes{t.minute} + seconds{t.second} + microseconds{t.second_part};
        return true;
    }

private:
    const result_buffers* buffers_;

    // False for NULL; an error for a column whose type the field cannot hold.
    bool present(int column, canonical_type as, const value_site& site) const {
        if (buffers_->is_null(column)) return false;
        const column_class kind = buffers_->column(column).kind;
        if (!can_read(kind, as)) [[unlikely]] mismatch(site, "a {} value cannot be read into {}", to_string(kind), to_string(as));
        return true;
    }

    // A type_mismatch, its message made out of line: the reads that may raise one are asked of
    // every value, and stay small enough to inline.
    template <class... Args>
    [[noreturn, gnu::cold, gnu::noinline]] static void mismatch(const value_site& site, fmt::format_string<Args...> message,
                                                                const Args&... args) {
        site.fail(errc::type_mismatch, fmt::vformat(message, fmt::make_format_args(args...)));
    }

    template <class Integer>
    bool read_integer(int column, Integer& out, const value_site& site) const {
        if (!present(column, std::is_signed_v<Integer> ? canonical_type::signed_integer : canonical_type::unsigned_integer, site))
            return false;
        const result_column& c = buffers_->column(column);
        if (c.kind == column_class::decimal) {
            if (!ctsql::detail::whole_decimal(buffers_->text(column), out))
                mismatch(site, "DECIMAL {} does not fit a 64-bit integer field", buffers_->text(column));
            return true;
        }
        const std::int64_t value = buffers_->integer(column);
        const bool fits = c.is_unsigned ? std::in_range<Integer>(static_cast<std::uint64_t>(value)) : std::in_range<Integer>(value);
        if (!fits) {
            if (c.is_unsigned) mismatch(site, "value {} does not fit the field's integer type", static_cast<std::uint64_t>(value));
            mismatch(site, "value {} does not fit the field's integer type", value);
        }
        out = c.is_unsigned ? static_cast<Integer>(static_cast<std::uint64_t>(value)) : static_cast<Integer>(value);
        return true;
    }
};

}  // namespace ctsql::mysql::detail
