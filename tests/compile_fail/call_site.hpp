#pragma once
// What the compile-fail tests of calls share: a connection type and a row struct.
#include <ctsql/sqlite.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct User {
    std::int64_t id;
    std::string name;
    std::string email;
};
