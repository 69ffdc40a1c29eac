#pragma once
// The values of one statement execution, as the binary protocol takes them: each one's MySQL
// type and its bytes, in the caller's memory (a call's text and bytes, which outlive it) or
// in a buffer of their own. Laid out as MYSQL_BINDs when the statement runs: one per ?, in
// the order the text has them, so that an argument written twice is bound twice.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <mysql.h>

#include "../detail/time_text.hpp"
#include "../types.hpp"
#include "../value_io.hpp"

namespace ctsql::mysql::detail {

using ctsql::detail::microtime;

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
    // Ready for `count` values, each NULL until set; the buffers' memory is kept.
    void reset(std::size_t count) {
        values_.assign(count, value{});
        bytes_.clear();
        borrowed_bytes_ = 0;
    }
    std::size_t size() const { return values_.size(); }
    void extend(std::size_t count) { values_.resize(values_.size() + count); }  // NULLs, to be set

    void set_null(std::size_t i) { values_[i] = value{}; }
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

    // Value `from` of another set, copied in as value i.
    void copy_from(std::size_t i, const parameter_values& other, std::size_t from) {
        const value& v = other.values_[from];
        if (v.type == MYSQL_TYPE_NULL) set_null(i);
        else set_bytes(i, v.type, other.data(v), v.length, false);
        values_[i].is_unsigned = v.is_unsigned;
    }

    // The bytes these values take on the wire, roughly: to keep a statement under max_allowed_packet.
    std::size_t wire_size() const { return bytes_.size() + borrowed_bytes_ + values_.size() * 11; }

    // One bind per placeholder: placeholder k binds value order[k] - 1, or value k when there
    // is no order.
    void lay_out(std::vector<MYSQL_BIND>& binds, std::span<const std::size_t> order) {
        const std::size_t count = order.empty() ? values_.size() : order.size();
        binds.assign(count, MYSQL_BIND{});
        for (std::size_t k = 0; k < count; ++k) {
            value& v = values_[order.empty() ? k : order[k] - 1];
            MYSQL_BIND& b = binds[k];
            b.buffer_type = v.type;
            b.buffer = const_cast<char*>(data(v));  // read, never written
            b.buffer_length = v.length;
            b.length = &v.length;
            b.is_unsigned = v.is_unsigned;
        }
    }

private:
    struct value {
        enum_field_types type = MYSQL_TYPE_NULL;
        bool is_unsigned = false;
        std::size_t offset = 0;            // into bytes_, unless borrowed
        const char* borrowed = nullptr;   // the caller's memory
        unsigned long length = 0;
    };
    std::vector<value> values_;
    std::vector<char> bytes_;
    std::size_t borrowed_bytes_ = 0;

    // Never a null pointer, which the library would send as NULL: an empty text is "".
    const char* data(const value& v) const {
        if (v.borrowed != nullptr) return v.borrowed;
        return v.length == 0 ? "" : bytes_.data() + v.offset;
    }

    template <class T>
    void store(std::size_t i, enum_field_types type, bool is_unsigned, const T& v) {
        values_[i] = value{type, is_unsigned, append(&v, sizeof(T)), nullptr, sizeof(T)};
    }

    // Each value starts aligned: the library reads numbers and MYSQL_TIME through typed pointers.
    std::size_t append(const void* data, std::size_t size) {
        constexpr std::size_t alignment = alignof(MYSQL_TIME);
        const std::size_t offset = (bytes_.size() + alignment - 1) / alignment * alignment;
        bytes_.resize(offset + size);
        if (size != 0) std::memcpy(bytes_.data() + offset, data, size);
        return offset;
    }

    void set_bytes(std::size_t i, enum_field_types type, const void* data, std::size_t size, bool borrow) {
        if (borrow) {
            values_[i] = value{type, false, 0, size == 0 ? "" : static_cast<const char*>(data), static_cast<unsigned long>(size)};
            borrowed_bytes_ += size;
            return;
        }
        values_[i] = value{type, false, append(data, size), nullptr, static_cast<unsigned long>(size)};
    }
};

// What a cursor or a loader binds through: bind_value's canonical values, into parameter_values
// by argument position (from 1).
class parameter_writer {
public:
    parameter_writer(parameter_values& values, std::string_view query_name, bool borrow)
        : values_(&values), query_name_(query_name), borrow_(borrow) {}

    void bind_null(int position) { values_->set_null(index(position)); }
    void bind(int position, bool v) { values_->set(index(position), v); }
    void bind(int position, std::int64_t v) { values_->set(index(position), v); }
    void bind(int position, std::uint64_t v) { values_->set(index(position), v); }
    void bind(int position, double v) { values_->set(index(position), v); }
    void bind(int position, std::string_view v) { values_->set_text(index(position), v, borrow_); }
    void bind(int position, std::span<const std::byte> v) { values_->set_blob(index(position), v, borrow_); }
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

private:
    static std::size_t index(int position) { return static_cast<std::size_t>(position - 1); }
};

}  // namespace ctsql::mysql::detail
