// RUN: orchid-opt %s --orchid-convert-spectral-conv-to-gpu \
// RUN:   --one-shot-bufferize=bufferize-function-boundaries --gpu-kernel-outlining \
// RUN:   | orchid-opt --pass-pipeline="builtin.module(gpu.module(convert-gpu-to-nvvm))" \
// RUN:   | FileCheck %s

// The kernel in NVVM: dynamic shared memory is an address space 3 global,
// block barriers are nvvm.barrier0, the twiddle table is a constant global
// copied into the kernel module.
// CHECK: gpu.launch_func @conv_kernel::@conv_kernel blocks in ({{.*}}) threads in ({{.*}}) dynamic_shared_memory_size
// CHECK: gpu.module @conv_kernel
// CHECK: llvm.mlir.global internal @__dynamic_shmem__0() {addr_space = 3 : i32, alignment = 16 : i64} : !llvm.array<0 x i8>
// CHECK: llvm.func @conv_kernel({{.*}}) attributes {gpu.kernel, gpu.known_block_size = array<i32: 2, 1, 1>, gpu.known_grid_size = array<i32: 2, 1, 1>, nvvm.kernel
// CHECK: nvvm.read.ptx.sreg.tid.x
// CHECK: llvm.mlir.addressof @__dynamic_shmem__0 : !llvm.ptr<3>
// CHECK: nvvm.read.ptx.sreg.ctaid.x
// CHECK: llvm.store {{.*}} : f32, !llvm.ptr<3>
// CHECK: nvvm.barrier0
// CHECK: llvm.mlir.global private constant @__orchid_fft_roots_16_16_re
func.func @conv(%u: tensor<1x3x8xf32>, %K: tensor<3x9xcomplex<f32>>,
                %b: tensor<3xf32>) -> tensor<1x3x8xf32> {
  %y = orchid.spectral_conv %u, %K, %b size 16
      : tensor<1x3x8xf32>, tensor<3x9xcomplex<f32>>, tensor<3xf32>
        -> tensor<1x3x8xf32>
  return %y : tensor<1x3x8xf32>
}
