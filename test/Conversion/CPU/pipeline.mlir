// RUN: orchid-opt %s -orchid-cpu-pipeline -split-input-file | FileCheck %s
// RUN: orchid-opt %s -orchid-cpu-pipeline -split-input-file | mlir-translate --mlir-to-llvmir -split-input-file | FileCheck %s --check-prefix=LLVMIR
// RUN: orchid-opt %s -orchid-cpu-pipeline="parallel=false" -split-input-file | FileCheck %s --check-prefix=SEQ
// RUN: orchid-opt %s -orchid-cpu-pipeline="runtime=false" -split-input-file | FileCheck %s --check-prefix=NORT

// The route's passes come first, each once; without options, neither
// specialisation nor hoisting.
// RUN: orchid-opt /dev/null --orchid-cpu-pipeline="seq-len=8 batch=2 prepare=1" --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=ROUTE
// RUN: orchid-opt /dev/null --orchid-cpu-pipeline="seq-len=8 batch=2 prepare=1" --dump-pass-pipeline -o /dev/null 2>&1 | grep -o "orchid-[a-z-]*" | sort | uniq -d | count 0
// RUN: orchid-opt /dev/null --orchid-cpu-pipeline --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEFAULT
// ROUTE:      builtin.module(
// ROUTE-NEXT:   orchid-specialize-shapes{batch=2 seq-len=8},
// ROUTE-NEXT:   orchid-decompose,
// ROUTE-NEXT:   orchid-lower-fftconv,
// ROUTE-NEXT:   orchid-hoist-filters,
// ROUTE-NEXT:   orchid-expand-filters,
// ROUTE-NEXT:   orchid-convert-short-conv-to-loops
// DEFAULT:      builtin.module(
// DEFAULT-NEXT:   orchid-decompose,
// DEFAULT-NEXT:   orchid-lower-fftconv,
// DEFAULT-NEXT:   orchid-expand-filters,

// With runtime=false, allocations call malloc/free and matrix products are
// loops: nothing calls liborchid_cpu_runtime.
// NORT-NOT: {{orchid_sgemm|_mlir_memref_to_llvm}}
// NORT: llvm.call @malloc
// NORT-NOT: {{orchid_sgemm|_mlir_memref_to_llvm}}

// The result becomes an out-parameter, the function gets a C interface, the
// tile loop an OpenMP worksharing loop, and the FFT runs on vector<16xf32>.
// CHECK-LABEL: llvm.func @fftconv
// CHECK-SAME: llvm.emit_c_interface
// CHECK: omp.parallel
// CHECK: omp.wsloop
// CHECK: llvm.call @__orchid_fft_16_fwd
// CHECK: llvm.call @__orchid_fft_16_inv
// CHECK: llvm.return
// CHECK: llvm.func @_mlir_ciface_fftconv(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK-LABEL: llvm.func @__orchid_fft_16_fwd
// CHECK: llvm.load {{.*}} -> vector<16xf32>
// CHECK: llvm.fmul {{.*}} : vector<16xf32>
// LLVMIR: call void {{.*}}@__kmpc_fork_call
// LLVMIR: define void @_mlir_ciface_fftconv(ptr %0, ptr %1, ptr %2, ptr %3)
// SEQ-LABEL: llvm.func @fftconv
// SEQ-NOT: omp.parallel
func.func @fftconv(%u: tensor<2x37x8xf32>, %k: tensor<37x8xf32>, %b: tensor<37xf32>) -> tensor<2x37x8xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<2x37x8xf32>, tensor<37x8xf32>, tensor<37xf32> -> tensor<2x37x8xf32>
  return %y : tensor<2x37x8xf32>
}

// -----

// Generic linalg on tensors (as block decompositions produce) goes through
// the same pipeline: matmul, elementwise math, pad and slices. By default
// buffers come from the runtime's allocator and the matmul is its GEMM.
// CHECK-LABEL: llvm.func @generic
// CHECK-SAME: llvm.emit_c_interface
// CHECK: llvm.call @_mlir_memref_to_llvm_alloc
// CHECK: llvm.call @orchid_sgemm(
// CHECK: llvm.intr.sin
// CHECK: llvm.intr.exp
// LLVMIR-LABEL: define void @_mlir_ciface_generic
// SEQ-LABEL: llvm.func @generic
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @generic(%a: tensor<4x8xf32>, %b: tensor<8x6xf32>) -> tensor<4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x6xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x6xf32>) -> tensor<4x6xf32>
  %mm = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x6xf32>) outs(%init : tensor<4x6xf32>) -> tensor<4x6xf32>
  %act = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%mm : tensor<4x6xf32>) outs(%e : tensor<4x6xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = math.sin %x : f32
    %t = math.exp %s : f32
    linalg.yield %t : f32
  } -> tensor<4x6xf32>
  %p = tensor.pad %act low[0, 1] high[0, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %zero : f32
  } : tensor<4x6xf32> to tensor<4x8xf32>
  %s = tensor.extract_slice %p[0, 2] [4, 6] [1, 1] : tensor<4x8xf32> to tensor<4x6xf32>
  %r = tensor.insert_slice %s into %act[0, 0] [4, 6] [1, 1] : tensor<4x6xf32> into tensor<4x6xf32>
  return %r : tensor<4x6xf32>
}

// -----

// Short convolutions, transforms and complex arithmetic in one module.
// CHECK-LABEL: llvm.func @mixed
// CHECK-SAME: llvm.emit_c_interface
// LLVMIR-LABEL: define void @_mlir_ciface_mixed
// SEQ-LABEL: llvm.func @mixed
func.func @mixed(%x: tensor<1x12x8xf32>, %w: tensor<12x3xf32>, %b: tensor<12xf32>)
    -> (tensor<1x12x8xf32>, tensor<1x12x5xcomplex<f32>>) {
  %y = orchid.short_conv causal %x, %w, %b
      : tensor<1x12x8xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<1x12x8xf32>
  %X = orchid.rfft %y size 8 : tensor<1x12x8xf32> -> tensor<1x12x5xcomplex<f32>>
  %e = tensor.empty() : tensor<1x12x5xcomplex<f32>>
  %sq = linalg.generic {indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>, affine_map<(a, b, c) -> (a, b, c)>],
                        iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%X : tensor<1x12x5xcomplex<f32>>) outs(%e : tensor<1x12x5xcomplex<f32>>) {
  ^bb0(%c: complex<f32>, %o: complex<f32>):
    %m = complex.mul %c, %c : complex<f32>
    linalg.yield %m : complex<f32>
  } -> tensor<1x12x5xcomplex<f32>>
  %z = orchid.irfft %sq size 8 : tensor<1x12x5xcomplex<f32>> -> tensor<1x12x8xf32>
  return %z, %sq : tensor<1x12x8xf32>, tensor<1x12x5xcomplex<f32>>
}
