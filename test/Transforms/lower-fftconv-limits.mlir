// RUN: orchid-opt %s --orchid-lower-fftconv -split-input-file -verify-diagnostics

// Transforms longer than fft::kMaxFFTSize = 2^22 points are refused before
// the fast-size search (which once looped for ages near L = 2^62) and
// before any IR is built.

func.func @huge_length(%u: tensor<1x1x4611686018427387904xf32>, %k: tensor<1x4611686018427387904xf32>, %b: tensor<1xf32>) -> tensor<1x1x4611686018427387904xf32> {
  // expected-error @+1 {{'orchid.fftconv' op sequence length L = 4611686018427387904 needs a transform longer than the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x1x4611686018427387904xf32>, tensor<1x4611686018427387904xf32>, tensor<1xf32> -> tensor<1x1x4611686018427387904xf32>
  return %y : tensor<1x1x4611686018427387904xf32>
}

// -----

// L = 2^24: the grid would be 2^25 points.
func.func @grid_too_long(%u: tensor<1x1x16777216xf32>, %k: tensor<1x16777216xf32>, %b: tensor<1xf32>) -> tensor<1x1x16777216xf32> {
  // expected-error @+1 {{'orchid.fftconv' op sequence length L = 16777216 needs a transform longer than the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x1x16777216xf32>, tensor<1x16777216xf32>, tensor<1xf32> -> tensor<1x1x16777216xf32>
  return %y : tensor<1x1x16777216xf32>
}

// -----

// L = 2^21 + 1 is below the limit, but not its grid: the smallest even
// fast size >= 2L - 1 is 4199040 > 2^22.
func.func @grid_above_limit(%u: tensor<1x1x2097153xf32>, %k: tensor<1x2097153xf32>, %b: tensor<1xf32>) -> tensor<1x1x2097153xf32> {
  // expected-error @+1 {{'orchid.fftconv' op transform size n = 4199040 exceeds the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x1x2097153xf32>, tensor<1x2097153xf32>, tensor<1xf32> -> tensor<1x1x2097153xf32>
  return %y : tensor<1x1x2097153xf32>
}

// -----

func.func @fixed_size_above_limit(%u: tensor<1x1x8xf32>, %k: tensor<1x8xf32>, %b: tensor<1xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'orchid.fftconv' op transform size n = 4194305 exceeds the limit of 4194304 points (kMaxFFTSize)}}
  %y = orchid.fftconv causal %u, %k, %b {fft_size = 4194305 : i64} : tensor<1x1x8xf32>, tensor<1x8xf32>, tensor<1xf32> -> tensor<1x1x8xf32>
  return %y : tensor<1x1x8xf32>
}
