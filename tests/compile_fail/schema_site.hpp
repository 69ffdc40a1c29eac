#pragma once
// What the compile-fail tests of schema checks share: a schema and a connection type.
#include "call_site.hpp"

inline constexpr auto schema = ctsql::schema<R"sql(
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE);
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), title TEXT NOT NULL);
)sql">;
