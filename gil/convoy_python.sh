#!/bin/sh
# Runs convoy.py under the machine's CPython: `bazel run //gil:convoy_python`.
set -eu
for f in "${RUNFILES_DIR:-$0.runfiles}/pyrt/gil/convoy.py" "$(dirname "$0")/convoy.py"; do
  if [ -f "$f" ]; then exec /usr/bin/python3 "$f" "$@"; fi
done
echo "convoy_python: convoy.py not found" >&2
exit 1
