#pragma once
// Exact decimal text ("-12.50", "1e+300", "NaN", "Infinity"), as PostgreSQL's numeric and
// MySQL's DECIMAL give it, read into the integer or double a field holds.

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <system_error>

namespace ctsql::detail {

// The value when it is whole and fits Integer ("12.000" is 12), else false.
template <class Integer>
bool whole_decimal(std::string_view text, Integer& out) {
    const std::string_view whole = text.substr(0, text.find('.'));
    const bool integral = whole.size() == text.size() || text.find_first_not_of('0', whole.size() + 1) == std::string_view::npos;
    const auto [end, rc] = std::from_chars(whole.data(), whole.data() + whole.size(), out);
    return integral && rc == std::errc{} && end == whole.data() + whole.size();
}

// The nearest double, NaN and the infinities included; false when out of a double's range.
inline bool decimal_to_double(std::string_view text, double& out) {
    if (text == "NaN") out = std::numeric_limits<double>::quiet_NaN();
    else if (text.ends_with("Infinity")) out = text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    else return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{};
    return true;
}

}  // namespace ctsql::detail
