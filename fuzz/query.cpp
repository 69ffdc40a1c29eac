// Fuzz target: the query parser (tag, parameters, lists, structure) over arbitrary bytes, as
// ctsql-check runs it: into fixed capacities, small and large. A text either fits and is parsed,
// or is refused as too large; its lists stay within what measure() promised; everything the
// result names lies in the text; both capacities agree where both hold the text; and the
// diagnostic of a bad query can be written.

#include <ctsql/diagnostics.hpp>
#include <ctsql/origin.hpp>
#include <ctsql/parser.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "capacities.hpp"
#include "fuzz.hpp"

namespace {

using ctsql_fuzz::expect;
using ctsql_fuzz::inside;

template <ctsql::statement_shape Room>
std::unique_ptr<ctsql::statement<Room>> parse_checked(std::string_view text, const ctsql::statement_shape& need) {
    // Made straight on the heap: a temporary of the large capacities would take megabytes of the stack.
    std::unique_ptr<ctsql::statement<Room>> s{new ctsql::statement<Room>(ctsql::parse<Room>(text))};
    const bool fits = ctsql::excess(need, Room).fits();
    expect(fits == (s->error.code != ctsql::problem::too_large), "a text is refused as too large exactly when it is");
    expect(s->measured == need, "the parse measures the text as measure() does");
    expect(s->columns.size() <= need.columns && s->parameters.size() <= need.parameters &&
               s->tables.size() <= need.tables && s->tokens.size() <= need.tokens,
           "the lists hold no more than measure() counted");
    expect(inside(s->name, text) && inside(s->keyword, text), "the name and keyword are in the text");
    for (const ctsql::parameter& p : s->parameters)
        expect(inside(p.spelling, text) && inside(p.name, text) && p.number != 0, "a parameter is in the text");
    for (const ctsql::result_column& c : s->columns)
        expect(inside(c.name, text) && inside(c.table, text) && inside(c.expression, text), "a column is in the text");
    for (const ctsql::table_reference& t : s->tables)
        expect(inside(t.name, text) && inside(t.alias, text), "a table is in the text");
    expect(s->error.offset <= text.size(), "a problem is placed in the text");
    expect(ctsql::place_of(text, s->error.offset).column <= s->error.offset + 1, "a problem's column is in its line");
    expect(s->ok() == ctsql::describe(*s).empty(), "a problem is described, and only a problem");
    return s;
}

template <ctsql::statement_shape A, ctsql::statement_shape B>
bool same(const ctsql::statement<A>& a, const ctsql::statement<B>& b) {
    if (a.name != b.name || a.kind != b.kind || a.type != b.type || a.style != b.style ||
        a.error.code != b.error.code || a.error.subject != b.error.subject || a.error.offset != b.error.offset ||
        a.parameters.size() != b.parameters.size() || a.columns.size() != b.columns.size() ||
        a.tables.size() != b.tables.size())
        return false;
    for (std::size_t i = 0; i < a.parameters.size(); ++i)
        if (a.parameters[i].spelling != b.parameters[i].spelling || a.parameters[i].number != b.parameters[i].number ||
            a.parameters[i].nullable != b.parameters[i].nullable || a.parameters[i].list != b.parameters[i].list)
            return false;
    for (std::size_t i = 0; i < a.columns.size(); ++i)
        if (a.columns[i].name != b.columns[i].name || a.columns[i].expression != b.columns[i].expression ||
            a.columns[i].source != b.columns[i].source)
            return false;
    for (std::size_t i = 0; i < a.tables.size(); ++i)
        if (a.tables[i].name != b.tables[i].name || a.tables[i].alias != b.tables[i].alias ||
            a.tables[i].join != b.tables[i].join)
            return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) try {
    const std::string_view text = ctsql_fuzz::as_text(data, size);
    const ctsql::statement_shape need = ctsql::measure(text);
    const auto small = parse_checked<ctsql_fuzz::small_statement>(text, need);
    const auto large = parse_checked<ctsql_fuzz::large_statement>(text, need);
    if (small->error.code != ctsql::problem::too_large && large->error.code != ctsql::problem::too_large)
        expect(same(*small, *large), "small and large capacities give the same statement");
    return 0;
} catch (const char* message) {
    ctsql_fuzz::thrown(message);
}
