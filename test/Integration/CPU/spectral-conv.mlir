// spectral_conv against irfft(rfft(u, n) * K, n) by naive float64 DFTs,
// with and without wrapping, shared and per-batch spectra.

// RUN: orchid-run %s --function=b1_d1_l1_n2 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d1_l2_n4 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b2_d3_l7_n14 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b2_d3_l7_n7_wrap --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d37_l64_n128_wrap --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d5_l1000_n2000 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d5_l1000_n1000_wrap --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d3_l1024_n2048 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d1_l4097_n8194 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b1_d1_l12289_n24578_wrap --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=b3_d5_l64_n128_per_batch --random --check=reference | FileCheck %s

// CHECK: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-05
func.func @b1_d1_l1_n2(%u: tensor<1x1x1xf32>, %s: tensor<1x2xcomplex<f32>>, %b: tensor<1xf32>) -> tensor<1x1x1xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 2 : tensor<1x1x1xf32>, tensor<1x2xcomplex<f32>>, tensor<1xf32> -> tensor<1x1x1xf32>
  return %y : tensor<1x1x1xf32>
}

func.func @b1_d1_l2_n4(%u: tensor<1x1x2xf32>, %s: tensor<1x3xcomplex<f32>>, %b: tensor<1xf32>) -> tensor<1x1x2xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 4 : tensor<1x1x2xf32>, tensor<1x3xcomplex<f32>>, tensor<1xf32> -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

func.func @b2_d3_l7_n14(%u: tensor<2x3x7xf32>, %s: tensor<3x8xcomplex<f32>>, %b: tensor<3xf32>) -> tensor<2x3x7xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 14 : tensor<2x3x7xf32>, tensor<3x8xcomplex<f32>>, tensor<3xf32> -> tensor<2x3x7xf32>
  return %y : tensor<2x3x7xf32>
}

func.func @b2_d3_l7_n7_wrap(%u: tensor<2x3x7xf32>, %s: tensor<3x4xcomplex<f32>>, %b: tensor<3xf32>) -> tensor<2x3x7xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 7 wrap : tensor<2x3x7xf32>, tensor<3x4xcomplex<f32>>, tensor<3xf32> -> tensor<2x3x7xf32>
  return %y : tensor<2x3x7xf32>
}

func.func @b1_d37_l64_n128_wrap(%u: tensor<1x37x64xf32>, %s: tensor<37x65xcomplex<f32>>, %b: tensor<37xf32>) -> tensor<1x37x64xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 128 wrap : tensor<1x37x64xf32>, tensor<37x65xcomplex<f32>>, tensor<37xf32> -> tensor<1x37x64xf32>
  return %y : tensor<1x37x64xf32>
}

func.func @b1_d5_l1000_n2000(%u: tensor<1x5x1000xf32>, %s: tensor<5x1001xcomplex<f32>>, %b: tensor<5xf32>) -> tensor<1x5x1000xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 2000 : tensor<1x5x1000xf32>, tensor<5x1001xcomplex<f32>>, tensor<5xf32> -> tensor<1x5x1000xf32>
  return %y : tensor<1x5x1000xf32>
}

func.func @b1_d5_l1000_n1000_wrap(%u: tensor<1x5x1000xf32>, %s: tensor<5x501xcomplex<f32>>, %b: tensor<5xf32>) -> tensor<1x5x1000xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 1000 wrap : tensor<1x5x1000xf32>, tensor<5x501xcomplex<f32>>, tensor<5xf32> -> tensor<1x5x1000xf32>
  return %y : tensor<1x5x1000xf32>
}

func.func @b1_d3_l1024_n2048(%u: tensor<1x3x1024xf32>, %s: tensor<3x1025xcomplex<f32>>, %b: tensor<3xf32>) -> tensor<1x3x1024xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 2048 : tensor<1x3x1024xf32>, tensor<3x1025xcomplex<f32>>, tensor<3xf32> -> tensor<1x3x1024xf32>
  return %y : tensor<1x3x1024xf32>
}

func.func @b1_d1_l4097_n8194(%u: tensor<1x1x4097xf32>, %s: tensor<1x4098xcomplex<f32>>, %b: tensor<1xf32>) -> tensor<1x1x4097xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 8194 : tensor<1x1x4097xf32>, tensor<1x4098xcomplex<f32>>, tensor<1xf32> -> tensor<1x1x4097xf32>
  return %y : tensor<1x1x4097xf32>
}

func.func @b1_d1_l12289_n24578_wrap(%u: tensor<1x1x12289xf32>, %s: tensor<1x12290xcomplex<f32>>, %b: tensor<1xf32>) -> tensor<1x1x12289xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 24578 wrap : tensor<1x1x12289xf32>, tensor<1x12290xcomplex<f32>>, tensor<1xf32> -> tensor<1x1x12289xf32>
  return %y : tensor<1x1x12289xf32>
}

func.func @b3_d5_l64_n128_per_batch(%u: tensor<3x5x64xf32>, %s: tensor<3x5x65xcomplex<f32>>, %b: tensor<5xf32>) -> tensor<3x5x64xf32> {
  %y = orchid.spectral_conv %u, %s, %b size 128 : tensor<3x5x64xf32>, tensor<3x5x65xcomplex<f32>>, tensor<5xf32> -> tensor<3x5x64xf32>
  return %y : tensor<3x5x64xf32>
}
