#pragma once
// ctsql::uuid: a UUID as its 16 bytes, the C++ type of PostgreSQL's uuid (on SQLite and MySQL,
// kept as its text form). Parsed from and written as the canonical 8-4-4-4-12 hex form.

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ctsql {

class uuid {
public:
    std::array<std::byte, 16> bytes{};

    // "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", also in capitals, in braces or without hyphens
    // (the forms PostgreSQL accepts); nothing for anything else.
    static constexpr std::optional<uuid> parse(std::string_view text) {
        if (text.size() >= 2 && text.front() == '{' && text.back() == '}') text = text.substr(1, text.size() - 2);
        const bool hyphenated = text.size() == 36;
        if (!hyphenated && text.size() != 32) return std::nullopt;
        uuid result;
        std::size_t at = 0;
        for (std::size_t i = 0; i < 16; ++i) {
            if (hyphenated && (at == 8 || at == 13 || at == 18 || at == 23)) {
                if (text[at] != '-') return std::nullopt;
                ++at;
            }
            const int high = hex_value(text[at]);
            const int low = hex_value(text[at + 1]);
            if (high < 0 || low < 0) return std::nullopt;
            result.bytes[i] = static_cast<std::byte>(high * 16 + low);
            at += 2;
        }
        return result;
    }

    // The canonical form, in lower case.
    constexpr std::string to_string() const {
        constexpr std::string_view digits = "0123456789abcdef";
        std::string text;
        text.reserve(36);
        for (std::size_t i = 0; i < 16; ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
            const auto value = std::to_integer<unsigned>(bytes[i]);
            text += digits[value / 16];
            text += digits[value % 16];
        }
        return text;
    }

    friend constexpr bool operator==(const uuid&, const uuid&) = default;
    friend constexpr std::strong_ordering operator<=>(const uuid&, const uuid&) = default;

private:
    static constexpr int hex_value(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
};

}  // namespace ctsql
