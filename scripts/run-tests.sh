#!/usr/bin/env bash
# Runs every test of a configured build through ctest (the lit suite and the
# unit tests) and ends with one summary line that counts each lit test.
set -uo pipefail
build_dir=${1:-build}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

(cd "$build_dir" && ctest --output-on-failure) 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

lit_count() { # lit's summary lines read "  Passed: 12 (100.00%)"
  grep -E "^\s+$1\s*:" "$log" | tail -1 | awk '{print $2}'
}
lit_passed=$(lit_count Passed); lit_passed=${lit_passed:-0}
lit_failed=$(lit_count Failed); lit_failed=${lit_failed:-0}
lit_skipped=$(lit_count Unsupported); lit_skipped=${lit_skipped:-0}

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
