// rfft and irfft against naive float64 DFTs: zero padding, truncation,
// odd sizes and both normalisations.

// RUN: orchid-run %s --function=rfft_1_l1_n1 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=rfft_3_l2_n2 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=rfft_2x5_l7_n7_fwd --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=rfft_37_l64_n128 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=rfft_5_l1000_n1000 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=rfft_3_l1024_n1000 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=rfft_1_l4097_n4097_fwd --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=rfft_1_l12289_n16384 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=rfft_1_l65536_n65536 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_1_n1_m1 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_3_n2_m2 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_2x5_n7_m7_fwd --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_37_n128_m64 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_5_n1000_m1000 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_3_n2048_m1024 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_1_n4097_m4097 --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_1_n24578_m12289_fwd --random --check=reference | FileCheck %s
// RUN: orchid-run %s --function=irfft_1_n65536_m65536 --random --check=reference | FileCheck %s

// CHECK: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-05
func.func @rfft_1_l1_n1(%x: tensor<1x1xf32>) -> tensor<1x1xcomplex<f32>> {
  %y = orchid.rfft %x size 1 : tensor<1x1xf32> -> tensor<1x1xcomplex<f32>>
  return %y : tensor<1x1xcomplex<f32>>
}

func.func @rfft_3_l2_n2(%x: tensor<3x2xf32>) -> tensor<3x2xcomplex<f32>> {
  %y = orchid.rfft %x size 2 : tensor<3x2xf32> -> tensor<3x2xcomplex<f32>>
  return %y : tensor<3x2xcomplex<f32>>
}

func.func @rfft_2x5_l7_n7_fwd(%x: tensor<2x5x7xf32>) -> tensor<2x5x4xcomplex<f32>> {
  %y = orchid.rfft %x size 7 norm forward : tensor<2x5x7xf32> -> tensor<2x5x4xcomplex<f32>>
  return %y : tensor<2x5x4xcomplex<f32>>
}

func.func @rfft_37_l64_n128(%x: tensor<37x64xf32>) -> tensor<37x65xcomplex<f32>> {
  %y = orchid.rfft %x size 128 : tensor<37x64xf32> -> tensor<37x65xcomplex<f32>>
  return %y : tensor<37x65xcomplex<f32>>
}

func.func @rfft_5_l1000_n1000(%x: tensor<5x1000xf32>) -> tensor<5x501xcomplex<f32>> {
  %y = orchid.rfft %x size 1000 : tensor<5x1000xf32> -> tensor<5x501xcomplex<f32>>
  return %y : tensor<5x501xcomplex<f32>>
}

func.func @rfft_3_l1024_n1000(%x: tensor<3x1024xf32>) -> tensor<3x501xcomplex<f32>> {
  %y = orchid.rfft %x size 1000 : tensor<3x1024xf32> -> tensor<3x501xcomplex<f32>>
  return %y : tensor<3x501xcomplex<f32>>
}

func.func @rfft_1_l4097_n4097_fwd(%x: tensor<1x4097xf32>) -> tensor<1x2049xcomplex<f32>> {
  %y = orchid.rfft %x size 4097 norm forward : tensor<1x4097xf32> -> tensor<1x2049xcomplex<f32>>
  return %y : tensor<1x2049xcomplex<f32>>
}

func.func @rfft_1_l12289_n16384(%x: tensor<1x12289xf32>) -> tensor<1x8193xcomplex<f32>> {
  %y = orchid.rfft %x size 16384 : tensor<1x12289xf32> -> tensor<1x8193xcomplex<f32>>
  return %y : tensor<1x8193xcomplex<f32>>
}

func.func @rfft_1_l65536_n65536(%x: tensor<1x65536xf32>) -> tensor<1x32769xcomplex<f32>> {
  %y = orchid.rfft %x size 65536 : tensor<1x65536xf32> -> tensor<1x32769xcomplex<f32>>
  return %y : tensor<1x32769xcomplex<f32>>
}

func.func @irfft_1_n1_m1(%x: tensor<1x1xcomplex<f32>>) -> tensor<1x1xf32> {
  %y = orchid.irfft %x size 1 : tensor<1x1xcomplex<f32>> -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

func.func @irfft_3_n2_m2(%x: tensor<3x2xcomplex<f32>>) -> tensor<3x2xf32> {
  %y = orchid.irfft %x size 2 : tensor<3x2xcomplex<f32>> -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

func.func @irfft_2x5_n7_m7_fwd(%x: tensor<2x5x4xcomplex<f32>>) -> tensor<2x5x7xf32> {
  %y = orchid.irfft %x size 7 norm forward : tensor<2x5x4xcomplex<f32>> -> tensor<2x5x7xf32>
  return %y : tensor<2x5x7xf32>
}

func.func @irfft_37_n128_m64(%x: tensor<37x65xcomplex<f32>>) -> tensor<37x64xf32> {
  %y = orchid.irfft %x size 128 : tensor<37x65xcomplex<f32>> -> tensor<37x64xf32>
  return %y : tensor<37x64xf32>
}

func.func @irfft_5_n1000_m1000(%x: tensor<5x501xcomplex<f32>>) -> tensor<5x1000xf32> {
  %y = orchid.irfft %x size 1000 : tensor<5x501xcomplex<f32>> -> tensor<5x1000xf32>
  return %y : tensor<5x1000xf32>
}

func.func @irfft_3_n2048_m1024(%x: tensor<3x1025xcomplex<f32>>) -> tensor<3x1024xf32> {
  %y = orchid.irfft %x size 2048 : tensor<3x1025xcomplex<f32>> -> tensor<3x1024xf32>
  return %y : tensor<3x1024xf32>
}

func.func @irfft_1_n4097_m4097(%x: tensor<1x2049xcomplex<f32>>) -> tensor<1x4097xf32> {
  %y = orchid.irfft %x size 4097 : tensor<1x2049xcomplex<f32>> -> tensor<1x4097xf32>
  return %y : tensor<1x4097xf32>
}

func.func @irfft_1_n24578_m12289_fwd(%x: tensor<1x12290xcomplex<f32>>) -> tensor<1x12289xf32> {
  %y = orchid.irfft %x size 24578 norm forward : tensor<1x12290xcomplex<f32>> -> tensor<1x12289xf32>
  return %y : tensor<1x12289xf32>
}

func.func @irfft_1_n65536_m65536(%x: tensor<1x32769xcomplex<f32>>) -> tensor<1x65536xf32> {
  %y = orchid.irfft %x size 65536 : tensor<1x32769xcomplex<f32>> -> tensor<1x65536xf32>
  return %y : tensor<1x65536xf32>
}
