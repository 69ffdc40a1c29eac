# The tables of `scripts/bench --instructions`, from callgrind's dumps of the suites (see
# instruction_count.hpp): a table per suite of the instructions each implementation executed per
# operation and per row, in its client process, with the ratio to raw C's. Of a benchmark's runs,
# the last one is kept, the one Google Benchmark reports, which ran the most operations.
#   awk -f benchmarks/instructions.awk DUMP...   (each suite's dumps in the order written)

BEGIN {
  split("ctsql raw soci libpqxx", implementations, " ")
  split("ctsql|raw C|SOCI|libpqxx", titles, "|")
}

FNR == 1 { benchmark = "" }

# "desc: Trigger: Client Request: <suite> <workload>/<implementation> <operations> <rows>"
/^desc: Trigger: Client Request: / {
  split(substr($0, length("desc: Trigger: Client Request: ") + 1), d, " ")
  suite = d[1]; benchmark = d[2]; operations = d[3]; rows[suite, benchmark] = d[4]
  split(benchmark, part, "/")
  if (!((suite, part[1]) in seen_workload)) {
    seen_workload[suite, part[1]] = 1
    workloads[suite] = workloads[suite] " " part[1]
  }
  if (!(suite in seen_suite)) { seen_suite[suite] = 1; suites[++suite_count] = suite }
  ran[suite, part[2]] = 1
}

/^totals: / && benchmark != "" { per_op[suite, benchmark] = $2 / operations }

# Three significant digits, in thousands, millions or billions: "9.24 k", "31.2 M".
function count(n,    unit) {
  unit = ""
  if (n >= 1e9) { n /= 1e9; unit = " G" } else if (n >= 1e6) { n /= 1e6; unit = " M" } else if (n >= 1e3) { n /= 1e3; unit = " k" }
  return sprintf(n >= 100 ? "%.0f" : n >= 10 ? "%.1f" : "%.2f", n) unit
}

END {
  for (s = 1; s <= suite_count; ++s) {
    suite = suites[s]
    if (s > 1) print ""
    printf "### %s\n\n| workload |", suite
    columns = 0
    for (i = 1; i <= 4; ++i) if ((suite, implementations[i]) in ran) { column[++columns] = i; printf " %s |", titles[i] }
    printf "\n| --- |"
    for (c = 1; c <= columns; ++c) printf " ---: |"
    print ""
    n = split(workloads[suite], names, " ")
    for (w = 1; w <= n; ++w) {
      printf "| %s |", names[w]
      raw = (suite, names[w] "/raw") in per_op ? per_op[suite, names[w] "/raw"] : 0
      for (c = 1; c <= columns; ++c) {
        implementation = implementations[column[c]]
        benchmark = names[w] "/" implementation
        if (!((suite, benchmark) in per_op)) { printf " |"; continue }
        instructions = per_op[suite, benchmark]
        cell = count(instructions)
        if (rows[suite, benchmark] > 0) cell = cell ", " count(instructions / rows[suite, benchmark]) "/row"
        if (raw > 0 && implementation != "raw") cell = cell sprintf(" (%.2f×)", instructions / raw)
        printf " %s |", cell
      }
      print ""
    }
  }
}
