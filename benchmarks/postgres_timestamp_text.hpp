#pragma once
// timestamp values as PostgreSQL's text format writes them, for SOCI and libpqxx, which move
// every value as text and have no type for a timestamp with microseconds (SOCI's std::tm
// drops them; libpqxx 6.4 has no std::chrono conversion). Their users parse and format by hand,
// as here: "2026-01-01 00:00:01.00025" (PostgreSQL leaves out trailing zeros of the fraction).

#include <charconv>
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "account.hpp"

namespace bench {

inline std::string timestamp_text(timestamp t) {
    using namespace std::chrono;
    const sys_days day = floor<days>(t);
    const year_month_day date{day};
    const hh_mm_ss<microseconds> time{t - day};
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                       time.minutes().count(), time.seconds().count(), time.subseconds().count());
}

// "YYYY-MM-DD HH:MM:SS" and an optional fraction of up to six digits, as PostgreSQL writes a
// timestamp with its default DateStyle (ISO).
inline timestamp parse_timestamp(std::string_view text) {
    const auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        const char* end = text.data() + at + length;
        if (at + length > text.size() || std::from_chars(text.data() + at, end, value).ptr != end)
            throw std::runtime_error("not a PostgreSQL timestamp: " + std::string{text});
        return value;
    };
    using namespace std::chrono;
    const year_month_day date{year{number(0, 4)}, month{static_cast<unsigned>(number(5, 2))},
                              day{static_cast<unsigned>(number(8, 2))}};
    timestamp t = sys_days{date} + hours{number(11, 2)} + minutes{number(14, 2)} + seconds{number(17, 2)};
    if (text.size() > 20) {  // ".f" to ".ffffff"
        const std::size_t digits = text.size() - 20;
        int fraction = number(20, digits);
        for (std::size_t i = digits; i < 6; ++i) fraction *= 10;
        t += microseconds{fraction};
    }
    return t;
}

}  // namespace bench
