#!/usr/bin/env bash
# measure.sh COMPILER INCLUDE_DIR: compiles generated translation units of 0 and 100
# schema-checked queries over a 20-table schema at -O0, and prints the cost per query.
set -euo pipefail
compiler=$1 include=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compile_ms() {  # compile_ms QUERIES: milliseconds to compile a TU with that many queries
  "$here/generate.sh" 20 "$1" >"$work/q$1.cpp"
  local start end
  start=$(date +%s%N)
  "$compiler" -std=c++20 -O0 -fsyntax-only -I"$include" "$work/q$1.cpp"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
base=$(compile_ms 0)
full=$(compile_ms 100)
line="compile time, 20 tables: 0 queries ${base} ms, 100 queries ${full} ms: $(( (full - base) / 100 )) ms per query ($(basename "$compiler"), -O0, syntax only)"
echo "$line"
# Kept beside the build for scripts/test to print after the suite.
[ -n "${CTSQL_COMPILE_TIME_REPORT:-}" ] && echo "$line" >"$CTSQL_COMPILE_TIME_REPORT"
exit 0
