#!/usr/bin/env bash
# Runs the benchmarks built in build directory $1; extra arguments go to
# each benchmark (--quick for a smoke run, --reps=N). Options of one
# benchmark only, such as orchid-bench-fftconv --only=2, need a direct call.
set -euo pipefail
build=${1:?usage: bench/run.sh BUILD_DIR [options]}
shift
"$build/bin/orchid-bench-fftconv" "$@"
echo
if [[ -x $build/bin/orchid-bench-hyena ]]; then
  "$build/bin/orchid-bench-hyena" "$@"
else
  echo "orchid-bench-hyena not built (needs OpenBLAS: libopenblas-dev)"
fi
