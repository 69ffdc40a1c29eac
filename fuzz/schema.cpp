// Fuzz target: the catalog reader (CREATE/ALTER/DROP TABLE, views, enums, skipped statements)
// over arbitrary bytes, into fixed capacities, small and large, as ctsql-check reads a schema.
// DDL either fits and is read, or is refused as too large; its lists stay within what
// measure_catalog() promised and refer only to entries that exist; everything it names lies in
// the text; both capacities agree where both hold it; and its diagnostic can be written.

#include <ctsql/catalog.hpp>
#include <ctsql/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "capacities.hpp"
#include "fuzz.hpp"

namespace {

using ctsql_fuzz::expect;
using ctsql_fuzz::inside;

template <ctsql::catalog_shape Room>
std::unique_ptr<ctsql::catalog<Room>> read(std::string_view text, const ctsql::catalog_shape& need) {
    // Made straight on the heap: a temporary of the large capacities would take megabytes of the stack.
    std::unique_ptr<ctsql::catalog<Room>> c{new ctsql::catalog<Room>(ctsql::read_catalog_bounded<Room>(text))};
    const bool fits = ctsql::excess(need, Room).fits();
    expect(fits == (c->error.code != ctsql::catalog_problem::too_large), "DDL is refused as too large exactly when it is");
    expect(c->tables.size() <= need.tables && c->columns.size() <= need.columns && c->enums.size() <= need.enums &&
               c->labels.size() <= need.labels && c->view_renames.size() <= need.view_renames,
           "the lists hold no more than measure_catalog() counted");
    for (const ctsql::table_definition& t : c->tables)
        expect(inside(t.name, text) && inside(t.view_query, text) && inside(t.view_columns, text), "a table is in the text");
    for (std::size_t t = 0; t < c->tables.size(); ++t) {
        std::size_t width = 0;
        for (const ctsql::column_definition& column : c->columns) width += column.table == t ? 1 : 0;
        expect(width <= need.widest_table, "a table has no more columns than measure_catalog() counted");
    }
    for (const ctsql::column_definition& column : c->columns) {
        expect(column.table < c->tables.size() && !c->tables[column.table].dropped, "a column belongs to a live table");
        expect(inside(column.name, text) && inside(column.type.spelling, text) && inside(column.type.arguments, text),
               "a column is in the text");
        expect(column.type.name != ctsql::type_name::enumeration || column.type.enum_index < c->enums.size(),
               "an enum column's type exists");
    }
    for (const ctsql::enum_definition& e : c->enums)
        expect(e.first_label + e.label_count <= c->labels.size() && inside(e.name, text), "an enum's labels exist");
    for (const ctsql::view_column_rename& r : c->view_renames)
        expect(r.view < c->tables.size() && inside(r.from, text) && inside(r.to, text), "a view rename names a view");
    expect(c->error.offset <= text.size(), "a problem is placed in the text");
    expect(c->ok() == ctsql::describe(*c).empty(), "a problem is described, and only a problem");
    return c;
}

template <ctsql::catalog_shape A, ctsql::catalog_shape B>
bool same(const ctsql::catalog<A>& a, const ctsql::catalog<B>& b) {
    if (a.error.code != b.error.code || a.error.subject != b.error.subject || a.error.offset != b.error.offset ||
        a.tables.size() != b.tables.size() || a.columns.size() != b.columns.size() ||
        a.enums.size() != b.enums.size() || a.labels.size() != b.labels.size())
        return false;
    for (std::size_t i = 0; i < a.tables.size(); ++i)
        if (a.tables[i].name != b.tables[i].name || a.tables[i].dropped != b.tables[i].dropped ||
            a.tables[i].view_query != b.tables[i].view_query)
            return false;
    for (std::size_t i = 0; i < a.columns.size(); ++i)
        if (a.columns[i].name != b.columns[i].name || a.columns[i].table != b.columns[i].table ||
            a.columns[i].type.name != b.columns[i].type.name || a.columns[i].nullable != b.columns[i].nullable)
            return false;
    for (std::size_t i = 0; i < a.labels.size(); ++i)
        if (a.labels[i] != b.labels[i]) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) try {
    const std::string_view text = ctsql_fuzz::as_text(data, size);
    const ctsql::catalog_shape need = ctsql::detail::measure_catalog(text);
    const auto small = read<ctsql_fuzz::small_catalog>(text, need);
    const auto large = read<ctsql_fuzz::large_catalog>(text, need);
    if (small->error.code != ctsql::catalog_problem::too_large && large->error.code != ctsql::catalog_problem::too_large)
        expect(same(*small, *large), "small and large capacities give the same catalog");
    return 0;
} catch (const char* message) {
    ctsql_fuzz::thrown(message);
}
