# MariaDB for the tests: a data folder of its own in the servers' temporary folder, on loopback,
# on port 33069 (not 3306, which a system server may hold), root without a password from
# 127.0.0.1 only, a database named ctsql. Sourced by scripts/lib/servers.sh.

CTSQL_SERVER_PACKAGES+=(mariadb-server libmariadb-dev)
CTSQL_SERVER_STARTERS+=(start_mariadb)
CTSQL_MYSQL_PORT=${CTSQL_MYSQL_PORT:-33069}

start_mariadb() {
  local data="$CTSQL_SERVER_ROOT/mariadb" user
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
  mariadbd --no-defaults --datadir="$data/data" --user="$user" --bind-address=127.0.0.1 --port="$CTSQL_MYSQL_PORT" \
    --socket="$data/mysqld.sock" --pid-file="$data/mysqld.pid" --log-error="$data/server.log" --skip-log-bin \
    --innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=128M --max-connections=200 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &
  CTSQL_SERVER_STOPPERS+=(stop_mariadb)
  local i
  for ((i = 0; i < 120; i++)); do
    mariadb-admin --no-defaults -h 127.0.0.1 -P "$CTSQL_MYSQL_PORT" -u root ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb --no-defaults -h 127.0.0.1 -P "$CTSQL_MYSQL_PORT" -u root -e "CREATE DATABASE ctsql" ||
    { cat "$data/server.log" >&2; return 1; }
  export CTSQL_MYSQL_URL="mysql://root@127.0.0.1:$CTSQL_MYSQL_PORT/ctsql"
  export CTSQL_MYSQL_SOCKET="$data/mysqld.sock"
  echo "ctsql: MariaDB $(mariadbd --version | awk '{print $3}') on $CTSQL_MYSQL_URL" >&2
}

stop_mariadb() {
  local pid_file="$CTSQL_SERVER_ROOT/mariadb/mysqld.pid" pid i
  [ -f "$pid_file" ] || return 0
  pid=$(cat "$pid_file")
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}
