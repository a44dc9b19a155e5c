// RUN: orchid-opt %s --orchid-convert-fft-to-gpu=max-threads=3 --split-input-file --verify-diagnostics
// RUN: orchid-opt %s --orchid-convert-fft-to-gpu=max-threads=1024 --split-input-file | FileCheck %s

// A shared-memory FFT unrolls ceil(butterflies / threads) rounds per
// stage: with 3 threads an 8192-point row would unroll 2734 rounds
// (minutes and gigabytes), above kMaxUnrolledRounds; 1024 threads need 8.

// CHECK-LABEL: func @rfft_rows
// CHECK: gpu.launch
func.func @rfft_rows(%x: tensor<2x8192xf32>) -> tensor<2x4097xcomplex<f32>> {
  // expected-error @+1 {{'orchid.rfft' op needs 2734 unrolled rounds of butterflies with max-threads = 3, more than the limit of 1024 (kMaxUnrolledRounds); raise max-threads}}
  %y = orchid.rfft %x size 8192 : tensor<2x8192xf32> -> tensor<2x4097xcomplex<f32>>
  return %y : tensor<2x4097xcomplex<f32>>
}
