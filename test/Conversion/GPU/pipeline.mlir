// RUN: orchid-opt %s --orchid-gpu-pipeline="format=isa" | FileCheck %s

// The route's passes come first, each once (also in the kernel pipeline).
// RUN: orchid-opt /dev/null --orchid-gpu-pipeline="seq-len=8 batch=2 prepare=1" --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=ROUTE
// RUN: orchid-opt /dev/null --orchid-gpu-pipeline="seq-len=8 batch=2 prepare=1" --dump-pass-pipeline -o /dev/null 2>&1 | grep -o "orchid-[a-z-]*" | sort | uniq -d | count 0
// RUN: orchid-opt /dev/null --orchid-gpu-kernel-pipeline="seq-len=8 prepare=1" --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=ROUTE
// RUN: orchid-opt /dev/null --orchid-gpu-kernel-pipeline="seq-len=8 prepare=1" --dump-pass-pipeline -o /dev/null 2>&1 | grep -o "orchid-[a-z-]*" | sort | uniq -d | count 0
// ROUTE:      builtin.module(
// ROUTE-NEXT:   orchid-specialize-shapes{batch={{[02]}} seq-len=8},
// ROUTE-NEXT:   orchid-decompose,
// ROUTE-NEXT:   orchid-lower-fftconv,
// ROUTE-NEXT:   orchid-hoist-filters,
// ROUTE-NEXT:   orchid-expand-filters,
// ROUTE-NEXT:   orchid-convert-fft-to-gpu
// RUN: orchid-opt %s --orchid-gpu-pipeline="format=isa chip=sm_80 features=+ptx81 opt-level=2" | FileCheck %s --check-prefix=SM80

// Host code calls the mgpu* runtime on one stream: the three arguments are
// copied to the device, the kernel spectrum (rfft) stays there for the
// second kernel, each buffer is freed after its last use, and the result is
// copied into the caller-allocated out parameter before the stream is
// synchronised.
// CHECK-LABEL: llvm.func @fftconv(
// CHECK: llvm.call @mgpuStreamCreate()
// CHECK-COUNT-3: llvm.call @mgpuMemcpy
// CHECK: llvm.call @mgpuMemAlloc
// CHECK: gpu.launch_func <%{{.*}} : !llvm.ptr> @fftconv_kernel::@fftconv_kernel
// CHECK-NOT: llvm.call @mgpuMemcpy
// CHECK: gpu.launch_func <%{{.*}} : !llvm.ptr> @fftconv_kernel_0::@fftconv_kernel
// CHECK-NOT: llvm.call @malloc
// CHECK: llvm.call @mgpuMemcpy
// CHECK: llvm.call @mgpuMemFree
// CHECK: llvm.call @mgpuStreamSynchronize
// CHECK: llvm.return
// The C interface wrapper the JIT calls, as on the CPU.
// CHECK-LABEL: llvm.func @_mlir_ciface_fftconv(
// CHECK: llvm.call @fftconv(
// CHECK: llvm.return
// CHECK-NOT: llvm.return

// One PTX module per kernel, for sm_90 with PTX ISA 8.0.
// CHECK: gpu.binary @fftconv_kernel [#gpu.object<#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, {{.*}}assembly = "{{.*}}.version 8.0\0A.target sm_90\0A.address_size 64
// CHECK-SAME: .entry fftconv_kernel(
// CHECK-SAME: .shared .align 16 .b8 __dynamic_shmem__0
// CHECK-SAME: bar.sync \090;
// CHECK: gpu.binary @fftconv_kernel_0
// CHECK: llvm.func @mgpuStreamCreate() -> !llvm.ptr
// SM80: #nvvm.target<chip = "sm_80", features = "+ptx81">
// SM80-SAME: .version 8.1\0A.target sm_80
func.func @fftconv(%u: tensor<2x4x300xf32>, %k: tensor<4x300xf32>,
                   %b: tensor<4xf32>) -> tensor<2x4x300xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<2x4x300xf32>, tensor<4x300xf32>, tensor<4xf32>
        -> tensor<2x4x300xf32>
  return %y : tensor<2x4x300xf32>
}

// The first half of the pipeline stops before outlining: gpu.launch ops on
// device buffers in a function on host memrefs with an out parameter.
// max-threads bounds the FFT blocks (n = 600: 75 radix-8 butterflies).
// RUN: orchid-opt %s --orchid-gpu-kernel-pipeline="max-threads=32" | FileCheck %s --check-prefix=KERNELS
// KERNELS-LABEL: func.func @fftconv(
// KERNELS-SAME: %[[OUT:[a-z0-9_]+]]: memref<2x4x300xf32>)
// KERNELS-NOT: gpu.module
// KERNELS: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %c32
// KERNELS: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %c32
// KERNELS: gpu.memcpy %[[OUT]], %{{.*}}
// KERNELS-NOT: gpu.module
