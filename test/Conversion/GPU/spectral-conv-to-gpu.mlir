// RUN: orchid-opt %s --orchid-convert-spectral-conv-to-gpu --split-input-file | FileCheck %s
// RUN: orchid-opt %s --orchid-convert-spectral-conv-to-gpu="max-shared-memory=0" --split-input-file | FileCheck %s --check-prefix=GLOBAL
// RUN: orchid-opt %s --orchid-convert-spectral-conv-to-gpu="max-shared-memory=512" --split-input-file | FileCheck %s --check-prefix=FOURSTEP

// n = 16 = 8 * 2: one thread per radix-8 butterfly (2 threads), the row
// in 8n = 128 bytes of dynamic shared memory, two rows per block (3 rows:
// 2 blocks). The twiddles w_16^k are two planes, exact at quarter turns.
// CHECK-DAG: memref.global "private" constant @__orchid_fft_roots_16_16_re : memref<16xf32> = dense<[1.000000e+00, 0.923879504, 0.707106769, 0.382683426, 0.000000e+00, -0.382683426, -0.707106769, -0.923879504, -1.000000e+00,
// CHECK-DAG: memref.global "private" constant @__orchid_fft_roots_16_16_im : memref<16xf32> = dense<[-0.000000e+00, -0.382683426, -0.707106769, -0.923879504, -1.000000e+00,
// CHECK-LABEL: func.func @conv
// The kernel reads its operands' buffers in place and writes a new one.
// CHECK-COUNT-3: bufferization.to_buffer %{{.*}} read_only
// CHECK: %[[Y:.*]] = memref.alloc() : memref<1x3x8xf32>
// CHECK: %[[SMEM:.*]] = arith.constant 128 : i32
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c2{{.*}}) threads({{.*}}) in ({{.*}} = %c2{{.*}}) dynamic_shared_memory_size %[[SMEM]]
// CHECK-DAG: memref.get_global @__orchid_fft_roots_16_16_re
// CHECK-DAG: memref.get_global @__orchid_fft_roots_16_16_im
// CHECK: memref.view {{.*}} to memref<32xf32, #gpu.address_space<workgroup>>
// Forward transform: a barrier after the row is written, then per stage
// every thread loads the inputs of its butterflies, barrier, computes and
// stores in place, barrier. Radix 8: one butterfly per thread, 8 complex
// inputs, no twiddles in the first stage, cos(pi/4) inside the butterfly.
// CHECK: gpu.barrier
// CHECK-NOT: memref.load %{{.*}} : memref<16xf32>
// CHECK-COUNT-16: memref.load %{{.*}} : memref<32xf32, #gpu.address_space<workgroup>>
// CHECK-NEXT: gpu.barrier
// CHECK: arith.constant 0.707106769 : f32
// CHECK-COUNT-16: memref.store %{{.*}} : memref<32xf32, #gpu.address_space<workgroup>>
// CHECK-NEXT: gpu.barrier
// Radix 2 after a span of 8: four butterflies per thread, each with one
// twiddle (both planes) from the table.
// CHECK-COUNT-16: memref.load %{{.*}} : memref<32xf32, #gpu.address_space<workgroup>>
// CHECK-NEXT: gpu.barrier
// CHECK-COUNT-8: memref.load %{{.*}} : memref<16xf32>
// CHECK-NOT: memref.load %{{.*}} : memref<16xf32>
// CHECK: gpu.barrier
// The product with the kernel spectra, then the same five barriers of the
// inverse transform, then the epilogue.
// CHECK: complex.re
// CHECK: complex.im
// CHECK-COUNT-5: gpu.barrier
// CHECK-NOT: gpu.barrier
// CHECK: gpu.terminator
// CHECK: bufferization.to_tensor %[[Y]] restrict writable
// CHECK-NOT: gpu.memcpy

// Without shared memory the rows live in a global scratch buffer of
// 2 blocks x 4n floats, ping-ponging between stages: one barrier per stage.
// GLOBAL-LABEL: func.func @conv
// GLOBAL: %[[SCRATCH:.*]] = memref.alloc() : memref<128xf32>
// GLOBAL: gpu.launch {{.*}} dynamic_shared_memory_size %c0_i32
// GLOBAL-NOT: gpu.dynamic_shared_memory
// GLOBAL: gpu.barrier
// GLOBAL-COUNT-16: memref.load %{{.*}} : memref<128xf32>
// GLOBAL-COUNT-16: memref.store %{{.*}} : memref<128xf32>
// GLOBAL-NEXT: }
// GLOBAL-NEXT: gpu.barrier
// GLOBAL: memref.dealloc %[[SCRATCH]]
func.func @conv(%u: tensor<1x3x8xf32>, %K: tensor<3x9xcomplex<f32>>,
                %b: tensor<3xf32>) -> tensor<1x3x8xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 16
      : tensor<1x3x8xf32>, tensor<3x9xcomplex<f32>>, tensor<3xf32>
        -> tensor<1x3x8xf32>
  return %y : tensor<1x3x8xf32>
}

// -----

// n = 30 = 2 * 5 * 3 (radices 2, 5, 3; 6 threads, one per radix-5
// butterfly); the radix-5 butterfly's constants cos(2 pi / 5),
// sin(2 pi / 5), sin(4 pi / 5); folding modulo L = 10 for wrap reads z[t],
// z[t + 10] and z[t + 20].
// CHECK: memref.global "private" constant @__orchid_fft_roots_30_30_re : memref<30xf32> = dense<[1.000000e+00, 0.978147625, 0.913545429, 8.090170e-01
// CHECK-LABEL: func.func @wrap
// CHECK: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %c6{{.*}}) dynamic_shared_memory_size %c240_i32
// CHECK: arith.constant 3.090170e-01 : f32
// CHECK: arith.constant 0.95105654 : f32
// CHECK: arith.constant 0.587785244 : f32
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
// CHECK-DAG: memref.global "private" constant @__orchid_fft_chirp_filter_34_fwd_re : memref<72xf32>
// CHECK-DAG: memref.global "private" constant @__orchid_fft_chirp_filter_34_fwd_im : memref<72xf32>
// CHECK-DAG: memref.global "private" constant @__orchid_fft_chirp_34_fwd_re : memref<34xf32> = dense<[1.000000e+00, 0.995734155,
// CHECK-DAG: memref.global "private" constant @__orchid_fft_chirp_34_fwd_im : memref<34xf32> = dense<[-0.000000e+00,
// CHECK-DAG: memref.global "private" constant @__orchid_fft_roots_72_72_re : memref<72xf32>
// CHECK-LABEL: func.func @bluestein
// CHECK: %[[SMEM:.*]] = arith.constant 576 : i32
// CHECK: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %c9{{.*}}) dynamic_shared_memory_size %[[SMEM]]
// CHECK-DAG: memref.get_global @__orchid_fft_roots_72_72_re
// CHECK-DAG: memref.get_global @__orchid_fft_chirp_34_fwd_re
// CHECK-DAG: memref.get_global @__orchid_fft_chirp_filter_34_fwd_re
// CHECK: memref.view {{.*}} to memref<144xf32, #gpu.address_space<workgroup>>
// Forward transform: entry barrier, chirp pass, 3 stages of 2 barriers,
// filter pass, 3 stages, chirp pass.
// CHECK: gpu.barrier
// CHECK-COUNT-10: gpu.barrier
// CHECK: complex.re
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
// global scratch (2 blocks x 4n floats) and each transform is four-step on
// the split 200 = 10 x 20, the 20-point columns first: 5 tiles of two
// columns (radices 4, 5), then 4 tiles of five 10-point rows (radices 2,
// 5), each tile in at most 8 * 50 = 400 bytes of shared memory; 8 threads,
// one per radix-5 butterfly of a column tile.
// FOURSTEP-LABEL: func.func @four_step
// FOURSTEP: memref.alloc() : memref<1600xf32>
// FOURSTEP: %[[SMEM:.*]] = arith.constant 400 : i32
// FOURSTEP: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %c8{{.*}}) dynamic_shared_memory_size %[[SMEM]]
// FOURSTEP: memref.view {{.*}} to memref<100xf32, #gpu.address_space<workgroup>>
// Column tiles: load, barrier, two stages of two barriers, twiddle and
// store back, barrier.
// FOURSTEP: scf.for %{{.*}} = %c0{{.*}} to %c5{{.*}} step %c1
// FOURSTEP: scf.for %{{.*}} = %thread_id_x to %c40
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<1600xf32>
// FOURSTEP: memref.store %{{.*}}, %{{.*}}[{{.*}}] : memref<100xf32, #gpu.address_space<workgroup>>
// FOURSTEP-COUNT-5: gpu.barrier
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<100xf32, #gpu.address_space<workgroup>>
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<200xf32>
// FOURSTEP: memref.store %{{.*}}, %{{.*}}[{{.*}}] : memref<1600xf32>
// FOURSTEP: gpu.barrier
// FOURSTEP-NEXT: }
// Row tiles: load, barrier, two stages, transposed store, barrier.
// FOURSTEP: scf.for %{{.*}} = %c0{{.*}} to %c4{{.*}} step %c1
// FOURSTEP: scf.for %{{.*}} = %thread_id_x to %c50
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<1600xf32>
// FOURSTEP: memref.store %{{.*}}, %{{.*}}[{{.*}}] : memref<100xf32, #gpu.address_space<workgroup>>
// FOURSTEP-COUNT-5: gpu.barrier
// FOURSTEP: memref.load %{{.*}}[{{.*}}] : memref<100xf32, #gpu.address_space<workgroup>>
// FOURSTEP: memref.store %{{.*}}, %{{.*}}[{{.*}}] : memref<1600xf32>
// FOURSTEP: gpu.barrier
// FOURSTEP-NEXT: }
// FOURSTEP: gpu.terminator
func.func @four_step(%u: tensor<1x3x100xf32>, %K: tensor<3x101xcomplex<f32>>,
                     %b: tensor<3xf32>) -> tensor<1x3x100xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 200
      : tensor<1x3x100xf32>, tensor<3x101xcomplex<f32>>, tensor<3xf32>
        -> tensor<1x3x100xf32>
  return %y : tensor<1x3x100xf32>
}
