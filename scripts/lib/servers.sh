# The database servers scripts/test runs the tests against: each on loopback, on a port of its
# own, with its data in a temporary folder that is removed when the script exits, also on
# failure. A backend adds its packages to CTSQL_SERVER_PACKAGES and a start function to
# CTSQL_SERVER_STARTERS; the function exports the URL its tests read (CTSQL_<BACKEND>_URL), and
# adds the command that stops the server (a function and its arguments) to CTSQL_SERVER_STOPPERS.
# SQLite needs no server: its tests use files in their own temporary folders and :memory:.
#
# Each backend also starts a second, "fault" server, which the fault tests kill and start again
# while the other tests go on with the first: CTSQL_FAULT_<BACKEND>_URL, and
# CTSQL_FAULT_<BACKEND>_CONTROL, a script that takes `kill` or `start`.

CTSQL_SERVER_PACKAGES=()
CTSQL_SERVER_STARTERS=()
CTSQL_SERVER_STOPPERS=()
CTSQL_SERVER_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

stop_servers() {
  local i
  # Unquoted: each entry is a function and its arguments.
  for ((i = ${#CTSQL_SERVER_STOPPERS[@]} - 1; i >= 0; i--)); do ${CTSQL_SERVER_STOPPERS[$i]} || true; done
  [ -n "${CTSQL_SERVER_ROOT:-}" ] && rm -rf "$CTSQL_SERVER_ROOT"
}

start_servers() {
  CTSQL_SERVER_ROOT=$(mktemp -d /tmp/ctsql-servers.XXXXXX)
  trap stop_servers EXIT
  local starter
  for starter in "${CTSQL_SERVER_STARTERS[@]}"; do "$starter"; done
}

# export_fault_server BACKEND NAME URL KILL START: exports the URL of the server NAME as
# CTSQL_FAULT_<BACKEND>_URL, and as CTSQL_FAULT_<BACKEND>_CONTROL a script it writes in the
# server's folder, which runs `KILL NAME` when given `kill` and `START NAME` when given `start`.
export_fault_server() {
  local backend=$1 name=$2 url=$3 kill=$4 start=$5 script="$CTSQL_SERVER_ROOT/$2/control"
  cat >"$script" <<END
#!/usr/bin/env bash
# $script kill|start: the $name server of the fault tests, killed or started again.
set -euo pipefail
CTSQL_SERVER_ROOT=$(printf %q "$CTSQL_SERVER_ROOT")
source $(printf %q "$CTSQL_SERVER_LIB/servers.sh")
case "\${1:-}" in
  kill) $kill $name ;;
  start) $start $name ;;
  *) echo "usage: \$0 kill|start" >&2; exit 2 ;;
esac
END
  chmod 755 "$script"
  export "CTSQL_FAULT_${backend}_URL=$url" "CTSQL_FAULT_${backend}_CONTROL=$script"
  echo "ctsql: $name, for the fault tests, on $url" >&2
}

# alive PID: the process runs (a zombie, which a container's first process may never reap,
# does not).
alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

source "$CTSQL_SERVER_LIB/postgres.sh"
source "$CTSQL_SERVER_LIB/mariadb.sh"
