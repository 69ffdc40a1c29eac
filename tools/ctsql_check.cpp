// ctsql-check: the compile-time analysis, run over .sql files, for CI and editors.
//
//   ctsql-check --dialect postgresql|mysql|sqlite --schema schema.sql [--schema more.sql]
//               [--format text|json] queries.sql...
//
// Prints every query with its parameters and result columns (types, nullability); reports each
// problem as file:line:column: message; exits non-zero when there is any.

#include <ctsql/ctsql.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Capacities for text read at run time: generous, and checked (text that needs more is reported
// as too large; see docs/testing.md).
constexpr ctsql::statement_shape query_shape{
    .columns = 2048, .parameters = 1024, .tables = 2048, .depth = 1024, .stars = 64, .tokens = 65536};
constexpr ctsql::catalog_shape schema_shape{
    .tables = 512, .columns = 8192, .enums = 128, .labels = 2048, .view_sources = 1024, .view_depth = 512,
    .widest_table = 2048, .view_renames = 256, .view_star_sources = 256, .view_tokens = 65536};
// What the two allow, but for the columns a * multiplies, held to 4096.
constexpr ctsql::analysis_shape analysis_room = [] {
    ctsql::analysis_shape room = ctsql::detail::measure_analysis(query_shape, schema_shape);
    room.columns = 4096;
    room.derived = 4096 + query_shape.depth;
    return room;
}();

using statement_value = ctsql::statement<query_shape>;
using catalog_value = ctsql::catalog<schema_shape>;
using analysis_value = ctsql::analysis<analysis_room.columns, query_shape.parameters>;

struct source_file {
    std::string path;
    std::string text;
};

struct options {
    ctsql::dialect dialect = ctsql::dialect::postgresql;
    std::vector<std::string> schemas;
    std::vector<std::string> queries;
    bool json = false;
};

[[noreturn]] void usage(std::string_view problem) {
    std::fprintf(stderr,
                 "ctsql-check: %.*s\nusage: ctsql-check --dialect postgresql|mysql|sqlite --schema schema.sql "
                 "[--schema more.sql] [--format text|json] queries.sql...\n",
                 static_cast<int>(problem.size()), problem.data());
    std::exit(2);
}

options read_options(int argc, char** argv) {
    options o;
    bool dialect_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) usage(fmt::format("{} needs a value", arg));
            return argv[++i];
        };
        if (arg == "--dialect") {
            const std::string_view d = value();
            dialect_given = true;
            if (d == "postgresql" || d == "postgres") o.dialect = ctsql::dialect::postgresql;
            else if (d == "mysql" || d == "mariadb") o.dialect = ctsql::dialect::mysql;
            else if (d == "sqlite") o.dialect = ctsql::dialect::sqlite;
            else usage(fmt::format("unknown dialect '{}'", d));
        } else if (arg == "--schema") {
            o.schemas.emplace_back(value());
        } else if (arg == "--format") {
            const std::string_view f = value();
            if (f != "text" && f != "json") usage(fmt::format("unknown format '{}'", f));
            o.json = f == "json";
        } else if (arg.starts_with("--")) {
            usage(fmt::format("unknown option '{}'", arg));
        } else {
            o.queries.emplace_back(arg);
        }
    }
    if (!dialect_given) usage("--dialect is required");
    if (o.queries.empty()) usage("no query files");
    return o;
}

source_file load(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) {
        std::fprintf(stderr, "ctsql-check: cannot read '%s'\n", path.c_str());
        std::exit(2);
    }
    return {path, std::string{std::istreambuf_iterator<char>{in}, {}}};
}

// Problems, printed as file:line:column: message.
struct report {
    std::size_t problems = 0;
    void problem(const std::string& path, std::string_view text, std::size_t offset, std::string_view message) {
        const ctsql::text_place p = ctsql::place_of(text, offset);
        std::fprintf(stderr, "%s:%zu:%zu: %.*s\n", path.c_str(), p.line, p.column, static_cast<int>(message.size()),
                     message.data());
        ++problems;
    }
};

// Where a view into text starts, or fallback when it points elsewhere (into the schema).
std::size_t offset_of(std::string_view text, std::string_view part, std::size_t fallback) {
    const std::less<const char*> before;
    if (part.empty() || before(part.data(), text.data()) || !before(part.data(), text.data() + text.size()))
        return fallback;
    return static_cast<std::size_t>(part.data() - text.data());
}

std::string describe_type(const ctsql::sql_type& t, bool known) {
    if (!known) return "unknown";
    ctsql::text_buffer<64> m;
    ctsql::describe_type(m, t);
    return std::string{m.view()};
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += c;
    }
    return out + '"';
}

struct printer {
    bool json;
    bool first = true;

    void begin() const {
        if (json) std::printf("[");
    }
    void end() const {
        if (json) std::printf("%s]\n", first ? "" : "\n");
    }

    template <class Analysis>
    void query(const source_file& file, std::size_t offset, const statement_value& s, const Analysis& a) {
        const ctsql::text_place p = ctsql::place_of(file.text, offset);
        if (!json) {
            std::printf("%s:%zu: %.*s %.*s\n", file.path.c_str(), p.line, static_cast<int>(s.name.size()), s.name.data(),
                        static_cast<int>(ctsql::to_string(s.kind).size()), ctsql::to_string(s.kind).data());
            for (std::size_t i = 0; i < s.parameters.size(); ++i)
                std::printf("  parameter %.*s: %s%s\n", static_cast<int>(s.parameters[i].spelling.size()),
                            s.parameters[i].spelling.data(),
                            describe_type(a.parameters[i].type, a.parameters[i].known).c_str(),
                            a.parameters[i].nullable ? ", nullable" : "");
            for (std::size_t i = 0; i < a.columns.size(); ++i)
                std::printf("  column %.*s: %s%s\n", static_cast<int>(a.columns[i].name.size()), a.columns[i].name.data(),
                            describe_type(a.column_types[i].type, a.column_types[i].known).c_str(),
                            a.column_types[i].nullable ? ", nullable" : "");
            return;
        }
        std::printf("%s\n  {\"file\": %s, \"line\": %zu, \"name\": %s, \"kind\": %s, \"parameters\": [", first ? "" : ",",
                    json_string(file.path).c_str(), p.line, json_string(s.name).c_str(),
                    json_string(ctsql::to_string(s.kind).substr(1)).c_str());
        first = false;
        for (std::size_t i = 0; i < s.parameters.size(); ++i)
            std::printf("%s{\"name\": %s, \"type\": %s, \"nullable\": %s}", i ? ", " : "",
                        json_string(s.parameters[i].spelling).c_str(),
                        json_string(describe_type(a.parameters[i].type, a.parameters[i].known)).c_str(),
                        a.parameters[i].nullable ? "true" : "false");
        std::printf("], \"columns\": [");
        for (std::size_t i = 0; i < a.columns.size(); ++i)
            std::printf("%s{\"name\": %s, \"type\": %s, \"nullable\": %s}", i ? ", " : "",
                        json_string(a.columns[i].name).c_str(),
                        json_string(describe_type(a.column_types[i].type, a.column_types[i].known)).c_str(),
                        a.column_types[i].nullable ? "true" : "false");
        std::printf("]}");
    }
};

}  // namespace

int main(int argc, char** argv) try {
    const options o = read_options(argc, argv);
    report problems;

    // The schema files, read as one text; a problem is placed back in its file.
    std::vector<source_file> schema_files;
    std::string ddl;
    std::vector<std::size_t> starts;
    for (const std::string& path : o.schemas) {
        schema_files.push_back(load(path));
        starts.push_back(ddl.size());
        ddl += schema_files.back().text;
        ddl += "\n;\n";
    }
    // Made straight on the heap: a temporary of these capacities would take megabytes of the stack.
    const std::unique_ptr<catalog_value> catalog{new catalog_value(ctsql::read_catalog_bounded<schema_shape>(ddl))};
    if (!catalog->ok()) {
        std::size_t file = 0;
        while (file + 1 < starts.size() && starts[file + 1] <= catalog->error.offset) ++file;
        problems.problem(schema_files[file].path, schema_files[file].text, catalog->error.offset - starts[file],
                         ctsql::describe_problem(*catalog).view());
        return 1;
    }

    printer out{o.json};
    out.begin();
    for (const std::string& path : o.queries) {
        const source_file file = load(path);
        std::vector<std::size_t> tags;
        ctsql::detail::for_each_tag(file.text, [&](const ctsql::token& comment, const ctsql::tag&) {
            tags.push_back(comment.offset);
        });
        if (tags.empty()) problems.problem(path, file.text, 0, "no '-- name: <Name> :<kind>' tags");
        for (std::size_t i = 0; i < tags.size(); ++i) {
            const std::size_t end = i + 1 < tags.size() ? tags[i + 1] : file.text.size();
            const std::string_view block = std::string_view{file.text}.substr(tags[i], end - tags[i]);
            const std::unique_ptr<statement_value> s{new statement_value(ctsql::parse<query_shape>(block))};
            if (!s->ok()) {
                problems.problem(path, file.text, tags[i] + s->error.offset, ctsql::describe(*s).view());
                continue;
            }
            const std::unique_ptr<analysis_value> a{
                new analysis_value(ctsql::analyse<query_shape, schema_shape, analysis_room>(*s, *catalog, o.dialect))};
            if (!a->ok()) {
                problems.problem(path, file.text, tags[i] + offset_of(block, a->error.subject, 0),
                                 ctsql::describe(*a, s->name, o.dialect).view());
                continue;
            }
            out.query(file, tags[i], *s, *a);
        }
    }
    out.end();
    return problems.problems == 0 ? 0 : 1;
} catch (const char* message) {  // a list outgrew the bound measured for it: a bug in ctsql
    std::fprintf(stderr, "ctsql-check: internal error: %s\n", message);
    return 2;
}
