// UNSUPPORTED: cuda-gpu
// Without a GPU (no driver) orchid-run --target=cuda reports why instead
// of crashing.
// RUN: not orchid-run %s --target=cuda --random 2>&1 | FileCheck %s
// CHECK: orchid-run: error: no usable CUDA GPU: {{cannot load the CUDA driver|cuInit failed|no CUDA device}}

func.func @short(%x: tensor<1x2x8xf32>, %w: tensor<2x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x8xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<1x2x8xf32>, tensor<2x3xf32>, tensor<2xf32> -> tensor<1x2x8xf32>
  return %y : tensor<1x2x8xf32>
}
