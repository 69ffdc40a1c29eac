#pragma once
// ctsql with the PostgreSQL backend: everything a program needs to run checked queries on PostgreSQL.
//   ctsql::postgres::connection db{"postgresql://user:password@localhost:5432/app"};

#include "ctsql.hpp"             // IWYU pragma: export
#include "postgres/backend.hpp"  // IWYU pragma: export
