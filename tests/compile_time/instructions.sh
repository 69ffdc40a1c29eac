#!/usr/bin/env bash
# instructions.sh COMPILER INCLUDE_DIR [TABLES [QUERIES]]: the instructions the compiler proper
# (g++'s cc1plus, clang's -cc1) executes per schema-checked query of generate.sh, counted by
# valgrind's cachegrind: the difference between QUERIES queries (20 by default, over 10 tables)
# and none, over QUERIES, at -O0. Unlike wall time on a shared machine, the count is the same
# from run to run, so it tells a change to the parse or the analysis that saves a few per cent:
# with address space randomisation off (setarch -R), since clang's hash tables of pointers probe
# differently at other addresses (some 2% apart from run to run with it on).
# Each compile runs some 30 times slower under valgrind: a minute or two. Needs valgrind (Debian
# package valgrind).
set -euo pipefail
compiler=$1 include=$2 tables=${3:-10} queries=${4:-20}
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind (Debian package valgrind)" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# count QUERIES: the instructions the compiler proper executes on a unit of QUERIES queries.
count() {
  "$here/generate.sh" "$tables" "$1" >"$work/q$1.cpp"
  # The driver's -### prints the command line of the compiler proper, each argument quoted; its
  # assembler file, which the driver would remove, goes to the work folder.
  local proper
  proper=$(TMPDIR="$work" "$compiler" -std=c++20 -O0 -c -I"$include" "$work/q$1.cpp" -o "$work/q.o" -### 2>&1 |
           grep -E '(cc1plus|"-cc1")' | head -n 1)
  eval "setarch -R valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null $proper" 2>&1 |
    grep -oE 'I +refs: +[0-9,]+' | tr -dc 0-9
}

none=$(count 0)
some=$(count "$queries")
echo "instructions, $tables tables: $(( (some - none) / queries )) per query ($(basename "$compiler"), -O0, $queries queries)"
