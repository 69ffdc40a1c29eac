# PostgreSQL for the tests: clusters of their own in the servers' temporary folder, on loopback,
# trust authentication, a database named ctsql. One on port 54329 (not 5432, which a system
# cluster may hold) for the tests, one on 54339 for the fault tests to kill and start again.
# Sourced by scripts/lib/servers.sh.

CTSQL_SERVER_PACKAGES+=(postgresql libpq-dev)
CTSQL_SERVER_STARTERS+=(start_postgres start_fault_postgres)
CTSQL_POSTGRES_PORT=${CTSQL_POSTGRES_PORT:-54329}
CTSQL_FAULT_POSTGRES_PORT=${CTSQL_FAULT_POSTGRES_PORT:-54339}

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

# create_postgres NAME PORT: a cluster in $CTSQL_SERVER_ROOT/NAME, which keeps its settings (so
# that run_postgres NAME starts it again as it was), started, with a database ctsql.
create_postgres() {
  local name=$1 port=$2 bin data="$CTSQL_SERVER_ROOT/$1"
  bin=$(postgres_bin)
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    chmod 711 "$CTSQL_SERVER_ROOT"
    chown postgres: "$data"
  fi
  as_postgres "$bin/initdb" -D "$data/cluster" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$data/initdb.log" 2>&1 || { cat "$data/initdb.log" >&2; return 1; }
  cat >>"$data/cluster/postgresql.conf" <<END
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
fsync = off
max_connections = 100
END
  run_postgres "$name"
  CTSQL_SERVER_STOPPERS+=("kill_postgres $name")
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ctsql
}

# run_postgres NAME: starts the cluster NAME, and waits until it takes connections.
run_postgres() {
  local data="$CTSQL_SERVER_ROOT/$1"
  as_postgres "$(postgres_bin)/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 start >/dev/null ||
    { cat "$data/server.log" >&2; return 1; }
}

# kill_postgres NAME: stops the cluster NAME at once, as a crash would: every session is cut off,
# nothing is checkpointed, and what was not committed is gone when it starts again.
kill_postgres() {
  as_postgres "$(postgres_bin)/pg_ctl" -D "$CTSQL_SERVER_ROOT/$1/cluster" -m immediate stop >/dev/null 2>&1
}

start_postgres() {
  create_postgres postgres "$CTSQL_POSTGRES_PORT"
  export CTSQL_POSTGRES_URL="postgresql://postgres@127.0.0.1:$CTSQL_POSTGRES_PORT/ctsql"
  echo "ctsql: PostgreSQL $("$(postgres_bin)/postgres" --version | awk '{print $3}') on $CTSQL_POSTGRES_URL" >&2
}

start_fault_postgres() {
  create_postgres postgres-fault "$CTSQL_FAULT_POSTGRES_PORT"
  export_fault_server POSTGRES postgres-fault "postgresql://postgres@127.0.0.1:$CTSQL_FAULT_POSTGRES_PORT/ctsql" \
    kill_postgres run_postgres
}
