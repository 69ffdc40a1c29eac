#!/usr/bin/env bash
# expect_rejection.sh SOURCE COMPILER FLAGS...
# Passes when SOURCE fails to compile and the reason ctsql::rejected<...> prints is exactly the
# text of SOURCE's `// expect:` line. The compiler prints the reason in pieces ({"..."}, each
# at most 32 characters) with quotes escaped; they are joined and unescaped here.
set -uo pipefail
source=$1
shift
expected=$(sed -n 's|^// expect: ||p' "$source" | head -n 1)
if [ -z "$expected" ]; then
  echo "FAIL: $source has no '// expect:' line"
  exit 1
fi
if output=$("$@" "$source" 2>&1); then
  echo "FAIL: $source compiled, but ctsql should have rejected it with: $expected"
  exit 1
fi
line=$(printf '%s\n' "$output" | grep -m 1 -E 'rejected<(ctsql::)?fixed_string')
reason=$(printf '%s\n' "$line" | sed 's/.*rejected<//' | grep -oE '\{"([^"\\]|\\.)*"\}' |
         sed -E 's/^\{"//; s/"\}$//' | tr -d '\n' | sed -E "s/\\\\(['\"\\\\])/\\1/g")
if [ "$reason" != "$expected" ]; then
  echo "FAIL: $source was not rejected for the expected reason"
  echo "expected: $expected"
  echo "got:      ${reason:-(no ctsql::rejected<...> in the output)}"
  echo "--- compiler output ---"
  printf '%s\n' "$output" | head -n 40
  exit 1
fi
echo "rejected as expected: $reason"
