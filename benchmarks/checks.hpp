#pragma once
// What every suite (SQLite, MySQL, PostgreSQL) shares: the rows the workloads move, how each
// workload is timed and how its result is checked, and the registration of every workload for
// every implementation. An implementation ("side") is a class with
//   static constexpr const char* name;                       // ctsql, raw, soci or libpqxx
//   std::optional<Account> read_one(std::int64_t id);        // point_select
//   std::vector<Account> read_all();                         // fetch_10k, ORDER BY id
//   void insert_each(const std::vector<Account>&);           // insert_10k: one INSERT each, one transaction
//   void bulk_load(const std::vector<Account>&);             // bulk_load_100k: the fastest bulk path
// reading the table `accounts` and writing the table `loaded_accounts`. A suite's Table class
// creates both on its own connection, fills accounts with rows 1..table_rows, and has
//   void empty_loaded();                                     // outside the timed region
//   std::string check_loaded(int rows);                      // "" when it holds rows 1..rows

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "account.hpp"
#include "instruction_count.hpp"

namespace bench {

// Rows 1..count: what each load writes and what each select must read.
inline std::vector<Account> accounts_up_to(int count) {
    std::vector<Account> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (int i = 1; i <= count; ++i) rows.push_back(account(i));
    return rows;
}

// ---- Timestamps as text ---------------------------------------------------------------------
// SQLite keeps a timestamp as ctsql writes it (docs/sqlite.md): "YYYY-MM-DD HH:MM:SS", then a
// fraction only when there is one, without trailing zeros. PostgreSQL reads that form and writes
// the same (its default DateStyle, ISO). The sides that move timestamps as text (raw SQLite,
// SOCI, libpqxx) write and read it with these, digit by digit as hand-written C code would;
// reading also takes MySQL's fixed six-digit fraction, which SOCI's MySQL backend hands over.

inline constexpr std::size_t timestamp_text_capacity = 27;

// Writes t into out (timestamp_text_capacity characters); returns the length.
inline std::size_t format_timestamp(timestamp t, char* out) {
    using namespace std::chrono;
    const sys_days day = floor<days>(t);
    const year_month_day date{day};
    const hh_mm_ss<microseconds> clock{t - day};
    char* p = out;
    // The number in `digits` digits, zeros in front, then the separator (if any).
    const auto put = [&p](long long value, int digits, char separator) {
        for (int i = digits - 1; i >= 0; --i, value /= 10) p[i] = static_cast<char>('0' + value % 10);
        p += digits;
        if (separator != '\0') *p++ = separator;
    };
    put(static_cast<int>(date.year()), 4, '-');
    put(static_cast<unsigned>(date.month()), 2, '-');
    put(static_cast<unsigned>(date.day()), 2, ' ');
    put(clock.hours().count(), 2, ':');
    put(clock.minutes().count(), 2, ':');
    put(clock.seconds().count(), 2, '\0');
    if (long long micros = clock.subseconds().count(); micros != 0) {
        int digits = 6;
        for (; micros % 10 == 0; micros /= 10) --digits;
        *p++ = '.';
        put(micros, digits, '\0');
    }
    return static_cast<std::size_t>(p - out);
}

// The text's time, or nothing for any other form.
inline std::optional<timestamp> parse_timestamp(std::string_view text) {
    using namespace std::chrono;
    constexpr std::string_view shape = "0000-00-00 00:00:00";
    if (text.size() < shape.size() || text.size() == shape.size() + 1 || text.size() > timestamp_text_capacity)
        return std::nullopt;
    std::size_t at = 0;
    bool well_formed = true;
    const auto number = [&](std::size_t digits) {
        int value = 0;
        for (std::size_t end = at + digits; at < end; ++at) {
            well_formed &= text[at] >= '0' && text[at] <= '9';
            value = value * 10 + (text[at] - '0');
        }
        ++at;  // the separator after it, checked below
        return value;
    };
    const int y = number(4), mo = number(2), d = number(2), h = number(2), mi = number(2), s = number(2);
    well_formed &= text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' && text[16] == ':';
    long long micros = 0;
    if (text.size() > shape.size()) {
        well_formed &= text[shape.size()] == '.';
        at = shape.size() + 1;
        const std::size_t digits = text.size() - at;
        micros = number(digits);
        for (std::size_t i = digits; i < 6; ++i) micros *= 10;
    }
    const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!well_formed || !date.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
    return sys_days{date} + hours{h} + minutes{mi} + seconds{s} + microseconds{micros};
}

// The text's time; any other form is a wrong result, thrown to fail the benchmark.
inline timestamp read_timestamp(std::string_view text) {
    if (const std::optional<timestamp> t = parse_timestamp(text)) return *t;
    throw std::runtime_error{"created_at '" + std::string{text} + "' is not a timestamp"};
}

// ---- Checks ---------------------------------------------------------------------------------

// The first field in which a row read differs from the row expected; empty when they are equal.
inline std::string difference(const Account& read, const Account& expected) {
    const std::string row = "row " + std::to_string(expected.id) + ": ";
    if (read.id != expected.id) return row + "id " + std::to_string(read.id);
    if (read.name != expected.name) return row + "name '" + read.name + "'";
    if (read.note != expected.note) return row + "note " + (read.note ? "'" + *read.note + "'" : "NULL");
    if (read.balance != expected.balance) return row + "balance " + std::to_string(read.balance);
    if (read.active != expected.active) return row + "active " + (read.active ? "true" : "false");
    if (read.created_at != expected.created_at) {
        char text[timestamp_text_capacity];
        return row + "created_at " + std::string{text, format_timestamp(read.created_at, text)};
    }
    return {};
}

inline std::string difference(const std::vector<Account>& read, const std::vector<Account>& expected) {
    if (read.size() != expected.size())
        return std::to_string(read.size()) + " rows read, " + std::to_string(expected.size()) + " expected";
    for (std::size_t i = 0; i < read.size(); ++i)
        if (std::string problem = difference(read[i], expected[i]); !problem.empty()) return problem;
    return {};
}

// A loaded table in a few numbers, each computed by the database: the count, and sums that
// weight each column by its row's id, so that a value in the wrong row shows as well as a wrong
// value. Every sum is exact (integers, or doubles that are multiples of 0.5 below 2^53).
struct table_summary {
    std::int64_t row_count;
    std::int64_t id_sum;
    std::int64_t name_check;     // SUM(id * LENGTH(name))
    std::int64_t note_count;     // COUNT(note)
    std::int64_t note_check;     // SUM(id * LENGTH(note))
    double balance_check;        // SUM(id * balance)
    std::int64_t active_check;   // SUM(id * active)
    std::int64_t created_check;  // SUM(microseconds from first_created to created_at)
};

// The summary of a table holding rows 1..rows.
inline table_summary expected_summary(int rows) {
    table_summary s{};
    for (int i = 1; i <= rows; ++i) {
        const Account a = account(i);
        s.row_count += 1;
        s.id_sum += a.id;
        s.name_check += a.id * static_cast<std::int64_t>(a.name.size());
        s.note_count += a.note ? 1 : 0;
        s.note_check += a.note ? a.id * static_cast<std::int64_t>(a.note->size()) : 0;
        s.balance_check += static_cast<double>(a.id) * a.balance;
        s.active_check += a.active ? a.id : 0;
        s.created_check += (a.created_at - first_created).count();
    }
    return s;
}

// The first number in which the table differs from the rows expected; empty when none does.
inline std::string difference(const table_summary& found, const table_summary& expected) {
    const auto differs = [](const char* what, auto f, auto e) {
        return f == e ? std::string{} : std::string{what} + " is " + std::to_string(f) + ", expected " + std::to_string(e);
    };
    for (std::string problem : {differs("the row count", found.row_count, expected.row_count),
                                differs("SUM(id)", found.id_sum, expected.id_sum),
                                differs("SUM(id * LENGTH(name))", found.name_check, expected.name_check),
                                differs("COUNT(note)", found.note_count, expected.note_count),
                                differs("SUM(id * LENGTH(note))", found.note_check, expected.note_check),
                                differs("SUM(id * balance)", found.balance_check, expected.balance_check),
                                differs("SUM(id * active)", found.active_check, expected.active_check),
                                differs("the sum of created_at's microseconds", found.created_check, expected.created_check)})
        if (!problem.empty()) return "loaded_accounts: " + problem;
    return {};
}

// ---- Workloads ------------------------------------------------------------------------------

// Every result is compared with account(id); the comparison costs the same for each side.
template <class Side>
void point_select(benchmark::State& state, Side& side) {
    static const std::vector<Account> expected = accounts_up_to(table_rows);
    std::int64_t id = 0;
    for (auto _ : state) {
        id = id % table_rows + 1;
        const std::optional<Account> row = counted([&] { return side.read_one(id); });
        if (!row || *row != expected[static_cast<std::size_t>(id - 1)]) {
            const std::string problem = row ? difference(*row, expected[static_cast<std::size_t>(id - 1)])
                                            : "row " + std::to_string(id) + " not found";
            state.SkipWithError(problem.c_str());
            break;
        }
    }
}

// Every iteration's rows are checked, with the timer paused.
template <class Side>
void fetch_all(benchmark::State& state, Side& side) {
    static const std::vector<Account> expected = accounts_up_to(table_rows);
    for (auto _ : state) {
        const std::vector<Account> rows = counted([&] { return side.read_all(); });
        state.PauseTiming();
        const std::string problem = difference(rows, expected);
        state.ResumeTiming();
        if (!problem.empty()) {
            state.SkipWithError(problem.c_str());
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * table_rows);
}

// Each iteration loads `rows` into a table emptied with the timer paused; the table the last
// iteration left is checked.
template <class Table, class Load>
void load(benchmark::State& state, Table& table, int rows, Load load_rows) {
    const std::vector<Account> source = accounts_up_to(rows);
    for (auto _ : state) {
        state.PauseTiming();
        table.empty_loaded();
        state.ResumeTiming();
        counted([&] { load_rows(source); });
    }
    state.SetItemsProcessed(state.iterations() * rows);
    if (const std::string problem = table.check_loaded(rows); !problem.empty()) state.SkipWithError(problem.c_str());
}

// The table, then the side, each made at its first use and kept for the rest of the run.
template <class Table>
Table& table() {
    static Table made;
    return made;
}
template <class Table, class Side>
Side& side() {
    table<Table>();  // first: the side reads what it fills
    static Side made;
    return made;
}

// A failure (a database error, a connection refused) ends the benchmark with its message.
template <class Run>
void reporting_failures(benchmark::State& state, Run run) {
    try {
        run();
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
    }
}

template <class Table, class Side, class Workload>
void register_workload(std::string_view workload, Workload run) {
    const std::string name = std::string{workload} + "/" + Side::name;
    benchmark::RegisterBenchmark(name.c_str(), [run, name](benchmark::State& state) {
        reporting_failures(state, [&] { run(state, side<Table, Side>()); });
        dump_count(name, state);
    })->Unit(benchmark::kMicrosecond);
}

// Registers every workload for every side, workload after workload. Returns true, to be kept
// in a namespace-scope constant: registration happens before main.
template <class Table, class... Sides>
bool register_suite() {
    (register_workload<Table, Sides>("point_select", [](auto& state, auto& s) { point_select(state, s); }), ...);
    (register_workload<Table, Sides>("fetch_10k", [](auto& state, auto& s) { fetch_all(state, s); }), ...);
    (register_workload<Table, Sides>("insert_10k",
                                     [](auto& state, auto& s) {
                                         load(state, table<Table>(), insert_rows, [&](const auto& rows) { s.insert_each(rows); });
                                     }),
     ...);
    (register_workload<Table, Sides>("bulk_load_100k",
                                     [](auto& state, auto& s) {
                                         load(state, table<Table>(), bulk_rows, [&](const auto& rows) { s.bulk_load(rows); });
                                     }),
     ...);
    return true;
}

}  // namespace bench
