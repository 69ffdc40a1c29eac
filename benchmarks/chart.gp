# gnuplot -c benchmarks/chart.gp DATA.tsv CHART.png: the chart of docs/benchmarks.md. DATA is
# what the suites write with --report_tsv (a header line, then suite, workload, implementation,
# ns per operation, ns per row, ratio to raw C), the suites one after the other. A group of bars
# per workload, the groups of each backend side by side, each bar an implementation's time
# relative to the raw C API's in the same run, its value written above it. scripts/bench runs it.
data = ARG1
set terminal pngcairo size 1600,760 font "DejaVu Sans,12" noenhanced
set output ARG2
set datafile separator "\t"
set datafile missing "-"

implementations = "ctsql raw soci libpqxx"
colors = "#1b9e77 #9a9a9a #d95f02 #7570b3"
implementation(name) = sum [i = 1:words(implementations)] (word(implementations, i) eq name ? i : 0)
title(i) = i == 1 ? "ctsql" : i == 2 ? "raw C" : i == 3 ? "SOCI" : "libpqxx"
do for [i = 1:words(colors)] { set linetype i linecolor rgb word(colors, i) }

# First pass: a place on the x axis for each bar, one apart, a gap before each workload's group
# and a wider one before each backend's; the middle of each group and of each backend, for the
# labels. Each record's place is kept in bar_x, in the order the records come.
stats data skip 1 using 0 nooutput
array bar_x[STATS_records]
array group_x[STATS_records]
array group_name[STATS_records]
array suite_x[STATS_records]
array suite_name[STATS_records]
array suite_end[STATS_records]
bars = 0; groups = 0; suites = 0; x = 0; group_start = 0; suite_start = 0; last_group = ""; last_suite = ""
# new_suite and new_group: each step an assignment, for the serial evaluation below.
new_suite(name) = (suites = suites + 1, suite_name[suites] = name, x = x + (suites > 1 ? 2 : 0), \
                   suite_start = x + 1, last_suite = name)
new_group(name) = (groups = groups + 1, group_name[groups] = name, x = x + 1, group_start = x + 1, last_group = name)
place(suite, workload) = (suite ne last_suite ? new_suite(suite) : 0, \
                          suite . workload ne last_group ? new_group(suite . workload) : 0, \
                          group_name[groups] = workload, x = x + 1, bars = bars + 1, bar_x[bars] = x, \
                          group_x[groups] = (group_start + x) / 2.0, \
                          suite_x[suites] = (suite_start + x) / 2.0, suite_end[suites] = x, 0)
stats data skip 1 using (place(strcol(1), strcol(2))) nooutput
stats data skip 1 using 6 nooutput
highest = STATS_max
lowest = STATS_min

set title "Time per operation relative to the raw C API, measured in the same run (lower is faster)" font ",15"
set ylabel "time / raw C's time"
set xrange [0.5 : x + 1]
set xtics scale 0 rotate by -30 nomirror ()
do for [g = 1:groups] { set xtics add (group_name[g] group_x[g]) }
set key outside right top vertical
set grid ytics lc rgb "#dddddd"
set border 3
set ytics nomirror
set boxwidth 0.85
set style fill solid 0.9 border -1
# Linear from 0 while the slowest is within 10 times raw C; beyond, a log scale keeps the bars
# near 1 readable.
if (highest > 10) {
    set logscale y
    set ytics (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
    set yrange [(lowest < 0.5 ? 0.1 : 0.5) : highest * 2]
} else {
    set yrange [0 : highest * 1.15]
}
set arrow from graph 0, first 1 to graph 1, first 1 nohead dashtype 2 linecolor rgb "#555555" front
do for [s = 1:suites] {
    set label suite_name[s] at suite_x[s], graph 0.96 center font ",14"
    if (s < suites) { set arrow from suite_end[s] + 1.5, graph 0 to suite_end[s] + 1.5, graph 1 nohead linecolor rgb "#999999" }
}

bar = 0
plot bar = 0, data skip 1 using (bar = bar + 1, bar_x[bar]):6:(implementation(strcol(3))) with boxes \
       linecolor variable notitle, \
     bar = 0, data skip 1 using (bar = bar + 1, bar_x[bar]):6:(sprintf("%.2f", column(6))) with labels \
       rotate by 90 left offset 0, 0.4 font ",9" notitle, \
     for [i = 1:words(implementations)] NaN with boxes linetype i title title(i)
