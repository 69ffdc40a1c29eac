#!/usr/bin/env bash
# generate.sh TABLES QUERIES: a translation unit with a schema of TABLES tables and QUERIES
# schema-checked queries (joins, COALESCE updates, INSERT ... RETURNING), each checked as a call
# of the PostgreSQL dialect would be.
set -euo pipefail
tables=$1 queries=$2
echo '#include <ctsql/ctsql.hpp>'
echo 'inline constexpr char ddl[] = R"sql('
for ((t = 0; t < tables; t++)); do
  cat <<SQL
CREATE TABLE t$t (
    id BIGSERIAL PRIMARY KEY,
    parent_id BIGINT REFERENCES t$(( (t + 1) % tables ))(id),
    name VARCHAR(100) NOT NULL,
    note TEXT,
    amount NUMERIC(12, 2),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT NOW()
);
SQL
done
echo ')sql";'
echo 'inline constexpr auto schema = ctsql::schema<ddl>;'
echo 'using ctsql::detail::no_row;'
echo 'template <auto& Q, class Row, class... A> constexpr bool ok = ctsql::check_call<std::remove_cvref_t<decltype(Q)>, ctsql::dialect::postgresql, Row, A...>().empty();'
for ((q = 0; q < queries; q++)); do
  t=$((q % tables)) u=$(( (q + 1) % tables ))
  case $((q % 4)) in
    0) sql="-- name: Get$q :one
SELECT a.id, a.name, a.note, b.name AS parent_name FROM t$t a LEFT JOIN t$u b ON b.id = a.parent_id WHERE a.id = \$1"
       call="no_row, long" ;;
    1) sql="-- name: List$q :many
SELECT id, name, amount, created_at FROM t$t WHERE active = \$1 AND name LIKE \$2 ORDER BY created_at DESC LIMIT \$3"
       call="no_row, bool, const char*, long" ;;
    2) sql="-- name: Update$q :exec
UPDATE t$t SET name = COALESCE(\$2, name), note = COALESCE(\$3, note) WHERE id = \$1"
       call="no_row, long, std::optional<std::string>, std::nullopt_t" ;;
    3) sql="-- name: Insert$q :one
INSERT INTO t$t (parent_id, name, note) VALUES (\$1, \$2, \$3) RETURNING id, created_at"
       call="no_row, std::optional<long>, std::string, std::nullopt_t" ;;
  esac
  echo "inline constexpr auto Q$q = ctsql::query<R\"sql($sql)sql\", schema>;"
  echo "static_assert(ok<Q$q, $call>);"
done
