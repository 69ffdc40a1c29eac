#pragma once
// ctsql with every backend, one chosen at run time by the URL:
//   ctsql::any_connection db = ctsql::connect(std::getenv("DATABASE_URL"));
// It needs all three client libraries (CMake: ctsql::any). For some of them only, include their
// headers and <ctsql/any_connection.hpp>, and use basic_any_connection<those connections...>.

#include <string_view>

#include "any_connection.hpp"  // IWYU pragma: export
#include "mysql.hpp"           // IWYU pragma: export
#include "postgres.hpp"        // IWYU pragma: export
#include "sqlite.hpp"          // IWYU pragma: export

namespace ctsql {

using any_connection = basic_any_connection<sqlite::connection, postgres::connection, mysql::connection>;

// The backend the URL's scheme names: sqlite://, postgresql:// or postgres://, mysql:// or mariadb://.
inline any_connection connect(std::string_view url, const any_connection::options& options = {}) {
    return any_connection{url, options};
}

}  // namespace ctsql
