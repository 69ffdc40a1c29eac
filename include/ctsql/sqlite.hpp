#pragma once
// ctsql with the SQLite backend: everything a program needs to run checked queries on SQLite.
//   ctsql::sqlite::connection db{"sqlite://app.db"};   // or ":memory:", or a path

#include "ctsql.hpp"         // IWYU pragma: export
#include "sqlite/backend.hpp"  // IWYU pragma: export
