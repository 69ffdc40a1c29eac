#!/usr/bin/env bash
# generate.sh TABLES QUERIES: a translation unit with a schema of TABLES tables and QUERIES
# schema-checked queries (joins, COALESCE updates, INSERT ... RETURNING), each checked as a call
# of the PostgreSQL dialect would be. Four kinds of query, each in five sizes (more columns, more
# sort keys), as an application's queries differ from one another.
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
extra=(a.note a.amount a.active a.created_at)
order=(name id amount active)
sets=("active = COALESCE(active, TRUE)" "amount = COALESCE(amount, 0)" "parent_id = COALESCE(parent_id, id)" "created_at = COALESCE(created_at, NOW())")
returned=(name note amount active)
join() {  # its arguments, separated by ", "
  local out=$1
  shift
  for item; do out+=", $item"; done
  echo "$out"
}
for ((q = 0; q < queries; q++)); do
  t=$((q % tables)) u=$(( (q + 1) % tables )) size=$(( q / 4 % 5 ))
  case $((q % 4)) in
    0) sql="-- name: Get$q :one
SELECT $(join a.id a.name "${extra[@]:0:size}" "b.name AS parent_name") FROM t$t a LEFT JOIN t$u b ON b.id = a.parent_id WHERE a.id = \$1"
       call="no_row, long" ;;
    1) sql="-- name: List$q :many
SELECT id, name, amount, created_at FROM t$t WHERE active = \$1 AND name LIKE \$2 ORDER BY $(join "created_at DESC" "${order[@]:0:size}") LIMIT \$3"
       call="no_row, bool, const char*, long" ;;
    2) sql="-- name: Update$q :exec
UPDATE t$t SET $(join "name = COALESCE(\$2, name)" "note = COALESCE(\$3, note)" "${sets[@]:0:size}") WHERE id = \$1"
       call="no_row, long, std::optional<std::string>, std::nullopt_t" ;;
    3) sql="-- name: Insert$q :one
INSERT INTO t$t (parent_id, name, note) VALUES (\$1, \$2, \$3) RETURNING $(join id created_at "${returned[@]:0:size}")"
       call="no_row, std::optional<long>, std::string, std::nullopt_t" ;;
  esac
  echo "inline constexpr auto Q$q = ctsql::query<R\"sql($sql)sql\", schema>;"
  echo "static_assert(ok<Q$q, $call>);"
done
