// RUN: orchid-opt %s --orchid-convert-fft-to-gpu --split-input-file | FileCheck %s

// rfft: two rows packed per block (3 rows: 2 blocks), zero-padded from 12
// to n = 24 points; radices 8, 3 with 24 / 8 = 3 threads and the row in
// 8n = 192 bytes of shared memory; the spectra separated and stored with
// the forward normalisation 1 / 24.
// CHECK-DAG: memref.global "private" constant @__orchid_fft_roots_24_24_re : memref<24xf32> = dense<[1.000000e+00, 0.965925812, 0.866025388, 0.707106769, 5.000000e-01,
// CHECK-DAG: memref.global "private" constant @__orchid_fft_roots_24_24_im : memref<24xf32> = dense<[-0.000000e+00, -0.258819044, -5.000000e-01, -0.707106769,
// CHECK-LABEL: func.func @rfft
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c2{{.*}}) threads({{.*}}) in ({{.*}} = %c3{{.*}}) dynamic_shared_memory_size %c192_i32
// CHECK: memref.view {{.*}} to memref<48xf32, #gpu.address_space<workgroup>>
// CHECK: scf.for %{{.*}} = %thread_id_x to %c24
// CHECK: arith.cmpi ult, %{{.*}}, %c12
// Entry barrier, then radix 8 (cos(pi/4)) and radix 3 (cos(2 pi/3),
// sin(2 pi/3)), two barriers each.
// CHECK: gpu.barrier
// CHECK: gpu.barrier
// CHECK: arith.constant 0.707106769 : f32
// CHECK: gpu.barrier
// CHECK: gpu.barrier
// CHECK: arith.constant -5.000000e-01 : f32
// CHECK: arith.constant 0.866025388 : f32
// CHECK: gpu.barrier
// CHECK-NOT: gpu.barrier
// The n / 2 + 1 bins of both rows.
// CHECK: scf.for %{{.*}} = %thread_id_x to %c13
// CHECK: arith.constant 0.0416666679 : f32
// CHECK: memref.store {{.*}} : memref<3x13xcomplex<f32>>
// CHECK: gpu.terminator
func.func @rfft(%x: tensor<3x12xf32>) -> tensor<3x13xcomplex<f32>> {
  %X = orchid.rfft %x size 24 norm forward
      : tensor<3x12xf32> -> tensor<3x13xcomplex<f32>>
  return %X : tensor<3x13xcomplex<f32>>
}

// -----

// irfft: two spectra of 9 bins combined per block (4 rows: 2 blocks) with
// the backward normalisation 1 / 16; n = 16 = 8 * 2 with 2 threads in
// 128 bytes of shared memory; the first 10 samples kept.
// CHECK-LABEL: func.func @irfft
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c2{{.*}}) threads({{.*}}) in ({{.*}} = %c2{{.*}}) dynamic_shared_memory_size %c128_i32
// CHECK: scf.for %{{.*}} = %thread_id_x to %c9
// CHECK: complex.re
// CHECK: complex.im
// CHECK: arith.constant 6.250000e-02 : f32
// CHECK-COUNT-5: gpu.barrier
// CHECK-NOT: gpu.barrier
// The transform gave conj(y1 + i y2): the second row is its negated
// imaginary part.
// CHECK: scf.for %{{.*}} = %thread_id_x to %c10
// CHECK: arith.negf
// CHECK: memref.store {{.*}} : memref<4x10xf32>
// CHECK: gpu.terminator
func.func @irfft(%X: tensor<2x2x9xcomplex<f32>>) -> tensor<2x2x10xf32> {
  %x = orchid.irfft %X size 16
      : tensor<2x2x9xcomplex<f32>> -> tensor<2x2x10xf32>
  return %x : tensor<2x2x10xf32>
}
