#pragma once
// A schema given to a query: the DDL text of the tables it reads. The catalog that checks
// types and nullability against it builds on this value; queries already carry it.

#include <string_view>

#include "fixed_string.hpp"

namespace ctsql {

struct no_schema {};

template <fixed_string Ddl>
struct schema_definition {
    static constexpr std::string_view text() { return Ddl.view(); }
};

// inline constexpr auto schema = ctsql::schema<R"sql(CREATE TABLE ...)sql">;
template <fixed_string Ddl>
inline constexpr schema_definition<Ddl> schema{};

}  // namespace ctsql
