// RUN: orchid-opt %s --orchid-convert-short-conv-to-gpu --split-input-file --verify-diagnostics

// Each tap is unrolled into the kernel: K = 2^20 once took minutes and
// gigabytes; kernels above kMaxShortConvTaps are refused.

func.func @too_many_taps(%u: tensor<1x2x8xf32>, %w: tensor<2x1048576xf32>, %b: tensor<2xf32>) -> tensor<1x2x8xf32> {
  // expected-error @+1 {{'orchid.short_conv' op has 1048576 taps, more than the 1024 a GPU kernel unrolls (kMaxShortConvTaps); use orchid.fftconv for long kernels}}
  %y = orchid.short_conv causal %u, %w, %b : tensor<1x2x8xf32>, tensor<2x1048576xf32>, tensor<2xf32> -> tensor<1x2x8xf32>
  return %y : tensor<1x2x8xf32>
}

// -----

func.func @one_above_the_limit(%u: tensor<1x2x8xf32>, %w: tensor<2x1025xf32>, %b: tensor<2xf32>) -> tensor<1x2x8xf32> {
  // expected-error @+1 {{'orchid.short_conv' op has 1025 taps}}
  %y = orchid.short_conv causal %u, %w, %b : tensor<1x2x8xf32>, tensor<2x1025xf32>, tensor<2xf32> -> tensor<1x2x8xf32>
  return %y : tensor<1x2x8xf32>
}
