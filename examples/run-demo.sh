#!/usr/bin/env bash
# Compiles the example Hyena and Orchid blocks for the CPU, runs them on
# seeded random weights and inputs, and checks them against the float64
# reference of each block.
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
run="$build_dir/bin/orchid-run"
for tool in "$opt" "$run"; do
  if [[ ! -x $tool ]]; then
    echo "$0: $tool not found; build first (make build)" >&2
    exit 1
  fi
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== examples/hyena.mlir decomposed into primitives (first lines)"
"$opt" --orchid-decompose --orchid-lower-fftconv "$here/hyena.mlir" \
  -o "$out/hyena-decomposed.mlir"
head -n 25 "$out/hyena-decomposed.mlir"
echo "..."
for model in hyena orchid; do
  echo
  echo "== examples/$model.mlir: compile, run, check against the reference"
  "$run" "$here/$model.mlir" --random --seed=1 --check=reference \
    --tolerance=1e-4 --bench=5 --output="$out/$model-out.npy"
done
