// RUN: orchid-opt %s -orchid-convert-spectral-conv-to-loops=threads=4 -cse -split-input-file | FileCheck %s

// One parallel iteration per (batch, 32-channel tile) runs the whole fused
// kernel: transpose two 16-channel groups into the real and imaginary
// planes (masked row loads, 16 x 16 register transposes), forward FFT,
// separate the two spectra with Z[n-k] and multiply them by the kernel
// spectra, inverse FFT, transpose back, skip term, masked row stores.
// CHECK-LABEL: func.func @spectral_conv
// CHECK-DAG: %[[U:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<2x37x8xf32>
// CHECK-DAG: %[[K:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<37x9xcomplex<f32>>
// CHECK: %[[O:.*]] = memref.alloc() : memref<2x37x8xf32>
// CHECK: scf.parallel (%[[CHUNK:.*]]) = (%c0) to (%c{{[0-9]+}})
// CHECK: memref.alloc() {alignment = 64 : i64} : memref<16x16xf32>
// CHECK: scf.for %[[ITEM:.*]] = %{{.*}} to %{{.*}} step %c1
// CHECK: arith.divui %[[ITEM]], %c2
// CHECK: %[[UROWS:.*]] = memref.collapse_shape %[[U]]
// CHECK: vector.create_mask
// CHECK: vector.maskedload %[[UROWS]]
// CHECK-SAME: memref<74x8xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
// CHECK: vector.transpose %{{.*}}, [1, 0] : vector<16x16xf32> to vector<16x16xf32>
// CHECK: call @__orchid_fft_16_fwd
// CHECK: scf.for %[[K:.*]] = %c1 to %c8
// CHECK: %[[M:.*]] = arith.subi %c16, %[[K]]
// CHECK: vector.load %{{.*}}[%[[M]], %c0]
// CHECK: arith.mulf {{.*}} : vector<16xf32>
// CHECK: vector.store {{.*}}[%[[M]], %c0]
// CHECK: call @__orchid_fft_16_inv
// CHECK: vector.transpose
// CHECK: vector.maskedload %[[UROWS]]
// CHECK: vector.maskedstore
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

// -----

// A single tile of a long sequence: with four threads the tile is not
// split, but its row loops are, and the four-step FFTs of 32768 = 128 * 256
// points split their short transforms over threads, with per-thread block
// buffers.
// CHECK-LABEL: func.func @spectral_conv_long
// CHECK: scf.parallel (%{{.*}}) = (%c0) to (%c4)
// CHECK: vector.transpose
// CHECK: call @__orchid_fft_32768_fwd_par
// CHECK: scf.parallel (%{{.*}}) = (%c0) to (%c4)
// CHECK: call @__orchid_fft_32768_inv_par
// CHECK: scf.parallel (%{{.*}}) = (%c0) to (%c4)
// CHECK: vector.maskedstore
// CHECK-LABEL: func.func private @__orchid_fft_32768_fwd_par(
// CHECK: scf.parallel
// CHECK: memref.alloc() {alignment = 64 : i64} : memref<4096x16xf32>
// CHECK: scf.parallel
// CHECK: return
func.func @spectral_conv_long(%u: tensor<1x20x16384xf32>, %K: tensor<20x16385xcomplex<f32>>,
                              %b: tensor<20xf32>) -> tensor<1x20x16384xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 32768
      : tensor<1x20x16384xf32>, tensor<20x16385xcomplex<f32>>, tensor<20xf32> -> tensor<1x20x16384xf32>
  return %y : tensor<1x20x16384xf32>
}

// -----

// At most 16 channels leave the two-for-one partner group empty: the kernel
// packs pairs of samples u[2t] + i u[2t+1] into an n/2-point FFT instead,
// splitting and recombining the spectrum with w_16^k, k <= 4.
// CHECK-LABEL: func.func @spectral_conv_packed
// CHECK: vector.shuffle %{{.*}}, %{{.*}} [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]
// CHECK: vector.shuffle %{{.*}}, %{{.*}} [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31]
// CHECK: call @__orchid_fft_8_fwd
// CHECK: memref.get_global @__orchid_fft_roots_16_5_re : memref<5xf32>
// CHECK: call @__orchid_fft_8_inv
// CHECK: vector.shuffle %{{.*}}, %{{.*}} [0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23]
// CHECK: vector.maskedstore
// CHECK-NOT: @__orchid_fft_16_
func.func @spectral_conv_packed(%u: tensor<2x3x8xf32>, %K: tensor<3x9xcomplex<f32>>,
                                %b: tensor<3xf32>) -> tensor<2x3x8xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 16
      : tensor<2x3x8xf32>, tensor<3x9xcomplex<f32>>, tensor<3xf32> -> tensor<2x3x8xf32>
  return %y : tensor<2x3x8xf32>
}
