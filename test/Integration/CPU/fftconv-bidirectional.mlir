// Bidirectional fftconv (kernel of 2L - 1 taps centred at L - 1) against
// the direct float64 convolution.

// RUN: orchid-run %s --function=b1_d1_l1 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d3_l2 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b2_d5_l7 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d37_l64 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d5_l1000 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d3_l1024 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d1_l4097 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d1_l12289 --random --check=reference | FileCheck %s

// CHECK: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-05
func.func @b1_d1_l1(%u: tensor<1x1x1xf32>, %k: tensor<1x1xf32>, %b: tensor<1xf32>) -> tensor<1x1x1xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<1x1x1xf32>, tensor<1x1xf32>, tensor<1xf32> -> tensor<1x1x1xf32>
  return %y : tensor<1x1x1xf32>
}

func.func @b1_d3_l2(%u: tensor<1x3x2xf32>, %k: tensor<3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x2xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<1x3x2xf32>, tensor<3x3xf32>, tensor<3xf32> -> tensor<1x3x2xf32>
  return %y : tensor<1x3x2xf32>
}

func.func @b2_d5_l7(%u: tensor<2x5x7xf32>, %k: tensor<5x13xf32>, %b: tensor<5xf32>) -> tensor<2x5x7xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<2x5x7xf32>, tensor<5x13xf32>, tensor<5xf32> -> tensor<2x5x7xf32>
  return %y : tensor<2x5x7xf32>
}

func.func @b1_d37_l64(%u: tensor<1x37x64xf32>, %k: tensor<37x127xf32>, %b: tensor<37xf32>) -> tensor<1x37x64xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<1x37x64xf32>, tensor<37x127xf32>, tensor<37xf32> -> tensor<1x37x64xf32>
  return %y : tensor<1x37x64xf32>
}

func.func @b1_d5_l1000(%u: tensor<1x5x1000xf32>, %k: tensor<5x1999xf32>, %b: tensor<5xf32>) -> tensor<1x5x1000xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<1x5x1000xf32>, tensor<5x1999xf32>, tensor<5xf32> -> tensor<1x5x1000xf32>
  return %y : tensor<1x5x1000xf32>
}

func.func @b1_d3_l1024(%u: tensor<1x3x1024xf32>, %k: tensor<3x2047xf32>, %b: tensor<3xf32>) -> tensor<1x3x1024xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<1x3x1024xf32>, tensor<3x2047xf32>, tensor<3xf32> -> tensor<1x3x1024xf32>
  return %y : tensor<1x3x1024xf32>
}

func.func @b1_d1_l4097(%u: tensor<1x1x4097xf32>, %k: tensor<1x8193xf32>, %b: tensor<1xf32>) -> tensor<1x1x4097xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<1x1x4097xf32>, tensor<1x8193xf32>, tensor<1xf32> -> tensor<1x1x4097xf32>
  return %y : tensor<1x1x4097xf32>
}

func.func @b1_d1_l12289(%u: tensor<1x1x12289xf32>, %k: tensor<1x24577xf32>, %b: tensor<1xf32>) -> tensor<1x1x12289xf32> {
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<1x1x12289xf32>, tensor<1x24577xf32>, tensor<1xf32> -> tensor<1x1x12289xf32>
  return %y : tensor<1x1x12289xf32>
}
