// RUN: orchid-opt %s -orchid-convert-short-conv-to-loops=threads=4 -split-input-file | FileCheck %s

// A causal 3-tap filter over rows of 40 steps: rows in parallel chunks, the
// first block of 16 steps shifts its first read by 2 and 1 lanes (zeros in
// front), later blocks read at t0 - 2, t0 - 1, t0; three FMAs per block.
// CHECK-LABEL: func.func @causal
// CHECK-DAG: %[[X:.*]] = memref.collapse_shape %{{.*}} {{\[}}[0, 1], [2]] : memref<2x5x40xf32> into memref<10x40xf32>
// CHECK: scf.parallel (%{{.*}}) = (%c0{{.*}}) to (%c4{{.*}})
// CHECK: %[[FIRST:.*]] = vector.transfer_read %[[X]][%{{.*}}, %c0{{.*}}], %{{.*}} : memref<10x40xf32>, vector<16xf32>
// CHECK: vector.shuffle %{{.*}}, %[[FIRST]] [0, 1, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]
// CHECK: vector.fma
// CHECK: vector.shuffle %{{.*}}, %[[FIRST]] [0, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]
// CHECK: vector.fma
// CHECK: vector.fma
// CHECK: vector.transfer_write
// CHECK: scf.for %[[T0:.*]] = %c16{{.*}} to %c40{{.*}} step %c16
// CHECK-COUNT-3: vector.fma
// CHECK: vector.transfer_write
// CHECK-NOT: orchid.short_conv
func.func @causal(%x: tensor<2x5x40xf32>, %w: tensor<5x3xf32>, %b: tensor<5xf32>) -> tensor<2x5x40xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<2x5x40xf32>, tensor<5x3xf32>, tensor<5xf32> -> tensor<2x5x40xf32>
  return %y : tensor<2x5x40xf32>
}

// -----

// More than 16 leading zeros (a causal 18-tap filter) and dynamic lengths
// stay orchid.short_conv, for orchid-convert-short-conv-to-linalg.
// CHECK-LABEL: func.func @not_converted
// CHECK-COUNT-2: orchid.short_conv
func.func @not_converted(%x: tensor<1x2x40xf32>, %w: tensor<2x18xf32>, %b: tensor<2xf32>,
                         %xd: tensor<1x2x?xf32>, %wd: tensor<2x3xf32>)
    -> (tensor<1x2x40xf32>, tensor<1x2x?xf32>) {
  %y = orchid.short_conv causal %x, %w, %b : tensor<1x2x40xf32>, tensor<2x18xf32>, tensor<2xf32> -> tensor<1x2x40xf32>
  %z = orchid.short_conv causal %xd, %wd, %b : tensor<1x2x?xf32>, tensor<2x3xf32>, tensor<2xf32> -> tensor<1x2x?xf32>
  return %y, %z : tensor<1x2x40xf32>, tensor<1x2x?xf32>
}
