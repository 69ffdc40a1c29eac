// Writes the fuzz targets' seed corpus from the repository's own .sql files, split by the
// library's own lexer. A query file (one with -- name: tags) gives a seed per query; a DDL file
// gives a seed per statement and one of the whole file; the analysis target gets every query
// after every whole DDL file, in the DDL's dialect (from its file name: sqlite, mysql, else
// PostgreSQL; see analysis.cpp for the input's layout).
//
//   fuzz_seed_corpus OUT_DIR FILE.sql...   writes OUT_DIR/{lexer,query,schema,analysis}/*

#include <ctsql/lexer.hpp>
#include <ctsql/query_set.hpp>

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct corpus {
    fs::path root;
    std::size_t written = 0;

    void add(const char* target, const std::string& name, std::string_view text) {
        std::ofstream{root / target / name, std::ios::binary}.write(text.data(), static_cast<std::streamsize>(text.size()));
        ++written;
    }
};

std::string read_file(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, {}};
}

std::vector<std::string_view> queries_of(std::string_view text) {
    std::vector<std::size_t> starts;
    ctsql::detail::for_each_tag(text, [&](const ctsql::token& tag, const ctsql::tag&) { starts.push_back(tag.offset); });
    std::vector<std::string_view> queries;
    for (std::size_t i = 0; i < starts.size(); ++i)
        queries.push_back(text.substr(starts[i], (i + 1 < starts.size() ? starts[i + 1] : text.size()) - starts[i]));
    return queries;
}

std::vector<std::string_view> statements_of(std::string_view text) {
    std::vector<std::string_view> statements;
    ctsql::lexer lex{text};
    std::size_t begin = 0;
    for (ctsql::token t = lex.next(); t.kind != ctsql::token_kind::end && t.kind != ctsql::token_kind::error;
         t = lex.next())
        if (t.is(";")) {
            statements.push_back(text.substr(begin, t.offset + 1 - begin));
            begin = t.offset + 1;
        }
    if (text.find_first_not_of(" \t\r\n", begin) != std::string_view::npos) statements.push_back(text.substr(begin));
    return statements;
}

char dialect_byte(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.find("sqlite") != std::string::npos) return static_cast<char>(ctsql::dialect::sqlite);
    if (name.find("mysql") != std::string::npos) return static_cast<char>(ctsql::dialect::mysql);
    return static_cast<char>(ctsql::dialect::postgresql);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: fuzz_seed_corpus OUT_DIR FILE.sql...\n");
        return 2;
    }
    corpus out{argv[1]};
    for (const char* target : {"lexer", "query", "schema", "analysis"}) {
        fs::remove_all(out.root / target);
        fs::create_directories(out.root / target);
    }
    struct ddl_file {
        std::string name;
        char dialect;
        std::string text;
    };
    std::vector<ddl_file> ddl_files;
    std::vector<std::pair<std::string, std::string>> queries;  // name, text
    for (int i = 2; i < argc; ++i) {
        const fs::path file = argv[i];
        const std::string text = read_file(file);
        const std::string stem = file.parent_path().filename().string() + "-" + file.stem().string();
        const std::vector<std::string_view> blocks = queries_of(text);
        for (std::size_t b = 0; b < blocks.size(); ++b) queries.emplace_back(stem + "-" + std::to_string(b), blocks[b]);
        if (!blocks.empty()) continue;
        const std::vector<std::string_view> statements = statements_of(text);
        for (std::size_t s = 0; s < statements.size(); ++s) {
            out.add("schema", stem + "-" + std::to_string(s), statements[s]);
            out.add("lexer", stem + "-" + std::to_string(s), statements[s]);
        }
        out.add("schema", stem, text);
        ddl_files.push_back({stem, dialect_byte(file), text});
    }
    for (const auto& [name, text] : queries) {
        out.add("query", name, text);
        out.add("lexer", name, text);
    }
    for (const ddl_file& ddl : ddl_files)
        for (const auto& [name, query] : queries)
            out.add("analysis", ddl.name + "+" + name, ddl.dialect + ddl.text + '\0' + query);
    std::printf("fuzz_seed_corpus: %zu seeds in %s\n", out.written, out.root.c_str());
    return 0;
}
