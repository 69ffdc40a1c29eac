#pragma once
// ctsql core: queries, query sets, schemas and the compile-time checks. No database needed;
// include a backend header (<ctsql/sqlite.hpp>, ...) to run queries.

#include "checks.hpp"          // IWYU pragma: export
#include "connection.hpp"      // IWYU pragma: export
#include "diagnostics.hpp"     // IWYU pragma: export
#include "enum_names.hpp"      // IWYU pragma: export
#include "error.hpp"           // IWYU pragma: export
#include "fixed_string.hpp"    // IWYU pragma: export
#include "migration.hpp"       // IWYU pragma: export
#include "migrations.hpp"      // IWYU pragma: export
#include "query.hpp"           // IWYU pragma: export
#include "query_set.hpp"       // IWYU pragma: export
#include "reflection.hpp"      // IWYU pragma: export
#include "schema.hpp"          // IWYU pragma: export
#include "schema_from.hpp"     // IWYU pragma: export
#include "types.hpp"           // IWYU pragma: export
#include "uuid.hpp"            // IWYU pragma: export
