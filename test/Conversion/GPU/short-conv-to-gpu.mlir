// RUN: orchid-opt %s --orchid-convert-short-conv-to-gpu --split-input-file | FileCheck %s

// One block per row (2 x 3), one thread per position; causal padding 2:
// taps 0 and 1 are guarded (t >= 2 - j), tap 2 reads x[t].
// CHECK-LABEL: func.func @causal
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c6{{.*}}) threads({{.*}}) in ({{.*}} = %c50
// CHECK: scf.for %[[T:.*]] = %{{.*}} to %c50
// CHECK-COUNT-2: arith.cmpi uge
// CHECK: memref.load %{{.*}}[%{{.*}}, %[[T]]] : memref<6x50xf32>
// CHECK-NOT: arith.cmpi
// CHECK: memref.store {{.*}} : memref<6x50xf32>
func.func @causal(%x: tensor<2x3x50xf32>, %w: tensor<3x3xf32>,
                  %b: tensor<3xf32>) -> tensor<2x3x50xf32> {
  %y = orchid.short_conv causal %x, %w, %b
      : tensor<2x3x50xf32>, tensor<3x3xf32>, tensor<3xf32> -> tensor<2x3x50xf32>
  return %y : tensor<2x3x50xf32>
}

// -----

// Centred kernel of 5 taps: two guarded on the left, two on the right; the
// block has at most block-size threads.
// CHECK-LABEL: func.func @centered
// CHECK: threads({{.*}}) in ({{.*}} = %c256
// CHECK-COUNT-2: arith.cmpi uge
// CHECK-COUNT-2: arith.cmpi ult
func.func @centered(%x: tensor<1x2x1000xf32>, %w: tensor<2x5xf32>,
                    %b: tensor<2xf32>) -> tensor<1x2x1000xf32> {
  %y = orchid.short_conv centered %x, %w, %b
      : tensor<1x2x1000xf32>, tensor<2x5xf32>, tensor<2xf32>
        -> tensor<1x2x1000xf32>
  return %y : tensor<1x2x1000xf32>
}
