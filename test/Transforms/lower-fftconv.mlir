// RUN: orchid-opt %s --orchid-lower-fftconv -split-input-file | FileCheck %s

// A causal convolution zero-pads its kernel to the smallest fast size
// n >= 2L - 1 (16 for L = 8) and computes its spectrum once.

// CHECK-LABEL: func @causal
// CHECK-SAME: (%[[U:.*]]: tensor<1x4x8xf32>, %[[K:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-NOT: linalg
// CHECK: %[[S:.*]] = orchid.rfft %[[K]] size 16 : tensor<4x8xf32> -> tensor<4x9xcomplex<f32>>
// CHECK-NEXT: %[[Y:.*]] = orchid.spectral_conv %[[U]], %[[S]], %[[B]] size 16 : tensor<1x4x8xf32>, tensor<4x9xcomplex<f32>>, tensor<4xf32> -> tensor<1x4x8xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: orchid.fftconv
func.func @causal(%u: tensor<1x4x8xf32>, %k: tensor<4x8xf32>,
                  %b: tensor<4xf32>) -> tensor<1x4x8xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// -----

// The fast size need not be a power of two: 2L - 1 = 9 gives n = 10.

// CHECK-LABEL: func @causal_fast_size
// CHECK: orchid.rfft %{{.*}} size 10 : tensor<4x5xf32> -> tensor<4x6xcomplex<f32>>
// CHECK: orchid.spectral_conv %{{.*}} size 10 :
func.func @causal_fast_size(%u: tensor<1x4x5xf32>, %k: tensor<4x5xf32>,
                            %b: tensor<4xf32>) -> tensor<1x4x5xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<1x4x5xf32>, tensor<4x5xf32>, tensor<4xf32> -> tensor<1x4x5xf32>
  return %y : tensor<1x4x5xf32>
}

// -----

// A bidirectional kernel (2L - 1 taps centred at L - 1) is rotated onto the
// n-point grid: taps for lags 0..L-1 (indices 7..14) to 0..7, taps for lags
// -(L-1)..-1 (indices 0..6) to n-(L-1).. = 9..15, zeros in between.

// CHECK-LABEL: func @bidirectional
// CHECK-SAME: (%[[U:.*]]: tensor<1x4x8xf32>, %[[K:.*]]: tensor<4x15xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK: %[[GRID:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<4x16xf32>)
// CHECK: %[[POS:.*]] = tensor.extract_slice %[[K]][0, 7] [4, 8] [1, 1] : tensor<4x15xf32> to tensor<4x8xf32>
// CHECK: %[[G1:.*]] = tensor.insert_slice %[[POS]] into %[[GRID]][0, 0] [4, 8] [1, 1]
// CHECK: %[[NEG:.*]] = tensor.extract_slice %[[K]][0, 0] [4, 7] [1, 1] : tensor<4x15xf32> to tensor<4x7xf32>
// CHECK: %[[G2:.*]] = tensor.insert_slice %[[NEG]] into %[[G1]][0, 9] [4, 7] [1, 1]
// CHECK: %[[S:.*]] = orchid.rfft %[[G2]] size 16 : tensor<4x16xf32> -> tensor<4x9xcomplex<f32>>
// CHECK: orchid.spectral_conv %[[U]], %[[S]], %[[B]] size 16 :
// CHECK-NOT: wrap
func.func @bidirectional(%u: tensor<1x4x8xf32>, %k: tensor<4x15xf32>,
                         %b: tensor<4xf32>) -> tensor<1x4x8xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b
      : tensor<1x4x8xf32>, tensor<4x15xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// -----

// A circular convolution on a grid larger than L folds the linear result
// modulo L.

// CHECK-LABEL: func @circular_wrap
// CHECK: %[[S:.*]] = orchid.rfft %{{.*}} size 16 : tensor<4x8xf32> -> tensor<4x9xcomplex<f32>>
// CHECK: orchid.spectral_conv %{{.*}}, %[[S]], %{{.*}} size 16 wrap :
func.func @circular_wrap(%u: tensor<1x4x8xf32>, %k: tensor<4x8xf32>,
                         %b: tensor<4xf32>) -> tensor<1x4x8xf32> {
  %y = orchid.fftconv circular %u, %k, %b
      : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// -----

// On exactly L points the transform is already circular: no wrap.

// CHECK-LABEL: func @circular_exact
// CHECK: %[[S:.*]] = orchid.rfft %{{.*}} size 8 : tensor<4x8xf32> -> tensor<4x5xcomplex<f32>>
// CHECK: orchid.spectral_conv %{{.*}}, %[[S]], %{{.*}} size 8 : tensor<1x4x8xf32>, tensor<4x5xcomplex<f32>>
// CHECK-NOT: wrap
func.func @circular_exact(%u: tensor<1x4x8xf32>, %k: tensor<4x8xf32>,
                          %b: tensor<4xf32>) -> tensor<1x4x8xf32> {
  %y = orchid.fftconv circular %u, %k, %b {fft_size = 8 : i64}
      : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// -----

// A given fft_size is used as is; scale multiplies the kernel before its
// transform, so the input side is unchanged.

// CHECK-LABEL: func @scale_fixed_size
// CHECK-SAME: (%[[U:.*]]: tensor<1x4x8xf32>, %[[K:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[C:.*]] = arith.constant 1.250000e-01 : f32
// CHECK: %[[SCALED:.*]] = linalg.generic {{.*}} ins(%[[K]] : tensor<4x8xf32>)
// CHECK: arith.mulf %{{.*}}, %[[C]] : f32
// CHECK: %[[S:.*]] = orchid.rfft %[[SCALED]] size 20 : tensor<4x8xf32> -> tensor<4x11xcomplex<f32>>
// CHECK: orchid.spectral_conv %[[U]], %[[S]], %[[B]] size 20 wrap :
func.func @scale_fixed_size(%u: tensor<1x4x8xf32>, %k: tensor<4x8xf32>,
                            %b: tensor<4xf32>) -> tensor<1x4x8xf32> {
  %y = orchid.fftconv circular %u, %k, %b {scale = 0.125 : f64, fft_size = 20 : i64}
      : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// -----

// A per-batch kernel (Orchid's data-dependent kernels) gives a per-batch
// spectrum.

// CHECK-LABEL: func @per_batch_kernel
// CHECK: %[[S:.*]] = orchid.rfft %{{.*}} size 16 : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
// CHECK: orchid.spectral_conv %{{.*}}, %[[S]], %{{.*}} size 16 : tensor<2x4x8xf32>, tensor<2x4x9xcomplex<f32>>, tensor<4xf32> -> tensor<2x4x8xf32>
func.func @per_batch_kernel(%u: tensor<2x4x8xf32>, %k: tensor<2x4x8xf32>,
                            %b: tensor<4xf32>) -> tensor<2x4x8xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<2x4x8xf32>, tensor<2x4x8xf32>, tensor<4xf32> -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// -----

// The transform size depends on L: a dynamic length is left to a later
// specialisation.

// CHECK-LABEL: func @dynamic_length
// CHECK: orchid.fftconv causal %{{.*}} : tensor<1x4x?xf32>, tensor<4x?xf32>, tensor<4xf32> -> tensor<1x4x?xf32>
// CHECK-NOT: orchid.rfft
// CHECK-NOT: orchid.spectral_conv
func.func @dynamic_length(%u: tensor<1x4x?xf32>, %k: tensor<4x?xf32>,
                          %b: tensor<4xf32>) -> tensor<1x4x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<1x4x?xf32>, tensor<4x?xf32>, tensor<4xf32> -> tensor<1x4x?xf32>
  return %y : tensor<1x4x?xf32>
}

// -----

// L = 2^20 is the longest causal length on a grid within fft::kMaxFFTSize:
// n = 2^21.

// CHECK-LABEL: func @causal_longest
// CHECK: orchid.rfft %{{.*}} size 2097152 : tensor<1x1048576xf32> -> tensor<1x1048577xcomplex<f32>>
// CHECK: orchid.spectral_conv %{{.*}} size 2097152 :
func.func @causal_longest(%u: tensor<1x1x1048576xf32>, %k: tensor<1x1048576xf32>,
                          %b: tensor<1xf32>) -> tensor<1x1x1048576xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<1x1x1048576xf32>, tensor<1x1048576xf32>, tensor<1xf32> -> tensor<1x1x1048576xf32>
  return %y : tensor<1x1x1048576xf32>
}
