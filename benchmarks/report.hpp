#pragma once
// What every suite tells report.cpp, the suites' main. Benchmarks are named
// "<workload>/<implementation>": workload one of point_select, fetch_10k, insert_10k,
// bulk_load_100k, update_5k_pipelined, update_5k_sequential; implementation one of ctsql, raw,
// soci, libpqxx. Multi-row workloads count their rows with state.SetItemsProcessed.

namespace bench {

// The suite's title in the tables: "SQLite", "PostgreSQL" or "MySQL". Each suite defines it.
extern const char* const suite_name;

}  // namespace bench
