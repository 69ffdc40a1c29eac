# Installs Debian packages that are missing, once, quietly. Sourced by scripts/demo and scripts/test.

# ensure_packages PACKAGE...: installs those not yet installed (needs root, or sudo).
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local run_as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "ctsql: please install these Debian packages: ${missing[*]}" >&2; return 1; }
    run_as_root=(sudo)
  fi
  echo "ctsql: installing Debian packages: ${missing[*]}" >&2
  local log
  log=$(mktemp)
  if ! { "${run_as_root[@]}" apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "ctsql: could not install: ${missing[*]}" >&2
    return 1
  fi
  rm -f "$log"
}

# What building ctsql and its SQLite quickstart needs.
CTSQL_BUILD_PACKAGES=(g++ cmake make libboost1.81-dev libfmt-dev libsqlite3-dev)
