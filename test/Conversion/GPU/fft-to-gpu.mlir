// RUN: orchid-opt %s --orchid-convert-fft-to-gpu --split-input-file | FileCheck %s

// rfft: two rows packed per block, zero-padded from 12 to n = 24 points
// (radices 8, 3: 24 / 8 = 3 threads), spectra separated and stored with
// the forward normalisation 1 / 24.
// CHECK: memref.global "private" constant @__orchid_fft_twiddles_24
// CHECK-LABEL: func.func @rfft
// CHECK: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %c3,{{.*}}) dynamic_shared_memory_size %c192_i32
// CHECK: arith.cmpi ult, %{{.*}}, %c12
// CHECK: arith.constant 0.0416666679 : f32
// CHECK: complex.create
// CHECK: memref.store {{.*}} : memref<3x13xcomplex<f32>>
// CHECK: scf.if
// CHECK: complex.create
func.func @rfft(%x: tensor<3x12xf32>) -> tensor<3x13xcomplex<f32>> {
  %X = orchid.rfft %x size 24 norm forward
      : tensor<3x12xf32> -> tensor<3x13xcomplex<f32>>
  return %X : tensor<3x13xcomplex<f32>>
}

// -----

// irfft: two spectra combined per block, the first 10 samples kept; the
// second row is the negated imaginary part.
// CHECK-LABEL: func.func @irfft
// CHECK: gpu.launch
// CHECK: complex.re
// CHECK: complex.im
// CHECK: arith.constant 6.250000e-02 : f32
// CHECK: scf.for %{{.*}} = %{{.*}} to %c10
// CHECK: scf.if
// CHECK: arith.negf
// CHECK: memref.store {{.*}} : memref<4x10xf32>
func.func @irfft(%X: tensor<2x2x9xcomplex<f32>>) -> tensor<2x2x10xf32> {
  %x = orchid.irfft %X size 16
      : tensor<2x2x9xcomplex<f32>> -> tensor<2x2x10xf32>
  return %x : tensor<2x2x10xf32>
}
