#!/usr/bin/env bash
# Compiles examples/aot/hyena.mlir for three lengths into one library,
# builds hyena_layer.c against the C API and runs it with only the build's
# lib directory on the library path (docs/aot.md).
#   bash examples/aot/run.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out=${2:-$build/aot-example}
mkdir -p "$out"

"$build/bin/orchid-compile" "$here/hyena.mlir" --seq-len=1000,4096,8192 \
  --prepare -o "$out/libhyena.so"
cc -std=c99 -O2 -Wall -Werror -I"$root/runtime/include" "$here/hyena_layer.c" \
  -L"$build/lib" -lorchid_api -o "$out/hyena_layer"
LD_LIBRARY_PATH="$build/lib" "$out/hyena_layer" "$out/libhyena.so"
