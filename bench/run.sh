#!/usr/bin/env bash
# Runs the benchmarks built in build directory $1; extra arguments go to
# the benchmark (for example --quick or --only=2).
set -euo pipefail
build=${1:?usage: bench/run.sh BUILD_DIR [options]}
shift
"$build/bin/orchid-bench-fftconv" "$@"
