#pragma once
// The values of a statement's executions, as the binary protocol takes them: each one's MySQL
// type, NULL flag, length and bytes, the bytes in the caller's memory (a call's long text and
// bytes, which outlive it) or in the value's own storage. Laid out as MYSQL_BINDs, one per ?, in
// the order the text has them (an argument written twice is bound twice), for one row of
// arguments or the several of a multi-row INSERT. The binds point at the values, which the
// library reads when the statement runs: binds made once stay right as the values are set again,
// until the layout changes (a type, or the address of a value's bytes).

#include <bit>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>
#include <mysql.h>

#include "../detail/time_text.hpp"
#include "../types.hpp"
#include "../value_io.hpp"

namespace ctsql::mysql::detail {

using ctsql::detail::microtime;

// The C API's flag type (my_bool, a char).
using flag = std::remove_pointer_t<decltype(MYSQL_BIND::is_null)>;

// A timestamp as MySQL's DATETIME takes it, or false outside the years 0 to 9999.
inline bool to_mysql_time(microtime t, MYSQL_TIME& out) {
    using namespace std::chrono;
    if (!ctsql::detail::in_text_range(t)) return false;
    const auto day = floor<days>(t);
    const year_month_day date{day};
    const hh_mm_ss clock{t - day};
    out = MYSQL_TIME{};
    out.year = static_cast<unsigned>(static_cast<int>(date.year()));
    out.month = static_cast<unsigned>(date.month());
    out.day = static_cast<unsigned>(date.day());
    out.hour = static_cast<unsigned>(clock.hours().count());
    out.minute = static_cast<unsigned>(clock.minutes().count());
    out.second = static_cast<unsigned>(clock.seconds().count());
    out.second_part = static_cast<unsigned long>(clock.subseconds().count());
    out.time_type = MYSQL_TIMESTAMP_DATETIME;
    return true;
}

class parameter_values {
public:
    // Ready for `count` values, each NULL until set. Their types, addresses and copied bytes
    // are kept: the binds made for the last execution stay right for the next that sets the same.
    void reset(std::size_t count) {
        if (count != values_.size()) {
            values_.resize(count);
            ++layout_;
        }
        for (value& v : values_) v.is_null = 1;
    }
    std::size_t size() const { return values_.size(); }
    // At least `count` values, the new ones NULL.
    void grow(std::size_t count) {
        if (count <= values_.size()) return;
        const value* before = values_.data();
        values_.resize(count);
        if (values_.data() != before) ++layout_;  // every value moved
    }

    // A NULL keeps the value's type and bytes: binds made for them stay right.
    void set_null(std::size_t i) { values_[i].is_null = 1; }
    void set(std::size_t i, bool v) { store(i, MYSQL_TYPE_TINY, false, static_cast<signed char>(v ? 1 : 0)); }
    void set(std::size_t i, std::int64_t v) { store(i, MYSQL_TYPE_LONGLONG, false, v); }
    void set(std::size_t i, std::uint64_t v) { store(i, MYSQL_TYPE_LONGLONG, true, v); }
    void set(std::size_t i, double v) { store(i, MYSQL_TYPE_DOUBLE, false, v); }
    void set(std::size_t i, const MYSQL_TIME& v) { store(i, MYSQL_TYPE_DATETIME, false, v); }
    // Text and bytes: borrowed when they outlive the execution, else copied.
    void set_text(std::size_t i, std::string_view v, bool borrow) { set_bytes(i, MYSQL_TYPE_STRING, v.data(), v.size(), borrow); }
    void set_blob(std::size_t i, std::span<const std::byte> v, bool borrow) {
        set_bytes(i, MYSQL_TYPE_BLOB, v.data(), v.size(), borrow);
    }

    // Value `from`, copied in as value `to`.
    void copy(std::size_t to, std::size_t from) {
        const value& v = values_[from];
        if (holds_bytes(v.type)) set_bytes(to, v.type, address(v), v.length, false);
        else store_scalar(values_[to], v.type, v.is_unsigned, v.scalar, v.length);
        values_[to].is_null = v.is_null;
    }

    // The bytes of every value set so far, NULLs none: what a statement's values take on the
    // wire, beyond a few bytes each for type, length and NULL flag.
    std::size_t bytes_set() const { return bytes_set_; }

    // Changes whenever binds laid out before would be wrong: a statement bound at the same
    // layout as now needs no new bind. Never 0.
    std::uint64_t layout() const { return layout_; }

    // One bind per placeholder of `rows` rows, whose arguments are `width` values apart: in
    // each row, placeholder k binds argument order[k] (from 1).
    void lay_out(std::vector<MYSQL_BIND>& binds, std::span<const std::size_t> order, std::size_t rows = 1,
                 std::size_t width = 0) {
        binds.assign(rows * order.size(), MYSQL_BIND{});
        MYSQL_BIND* b = binds.data();
        for (std::size_t r = 0; r < rows; ++r) {
            for (const std::size_t argument : order) {
                value& v = values_[r * width + argument - 1];
                b->buffer_type = v.type;
                b->buffer = const_cast<char*>(address(v));  // read, never written
                b->buffer_length = v.length;
                b->length = &v.length;
                b->is_null = &v.is_null;
                b->is_unsigned = v.is_unsigned;
                ++b;
            }
        }
    }

    // The memory of copied bytes, once it grew past `limit` in all, given back for values
    // [0, count): a range of large texts would otherwise keep the largest of each value.
    void trim(std::size_t count, std::size_t limit) {
        if (retained_ <= limit) return;
        for (std::size_t i = 0; i < count; ++i) {
            value& v = values_[i];
            retained_ -= v.capacity;
            v.copy.reset();
            v.capacity = 0;
        }
        ++layout_;
    }

private:
    struct value {
        enum_field_types type = MYSQL_TYPE_NULL;
        bool is_unsigned = false;
        flag is_null = 1;
        unsigned long length = 0;
        const char* borrowed = nullptr;  // the caller's text or bytes
        alignas(MYSQL_TIME) char scalar[sizeof(MYSQL_TIME)];  // a number or a time: read through typed pointers
        std::unique_ptr<char[]> copy;    // copied text or bytes, kept for the next: its address stays
        std::size_t capacity = 0;        // of copy
    };
    std::vector<value> values_;
    std::uint64_t layout_ = 1;
    std::size_t retained_ = 0;  // the capacity of all copies
    std::size_t bytes_set_ = 0;

    static bool holds_bytes(enum_field_types type) { return type == MYSQL_TYPE_STRING || type == MYSQL_TYPE_BLOB; }

    // Where a bind finds the value. Never a null pointer, which the library would send as NULL:
    // an empty text is "".
    static const char* address(const value& v) {
        if (v.borrowed != nullptr) return v.borrowed;
        if (!holds_bytes(v.type)) return v.scalar;
        return v.copy != nullptr ? v.copy.get() : "";
    }

    // Binds laid out for the old type are wrong.
    void retype(value& v, enum_field_types type, bool is_unsigned) {
        v.type = type;
        v.is_unsigned = is_unsigned;
        ++layout_;
    }

    template <class T>
    void store(std::size_t i, enum_field_types type, bool is_unsigned, const T& v) {
        store_scalar(values_[i], type, is_unsigned, &v, sizeof(T));
    }
    // A number or a time, in the value's own scalar storage.
    void store_scalar(value& v, enum_field_types type, bool is_unsigned, const void* data, std::size_t size) {
        if (v.type != type || v.is_unsigned != is_unsigned) {
            retype(v, type, is_unsigned);
            v.borrowed = nullptr;  // only text and bytes are ever borrowed
        }
        std::memcpy(v.scalar, data, size);
        v.length = static_cast<unsigned long>(size);
        v.is_null = 0;
        bytes_set_ += size;
    }

    // A change of type, of the borrowed address, or of the copy's memory moves the bind.
    void set_bytes(std::size_t i, enum_field_types type, const void* data, std::size_t size, bool borrow) {
        value& v = values_[i];
        if (v.type != type || v.is_unsigned) retype(v, type, false);
        if (borrow) {
            const char* const borrowed = size == 0 ? "" : static_cast<const char*>(data);
            if (v.borrowed != borrowed) {
                v.borrowed = borrowed;
                ++layout_;
            }
        } else {
            if (v.borrowed != nullptr) {
                v.borrowed = nullptr;
                ++layout_;
            }
            if (size > v.capacity) {  // to a power of two: texts of about this length fit from now on
                retained_ += std::bit_ceil(size) - v.capacity;
                v.capacity = std::bit_ceil(size);
                v.copy = std::make_unique_for_overwrite<char[]>(v.capacity);
                ++layout_;
            }
            if (size != 0) std::memcpy(v.copy.get(), data, size);
        }
        v.length = static_cast<unsigned long>(size);
        v.is_null = 0;
        bytes_set_ += size;
    }
};

// What a cursor or a loader binds through: bind_value's canonical values, into parameter_values
// by argument position (from 1), from value `first_` on.
class parameter_writer {
public:
    parameter_writer(parameter_values& values, std::string_view query_name, bool borrow)
        : values_(&values), query_name_(query_name), borrow_(borrow) {}

    void bind_null(int position) { values_->set_null(index(position)); }
    void bind(int position, bool v) { values_->set(index(position), v); }
    void bind(int position, std::int64_t v) { values_->set(index(position), v); }
    void bind(int position, std::uint64_t v) { values_->set(index(position), v); }
    void bind(int position, double v) { values_->set(index(position), v); }
    void bind(int position, std::string_view v) { values_->set_text(index(position), v, borrows(v.size())); }
    void bind(int position, std::span<const std::byte> v) { values_->set_blob(index(position), v, borrows(v.size())); }
    // Text and bytes gone before the statement runs (a list element its range makes): copied.
    void bind_copy(int position, std::string_view v) { values_->set_text(index(position), v, false); }
    void bind_copy(int position, std::span<const std::byte> v) { values_->set_blob(index(position), v, false); }
    void bind(int position, microtime v) {
        MYSQL_TIME time;
        if (!to_mysql_time(v, time))
            ctsql::detail::argument_site{query_name_, position}.fail("a timestamp outside the years 0 to 9999");
        values_->set(index(position), time);
    }
    // MySQL has no uuid type (MariaDB's UUID reads text): a UUID is bound as its text form.
    void bind(int position, const uuid& v) { values_->set_text(index(position), v.to_string(), false); }

protected:
    parameter_values* values_;
    std::string_view query_name_;
    bool borrow_;
    std::size_t first_ = 0;  // the value that argument 1 goes to: a loader's row of them moves on

private:
    // Text and bytes up to this size are copied even where they could be borrowed: the copy's
    // address stays from one execution to the next, and so do the binds made for it, where a
    // borrowed value's address would change and the statement be bound again, which costs more.
    static constexpr std::size_t copied_up_to = 256;

    std::size_t index(int position) const { return first_ + static_cast<std::size_t>(position - 1); }
    bool borrows(std::size_t size) const { return borrow_ && size > copied_up_to; }
};

}  // namespace ctsql::mysql::detail
