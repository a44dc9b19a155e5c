// RUN: orchid-opt %s --orchid-convert-spectral-conv-to-gpu --split-input-file | FileCheck %s
// RUN: orchid-opt %s --orchid-convert-spectral-conv-to-gpu="max-shared-memory=0" --split-input-file | FileCheck %s --check-prefix=GLOBAL
// RUN: orchid-opt %s --orchid-convert-spectral-conv-to-gpu="max-shared-memory=512" --split-input-file | FileCheck %s --check-prefix=FOURSTEP

// Two rows per block (3 rows: 2 blocks), n = 16 = 8 * 2 with 2 threads,
// 8n = 128 bytes of dynamic shared memory.
// CHECK: memref.global "private" constant @__orchid_fft_twiddles_16 : memref<32xf32> = dense<[1.000000e+00, -0.000000e+00, 0.923879504, -0.382683426
// CHECK-LABEL: func.func @conv
// The kernel reads its operands' buffers in place and writes a new one.
// CHECK-COUNT-3: bufferization.to_buffer %{{.*}} read_only
// CHECK: %[[Y:.*]] = memref.alloc() : memref<1x3x8xf32>
// CHECK: %[[SMEM:.*]] = arith.constant 128 : i32
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}}) threads({{.*}}) in ({{.*}}) dynamic_shared_memory_size %[[SMEM]]
// CHECK: memref.get_global @__orchid_fft_twiddles_16
// CHECK: gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
// CHECK: memref.view {{.*}} to memref<32xf32, #gpu.address_space<workgroup>>
// Stage barriers: forward FFT (entry + 2 per stage), then the inverse.
// CHECK-COUNT-5: gpu.barrier
// CHECK: complex.re
// CHECK: complex.im
// CHECK-COUNT-5: gpu.barrier
// CHECK: scf.if
// CHECK: gpu.terminator
// CHECK: bufferization.to_tensor %[[Y]] restrict writable
// CHECK-NOT: gpu.memcpy

// Without shared memory the rows live in a global scratch buffer of
// 2 blocks x 4n floats, ping-ponging between stages.
// GLOBAL-LABEL: func.func @conv
// GLOBAL: %[[SCRATCH:.*]] = memref.alloc() : memref<128xf32>
// GLOBAL: arith.constant 0 : i32
// GLOBAL: gpu.launch
// GLOBAL-NOT: gpu.dynamic_shared_memory
// GLOBAL: gpu.barrier
// GLOBAL: memref.dealloc %[[SCRATCH]]
func.func @conv(%u: tensor<1x3x8xf32>, %K: tensor<3x9xcomplex<f32>>,
                %b: tensor<3xf32>) -> tensor<1x3x8xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 16
      : tensor<1x3x8xf32>, tensor<3x9xcomplex<f32>>, tensor<3xf32>
        -> tensor<1x3x8xf32>
  return %y : tensor<1x3x8xf32>
}

// -----

// n = 30 = 2 * 5 * 3 (radices 2, 5, 3); folding modulo L = 10 for wrap
// reads z[t], z[t + 10] and z[t + 20].
// CHECK: memref.global "private" constant @__orchid_fft_twiddles_30
// CHECK-LABEL: func.func @wrap
// CHECK: gpu.launch
// CHECK: arith.constant -8.090170e-01 : f32
// CHECK: %[[C20:.*]] = arith.constant 20 : index
// CHECK: arith.addi %{{.*}}, %[[C20]] : index
// GLOBAL-LABEL: func.func @wrap
func.func @wrap(%u: tensor<2x2x10xf32>, %K: tensor<2x2x16xcomplex<f32>>,
                %b: tensor<2xf32>) -> tensor<2x2x10xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 30 wrap
      : tensor<2x2x10xf32>, tensor<2x2x16xcomplex<f32>>, tensor<2xf32>
        -> tensor<2x2x10xf32>
  return %y : tensor<2x2x10xf32>
}

// -----

// n = 34 = 2 * 17 goes through Bluestein's algorithm on 72 = 8 * 9 >= 2n - 1
// points: chirp and filter tables beside the 72-point twiddles, 8 * 72 bytes
// of shared memory, and three passes over the row around two FFTs of 72
// points (stages 8, 3, 3 with 9 threads, one per radix-8 butterfly).
// CHECK-DAG: memref.global "private" constant @__orchid_fft_chirp_filter_34 : memref<144xf32>
// CHECK-DAG: memref.global "private" constant @__orchid_fft_chirp_34 : memref<68xf32>
// CHECK-DAG: memref.global "private" constant @__orchid_fft_twiddles_72 : memref<144xf32>
// CHECK-LABEL: func.func @bluestein
// CHECK: %[[SMEM:.*]] = arith.constant 576 : i32
// CHECK: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %c9{{.*}}) dynamic_shared_memory_size %[[SMEM]]
// CHECK-DAG: memref.get_global @__orchid_fft_twiddles_72
// CHECK-DAG: memref.get_global @__orchid_fft_chirp_34
// CHECK-DAG: memref.get_global @__orchid_fft_chirp_filter_34
// CHECK: memref.view {{.*}} to memref<144xf32, #gpu.address_space<workgroup>>
// GLOBAL-LABEL: func.func @bluestein
// GLOBAL: memref.alloc() : memref<288xf32>
func.func @bluestein(%u: tensor<1x2x17xf32>, %K: tensor<2x18xcomplex<f32>>,
                     %b: tensor<2xf32>) -> tensor<1x2x17xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 34
      : tensor<1x2x17xf32>, tensor<2x18xcomplex<f32>>, tensor<2xf32>
        -> tensor<1x2x17xf32>
  return %y : tensor<1x2x17xf32>
}

// -----

// n = 200 needs 1600 bytes, more than the 512 allowed: the row lives in
// global scratch (2 blocks x 4n floats) and each transform is four-step,
// 200 = 40 x 5: 5 column tiles of one 40-point column, then 5 row tiles of
// eight 5-point rows, each tile transformed in 8 * 40 = 320 bytes of shared
// memory; one thread per radix-8 butterfly of a column (5).
// FOURSTEP-LABEL: func.func @four_step
// FOURSTEP: memref.alloc() : memref<1600xf32>
// FOURSTEP: %[[SMEM:.*]] = arith.constant 320 : i32
// FOURSTEP: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %c5{{.*}}) dynamic_shared_memory_size %[[SMEM]]
// FOURSTEP: memref.view {{.*}} to memref<80xf32, #gpu.address_space<workgroup>>
// Forward transform: column tiles (load, stages, twiddle and store back),
// then row tiles (load, stages, transposed store).
// FOURSTEP: scf.for %{{.*}} = %c0{{.*}} to %c5{{.*}} step %c1
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<1600xf32>
// FOURSTEP: memref.store %{{.*}}, %{{.*}}[{{.*}}] : memref<80xf32, #gpu.address_space<workgroup>>
// FOURSTEP: gpu.barrier
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<80xf32, #gpu.address_space<workgroup>>
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<400xf32>
// FOURSTEP: memref.store %{{.*}}, %{{.*}}[{{.*}}] : memref<1600xf32>
// FOURSTEP: scf.for %{{.*}} = %c0{{.*}} to %c5{{.*}} step %c1
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<1600xf32>
// FOURSTEP: memref.store %{{.*}}, %{{.*}}[{{.*}}] : memref<80xf32, #gpu.address_space<workgroup>>
// FOURSTEP: gpu.barrier
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<80xf32, #gpu.address_space<workgroup>>
// FOURSTEP: memref.store %{{.*}}, %{{.*}}[{{.*}}] : memref<1600xf32>
// FOURSTEP: gpu.barrier
// FOURSTEP: gpu.terminator
func.func @four_step(%u: tensor<1x3x100xf32>, %K: tensor<3x101xcomplex<f32>>,
                     %b: tensor<3xf32>) -> tensor<1x3x100xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 200
      : tensor<1x3x100xf32>, tensor<3x101xcomplex<f32>>, tensor<3xf32>
        -> tensor<1x3x100xf32>
  return %y : tensor<1x3x100xf32>
}
