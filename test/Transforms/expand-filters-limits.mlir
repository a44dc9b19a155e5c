// RUN: orchid-opt %s --orchid-expand-filters -split-input-file -verify-diagnostics

// A filter's embedding and network are tables with a row per position,
// computed at compile time: lengths beyond fft::kMaxFFTSize (once an
// out-of-memory abort at L = 2^40) are refused.

func.func @filter_too_long(%w_in: tensor<4x3xf32>, %b_in: tensor<4xf32>,
    %w_inner: tensor<0x4x4xf32>, %b_inner: tensor<0x4xf32>,
    %freq: tensor<1x4xf32>, %w_out: tensor<2x4xf32>) -> tensor<1x2x1099511627776xf32> {
  // expected-error @+1 {{'orchid.implicit_filter' op filter length 1099511627776 exceeds the limit of 4194304 points (kMaxFFTSize)}}
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 1099511627776>}
      : tensor<4x3xf32>, tensor<4xf32>, tensor<0x4x4xf32>, tensor<0x4xf32>,
        tensor<1x4xf32>, tensor<2x4xf32> -> tensor<1x2x1099511627776xf32>
  return %h : tensor<1x2x1099511627776xf32>
}
