#pragma once
// Timestamps as text, the way SQLite keeps them: `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC
// (the form of CURRENT_TIMESTAMP), read back also with a `T`, a `Z` or a `+hh:mm` offset.
// libstdc++ 12 has no std::chrono::parse, so this small reader is written here.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

namespace ctsql::detail {

using microtime = std::chrono::sys_time<std::chrono::microseconds>;

// Years the text form holds: four digits. Compared as time points: a date's fields cost more.
inline bool in_text_range(microtime t) {
    using namespace std::chrono;
    constexpr microtime first{sys_days{year{0} / January / 1}};
    constexpr microtime past_last{sys_days{year{10000} / January / 1}};
    return t >= first && t < past_last;
}

// Room for the longest text format_timestamp writes ("9999-12-31 23:59:59.999999" is 26).
inline constexpr std::size_t timestamp_text_size = 32;

// Formats into `out` (timestamp_text_size characters); returns the length. Fractions are written
// only when present, without trailing zeros, so texts sort in time order. The digits are
// written by hand: through fmt's format string they took some 4,000 instructions a value, as
// much as SQLite's insert of a whole row (benchmarks/sqlite.cpp, insert_10k).
inline std::size_t format_timestamp(microtime t, char* out) {
    using namespace std::chrono;
    const sys_days day = floor<days>(t);
    const year_month_day date{day};
    const hh_mm_ss<microseconds> clock{t - day};
    char* end = out;
    // `value` in `count` digits, zeros in front (years are 0 to 9999: see in_text_range).
    const auto put = [&end](long long value, int count) {
        for (int i = count - 1; i >= 0; --i, value /= 10) end[i] = static_cast<char>('0' + value % 10);
        end += count;
    };
    put(static_cast<int>(date.year()), 4);
    *end++ = '-';
    put(static_cast<unsigned>(date.month()), 2);
    *end++ = '-';
    put(static_cast<unsigned>(date.day()), 2);
    *end++ = ' ';
    put(clock.hours().count(), 2);
    *end++ = ':';
    put(clock.minutes().count(), 2);
    *end++ = ':';
    put(clock.seconds().count(), 2);
    if (auto micros = clock.subseconds().count(); micros != 0) {
        int digits = 6;
        while (micros % 10 == 0) {
            micros /= 10;
            --digits;
        }
        *end++ = '.';
        put(micros, digits);
    }
    return static_cast<std::size_t>(end - out);
}

class timestamp_reader {
public:
    explicit timestamp_reader(std::string_view text) : text_(text) {}

    std::optional<microtime> read() {
        using namespace std::chrono;
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
        if (!number(4, y) || !literal('-') || !number(2, mo) || !literal('-') || !number(2, d)) return std::nullopt;
        const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
        if (!date.ok()) return std::nullopt;
        microseconds time_of_day{0};
        if (literal(' ') || literal('T')) {
            if (!number(2, h) || !literal(':') || !number(2, mi)) return std::nullopt;
            if (literal(':') && !number(2, s)) return std::nullopt;
            if (h > 23 || mi > 59 || s > 60) return std::nullopt;
            time_of_day = hours{h} + minutes{mi} + seconds{s} + fraction();
            time_of_day -= offset();
        }
        if (failed_ || pos_ != text_.size()) return std::nullopt;
        return sys_days{date} + time_of_day;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    bool failed_ = false;

    bool literal(char c) {
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    bool number(std::size_t digits, int& value) {
        value = 0;
        for (std::size_t i = 0; i < digits; ++i, ++pos_) {
            if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9') return false;
            value = value * 10 + (text_[pos_] - '0');
        }
        return true;
    }
    // .f to .ffffff; finer digits than microseconds would be lost, so they are refused.
    std::chrono::microseconds fraction() {
        if (!literal('.')) return {};
        long micros = 0;
        int digits = 0;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
            if (digits == 6) {
                if (text_[pos_] != '0') failed_ = true;
            } else {
                micros = micros * 10 + (text_[pos_] - '0');
                ++digits;
            }
            ++pos_;
        }
        if (digits == 0) failed_ = true;
        for (; digits < 6; ++digits) micros *= 10;
        return std::chrono::microseconds{micros};
    }
    // Z, +hh, +hh:mm or +hhmm after the time: the value is kept in UTC.
    std::chrono::minutes offset() {
        if (literal('Z') || pos_ == text_.size()) return {};
        const bool negative = pos_ < text_.size() && text_[pos_] == '-';
        if (!literal('+') && !literal('-')) return {};
        int h = 0, m = 0;
        if (!number(2, h)) {
            failed_ = true;
            return {};
        }
        const bool colon = literal(':');
        if ((colon || pos_ < text_.size()) && !number(2, m)) failed_ = true;
        if (h > 23 || m > 59) failed_ = true;
        const std::chrono::minutes total{h * 60 + m};
        return negative ? -total : total;
    }
};

inline std::optional<microtime> parse_timestamp(std::string_view text) { return timestamp_reader{text}.read(); }

}  // namespace ctsql::detail
