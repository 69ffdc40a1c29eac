#pragma once
// ctsql with the MySQL and MariaDB backend: everything a program needs to run checked queries on MySQL or MariaDB.
//   ctsql::mysql::connection db{"mysql://user:password@localhost:3306/app"};

#include "ctsql.hpp"          // IWYU pragma: export
#include "mysql/backend.hpp"  // IWYU pragma: export
