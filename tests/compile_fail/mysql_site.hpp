#pragma once
// What the compile-fail tests on MySQL share: a schema in its dialect, with an inline ENUM and
// unsigned columns, and a connection type.
#include <ctsql/mysql.hpp>

#include <cstdint>
#include <optional>
#include <string>

inline constexpr auto schema = ctsql::schema<R"sql(
CREATE TABLE people (
    id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    role ENUM('admin', 'user', 'moderator') NOT NULL DEFAULT 'user',
    visits INT UNSIGNED NOT NULL DEFAULT 0
);
)sql">;
