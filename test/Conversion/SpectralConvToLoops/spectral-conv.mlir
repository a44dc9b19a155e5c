// RUN: orchid-opt %s -orchid-convert-spectral-conv-to-loops -cse -split-input-file | FileCheck %s

// One parallel iteration per (batch, 32-channel tile) runs the whole fused
// kernel: transpose two 16-channel groups into the real and imaginary
// planes, forward FFT, separate the two spectra with Z[n-k] and multiply
// them by the kernel spectra, inverse FFT, skip term.
// CHECK-LABEL: func.func @spectral_conv
// CHECK-DAG: %[[U:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<2x37x8xf32>
// CHECK-DAG: %[[K:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<37x9xcomplex<f32>>
// CHECK: %[[O:.*]] = memref.alloc() : memref<2x37x8xf32>
// CHECK: scf.parallel (%[[CHUNK:.*]]) = (%c0) to (%c{{[0-9]+}})
// CHECK: memref.alloc() {alignment = 64 : i64} : memref<16x16xf32>
// CHECK: scf.for %[[ITEM:.*]] = %{{.*}} to %{{.*}} step %c1
// CHECK: arith.divui %[[ITEM]], %c2
// CHECK: vector.create_mask
// CHECK: vector.gather %[[U]]
// CHECK-SAME: memref<2x37x8xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
// CHECK: call @__orchid_fft_16_fwd
// CHECK: scf.for %[[K:.*]] = %c1 to %c8
// CHECK: %[[M:.*]] = arith.subi %c16, %[[K]]
// CHECK: vector.load %{{.*}}[%[[M]], %c0]
// CHECK: arith.mulf {{.*}} : vector<16xf32>
// CHECK: vector.store {{.*}}[%[[M]], %c0]
// CHECK: call @__orchid_fft_16_inv
// CHECK: arith.constant 3.125000e-02 : f32
// CHECK: vector.scatter %[[O]]
// CHECK: bufferization.to_tensor %[[O]] restrict
func.func @spectral_conv(%u: tensor<2x37x8xf32>, %K: tensor<37x9xcomplex<f32>>,
                         %b: tensor<37xf32>) -> tensor<2x37x8xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 16
      : tensor<2x37x8xf32>, tensor<37x9xcomplex<f32>>, tensor<37xf32> -> tensor<2x37x8xf32>
  return %y : tensor<2x37x8xf32>
}

// -----

// `wrap` folds z[t + L] onto z[t] with vector adds before the write-back;
// a per-batch spectrum is indexed by the batch as well.
// CHECK-LABEL: func.func @spectral_conv_wrap
// CHECK: call @__orchid_fft_12_inv
// CHECK: %[[Z:.*]] = vector.load
// CHECK: %[[Z6:.*]] = vector.load
// CHECK: arith.addf %[[Z]], %[[Z6]] fastmath<contract> : vector<16xf32>
func.func @spectral_conv_wrap(%u: tensor<2x4x6xf32>, %K: tensor<2x4x7xcomplex<f32>>,
                              %b: tensor<4xf32>) -> tensor<2x4x6xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 12 wrap
      : tensor<2x4x6xf32>, tensor<2x4x7xcomplex<f32>>, tensor<4xf32> -> tensor<2x4x6xf32>
  return %y : tensor<2x4x6xf32>
}
