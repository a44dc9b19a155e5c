// RUN: orchid-opt %s -orchid-convert-short-conv-to-linalg -split-input-file | FileCheck %s

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 + d3)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @causal
// CHECK: %[[P:.*]] = tensor.pad %{{.*}} low[0, 0, 2] high[0, 0, 0]
// CHECK: %[[BIAS:.*]] = linalg.generic
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[W]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[P]], %{{.*}} : tensor<1x12x10xf32>, tensor<12x3xf32>)
// CHECK-SAME: outs(%[[BIAS]] : tensor<1x12x8xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @causal(%x: tensor<1x12x8xf32>, %w: tensor<12x3xf32>, %b: tensor<12xf32>) -> tensor<1x12x8xf32> {
  %y = orchid.short_conv causal %x, %w, %b
      : tensor<1x12x8xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<1x12x8xf32>
  return %y : tensor<1x12x8xf32>
}

// -----

// CHECK-LABEL: func.func @centered
// CHECK: tensor.pad %{{.*}} low[0, 0, 2] high[0, 0, 2]
func.func @centered(%x: tensor<2x4x8xf32>, %w: tensor<4x5xf32>, %b: tensor<4xf32>) -> tensor<2x4x8xf32> {
  %y = orchid.short_conv centered %x, %w, %b
      : tensor<2x4x8xf32>, tensor<4x5xf32>, tensor<4xf32> -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}
