// REQUIRES: ptxas
// orchid-run --target=cuda compiles what --orchid-gpu-pipeline prints: the
// host code's LLVM IR, kernels embedded, is that of orchid-opt with the
// same options. Without a GPU the run stops after the JIT compiled it.

// RUN: %if cuda-gpu %{ %} %else %{ not %} orchid-run %s --target=cuda --cuda-chip=sm_80 --seq-len=64 --random --emit-llvm=%t.run.ll
// RUN: orchid-opt %s --orchid-gpu-pipeline="chip=sm_80 seq-len=64" | mlir-translate --mlir-to-llvmir -o %t.opt.ll
// RUN: diff %t.run.ll %t.opt.ll
// RUN: FileCheck %s < %t.run.ll

// CHECK: define void @_mlir_ciface_conv(

func.func @conv(%u: tensor<2x3x?xf32>, %k: tensor<3x?xf32>, %b: tensor<3xf32>) -> tensor<2x3x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<2x3x?xf32>, tensor<3x?xf32>, tensor<3xf32> -> tensor<2x3x?xf32>
  return %y : tensor<2x3x?xf32>
}
