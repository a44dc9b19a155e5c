// RUN: orchid-opt %s -orchid-convert-fft-to-loops -orchid-convert-spectral-conv-to-loops -split-input-file -verify-diagnostics
// RUN: orchid-opt %s -orchid-cpu-pipeline -split-input-file -verify-diagnostics

// What the CPU FFT conversions refuse before planning a transform: a size
// above fft::kMaxFFTSize (once an out-of-memory abort in the generator),
// and a dynamic length (once "failed to legalize").

func.func @rfft_too_long(%x: tensor<1x2147483647xf32>) -> tensor<1x1073741824xcomplex<f32>> {
  // expected-error @+1 {{'orchid.rfft' op transform size n = 2147483647 exceeds the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.rfft %x size 2147483647 : tensor<1x2147483647xf32> -> tensor<1x1073741824xcomplex<f32>>
  return %y : tensor<1x1073741824xcomplex<f32>>
}

// -----

func.func @irfft_too_long(%x: tensor<1x4194305xcomplex<f32>>) -> tensor<1x8388608xf32> {
  // expected-error @+1 {{'orchid.irfft' op transform size n = 8388608 exceeds the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.irfft %x size 8388608 : tensor<1x4194305xcomplex<f32>> -> tensor<1x8388608xf32>
  return %y : tensor<1x8388608xf32>
}

// -----

func.func @spectral_conv_too_long(%u: tensor<1x1x8xf32>, %k: tensor<1x2097153xcomplex<f32>>, %b: tensor<1xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'orchid.spectral_conv' op transform size n = 4194305 exceeds the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.spectral_conv %u, %k, %b size 4194305 : tensor<1x1x8xf32>, tensor<1x2097153xcomplex<f32>>, tensor<1xf32> -> tensor<1x1x8xf32>
  return %y : tensor<1x1x8xf32>
}

// -----

func.func @spectral_conv_dynamic(%u: tensor<1x4x?xf32>, %k: tensor<4x9xcomplex<f32>>, %b: tensor<4xf32>) -> tensor<1x4x?xf32> {
  // expected-error @+1 {{'orchid.spectral_conv' op has dynamic shapes: specialise the function to a sequence length first (orchid-run --seq-len)}}
  %y = orchid.spectral_conv %u, %k, %b size 16 : tensor<1x4x?xf32>, tensor<4x9xcomplex<f32>>, tensor<4xf32> -> tensor<1x4x?xf32>
  return %y : tensor<1x4x?xf32>
}
