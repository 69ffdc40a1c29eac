#!/usr/bin/env bash
# ctsql_check_test.sh CTSQL_CHECK SEED_DIR TOOLS_DIR: ctsql-check on good and broken files.
set -uo pipefail
check=$1 seed=$2 here=$3
failures=0
expect() {  # expect DESCRIPTION EXIT_CODE PATTERN -- ARGS...: runs ctsql-check, checks its exit and output
  local description=$1 code=$2 pattern=$3
  shift 4
  local output status
  output=$("$check" "$@" 2>&1)
  status=$?
  if [ "$status" -ne "$code" ] || ! grep -qF -- "$pattern" <<<"$output"; then
    echo "FAIL: $description: exit $status (expected $code), output lacks: $pattern"
    printf '%s\n' "$output" | head -n 20
    failures=$((failures + 1))
  else
    echo "ok: $description"
  fi
}

expect "the seed in PostgreSQL's dialect, unchanged" 0 "author_name: text" -- \
  --dialect postgresql --schema "$seed/schema.sql" "$seed/users.sql" "$seed/posts.sql"
expect "UpdateUser's COALESCE parameters may be NULL" 0 'parameter $3: text, nullable' -- \
  --dialect postgresql --schema "$seed/schema.sql" "$seed/users.sql"
expect "widths per dialect: INTEGER is 64-bit on SQLite" 0 "column id: 64-bit integer" -- \
  --dialect sqlite --schema "$seed/schema.sqlite.sql" "$seed/users.sql"
expect "JSON output" 0 '{"name": "author_email", "type": "text", "nullable": false}' -- \
  --dialect mysql --format json --schema "$seed/schema.mysql.sql" "$seed/posts.sql"
expect "an unknown column, at its place" 1 "broken_queries.sql:5:12: Misspelled: unknown column 'nmae' in 'users'" -- \
  --dialect postgresql --schema "$seed/schema.sql" "$here/broken_queries.sql"
expect "a parameter gap" 1 "broken_queries.sql:7:1: Gap: parameter '\$2' is never used" -- \
  --dialect postgresql --schema "$seed/schema.sql" "$here/broken_queries.sql"
expect "the good query of a broken file is still printed" 1 "GetUser :one" -- \
  --dialect postgresql --schema "$seed/schema.sql" "$here/broken_queries.sql"
expect "unreadable DDL, at its place" 1 "broken_schema.sql:3:15: schema: cannot read 'SOMETIMES'" -- \
  --dialect postgresql --schema "$here/broken_schema.sql" "$seed/users.sql"
expect "a missing dialect" 2 "--dialect is required" -- --schema "$seed/schema.sql" "$seed/users.sql"
expect "a missing file" 2 "cannot read" -- --dialect sqlite --schema "$seed/schema.sql" "$here/absent.sql"

# Limits (docs/testing.md#limits): what ctsql-check reads, and the error past it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ printf 'CREATE TABLE wide (c0 INTEGER NOT NULL'; for ((c = 1; c < 1000; c++)); do printf ', c%d INTEGER' $c; done; echo ');'; } >"$work/wide.sql"
{ printf -- '-- name: Long :one\nSELECT '"'"; head -c 100000 /dev/zero | tr '\0' x; echo "' AS text"; } >"$work/long.sql"
echo '-- name: All :many' >"$work/all.sql"; echo 'SELECT * FROM wide;' >>"$work/all.sql"
{ echo '-- name: Deep :one'; printf 'SELECT %s1%s AS x' "$(head -c 10000 /dev/zero | tr '\0' '(')" "$(head -c 10000 /dev/zero | tr '\0' ')')"; } >"$work/deep.sql"
{ echo '-- name: Sum :one'; printf 'SELECT $1'; for ((n = 2; n <= 65535; n++)); do printf ' + $%d' $n; done; echo ' AS total'; } >"$work/sum.sql"
{ echo '-- name: Fill :exec'; printf 'INSERT INTO wide VALUES ($1'; for ((n = 2; n <= 1000; n++)); do printf ', $%d' $n; done; echo ');'; } >"$work/fill.sql"
{ echo '-- name: Listed :many'; printf 'SELECT c0 FROM wide WHERE c0 IN (sqlc.slice(ids)) AND c1 = %s1%s;\n' \
    "$(head -c 200 /dev/zero | tr '\0' '(')" "$(head -c 200 /dev/zero | tr '\0' ')')"; } >"$work/listed.sql"
expect "a query of 100 kB" 0 "column text: text" -- --dialect sqlite --schema "$work/wide.sql" "$work/long.sql"
expect "a result of 1000 columns" 0 "column c999: 64-bit integer, nullable" -- \
  --dialect sqlite --schema "$work/wide.sql" "$work/all.sql"
expect "10000 levels of parentheses: too deep to read" 1 \
  "deep.sql:1:1: query: too large to read here: it may need 10001 levels of parentheses, and there is room for 1024" -- \
  --dialect sqlite --schema "$work/wide.sql" "$work/deep.sql"
expect "65535 parameters: more than it reads" 1 "it may need 65535 parameters, and there is room for 1024" -- \
  --dialect postgresql --schema "$work/wide.sql" "$work/sum.sql"
# Fuzz findings: both wrote past a list on the stack.
expect "an INSERT of 1000 values" 0 'parameter $1000: 64-bit integer, nullable' -- \
  --dialect sqlite --schema "$work/wide.sql" "$work/fill.sql"
expect "a list in 200 levels of parentheses" 1 "Listed: expressions and subqueries nest more than 100 levels deep" -- \
  --dialect sqlite --schema "$work/wide.sql" "$work/listed.sql"

[ "$failures" -eq 0 ]
