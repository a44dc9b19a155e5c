// RUN: orchid-opt %s --orchid-gpu-pipeline="format=isa" | FileCheck %s
// RUN: orchid-opt %s --orchid-gpu-pipeline="format=isa chip=sm_80 features=+ptx81 opt-level=2" | FileCheck %s --check-prefix=SM80

// Host code calls the mgpu* runtime: the kernel spectrum (rfft) goes
// through a host buffer freed once copied to the device again; the result
// is a caller-allocated out parameter the device result is copied into.
// CHECK-LABEL: llvm.func @fftconv(
// CHECK: llvm.call @mgpuStreamCreate()
// CHECK: llvm.call @mgpuMemAlloc
// CHECK: llvm.call @mgpuMemcpy
// CHECK: gpu.launch_func <%{{.*}} : !llvm.ptr> @fftconv_kernel::@fftconv_kernel
// CHECK: llvm.call @malloc
// CHECK: llvm.call @free
// CHECK: gpu.launch_func <%{{.*}} : !llvm.ptr> @fftconv_kernel_0::@fftconv_kernel
// CHECK-NOT: llvm.call @malloc
// CHECK: llvm.call @mgpuMemFree
// CHECK: llvm.call @mgpuStreamSynchronize
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
