#pragma once
// A connection's password is never shown: every copy of it in a message is masked.

#include <cstddef>
#include <string>
#include <string_view>

namespace ctsql::detail {

inline void hide_secret(std::string& text, std::string_view secret) {
    if (secret.empty()) return;
    constexpr std::string_view mask = "********";
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + mask.size()))
        text.replace(at, secret.size(), mask);
}

}  // namespace ctsql::detail
