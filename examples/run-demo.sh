#!/usr/bin/env bash
# Runs the example Hyena block through orchid-opt.
#
# Usage: examples/run-demo.sh BUILD_DIR
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi

build_dir=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
opt="$build_dir/bin/orchid-opt"
if [[ ! -x $opt ]]; then
  echo "$0: $opt not found; build first (make build)" >&2
  exit 1
fi

echo "== examples/hyena.mlir after --orchid-lower-fftconv"
"$opt" --orchid-lower-fftconv "$here/hyena.mlir"
