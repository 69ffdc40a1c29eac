# The database servers scripts/test runs the tests against: each on loopback, on a port of its
# own, with its data in a temporary folder that is removed when the script exits, also on
# failure. A backend adds its packages to CTSQL_SERVER_PACKAGES and a start function to
# CTSQL_SERVER_STARTERS; the function exports the URL its tests read (CTSQL_<BACKEND>_URL).
# SQLite needs no server: its tests use files in their own temporary folders and :memory:.

CTSQL_SERVER_PACKAGES=()
CTSQL_SERVER_STARTERS=()
CTSQL_SERVER_STOPPERS=()

stop_servers() {
  local i
  for ((i = ${#CTSQL_SERVER_STOPPERS[@]} - 1; i >= 0; i--)); do "${CTSQL_SERVER_STOPPERS[$i]}" || true; done
  [ -n "${CTSQL_SERVER_ROOT:-}" ] && rm -rf "$CTSQL_SERVER_ROOT"
}

start_servers() {
  CTSQL_SERVER_ROOT=$(mktemp -d /tmp/ctsql-servers.XXXXXX)
  trap stop_servers EXIT
  local starter
  for starter in "${CTSQL_SERVER_STARTERS[@]}"; do "$starter"; done
}

source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"
source "$(dirname "${BASH_SOURCE[0]}")/mariadb.sh"
