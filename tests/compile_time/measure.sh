#!/usr/bin/env bash
# measure.sh [--markdown] [--runs N] COMPILER INCLUDE_DIR [TABLES [QUERIES...]]: compiles a
# translation unit from generate.sh for each count of schema-checked queries (by default 0 and
# 100, over 20 tables) at -O0, and prints the time each took, the cost per query added (from the
# first count to the last) and the compiler's peak memory at the last.
#   --markdown  prints a row of the table in docs/benchmarks.md instead: compiler, milliseconds
#               for each count, milliseconds per query, peak MiB
#   --runs N    compiles each unit N times and keeps the fastest (the machine's noise only adds),
#               in N rounds over the units: a slow spell of a shared machine then falls on every
#               unit alike, not on the units compiled while it lasted
# The ctest "compile time" test runs it with the defaults; scripts/bench with 10 tables, 0 50 100.
set -euo pipefail
markdown=false runs=1
while [ $# -gt 0 ]; do
  case $1 in
    --markdown) markdown=true; shift ;;
    --runs) runs=$2; shift 2 ;;
    *) break ;;
  esac
done
compiler=$1 include=$2 tables=${3:-20}
shift $(( $# < 3 ? $# : 3 ))
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(0 100)
[ -x /usr/bin/time ] || { echo "measure.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for count in "${counts[@]}"; do "$here/generate.sh" "$tables" "$count" >"$work/q$count.cpp"; done

# compile QUERIES: sets ms, the time one compile of the unit of QUERIES queries took, and kib, its
# peak resident memory, the compiler proper's included (GNU time reads what the driver waited for).
compile() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/peak" \
    "$compiler" -std=c++20 -O0 -c -o "$work/q.o" -I"$include" "$work/q$1.cpp"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 )) kib=$(tail -n 1 "$work/peak")
}

times=() peak_kib=0
for ((run = 0; run < runs; run++)); do
  for i in "${!counts[@]}"; do
    compile "${counts[$i]}"
    if [ -z "${times[$i]:-}" ] || [ "$ms" -lt "${times[$i]}" ]; then times[$i]=$ms; fi
    if [ "$i" -eq $(( ${#counts[@]} - 1 )) ] && [ "$kib" -gt "$peak_kib" ]; then peak_kib=$kib; fi
  done
done
first=${counts[0]} last=${counts[-1]}
per_query=$(awk -v a="${times[0]}" -v b="${times[-1]}" -v n=$((last - first)) 'BEGIN { printf "%.1f", (b - a) / n }')
peak_mib=$(( peak_kib / 1024 ))

if $markdown; then
  version=$("$compiler" --version | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1)
  printf '| %s %s |' "$(basename "$compiler")" "$version"
  printf ' %s |' "${times[@]}"
  printf ' %s | %s |\n' "$per_query" "$peak_mib"
  exit 0
fi
line="compile time, $tables tables:"
for i in "${!counts[@]}"; do line+=" ${counts[$i]} queries ${times[$i]} ms,"; done
line="${line%,}: $per_query ms per query, peak $peak_mib MiB at $last queries ($(basename "$compiler"), -O0)"
echo "$line"
# Kept beside the build for scripts/test to print after the suite.
[ -n "${CTSQL_COMPILE_TIME_REPORT:-}" ] && echo "$line" >"$CTSQL_COMPILE_TIME_REPORT"
exit 0
