#!/bin/bash
# Differential test of the VM: runs each vm/testdata/*.py under pyrt and under
# /usr/bin/python3 from the file's directory and compares stdout, stderr (with the
# directory prefix of file names removed) and the exit status.
set -u
PYRT="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
fail=0
for f in "$@"; do
  dir="$(cd "$(dirname "$f")" && pwd)"
  base="$(basename "$f")"
  (cd "$dir" && "$PYRT" "$base" >/tmp/vm_diff_o1.$$ 2>/tmp/vm_diff_e1.$$; echo "exit $?" >>/tmp/vm_diff_o1.$$)
  (cd "$dir" && /usr/bin/python3 "$base" >/tmp/vm_diff_o2.$$ 2>/tmp/vm_diff_e2.$$; echo "exit $?" >>/tmp/vm_diff_o2.$$)
  sed -i "s|$dir/||g" /tmp/vm_diff_e1.$$ /tmp/vm_diff_e2.$$
  if cmp -s /tmp/vm_diff_o1.$$ /tmp/vm_diff_o2.$$ && cmp -s /tmp/vm_diff_e1.$$ /tmp/vm_diff_e2.$$; then
    echo "PASS $base"
  else
    echo "FAIL $base"
    diff /tmp/vm_diff_o1.$$ /tmp/vm_diff_o2.$$ | head -20
    diff /tmp/vm_diff_e1.$$ /tmp/vm_diff_e2.$$ | head -20
    fail=1
  fi
done
rm -f /tmp/vm_diff_[oe][12].$$
exit $fail
