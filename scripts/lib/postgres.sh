# PostgreSQL for the tests: a cluster of its own in the servers' temporary folder, on loopback,
# on port 54329 (not 5432, which a system cluster may hold), trust authentication, a database
# named ctsql. Sourced by scripts/lib/servers.sh.

CTSQL_SERVER_PACKAGES+=(postgresql libpq-dev)
CTSQL_SERVER_STARTERS+=(start_postgres)
CTSQL_POSTGRES_PORT=${CTSQL_POSTGRES_PORT:-54329}

# The newest server Debian installed: its tools are not on PATH.
postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "ctsql: no PostgreSQL server under /usr/lib/postgresql" >&2; return 1; }
  echo "$dir"
}

# The server refuses to run as root: as root, run it as the postgres user Debian's package made.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin data="$CTSQL_SERVER_ROOT/postgres"
  bin=$(postgres_bin)
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    chmod 711 "$CTSQL_SERVER_ROOT"
    chown postgres: "$data"
  fi
  as_postgres "$bin/initdb" -D "$data/cluster" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$data/initdb.log" 2>&1 || { cat "$data/initdb.log" >&2; return 1; }
  as_postgres "$bin/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $CTSQL_POSTGRES_PORT -k $data -c fsync=off -c max_connections=100" start \
    >/dev/null || { cat "$data/server.log" >&2; return 1; }
  CTSQL_SERVER_STOPPERS+=(stop_postgres)
  "$bin/createdb" -h 127.0.0.1 -p "$CTSQL_POSTGRES_PORT" -U postgres ctsql
  export CTSQL_POSTGRES_URL="postgresql://postgres@127.0.0.1:$CTSQL_POSTGRES_PORT/ctsql"
  echo "ctsql: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $CTSQL_POSTGRES_URL" >&2
}

stop_postgres() {
  as_postgres "$(postgres_bin)/pg_ctl" -D "$CTSQL_SERVER_ROOT/postgres/cluster" -m immediate stop >/dev/null 2>&1
}
