#!/usr/bin/env bash
# Runs every fuzz target of a fuzzing build (`make fuzz`) for SECONDS each,
# from a seed corpus made from the test suite, and fails if any target
# found a crash, a hang or an out-of-memory. Inputs that fail are left in
# BUILD/fuzz/artifacts/<target>/; the grown corpora in BUILD/fuzz/corpus/.
set -uo pipefail
build_dir=${1:?usage: run-fuzzers.sh BUILD_DIR SECONDS}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$build_dir/fuzz"
python3 "$root/scripts/fuzz-corpus.py" "$root" "$work/seeds" || exit 1

# name, binary, seed kind, extra arguments.
targets=(
  "npy orchid-npy-fuzzer npy"
  "front orchid-opt-fuzzer mlir -route=front"
  "cpu orchid-opt-fuzzer mlir -route=cpu"
  "gpu orchid-opt-fuzzer mlir -route=gpu"
)
failed=0
for t in "${targets[@]}"; do
  read -r name binary seeds extra <<<"$t"
  corpus="$work/corpus/$name"
  artifacts="$work/artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  log="$work/$name.log"
  # Each input gets 30 s and 4 GiB; the generator's own limits are far
  # below either, so hitting one is a bug.
  CUDA_ROOT=${CUDA_ROOT:-/usr/local/cuda} \
    "$build_dir/bin/$binary" "$corpus" "$work/seeds/$seeds" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 \
    ${extra:+-ignore_remaining_args=1 $extra} >"$log" 2>&1
  status=$?
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  # libFuzzer also keeps inputs slower than 10 s (slow-unit-*): reported,
  # not failures.
  found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' \
    -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  slow=$(find "$artifacts" -type f -name 'slow-unit-*' | wc -l)
  echo "fuzz $name: ${runs:-0} inputs, $found failing input(s), $slow slow, exit $status"
  if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    failed=1
    grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer|UndefinedBehaviorSanitizer)|runtime error|deadly signal|timeout' "$log" || true
  fi
done
exit "$failed"
