#!/bin/bash
# Re-runs gen_tables.py with /usr/bin/python3 and checks that the committed
# tables are reproduced byte for byte.
set -euo pipefail
dir="$TEST_SRCDIR/$TEST_WORKSPACE/unicode"
out="$TEST_TMPDIR/gen"
mkdir -p "$out"
/usr/bin/python3 "$dir/gen_tables.py" "$out"
status=0
for f in props_tables.inc decomp_tables.inc name_tables.inc; do
  if ! cmp -s "$dir/$f" "$out/$f"; then
    echo "unicode/$f differs from what gen_tables.py generates; re-run it:" >&2
    diff "$dir/$f" "$out/$f" | head -20 >&2 || true
    status=1
  fi
done
exit $status
