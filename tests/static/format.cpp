// {fmt} formatters: errors as their what(), rows as their fields by name, each value as a row
// shows it.
#include <ctsql/format.hpp>
#include <ctsql/ctsql.hpp>

#include <doctest/doctest.h>
#include <fmt/ranges.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

enum class user_role { admin, user, moderator };

struct Profile {
    std::int64_t id;
    std::string name;
    std::optional<std::string> bio;
    user_role role;
    bool active;
    double score;
    std::optional<std::chrono::sys_time<std::chrono::microseconds>> seen;
    ctsql::blob avatar;
    std::vector<std::optional<std::int32_t>> lucky;
    ctsql::uuid key;
    ctsql::unchecked<std::string> digest;
};

inline constexpr auto schema = ctsql::schema<"CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT NOT NULL, bio TEXT)">;
inline constexpr auto GetUser = ctsql::query<"-- name: GetUser :one\nSELECT id, name, bio FROM users WHERE id = $1", schema>;

}  // namespace

TEST_CASE("format: a row struct prints its fields by name, each value as a row shows it") {
    using namespace std::chrono;
    const Profile ann{.id = 1,
                      .name = "Ann \"the\" admin\n",
                      .bio = std::nullopt,
                      .role = user_role::moderator,
                      .active = true,
                      .score = 2.5,
                      .seen = sys_days{2024y / 2 / 29} + hours{13} + microseconds{250},
                      .avatar = {std::byte{0x00}, std::byte{0xff}, std::byte{0x1a}},
                      .lucky = {7, std::nullopt},
                      .key = *ctsql::uuid::parse("123e4567-e89b-12d3-a456-426614174000"),
                      .digest = {"d41d8cd9"}};
    CHECK(fmt::format("{}", ann) ==
          R"({id: 1, name: "Ann \"the\" admin\n", bio: null, role: moderator, active: true, score: 2.5, )"
          R"(seen: 2024-02-29 13:00:00.00025, avatar: \x00ff1a, lucky: [7, null], )"
          R"(key: 123e4567-e89b-12d3-a456-426614174000, digest: "d41d8cd9"})");
}

TEST_CASE("format: an inferred row prints its columns by name") {
    using row_type = ctsql::detail::resolved_row_t<decltype(GetUser), ctsql::dialect::sqlite, ctsql::detail::no_row>;
    const row_type row{{1, "Bo", std::optional<std::string>{"hi"}}};
    CHECK(fmt::format("{}", row) == R"({id: 1, name: "Bo", bio: "hi"})");
}

TEST_CASE("format: an error prints as its what()") {
    const ctsql::error e{ctsql::errc::unique_violation, "CreateUser", "duplicate key", "23505"};
    CHECK(fmt::format("{}", e) == e.what());
    CHECK(fmt::format("[{:>10}]", ctsql::error{ctsql::errc::other, {}, "x"}) == "[  other: x]");  // a width applies
}

TEST_CASE("format: ranges are left to fmt/ranges.h, arrays among them") {
    CHECK(fmt::format("{}", std::array<int, 3>{1, 2, 3}) == "[1, 2, 3]");
    CHECK(fmt::format("{}", std::vector<std::string>{"a"}) == "[\"a\"]");
}
