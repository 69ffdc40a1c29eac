# MariaDB for the tests: data folders of their own in the servers' temporary folder, on loopback,
# root without a password from 127.0.0.1 only, a database named ctsql. One on port 33069 (not
# 3306, which a system server may hold) for the tests, one on 33079 for the fault tests to kill
# and start again. Sourced by scripts/lib/servers.sh.

CTSQL_SERVER_PACKAGES+=(mariadb-server libmariadb-dev)
CTSQL_SERVER_STARTERS+=(start_mariadb start_fault_mariadb)
CTSQL_MYSQL_PORT=${CTSQL_MYSQL_PORT:-33069}
CTSQL_FAULT_MYSQL_PORT=${CTSQL_FAULT_MYSQL_PORT:-33079}

# create_mariadb NAME PORT: a data folder in $CTSQL_SERVER_ROOT/NAME, with the server's and the
# clients' settings in NAME/my.cnf (so that run_mariadb NAME starts it again as it was), started,
# with a database ctsql.
create_mariadb() {
  local name=$1 port=$2 data="$CTSQL_SERVER_ROOT/$1" user
  user=$(id -un)
  mkdir -p "$data"
  # The server refuses to run as root unless told to: as root, it runs as Debian's mysql user.
  if [ "$(id -u)" -eq 0 ]; then
    chmod 711 "$CTSQL_SERVER_ROOT"
    chown mysql: "$data"
    user=mysql
  fi
  mariadb-install-db --no-defaults --datadir="$data/data" --user="$user" --auth-root-authentication-method=normal \
    --skip-test-db >"$data/install.log" 2>&1 || { cat "$data/install.log" >&2; return 1; }
  # The log is written at each commit, flushed once a second: a killed server keeps every commit.
  cat >"$data/my.cnf" <<END
[mariadbd]
datadir=$data/data
user=$user
bind-address=127.0.0.1
port=$port
socket=$data/mysqld.sock
pid-file=$data/mysqld.pid
log-error=$data/server.log
skip-log-bin
innodb-flush-log-at-trx-commit=2
innodb-buffer-pool-size=128M
max-connections=200
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci

[client]
host=127.0.0.1
port=$port
user=root
END
  run_mariadb "$name"
  CTSQL_SERVER_STOPPERS+=("stop_mariadb $name")
  mariadb --defaults-file="$data/my.cnf" -e "CREATE DATABASE ctsql" || { cat "$data/server.log" >&2; return 1; }
}

# run_mariadb NAME: starts the server NAME, and waits (a minute at most) until it answers.
run_mariadb() {
  local data="$CTSQL_SERVER_ROOT/$1" pid i
  mariadbd --defaults-file="$data/my.cnf" >/dev/null 2>&1 </dev/null &
  pid=$!
  disown "$pid"  # the fault tests kill it: no news for this shell to print
  for ((i = 0; i < 240; i++)); do
    mariadb-admin --defaults-file="$data/my.cnf" ping >/dev/null 2>&1 && return 0
    alive "$pid" || break
    sleep 0.25
  done
  echo "ctsql: MariaDB $1 did not start" >&2
  cat "$data/server.log" >&2
  return 1
}

# mariadb_pid NAME: the server's process id, if it wrote one.
mariadb_pid() {
  local pid_file="$CTSQL_SERVER_ROOT/$1/mysqld.pid"
  [ -f "$pid_file" ] && cat "$pid_file"
}

# stop_mariadb NAME: asks the server NAME to shut down, and kills it if it has not within 30 s.
stop_mariadb() {
  local pid i
  pid=$(mariadb_pid "$1") || return 0
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 60; i++)); do alive "$pid" || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

# kill_mariadb NAME: kills the server NAME at once, as a crash would (SIGKILL): every session is
# cut off, and what was not committed is gone when it starts again.
kill_mariadb() {
  local pid i
  pid=$(mariadb_pid "$1") || { echo "ctsql: MariaDB $1 is not running" >&2; return 1; }
  kill -9 "$pid"
  for ((i = 0; i < 100; i++)); do alive "$pid" || return 0; sleep 0.1; done
  echo "ctsql: MariaDB $1 outlived SIGKILL" >&2
  return 1
}

start_mariadb() {
  create_mariadb mariadb "$CTSQL_MYSQL_PORT"
  export CTSQL_MYSQL_URL="mysql://root@127.0.0.1:$CTSQL_MYSQL_PORT/ctsql"
  export CTSQL_MYSQL_SOCKET="$CTSQL_SERVER_ROOT/mariadb/mysqld.sock"
  echo "ctsql: MariaDB $(mariadbd --version | awk '{print $3}') on $CTSQL_MYSQL_URL" >&2
}

start_fault_mariadb() {
  create_mariadb mariadb-fault "$CTSQL_FAULT_MYSQL_PORT"
  export_fault_server MYSQL mariadb-fault "mysql://root@127.0.0.1:$CTSQL_FAULT_MYSQL_PORT/ctsql" \
    kill_mariadb run_mariadb
}
