#!/usr/bin/env bash
# run_blog.sh BLOG URL_VARIABLE: runs the blog example against the database whose URL is in the
# environment variable URL_VARIABLE (a SQLite file is made anew), twice: the first run may apply migrations, the second must
# apply none, and both must run the whole flow. Skipped (77) when the variable is not set, failed
# instead under CTSQL_REQUIRE_SERVERS.
set -euo pipefail
blog=$1 variable=$2
url=${!variable:-}
if [ -z "$url" ]; then
  if [ -n "${CTSQL_REQUIRE_SERVERS:-}" ]; then echo "$variable is not set, but CTSQL_REQUIRE_SERVERS is" >&2; exit 1; fi
  echo "skipped: $variable is not set" >&2
  exit 77
fi
# A SQLite database starts anew, so that an edited migration is not refused as changed.
if [[ $url == sqlite://* ]]; then rm -f "${url#sqlite://}"; fi
for run in first second; do
  output=$(DATABASE_URL=$url "$blog")
  echo "$output"
  grep -q '^8\. ' <<<"$output" && grep -q '^done$' <<<"$output" || { echo "the $run run did not finish the flow" >&2; exit 1; }
done
grep -q '^migrations: 0 applied$' <<<"$output" || { echo "the second run applied migrations again" >&2; exit 1; }
