// RUN: orchid-opt %s --orchid-convert-fft-to-gpu --orchid-convert-spectral-conv-to-gpu --split-input-file --verify-diagnostics
// RUN: orchid-opt %s --orchid-gpu-kernel-pipeline --split-input-file --verify-diagnostics

// Sizes the GPU conversions refuse before planning a kernel: a transform
// above fft::kMaxFFTSize (once an out-of-memory abort).

func.func @rfft_too_long(%x: tensor<1x2147483647xf32>) -> tensor<1x1073741824xcomplex<f32>> {
  // expected-error @+1 {{'orchid.rfft' op transform size n = 2147483647 exceeds the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.rfft %x size 2147483647 : tensor<1x2147483647xf32> -> tensor<1x1073741824xcomplex<f32>>
  return %y : tensor<1x1073741824xcomplex<f32>>
}

// -----

func.func @spectral_conv_too_long(%u: tensor<1x1x8xf32>, %k: tensor<1x2097153xcomplex<f32>>, %b: tensor<1xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'orchid.spectral_conv' op transform size n = 4194305 exceeds the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.spectral_conv %u, %k, %b size 4194305 : tensor<1x1x8xf32>, tensor<1x2097153xcomplex<f32>>, tensor<1xf32> -> tensor<1x1x8xf32>
  return %y : tensor<1x1x8xf32>
}
