// Fuzz target: the analysis of a query against a catalog, both read from arbitrary bytes, as
// ctsql-check runs it. The input is a dialect byte, then DDL, a NUL and the query (without a
// NUL, all of it is the query and the schema is empty). Where the catalog and the query are read,
// the analysis never overflows, gives a type per result column and parameter within its
// capacities, names only what is in the texts, agrees between small and large capacities, and
// its diagnostic can be written.

#include <ctsql/analysis.hpp>
#include <ctsql/catalog.hpp>
#include <ctsql/diagnostics.hpp>
#include <ctsql/parser.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

#include "capacities.hpp"
#include "fuzz.hpp"

namespace {

using ctsql_fuzz::expect;
using ctsql_fuzz::inside;

struct input {
    ctsql::dialect dialect = ctsql::dialect::sqlite;
    std::string_view ddl;
    std::string_view query;
};

input split(std::string_view bytes) {
    input in;
    if (bytes.empty()) return in;
    in.dialect = static_cast<ctsql::dialect>(static_cast<unsigned char>(bytes[0]) % 3);
    bytes.remove_prefix(1);
    const std::size_t nul = bytes.find('\0');
    if (nul == std::string_view::npos) {
        in.query = bytes;
    } else {
        in.ddl = bytes.substr(0, nul);
        in.query = bytes.substr(nul + 1);
    }
    return in;
}

// The analysis of query against ddl in fixed capacities; null where either is not read.
template <ctsql::statement_shape S, ctsql::catalog_shape C, ctsql::analysis_shape A>
auto analyse(const input& in) {
    using result = decltype(ctsql::analyse<S, C, A>(std::declval<const ctsql::statement<S>&>(),
                                                    std::declval<const ctsql::catalog<C>&>(), in.dialect));
    // Made straight on the heap: a temporary of the large capacities would take megabytes of the stack.
    const std::unique_ptr<ctsql::catalog<C>> catalog{new ctsql::catalog<C>(ctsql::read_catalog_bounded<C>(in.ddl))};
    const std::unique_ptr<ctsql::statement<S>> s{new ctsql::statement<S>(ctsql::parse<S>(in.query))};
    if (!catalog->ok() || !s->ok()) return std::unique_ptr<result>{};
    std::unique_ptr<result> a{new result(ctsql::analyse<S, C, A>(*s, *catalog, in.dialect))};
    const ctsql::analysis_shape need =
        ctsql::detail::measure_analysis(ctsql::measure(in.query), ctsql::detail::measure_catalog(in.ddl));
    expect(ctsql::excess(need, A).fits() == (a->error.code != ctsql::analysis_problem::too_large),
           "an analysis is refused as too large exactly when it is");
    expect(a->columns.size() <= need.columns, "the result holds no more than measure_analysis() counted");
    const auto in_texts = [&](std::string_view part) { return inside(part, in.query) || inside(part, in.ddl); };
    for (std::size_t i = 0; i < a->columns.size(); ++i)
        expect(in_texts(a->columns[i].name) && in_texts(a->column_types[i].origin),
               "a result column is named from the query or the schema");
    for (const ctsql::parameter_type& p : a->parameters)
        expect(in_texts(p.target), "a parameter's target is in the texts");
    expect(a->ok() == ctsql::describe(*a, s->name, in.dialect).empty(), "a problem is described, and only a problem");
    return a;
}

template <class A, class B>
bool same(const A& a, const B& b) {
    if (a.error.code != b.error.code || a.error.subject != b.error.subject || a.columns.size() != b.columns.size())
        return false;
    for (std::size_t i = 0; i < a.columns.size(); ++i)
        if (a.columns[i].name != b.columns[i].name || a.column_types[i].known != b.column_types[i].known ||
            a.column_types[i].nullable != b.column_types[i].nullable ||
            a.column_types[i].type.family != b.column_types[i].type.family)
            return false;
    // Past the query's own parameters, both hold default entries.
    for (std::size_t i = 0; i < std::min(a.parameters.size(), b.parameters.size()); ++i)
        if (a.parameters[i].known != b.parameters[i].known || a.parameters[i].nullable != b.parameters[i].nullable ||
            a.parameters[i].type.family != b.parameters[i].type.family)
            return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) try {
    const input in = split(ctsql_fuzz::as_text(data, size));
    const auto small = analyse<ctsql_fuzz::small_statement, ctsql_fuzz::small_catalog, ctsql_fuzz::small_analysis>(in);
    const auto large = analyse<ctsql_fuzz::large_statement, ctsql_fuzz::large_catalog, ctsql_fuzz::large_analysis>(in);
    if (small && large && small->error.code != ctsql::analysis_problem::too_large &&
        large->error.code != ctsql::analysis_problem::too_large)
        expect(same(*small, *large), "small and large capacities give the same analysis");
    return 0;
} catch (const char* message) {
    ctsql_fuzz::thrown(message);
}
