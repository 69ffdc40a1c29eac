#pragma once
// The fixed capacities the fuzz targets parse into, as ctsql-check does with its own. Small ones,
// which an upper bound measured too low overflows at once (a thrown error: a crash here), and
// large ones that most inputs fit; the same input read into both must give the same result.

#include <ctsql/analysis.hpp>
#include <ctsql/catalog.hpp>
#include <ctsql/statement.hpp>

namespace ctsql_fuzz {

inline constexpr ctsql::statement_shape small_statement{
    .columns = 6, .parameters = 6, .tables = 6, .depth = 6, .stars = 2, .tokens = 48};
inline constexpr ctsql::statement_shape large_statement{
    .columns = 256, .parameters = 256, .tables = 64, .depth = 64, .stars = 8, .tokens = 4096};

inline constexpr ctsql::catalog_shape small_catalog{
    .tables = 4, .columns = 12, .enums = 2, .labels = 6, .view_sources = 6, .view_depth = 4, .widest_table = 6,
    .view_renames = 2, .view_star_sources = 4, .view_tokens = 64};
inline constexpr ctsql::catalog_shape large_catalog{
    .tables = 64, .columns = 512, .enums = 16, .labels = 128, .view_sources = 128, .view_depth = 64,
    .widest_table = 128, .view_renames = 16, .view_star_sources = 32, .view_tokens = 4096};

inline constexpr ctsql::analysis_shape small_analysis{
    .columns = 12, .sources = 8, .levels = 8, .ctes = 6, .derived = 16, .targets = 8};
inline constexpr ctsql::analysis_shape large_analysis{
    .columns = 1024, .sources = 256, .levels = 128, .ctes = 128, .derived = 2048, .targets = 512};

}  // namespace ctsql_fuzz
