#!/usr/bin/env bash
# Runs every test of a configured build through ctest (the lit suite and the
# unit tests) and ends with one summary line that counts each lit test.
set -uo pipefail
build_dir=${1:-build}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

rm -f "$build_dir/lit-results.json"
(cd "$build_dir" && ctest --output-on-failure) 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# lit writes one entry per test to a JSON report.
read -r lit_passed lit_failed lit_skipped < <(python3 - "$build_dir/lit-results.json" <<'PY'
import json, sys
try:
    tests = json.load(open(sys.argv[1]))["tests"]
except (OSError, ValueError, KeyError):
    tests = []
codes = [t["code"] for t in tests]
ok = sum(c in ("PASS", "XFAIL") for c in codes)
skipped = sum(c == "UNSUPPORTED" for c in codes)
print(ok, len(codes) - ok - skipped, skipped)
PY
)

ctest_line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
ctest_total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"${ctest_line:-out of 0}")
ctest_failed=$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"${ctest_line:- 0 tests failed}")
lit_entry_failed=0
grep -qE '^\s*[0-9]+ - lit \(' "$log" && lit_entry_failed=1

# lit itself failing (no tests found, bad config) counts as one failure.
if [ "$lit_entry_failed" -eq 1 ] && [ "$lit_failed" -eq 0 ]; then lit_failed=1; fi
unit_failed=$(( ctest_failed - lit_entry_failed ))
unit_passed=$(( ctest_total - 1 - unit_failed ))
echo "$(( lit_passed + unit_passed )) passed, $(( lit_failed + unit_failed )) failed, ${lit_skipped} skipped"
exit "$status"
