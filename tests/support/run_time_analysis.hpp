#pragma once
// DDL and a query read and analysed at run time in the way ctsql-check and the fuzz targets read
// them: into capacities fixed in advance (on the heap; these are the tests' own, not theirs),
// text that needs more refused as too large.
// The verdict is the diagnostic a program would get, empty when all is well.

#include <ctsql/analysis.hpp>
#include <ctsql/catalog.hpp>
#include <ctsql/diagnostics.hpp>
#include <ctsql/parser.hpp>
#include <ctsql/schema.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace test {

inline constexpr ctsql::statement_shape query_room{
    .columns = 1024, .parameters = 1024, .tables = 1024, .depth = 16384, .stars = 32, .tokens = 65536};
inline constexpr ctsql::catalog_shape schema_room{
    .tables = 64, .columns = 2048, .enums = 16, .labels = 256, .view_sources = 256, .view_depth = 128,
    .widest_table = 1024, .view_renames = 16, .view_star_sources = 32, .view_tokens = 16384};
// What the statement and the catalog rooms allow, but for what a * multiplies, held to 4096.
inline constexpr ctsql::analysis_shape analysis_room = [] {
    ctsql::analysis_shape room = ctsql::detail::measure_analysis(query_room, schema_room);
    room.columns = 4096;
    room.derived = 4096 + query_room.depth;
    return room;
}();

struct run_time_verdict {
    std::string problem;  // the schema's, the query's or the analysis's diagnostic; empty if none
    std::size_t columns = 0;  // in the analysed result
};

inline run_time_verdict analyse_at_run_time(ctsql::dialect d, std::string_view ddl, std::string_view query) {
    // Made straight on the heap, as the analysis below is: a temporary of these capacities would
    // take megabytes of the stack.
    const std::unique_ptr<ctsql::catalog<schema_room>> catalog{
        new ctsql::catalog<schema_room>(ctsql::read_catalog_bounded<schema_room>(ddl))};
    if (!catalog->ok()) return {std::string{ctsql::describe(*catalog).view()}};
    const std::unique_ptr<ctsql::statement<query_room>> s{new ctsql::statement<query_room>(ctsql::parse<query_room>(query))};
    if (!s->ok()) return {std::string{ctsql::describe(*s).view()}};
    using analysis = ctsql::analysis<analysis_room.columns, query_room.parameters>;
    // Made on the heap: the analysis takes too much room to be a temporary on the stack as well.
    const std::unique_ptr<analysis> a{new analysis(ctsql::analyse<query_room, schema_room, analysis_room>(*s, *catalog, d))};
    return {std::string{ctsql::describe(*a, s->name, d).view()}, a->columns.size()};
}

}  // namespace test
