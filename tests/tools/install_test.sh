#!/usr/bin/env bash
# install_test.sh BUILD_DIR SOURCE_DIR CXX: installs the build into a new prefix, then builds a
# consumer project against it with find_package and with pkg-config, and with ctsql as its
# subdirectory, and runs each. A component that does not exist must fail find_package with a
# message that says so.
set -euo pipefail
build=$1 source=$(cd "$2" && pwd) cxx=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null

consumer="$source/tests/install/consumer"
CXX=$cxx cmake -S "$consumer" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCONSUMER_COMPONENTS="sqlite;postgres;mysql;any" >/dev/null
cmake --build "$work/cmake" >/dev/null
"$work/cmake/consumer"
echo "find_package: built and ran"

CXX=$cxx cmake -S "$consumer" -B "$work/subdirectory" -DCTSQL_SOURCE_DIR="$source" >/dev/null
cmake --build "$work/subdirectory" >/dev/null
"$work/subdirectory/consumer"
echo "add_subdirectory: built and ran"

export PKG_CONFIG_PATH="$work/prefix/share/pkgconfig"
for module in ctsql ctsql-sqlite ctsql-postgres ctsql-mysql; do pkg-config --exists --print-errors "$module"; done
# shellcheck disable=SC2046  # the flags are words
"$cxx" -std=c++20 -o "$work/pkgconfig_main" "$consumer/pkgconfig_main.cpp" $(pkg-config --cflags --libs ctsql-sqlite)
"$work/pkgconfig_main"
# shellcheck disable=SC2046
"$cxx" -std=c++20 -o "$work/pkgconfig_clients" "$consumer/pkgconfig_clients.cpp" \
  $(pkg-config --cflags --libs ctsql-postgres ctsql-mysql)
"$work/pkgconfig_clients"
echo "pkg-config: built and ran"

if CXX=$cxx cmake -S "$consumer" -B "$work/missing" -DCMAKE_PREFIX_PATH="$work/prefix" \
     -DCONSUMER_COMPONENTS="sqlite;oracle" >"$work/missing.log" 2>&1; then
  echo "find_package accepted a component that does not exist" >&2
  exit 1
fi
grep -q "ctsql has no component 'oracle'" "$work/missing.log" || { cat "$work/missing.log" >&2; exit 1; }
echo "find_package: an unknown component is a configure error"
