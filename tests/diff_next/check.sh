#!/usr/bin/env bash
# Validates the scripts of this directory against CPython itself (no pyrt needed):
#  1. each test runs twice under the oracle (/usr/bin/python3, 3.11.2) from its own
#     directory with PYTHONHASHSEED=0 and stdin closed: both runs must give identical
#     stdout, stderr's last line and exit status (determinism);
#  2. the exit status must be the one the file declares in a `# exit: N` line (default 0);
#  3. the run must take under 1 second of CPU time (user + sys), print at least 8 lines, and write nothing to stderr
#     unless it exits non-zero or has a `# stderr: expected` line;
#  4. the same file under a second python3 (default: `python3` on PATH, 3.11.7 here) must
#     give identical stdout, exit status and last stderr line (no patch-release behaviour).
# Usage: tests/diff_next/check.sh [FILTER]   (FILTER: only paths containing it)
# Env: ORACLE (default /usr/bin/python3), OTHER (default: python3 on PATH, resolved).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE:-/usr/bin/python3}
OTHER=${OTHER:-$(python3 -c 'import sys; print(sys.executable)')}
FILTER=${1:-}
export PYTHONHASHSEED=0
unset PYTHONSTARTUP
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ok=0; bad=0
run() {  # run INTERP FILE TAG -> $TMP/TAG.out, $TMP/TAG.err, $TMP/TAG.rc
  local dir base
  dir=$(dirname "$2"); base=$(basename "$2")
  (cd "$dir" && timeout 20 "$1" "$base" </dev/null >"$TMP/$3.out" 2>"$TMP/$3.err"; echo $? >"$TMP/$3.rc")
}
lastline() { sed -e '/^$/d' "$1" | tail -n 1; }
while IFS= read -r f; do
  rel=${f#"$HERE"/}
  case "$rel" in *"$FILTER"*) ;; *) continue ;; esac
  want=$(sed -n 's/^# exit: \([0-9]*\).*/\1/p' "$f" | head -n 1); want=${want:-0}
  problems=""
  # CPU time (user + sys) rather than wall time, so a loaded machine does not flag tests.
  cpu=$( { TIMEFORMAT='%3U %3S'; time run "$ORACLE" "$f" a; } 2>&1 )
  ms=$(echo "$cpu" | awk '{ printf "%d", ($1 + $2) * 1000 }')
  run "$ORACLE" "$f" b
  run "$OTHER" "$f" c
  cmp -s "$TMP/a.out" "$TMP/b.out" || problems+=" nondeterministic-stdout"
  [ "$(cat "$TMP/a.rc")" = "$(cat "$TMP/b.rc")" ] || problems+=" nondeterministic-status"
  [ "$(lastline "$TMP/a.err")" = "$(lastline "$TMP/b.err")" ] || problems+=" nondeterministic-stderr"
  [ "$(cat "$TMP/a.rc")" = "$want" ] || problems+=" status=$(cat "$TMP/a.rc")(want $want)"
  [ "$ms" -lt 1000 ] || problems+=" slow(${ms}ms cpu)"
  [ "$(wc -l <"$TMP/a.out")" -ge 8 ] || problems+=" few-lines($(wc -l <"$TMP/a.out"))"
  cmp -s "$TMP/a.out" "$TMP/c.out" || problems+=" stdout-differs-from-$($OTHER -V 2>&1 | cut -d' ' -f2)"
  [ "$(cat "$TMP/a.rc")" = "$(cat "$TMP/c.rc")" ] || problems+=" status-differs-from-other"
  [ "$(lastline "$TMP/a.err")" = "$(lastline "$TMP/c.err")" ] || problems+=" stderr-differs-from-other"
  if [ "$want" = 0 ] && [ -s "$TMP/a.err" ] && ! grep -q "^# stderr: expected" "$f"; then problems+=" unexpected-stderr"; fi
  if [ -n "$problems" ]; then
    echo "BAD  $rel:$problems"; bad=$((bad + 1))
    if [ -n "${VERBOSE:-}" ]; then diff "$TMP/a.out" "$TMP/c.out" | head -20; tail -3 "$TMP/a.err"; fi
  else
    ok=$((ok + 1))
  fi
done < <(find "$HERE" -name '*.py' ! -name '_*' ! -path '*/__pycache__/*' | sort)
echo "$ok ok, $bad bad"
[ "$bad" = 0 ]
