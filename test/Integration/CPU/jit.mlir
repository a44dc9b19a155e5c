// A JIT run leaves no file behind: LLVM's perf listener, which writes a
// jitdump file under $JITDUMPDIR/.debug/jit (by default ~/.debug/jit) for
// each process, is off.

// RUN: rm -rf %t.jitdump && mkdir %t.jitdump
// RUN: env JITDUMPDIR=%t.jitdump HOME=%t.jitdump orchid-run %s --random --check=reference | FileCheck %s
// RUN: find %t.jitdump -type f | count 0

// --emit-llvm writes the translated module, C wrapper included, and fails
// cleanly on a path it cannot write.
// RUN: orchid-run %s --random --emit-llvm=%t.ll
// RUN: FileCheck %s --check-prefix=LLVM < %t.ll
// RUN: not orchid-run %s --random --emit-llvm=%t.missing/out.ll 2>&1 | FileCheck %s --check-prefix=UNWRITABLE

// CHECK: conv: result 0 (1x2x8xfloat32): relative L2 error {{.*}} <= 1.0e-05
// LLVM: define void @_mlir_ciface_conv(ptr
// UNWRITABLE: orchid-run: error: {{.*}}out.ll

func.func @conv(%u: tensor<1x2x8xf32>, %k: tensor<2x8xf32>, %b: tensor<2xf32>) -> tensor<1x2x8xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x2x8xf32>, tensor<2x8xf32>, tensor<2xf32> -> tensor<1x2x8xf32>
  return %y : tensor<1x2x8xf32>
}
