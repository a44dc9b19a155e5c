// Causal fftconv (Hyena's fftconv) against the direct float64 convolution,
// with every dynamic size specialised to L by --seq-len.

// RUN: orchid-run %s --function=d1 --random --seq-len=1 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d1 --random --seq-len=2 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d3 --random --seq-len=7 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d37 --random --seq-len=64 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d5 --random --seq-len=1000 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d3 --random --seq-len=1024 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d3 --random --seq-len=4097 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d1 --random --seq-len=12289 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d1 --random --seq-len=65536 --check=reference | FileCheck %s
// Four-step FFTs (n = 16384 = 128 * 128): serial ones in parallel tiles, and
// one tile whose FFTs and row loops are split over threads.
// RUN: orchid-run %s --function=d37 --random --seq-len=8192 --num-threads=2 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=d3 --random --seq-len=8192 --num-threads=3 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=per_batch --random --seq-len=1000 --check=reference | FileCheck %s

// CHECK: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-05

func.func @d1(%u: tensor<1x1x?xf32>, %k: tensor<1x?xf32>, %b: tensor<1xf32>) -> tensor<1x1x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x1x?xf32>, tensor<1x?xf32>, tensor<1xf32> -> tensor<1x1x?xf32>
  return %y : tensor<1x1x?xf32>
}

func.func @d3(%u: tensor<2x3x?xf32>, %k: tensor<3x?xf32>, %b: tensor<3xf32>) -> tensor<2x3x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<2x3x?xf32>, tensor<3x?xf32>, tensor<3xf32> -> tensor<2x3x?xf32>
  return %y : tensor<2x3x?xf32>
}

func.func @d5(%u: tensor<1x5x?xf32>, %k: tensor<5x?xf32>, %b: tensor<5xf32>) -> tensor<1x5x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x5x?xf32>, tensor<5x?xf32>, tensor<5xf32> -> tensor<1x5x?xf32>
  return %y : tensor<1x5x?xf32>
}

func.func @d37(%u: tensor<1x37x?xf32>, %k: tensor<37x?xf32>, %b: tensor<37xf32>) -> tensor<1x37x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x37x?xf32>, tensor<37x?xf32>, tensor<37xf32> -> tensor<1x37x?xf32>
  return %y : tensor<1x37x?xf32>
}

// One kernel per batch element, as Orchid's data-dependent kernels.
func.func @per_batch(%u: tensor<3x5x?xf32>, %k: tensor<3x5x?xf32>, %b: tensor<5xf32>) -> tensor<3x5x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<3x5x?xf32>, tensor<3x5x?xf32>, tensor<5xf32> -> tensor<3x5x?xf32>
  return %y : tensor<3x5x?xf32>
}
