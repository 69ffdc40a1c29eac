#pragma once
// The example application's rows, as its code declares them.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace seed {

using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
    std::optional<bool> is_active;
    std::optional<timestamp> created_at;
    std::optional<timestamp> updated_at;
};

struct Post {
    std::int64_t id;
    std::optional<std::int64_t> user_id;
    std::string title;
    std::optional<std::string> content;
    std::optional<bool> published;
    std::optional<timestamp> created_at;
};

struct PostWithAuthor {
    std::int64_t id;
    std::optional<std::int64_t> user_id;
    std::string title;
    std::optional<std::string> content;
    std::optional<bool> published;
    std::optional<timestamp> created_at;
    std::string author_name;
    std::string author_email;
};

}  // namespace seed
