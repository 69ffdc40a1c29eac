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

[ "$failures" -eq 0 ]
