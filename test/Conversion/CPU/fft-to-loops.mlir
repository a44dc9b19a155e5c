// RUN: orchid-opt %s -orchid-convert-fft-to-loops=threads=4 -split-input-file | FileCheck %s

// n = 8 is one radix-8 Stockham stage: the butterfly is straight-line code
// whose only non-trivial constant is cos(pi/4).
// CHECK-DAG: memref.global "private" constant @__orchid_fft_roots_8_8_re : memref<8xf32> = dense<[1.000000e+00, 0.707106769, 0.000000e+00, -0.707106769, -1.000000e+00, -0.707106769, 0.000000e+00, 0.707106769]>
// CHECK-DAG: memref.global "private" constant @__orchid_fft_roots_8_8_im
// CHECK-LABEL: func.func @rfft8
// CHECK-SAME: (%[[X:.*]]: tensor<5x8xf32>)
// CHECK: %[[B:.*]] = bufferization.to_buffer %[[X]] read_only
// CHECK: %[[O:.*]] = memref.alloc() : memref<5x5xcomplex<f32>>
// CHECK-NOT: scf.parallel
// CHECK: vector.maskedload %[[B]]
// CHECK: vector.transpose
// CHECK: call @__orchid_fft_8_fwd
// CHECK: complex.create
// CHECK: bufferization.to_tensor %[[O]] restrict
// CHECK-LABEL: func.func private @__orchid_fft_8_fwd
// CHECK-SAME: memref<?x16xf32>
// CHECK-NOT: scf.for
// CHECK: arith.constant dense<0.707106769> : vector<16xf32>
// CHECK-COUNT-16: vector.store {{.*}} : memref<?x16xf32>, vector<16xf32>
// CHECK: return
func.func @rfft8(%x: tensor<5x8xf32>) -> tensor<5x5xcomplex<f32>> {
  %X = orchid.rfft %x size 8 : tensor<5x8xf32> -> tensor<5x5xcomplex<f32>>
  return %X : tensor<5x5xcomplex<f32>>
}

// -----

// n = 12 = 4 * 3: a radix-4 stage with loaded twiddles, then a radix-3
// stage whose butterfly uses cos(2 pi / 3) and sin(2 pi / 3).
// CHECK-LABEL: func.func @rfft12
// CHECK: call @__orchid_fft_12_fwd
// CHECK-LABEL: func.func private @__orchid_fft_12_fwd
// CHECK: scf.for
// CHECK: memref.load {{.*}} : memref<12xf32>
// CHECK: vector.broadcast
// CHECK: arith.constant dense<-5.000000e-01> : vector<16xf32>
// CHECK: arith.constant dense<0.866025388> : vector<16xf32>
func.func @rfft12(%x: tensor<2x3x12xf32>) -> tensor<2x3x7xcomplex<f32>> {
  %X = orchid.rfft %x size 12 : tensor<2x3x12xf32> -> tensor<2x3x7xcomplex<f32>>
  return %X : tensor<2x3x7xcomplex<f32>>
}

// -----

// n = 30 = 2 * 5 * 3: three stages, radix 2, 5 and 3.
// CHECK-LABEL: func.func private @__orchid_fft_30_fwd
// CHECK-COUNT-2: scf.for
// CHECK: arith.constant dense<3.090170e-01> : vector<16xf32>
// CHECK: arith.constant dense<0.95105654> : vector<16xf32>
// CHECK: arith.constant dense<-5.000000e-01> : vector<16xf32>
func.func @rfft30(%x: tensor<4x20xf32>) -> tensor<4x16xcomplex<f32>> {
  %X = orchid.rfft %x size 30 norm forward : tensor<4x20xf32> -> tensor<4x16xcomplex<f32>>
  return %X : tensor<4x16xcomplex<f32>>
}

// -----

// n = 34 = 2 * 17 has a prime factor above 13: Bluestein's algorithm with
// precomputed chirps on a 72-point (2^3 3^2) convolution grid.
// CHECK-DAG: memref.global "private" constant @__orchid_fft_chirp_34_fwd_re : memref<34xf32>
// CHECK-DAG: memref.global "private" constant @__orchid_fft_chirp_filter_34_fwd_re : memref<72xf32>
// CHECK-DAG: memref.global "private" constant @__orchid_fft_roots_72_72_re : memref<72xf32>
// CHECK-LABEL: func.func private @__orchid_fft_34_fwd
// CHECK: memref.get_global @__orchid_fft_chirp_34_fwd_re
// CHECK: memref.get_global @__orchid_fft_chirp_filter_34_fwd_re
// CHECK: memref.get_global @__orchid_fft_roots_72_72_re
func.func @rfft34(%x: tensor<1x34xf32>) -> tensor<1x18xcomplex<f32>> {
  %X = orchid.rfft %x size 34 : tensor<1x34xf32> -> tensor<1x18xcomplex<f32>>
  return %X : tensor<1x18xcomplex<f32>>
}

// -----

// A prime length, 12289, also goes through Bluestein, on a grid of
// 25000 = 125 * 200 points: a four-step transform. With one tile of rows
// and four threads, the row loops and the transforms are split instead.
// CHECK-LABEL: func.func @rfft_prime
// CHECK: scf.parallel (%{{.*}}) = (%c0{{.*}}) to (%c4)
// CHECK: vector.maskedload
// CHECK: call @__orchid_fft_12289_fwd_par
// CHECK-LABEL: func.func private @__orchid_fft_12289_fwd_par
// CHECK: memref.get_global @__orchid_fft_chirp_12289_fwd_re
// CHECK: memref.get_global @__orchid_fft_four_step_125x200_re : memref<25000xf32>
// CHECK: scf.parallel
// CHECK: memref.get_global @__orchid_fft_roots_125_125_re : memref<125xf32>
// CHECK: scf.parallel
// CHECK: memref.get_global @__orchid_fft_roots_200_200_re : memref<200xf32>
func.func @rfft_prime(%x: tensor<12289xf32>) -> tensor<6145xcomplex<f32>> {
  %X = orchid.rfft %x size 12289 : tensor<12289xf32> -> tensor<6145xcomplex<f32>>
  return %X : tensor<6145xcomplex<f32>>
}

// -----

// Many tiles of rows: the tiles split over one chunk per thread and each
// runs the serial four-step transform of 16384 = 128 * 128 points, whose
// two block buffers follow the n-row intermediate in the scratch buffers.
// CHECK-LABEL: func.func @rfft_tiles
// CHECK: scf.parallel (%{{.*}}) = (%c0) to (%c4)
// CHECK: memref.alloc() {alignment = 64 : i64} : memref<20480x16xf32>
// CHECK: call @__orchid_fft_16384_fwd(
// CHECK-LABEL: func.func private @__orchid_fft_16384_fwd(
// CHECK-NOT: scf.parallel
// CHECK: memref.get_global @__orchid_fft_four_step_128x128_re
// CHECK: return
func.func @rfft_tiles(%x: tensor<64x16384xf32>) -> tensor<64x8193xcomplex<f32>> {
  %X = orchid.rfft %x size 16384 : tensor<64x16384xf32> -> tensor<64x8193xcomplex<f32>>
  return %X : tensor<64x8193xcomplex<f32>>
}

// -----


// The inverse rebuilds the Hermitian spectrum X[n-k] = conj(X[k]) in the
// lane buffer, runs the generated inverse FFT and scales by 1/n.
// CHECK-LABEL: func.func @irfft16
// CHECK: complex.re
// CHECK: complex.im
// CHECK: arith.negf
// CHECK: call @__orchid_fft_16_inv
// CHECK: arith.constant dense<6.250000e-02> : vector<16xf32>
// CHECK: vector.transpose
// CHECK: vector.maskedstore
// CHECK: bufferization.to_tensor
// Its 16 = 8 * 2 points take two Stockham stages, so the result ends in
// the signal buffers without a copy. The radix-8 stage: for each of its 2
// twiddle groups, 7 twiddles of w_16 conjugated for the inverse, then one
// butterfly on 8 complex rows of both planes into the scratch buffers. The
// radix-2 stage: 8 untwiddled butterflies back into the signal.
// CHECK-LABEL: func.func private @__orchid_fft_16_inv
// CHECK: memref.get_global @__orchid_fft_roots_16_16_re : memref<16xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c2 step %c1 {
// CHECK-COUNT-7: arith.negf %{{.*}} : f32
// CHECK-NOT: memref.load
// CHECK-COUNT-16: vector.load %arg{{[01]}}[
// CHECK-NOT: vector.load
// CHECK: arith.constant dense<0.707106769> : vector<16xf32>
// CHECK-COUNT-16: vector.store %{{.*}}, %arg{{[23]}}[
// CHECK-NEXT: }
// CHECK: scf.for %{{.*}} = %c0{{.*}} to %c8{{.*}} step %c1{{.*}} {
// CHECK-NOT: memref.load
// CHECK-COUNT-4: vector.load %arg{{[23]}}[
// CHECK-COUNT-4: vector.store %{{.*}}, %arg{{[01]}}[
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @irfft16(%X: tensor<3x9xcomplex<f32>>) -> tensor<3x10xf32> {
  %x = orchid.irfft %X size 16 : tensor<3x9xcomplex<f32>> -> tensor<3x10xf32>
  return %x : tensor<3x10xf32>
}
