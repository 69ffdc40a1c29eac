// The suites' main. It runs the benchmarks with Google Benchmark's usual output and flags, then
// prints the suite's table (time per operation of each implementation and its ratio to the raw C
// API, measured in the same run) and whether the targets of docs/benchmarks.md are met.
//
//   bench_<suite> [--report_table=FILE] [--report_targets=FILE] [--report_tsv=FILE] [benchmark flags]
//
// --report_table and --report_targets also write the table and the targets to FILE (Markdown),
// --report_tsv the numbers, for benchmarks/chart.gp. Times are adjusted real time; with
// --benchmark_repetitions, the median of the repetitions. The exit status is 1 when a benchmark
// failed (SkipWithError: a suite uses it when a result is wrong) or none ran; timings never fail.
#include "report.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The rows of the table, in this order.
constexpr std::array<std::string_view, 6> workloads{
    "point_select", "fetch_10k", "insert_10k", "bulk_load_100k", "update_5k_pipelined", "update_5k_sequential",
};

struct implementation {
    std::string_view name;   // in the benchmark's name
    std::string_view title;  // in the table
};
// The columns of the table, in this order; raw is what the others are compared with.
constexpr std::array<implementation, 4> implementations{{
    {"ctsql", "ctsql"}, {"raw", "raw C"}, {"soci", "SOCI"}, {"libpqxx", "libpqxx"},
}};

struct result {
    double ns_per_op;
    double rows_per_op;  // 0 when the benchmark counted no items
};

// Shows every run through Google Benchmark's own display reporter (so that --benchmark_format
// and --benchmark_color still apply), and keeps each benchmark's time and its failures.
class collector : public benchmark::BenchmarkReporter {
public:
    explicit collector(benchmark::BenchmarkReporter& display) : display_{display} {}

    bool ReportContext(const Context& context) override {
        ran_ = true;
        return display_.ReportContext(context);
    }

    void ReportRuns(const std::vector<Run>& runs) override {
        display_.ReportRuns(runs);
        for (const Run& run : runs) collect(run);
    }

    void Finalize() override { display_.Finalize(); }

    bool ran() const { return ran_; }
    const std::map<std::string, result>& results() const { return results_; }
    const std::map<std::string, std::string>& failures() const { return failures_; }

private:
    // A repetition's run is replaced by the median of the repetitions, which is reported after them.
    void collect(const Run& run) {
        const std::string& name = run.run_name.function_name;
        if (run.error_occurred) {
            failures_[name] = run.error_message;
            return;
        }
        if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median") return;
        const double ns = run.GetAdjustedRealTime() * 1e9 / benchmark::GetTimeUnitMultiplier(run.time_unit);
        results_[name] = result{ns, rows_per_op(run)};
    }

    // SetItemsProcessed leaves a rate, items per second of the time the benchmark is timed by
    // (CPU time unless it uses real or manual time): times that time per iteration, the items.
    static double rows_per_op(const Run& run) {
        const auto items = run.counters.find("items_per_second");
        if (items == run.counters.end() || run.iterations == 0) return 0;
        const bool real = run.run_name.time_type == "real_time" || run.run_name.time_type == "manual_time";
        const double seconds = real ? run.real_accumulated_time : run.cpu_accumulated_time;
        return std::round(items->second.value * seconds / static_cast<double>(run.iterations));
    }

    benchmark::BenchmarkReporter& display_;
    bool ran_ = false;
    std::map<std::string, result> results_;
    std::map<std::string, std::string> failures_;
};

std::string fixed(double value, int decimals) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

// Three significant digits in the largest unit that keeps the number at 1 or more: "412 µs".
std::string duration(double ns) {
    constexpr std::array<std::string_view, 4> units{"ns", "µs", "ms", "s"};
    std::size_t unit = 0;
    for (; unit + 1 < units.size() && ns >= 1000; ++unit) ns /= 1000;
    return fixed(ns, ns >= 100 ? 0 : ns >= 10 ? 1 : 2) + " " + std::string{units[unit]};
}

std::string times(double ratio, int decimals) { return fixed(ratio, decimals) + "×"; }

class report {
public:
    explicit report(const std::map<std::string, result>& results) : results_{results} {}

    std::optional<result> find(std::string_view workload, std::string_view implementation) const {
        const auto it = results_.find(std::string{workload} + "/" + std::string{implementation});
        if (it == results_.end()) return std::nullopt;
        return it->second;
    }

    std::optional<double> ratio_to_raw(std::string_view workload, std::string_view implementation) const {
        const auto own = find(workload, implementation);
        const auto raw = find(workload, "raw");
        if (!own || !raw) return std::nullopt;
        return own->ns_per_op / raw->ns_per_op;
    }

    // The Markdown table: a row per workload that ran, a column per implementation that did.
    void table(std::ostream& out) const {
        std::vector<implementation> columns;
        for (const implementation& i : implementations) {
            for (std::string_view w : workloads) {
                if (find(w, i.name)) {
                    columns.push_back(i);
                    break;
                }
            }
        }
        out << "### " << bench::suite_name << "\n\n| workload |";
        for (const implementation& i : columns) out << ' ' << i.title << " |";
        out << "\n| --- |";
        for (std::size_t c = 0; c < columns.size(); ++c) out << " ---: |";
        out << '\n';
        for (std::string_view w : workloads) {
            if (std::none_of(columns.begin(), columns.end(), [&](const implementation& i) { return find(w, i.name); })) {
                continue;
            }
            out << "| " << w << " |";
            for (const implementation& i : columns) out << ' ' << cell(w, i.name) << " |";
            out << '\n';
        }
    }

    // What the targets ask for, from this run: each measured, with its goal, met or missed.
    void targets(std::ostream& out) const {
        out << "| " << bench::suite_name << " | measured | target | |\n| --- | ---: | ---: | --- |\n";
        auto row = [&](const std::string& what, double measured, std::string_view goal, bool met, int decimals) {
            out << "| " << what << " | " << times(measured, decimals) << " | " << goal << " | "
                << (met ? "met" : "**missed**") << " |\n";
        };
        for (std::string_view w : workloads) {
            if (const auto r = ratio_to_raw(w, "ctsql")) {
                row("ctsql / raw C, " + std::string{w}, *r, "≤ 1.05×", *r <= 1.05, 3);
            }
        }
        for (std::string_view other : {"soci", "libpqxx"}) {
            const auto ctsql = find("fetch_10k", "ctsql");
            const auto them = find("fetch_10k", other);
            if (!ctsql || !them) continue;
            const double speedup = them->ns_per_op / ctsql->ns_per_op;
            row("fetch_10k: " + std::string{title(other)} + " / ctsql", speedup, "≥ 2×", speedup >= 2, 2);
        }
        for (std::string_view i : {"ctsql", "raw"}) {
            const auto pipelined = find("update_5k_pipelined", i);
            const auto sequential = find("update_5k_sequential", i);
            if (!pipelined || !sequential) continue;
            const double speedup = sequential->ns_per_op / pipelined->ns_per_op;
            row("update_5k, " + std::string{title(i)} + ": sequential / pipelined", speedup, "≥ 5×", speedup >= 5, 2);
        }
        // The target is COPY's: elsewhere the bulk path is multi-row INSERTs (MySQL) or the same
        // loop of inserts (SQLite, which has no round trips to save), shown for what it is.
        const auto one_by_one = find("insert_10k", "ctsql");
        const auto bulk = find("bulk_load_100k", "ctsql");
        if (one_by_one && bulk && one_by_one->rows_per_op > 0 && bulk->rows_per_op > 0) {
            const double speedup = (one_by_one->ns_per_op / one_by_one->rows_per_op) / (bulk->ns_per_op / bulk->rows_per_op);
            const std::string what = "ctsql, per row: insert_10k / bulk_load_100k";
            if (std::string_view{bench::suite_name} == "PostgreSQL") {
                row(what, speedup, "≥ 20×", speedup >= 20, 2);
            } else {
                out << "| " << what << " | " << times(speedup, 2) << " | — | not judged: the target is COPY's |\n";
            }
        }
    }

    // Tab-separated, a line per result: suite, workload, implementation, ns per operation,
    // ns per row and ratio to raw C ("-" where there is none).
    void tsv(std::ostream& out) const {
        out << "suite\tworkload\timplementation\tns_per_op\tns_per_row\tratio_to_raw\n";
        for (std::string_view w : workloads) {
            for (const implementation& i : implementations) {
                const auto r = find(w, i.name);
                if (!r) continue;
                const auto ratio = ratio_to_raw(w, i.name);
                out << bench::suite_name << '\t' << w << '\t' << i.name << '\t' << fixed(r->ns_per_op, 1) << '\t'
                    << (r->rows_per_op > 0 ? fixed(r->ns_per_op / r->rows_per_op, 2) : "-") << '\t'
                    << (ratio ? fixed(*ratio, 4) : "-") << '\n';
            }
        }
    }

private:
    static std::string_view title(std::string_view name) {
        for (const implementation& i : implementations) {
            if (i.name == name) return i.title;
        }
        return name;
    }

    // "4.12 ms, 412 ns/row (1.01×)": the ratio only for what is compared with raw C.
    std::string cell(std::string_view workload, std::string_view implementation) const {
        const auto r = find(workload, implementation);
        if (!r) return "";
        std::string text = duration(r->ns_per_op);
        if (r->rows_per_op > 0) text += ", " + duration(r->ns_per_op / r->rows_per_op) + "/row";
        if (const auto ratio = ratio_to_raw(workload, implementation); ratio && implementation != "raw") {
            text += " (" + times(*ratio, 2) + ")";
        }
        return text;
    }

    const std::map<std::string, result>& results_;
};

// Takes "--NAME=VALUE" out of argv, before Google Benchmark refuses it as unknown.
std::string take_option(int& argc, char** argv, std::string_view name) {
    const std::string prefix = "--" + std::string{name} + "=";
    std::string value;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg{argv[i]};
        if (arg.starts_with(prefix)) {
            value = arg.substr(prefix.size());
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    return value;
}

// Writes what print writes to the file path names, if it names one.
template <class Print>
bool write_file(const std::string& path, Print print) {
    if (path.empty()) return true;
    std::ofstream out{path};
    print(out);
    out.close();
    if (!out) std::cerr << "ctsql bench: could not write " << path << '\n';
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string table_file = take_option(argc, argv, "report_table");
    const std::string targets_file = take_option(argc, argv, "report_targets");
    const std::string tsv_file = take_option(argc, argv, "report_tsv");
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    collector runs{*benchmark::CreateDefaultDisplayReporter()};
    const std::size_t matched = benchmark::RunSpecifiedBenchmarks(&runs);
    benchmark::Shutdown();
    if (matched == 0) {
        std::cerr << "ctsql bench: no benchmark matched\n";
        return 1;
    }
    if (!runs.ran()) return 0;  // --benchmark_list_tests: listed, not run

    const report suite{runs.results()};
    if (!runs.results().empty()) {
        std::cout << '\n';
        suite.table(std::cout);
        std::cout << '\n';
        suite.targets(std::cout);
    }
    bool ok = write_file(table_file, [&](std::ostream& out) { suite.table(out); });
    ok = write_file(targets_file, [&](std::ostream& out) { suite.targets(out); }) && ok;
    ok = write_file(tsv_file, [&](std::ostream& out) { suite.tsv(out); }) && ok;

    for (const auto& [name, message] : runs.failures()) {
        std::cerr << "ctsql bench: FAILED " << name << ": " << message << '\n';
    }
    if (runs.results().empty() && runs.failures().empty()) std::cerr << "ctsql bench: no benchmark ran\n";
    return ok && runs.failures().empty() && !runs.results().empty() ? 0 : 1;
}
