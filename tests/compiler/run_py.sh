#!/bin/sh
# Runs a test script (runfiles-relative path in $1) with the CPython oracle.
script="$1"
shift
PYTHONUTF8=1 exec /usr/bin/python3 "${TEST_SRCDIR}/${TEST_WORKSPACE}/${script}" "$@"
