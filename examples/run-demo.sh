#!/usr/bin/env bash
# Compiles the example Hyena and Orchid blocks for the CPU and runs each as
# a layer would run: weights read from a directory of .npy files named as
# docs/weights.md documents them, the filter spectra computed once by the
# prepare function, then timed forward calls checked against the float64
# reference of the block.
#
# Usage: examples/run-demo.sh BUILD_DIR
# The weights, inputs and outputs are left in BUILD_DIR/demo.
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

out="$build_dir/demo"
rm -rf "$out"
mkdir -p "$out"

echo "== examples/hyena.mlir decomposed into primitives (first lines)"
"$opt" --orchid-decompose --orchid-lower-fftconv "$here/hyena.mlir" \
  -o "$out/hyena-decomposed.mlir"
sed -n 1,25p "$out/hyena-decomposed.mlir"
echo "..."
echo
echo "== the filter work hoisted into @hyena_prepare (signatures)"
"$opt" --orchid-decompose --orchid-lower-fftconv --orchid-hoist-filters \
  "$here/hyena.mlir" | grep 'func.func'
echo
echo "== the passes orchid-run --prepare runs: --orchid-cpu-pipeline=prepare=1" \
  "(first lines)"
"$opt" /dev/null --orchid-cpu-pipeline="prepare=1" --dump-pass-pipeline \
  -o /dev/null 2>&1 | sed -n 1,8p

for model in hyena orchid; do
  weights="$out/$model-weights"
  echo
  echo "== examples/$model.mlir: seeded random weights, one .npy per weight"
  "$run" "$here/$model.mlir" --random --seed=1 --save-inputs="$weights"
  "$run" "$here/$model.mlir" --list-weights
  echo
  echo "== examples/$model.mlir: weights from $weights, prepare once," \
    "time the forward calls, check against the reference"
  "$run" "$here/$model.mlir" --weights="$weights" --input="$weights/x.npy" \
    --prepare --check=reference --tolerance=1e-4 --bench=5 \
    --output="$out/$model-out.npy"
  echo "wrote $out/$model-out.npy"
done
