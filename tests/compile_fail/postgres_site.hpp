#pragma once
// What the compile-fail tests on PostgreSQL share: a schema in its dialect, with an enum and an
// array column, and a connection type.
#include <ctsql/postgres.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

inline constexpr auto schema = ctsql::schema<R"sql(
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE people (id SERIAL PRIMARY KEY, name TEXT NOT NULL, feeling mood NOT NULL, tags TEXT[]);
)sql">;
