// REQUIRES: cuda-gpu
// fftconv on the GPU against the float64 reference: the fused
// spectral_conv kernel in shared memory (up to L = 4096 on any sm_80+
// part), radices 3 and 5 (L = 1000: n = 2000), radix 7 (L = 7), Bluestein's
// algorithm (L = 4097: n = 2 * 17 * 241; L = 1009, prime), L = 1, the
// global-memory path (L = 65536: n = 131072), an odd number of rows (the
// last block has one row), and the circular and bidirectional modes. sm_80 code runs on
// every sm_80 or newer GPU (PTX is JIT-compiled for newer ones).

// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=d3 --random --seq-len=7 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=d3 --random --seq-len=1000 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=d3 --random --seq-len=4096 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=d3 --random --seq-len=4097 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=d3 --random --seq-len=1 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=circular --random --seq-len=1009 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=d1 --random --seq-len=65536 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=per_batch --random --seq-len=1000 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=circular --random --seq-len=300 --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=bidirectional --random --seq-len=64 --check=reference | FileCheck %s

// CHECK: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-05

func.func @d1(%u: tensor<1x1x?xf32>, %k: tensor<1x?xf32>, %b: tensor<1xf32>) -> tensor<1x1x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x1x?xf32>, tensor<1x?xf32>, tensor<1xf32> -> tensor<1x1x?xf32>
  return %y : tensor<1x1x?xf32>
}

func.func @d3(%u: tensor<2x3x?xf32>, %k: tensor<3x?xf32>, %b: tensor<3xf32>) -> tensor<2x3x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<2x3x?xf32>, tensor<3x?xf32>, tensor<3xf32> -> tensor<2x3x?xf32>
  return %y : tensor<2x3x?xf32>
}

func.func @per_batch(%u: tensor<2x3x?xf32>, %k: tensor<2x3x?xf32>, %b: tensor<3xf32>) -> tensor<2x3x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<2x3x?xf32>, tensor<2x3x?xf32>, tensor<3xf32> -> tensor<2x3x?xf32>
  return %y : tensor<2x3x?xf32>
}

func.func @circular(%u: tensor<1x5x?xf32>, %k: tensor<5x?xf32>, %b: tensor<5xf32>) -> tensor<1x5x?xf32> {
  %y = orchid.fftconv circular %u, %k, %b {scale = 0.25} : tensor<1x5x?xf32>, tensor<5x?xf32>, tensor<5xf32> -> tensor<1x5x?xf32>
  return %y : tensor<1x5x?xf32>
}

func.func @bidirectional(%u: tensor<2x4x64xf32>, %k: tensor<4x127xf32>, %b: tensor<4xf32>) -> tensor<2x4x64xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<2x4x64xf32>, tensor<4x127xf32>, tensor<4xf32> -> tensor<2x4x64xf32>
  return %y : tensor<2x4x64xf32>
}
