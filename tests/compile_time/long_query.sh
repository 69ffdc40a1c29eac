#!/usr/bin/env bash
# long_query.sh COMPILER INCLUDE_DIR: a query of 150 kB (12,000 result columns) in one literal. With
# the compiler's default constexpr limits it is refused, with a message that names the limit; with
# the limit raised as docs/testing.md#limits says, it compiles.
set -euo pipefail
compiler=$1 include=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo '#include <ctsql/ctsql.hpp>'
  printf 'inline constexpr auto Long = ctsql::query<R"sql(-- name: Long :many\nSELECT id AS c0'
  for ((c = 1; c < 12000; c++)); do printf ', id AS c%d' $c; done
  echo ' FROM users)sql">;'
  echo 'static_assert(Long.name() == "Long");'
} >"$work/long.cpp"
[ "$(stat -c %s "$work/long.cpp")" -gt 150000 ] || { echo "FAIL: the query is shorter than 150 kB"; exit 1; }
if "$compiler" --version | grep -q clang; then
  limit='constexpr evaluation hit maximum step limit' raise=-fconstexpr-steps=400000000
else
  limit='evaluation operation count exceeds limit of [0-9]+ \(use .{1,3}-fconstexpr-ops-limit='
  raise=-fconstexpr-ops-limit=2000000000
fi
compile() { "$compiler" -std=c++20 -fsyntax-only -I"$include" "$@" "$work/long.cpp" >"$work/out.txt" 2>&1; }
if compile; then
  echo "FAIL: a 150 kB query compiled within the default constexpr limits: raise the size this test checks"
  exit 1
fi
# The compilers print the query in their messages: only the start of their output is shown.
grep -qE "$limit" "$work/out.txt" || { echo "FAIL: no message naming the limit:"; head -c 3000 "$work/out.txt"; exit 1; }
compile "$raise" || { echo "FAIL: a 150 kB query did not compile with $raise:"; head -c 3000 "$work/out.txt"; exit 1; }
echo "a 150 kB query: refused by default with the limit named, compiled with $raise"
