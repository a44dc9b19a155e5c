// REQUIRES: cuda-gpu
// rfft, irfft and short_conv on the GPU against the float64 reference.

// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=rfft --random --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=rfft_fwd --random --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=irfft --random --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=short_causal --random --check=reference | FileCheck %s
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=short_centered --random --check=reference | FileCheck %s

// CHECK: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-05

func.func @rfft(%x: tensor<3x100xf32>) -> tensor<3x121xcomplex<f32>> {
  %X = orchid.rfft %x size 240 : tensor<3x100xf32> -> tensor<3x121xcomplex<f32>>
  return %X : tensor<3x121xcomplex<f32>>
}

func.func @rfft_fwd(%x: tensor<2x5x1024xf32>) -> tensor<2x5x501xcomplex<f32>> {
  %X = orchid.rfft %x size 1000 norm forward : tensor<2x5x1024xf32> -> tensor<2x5x501xcomplex<f32>>
  return %X : tensor<2x5x501xcomplex<f32>>
}

func.func @irfft(%X: tensor<3x1025xcomplex<f32>>) -> tensor<3x1024xf32> {
  %x = orchid.irfft %X size 2048 : tensor<3x1025xcomplex<f32>> -> tensor<3x1024xf32>
  return %x : tensor<3x1024xf32>
}

func.func @short_causal(%x: tensor<2x6x1000xf32>, %w: tensor<6x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x1000xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<2x6x1000xf32>, tensor<6x3xf32>, tensor<6xf32> -> tensor<2x6x1000xf32>
  return %y : tensor<2x6x1000xf32>
}

func.func @short_centered(%x: tensor<1x4x77xf32>, %w: tensor<4x5xf32>, %b: tensor<4xf32>) -> tensor<1x4x77xf32> {
  %y = orchid.short_conv centered %x, %w, %b : tensor<1x4x77xf32>, tensor<4x5xf32>, tensor<4xf32> -> tensor<1x4x77xf32>
  return %y : tensor<1x4x77xf32>
}
