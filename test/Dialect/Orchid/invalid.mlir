// RUN: orchid-opt %s -split-input-file -verify-diagnostics

// One case per verifier message of the orchid dialect, and the ODS
// constraints the verifiers rely on.

// FilterConfigAttr::verify
func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{l_max must be positive, got 0}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 0>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{target must lie in (0, 1), got 1.5}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64, target = 1.5>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{decay percentages must be positive}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64, fast_decay_pct = 0.0>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{decay percentages must be positive}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64, slow_decay_pct = -1.0>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

// rfft
func.func @f(%a0: tensor<2x4x8xf32>) {
  // expected-error @+1 {{attribute 'n' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = orchid.rfft %a0 size 0 : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<2x4x8xf64>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 32-bit float values}}
  %0 = orchid.rfft %a0 size 16 : tensor<2x4x8xf64> -> tensor<2x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<f32>) {
  // expected-error @+1 {{expects 'input' of rank >= 1}}
  %0 = orchid.rfft %a0 size 16 : tensor<f32> -> tensor<complex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<2x4x8xf32>) {
  // expected-error @+1 {{expects 'output' of rank 3, got 2}}
  %0 = orchid.rfft %a0 size 16 : tensor<2x4x8xf32> -> tensor<8x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<2x4x8xf32>) {
  // expected-error @+1 {{expects 'output' of shape 2x4x9, got 2x4x8}}
  %0 = orchid.rfft %a0 size 16 : tensor<2x4x8xf32> -> tensor<2x4x8xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<2x?x8xf32>) {
  // expected-error @+1 {{expects 'output' of shape 2x?x9, got 3x4x9}}
  %0 = orchid.rfft %a0 size 16 : tensor<2x?x8xf32> -> tensor<3x4x9xcomplex<f32>>
  return
}

// -----

// irfft
func.func @f(%a0: tensor<2x4x8xcomplex<f32>>) {
  // expected-error @+1 {{expects 'input' of shape 2x4x9, got 2x4x8}}
  %0 = orchid.irfft %a0 size 16 : tensor<2x4x8xcomplex<f32>> -> tensor<2x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<5xcomplex<f32>>) {
  // expected-error @+1 {{expects 'output' of rank >= 1}}
  %0 = orchid.irfft %a0 size 8 : tensor<5xcomplex<f32>> -> tensor<f32>
  return
}

// -----

func.func @f(%a0: tensor<2x4x5xcomplex<f32>>) {
  // expected-error @+1 {{expects at most n = 8 output samples, got 16}}
  %0 = orchid.irfft %a0 size 8 : tensor<2x4x5xcomplex<f32>> -> tensor<2x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<2x4x5xcomplex<f32>>) {
  // expected-error @+1 {{attribute 'n' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = orchid.irfft %a0 size -8 : tensor<2x4x5xcomplex<f32>> -> tensor<2x4x8xf32>
  return
}

// -----

// fftconv
func.func @f(%a0: tensor<4x8xf32>, %a1: tensor<4x8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'input' of rank 3, got 2}}
  %0 = orchid.fftconv causal %a0, %a1, %a2 : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects the result type 'tensor<1x4x9xf32>' to equal the input type 'tensor<1x4x8xf32>'}}
  %0 = orchid.fftconv causal %a0, %a1, %a2 : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x9xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'kernel' of rank 2 (D x K) or 3 (B x D x K), got 1}}
  %0 = orchid.fftconv causal %a0, %a1, %a2 : tensor<1x4x8xf32>, tensor<8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x7xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'kernel' of shape 4x8, got 4x7}}
  %0 = orchid.fftconv causal %a0, %a1, %a2 : tensor<1x4x8xf32>, tensor<4x7xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<5x8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'kernel' of shape 4x8, got 5x8}}
  %0 = orchid.fftconv circular %a0, %a1, %a2 : tensor<1x4x8xf32>, tensor<5x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'kernel' of shape 4x15, got 4x8}}
  %0 = orchid.fftconv bidirectional %a0, %a1, %a2 : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<2x4x8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'kernel' of shape 1x4x8, got 2x4x8}}
  %0 = orchid.fftconv causal %a0, %a1, %a2 : tensor<1x4x8xf32>, tensor<2x4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x?x8xf32>, %a1: tensor<4x8xf32>, %a2: tensor<5xf32>) {
  // expected-error @+1 {{expects 'bias' of shape 4, got 5}}
  %0 = orchid.fftconv causal %a0, %a1, %a2 : tensor<1x?x8xf32>, tensor<4x8xf32>, tensor<5xf32> -> tensor<1x?x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects fft_size >= 2 * L - 1 = 15, got 8}}
  %0 = orchid.fftconv causal %a0, %a1, %a2 {fft_size = 8 : i64} : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects fft_size >= 2 * L - 1 = 15 or fft_size == L = 8, got 12}}
  %0 = orchid.fftconv circular %a0, %a1, %a2 {fft_size = 12 : i64} : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x8xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'fft_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = orchid.fftconv causal %a0, %a1, %a2 {fft_size = 0 : i64} : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

// spectral_conv
func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x8xcomplex<f32>>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'spectrum' of shape 4x9, got 4x8}}
  %0 = orchid.spectral_conv %a0, %a1, %a2 size 16 : tensor<1x4x8xf32>, tensor<4x8xcomplex<f32>>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<9xcomplex<f32>>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'spectrum' of rank 2 (D x K) or 3 (B x D x K), got 1}}
  %0 = orchid.spectral_conv %a0, %a1, %a2 size 16 : tensor<1x4x8xf32>, tensor<9xcomplex<f32>>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x3xcomplex<f32>>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects n >= L = 8, got 4}}
  %0 = orchid.spectral_conv %a0, %a1, %a2 size 4 : tensor<1x4x8xf32>, tensor<4x3xcomplex<f32>>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x4x8xf32>, %a1: tensor<4x9xcomplex<f32>>, %a2: tensor<4x1xf32>) {
  // expected-error @+1 {{expects 'bias' of shape 4, got 4x1}}
  %0 = orchid.spectral_conv %a0, %a1, %a2 size 16 : tensor<1x4x8xf32>, tensor<4x9xcomplex<f32>>, tensor<4x1xf32> -> tensor<1x4x8xf32>
  return
}

// -----

// short_conv
func.func @f(%a0: tensor<12x8xf32>, %a1: tensor<12x3xf32>, %a2: tensor<12xf32>) {
  // expected-error @+1 {{expects 'input' of rank 3, got 2}}
  %0 = orchid.short_conv causal %a0, %a1, %a2 : tensor<12x8xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<12x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x12x8xf32>, %a1: tensor<12x3xf32>, %a2: tensor<12xf32>) {
  // expected-error @+1 {{expects the result type}}
  %0 = orchid.short_conv causal %a0, %a1, %a2 : tensor<1x12x8xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<1x12x?xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x12x8xf32>, %a1: tensor<4x3xf32>, %a2: tensor<12xf32>) {
  // expected-error @+1 {{expects 'weight' of shape 12x?, got 4x3}}
  %0 = orchid.short_conv causal %a0, %a1, %a2 : tensor<1x12x8xf32>, tensor<4x3xf32>, tensor<12xf32> -> tensor<1x12x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x?x8xf32>, %a1: tensor<12x3xf32>, %a2: tensor<4xf32>) {
  // expected-error @+1 {{expects 'bias' of shape 12, got 4}}
  %0 = orchid.short_conv causal %a0, %a1, %a2 : tensor<1x?x8xf32>, tensor<12x3xf32>, tensor<4xf32> -> tensor<1x?x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x12x8xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>) {
  // expected-error @+1 {{expects an odd kernel size for the centered convolution 'weight', got 4}}
  %0 = orchid.short_conv centered %a0, %a1, %a2 : tensor<1x12x8xf32>, tensor<12x4xf32>, tensor<12xf32> -> tensor<1x12x8xf32>
  return
}

// -----

// implicit_filter
func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects 'output' of rank 3, got 2}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<24xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects 'w_in' of rank 2, got 1}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<24xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x4xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects an odd embedding size >= 3 (columns of 'w_in'), got 4}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x4xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x1xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects an odd embedding size >= 3 (columns of 'w_in'), got 1}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x1xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<6xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects 'b_in' of shape 8, got 6}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<6xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x6xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects 'w_inner' of shape ?x8x8, got 2x8x6}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x6xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<3x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects 'b_inner' of shape 2x8, got 3x8}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<2x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects 'freq' of shape 3x8, got 2x8}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<6x8xf32>) {
  // expected-error @+1 {{expects 'w_out' of shape 4x8, got 6x8}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<6x8xf32> -> tensor<1x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{expects 'w_out' of shape 8x8, got 4x8}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<2x4x16xf32>
  return
}

// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{sequence length 128 exceeds l_max = 64 of 'config'; use grid = extrapolate or grid = zero_pad to allow it}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x128xf32>
  return
}

// -----

// condition
func.func @f(%a0: tensor<8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects 'input' of rank 3, got 2}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects 'output' of rank 3, got 2}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects 'output' of shape 1x?x9, got 1x4x8}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x8xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects the 6 output channels to be a multiple of D = 4}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x6x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x32x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects n >= L = 32, got 16}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x32x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>) {
  // expected-error @+1 {{expects 8 weights for a 'spectral' condition, got 7}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects 12 weights for a 'correlation' condition, got 8}}
  %0 = orchid.condition correlation %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x2xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects an odd kernel size for the centered convolution 'conv1_w', got 2}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x8x4xf32>, tensor<4x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<8xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects 'ln1_b' of shape 4, got 8}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<4x3xf32>, %a6: tensor<8xf32>, %a7: tensor<8xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects 'conv2_w' of shape 8x?, got 4x3}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<8x3xf32>, %a6: tensor<8xf32>, %a7: tensor<4xf32>, %a8: tensor<8xf32>) {
  // expected-error @+1 {{expects 'ln2_g' of shape 8, got 4}}
  %0 = orchid.condition spectral %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<4xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<4x3xf32>, %a6: tensor<8xf32>, %a7: tensor<4xf32>, %a8: tensor<4xf32>, %a9: tensor<8x3xf32>, %a10: tensor<8xf32>, %a11: tensor<8xf32>, %a12: tensor<8xf32>) {
  // expected-error @+1 {{expects 'convq_b' of shape 4, got 8}}
  %0 = orchid.condition correlation %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<4x3xf32>, %a6: tensor<4xf32>, %a7: tensor<4xf32>, %a8: tensor<4xf32>, %a9: tensor<8x2x4xf32>, %a10: tensor<8xf32>, %a11: tensor<8xf32>, %a12: tensor<8xf32>) {
  // expected-error @+1 {{expects an odd kernel size for the centered convolution 'conv3_w', got 4}}
  %0 = orchid.condition correlation %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x2x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<4x3xf32>, %a2: tensor<4xf32>, %a3: tensor<4xf32>, %a4: tensor<4xf32>, %a5: tensor<4x3xf32>, %a6: tensor<4xf32>, %a7: tensor<4xf32>, %a8: tensor<4xf32>, %a9: tensor<8x2x3xf32>, %a10: tensor<8xf32>, %a11: tensor<8xf32>, %a12: tensor<4xf32>) {
  // expected-error @+1 {{expects 'ln3_b' of shape 8, got 4}}
  %0 = orchid.condition correlation %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12 size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4xf32>) -> tensor<1x4x9xcomplex<f32>>
  return
}

// -----

// hyena
func.func @f(%a0: tensor<8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'input' of rank 3, got 2}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects the result type}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x5xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'in_proj_weight' of shape 12x4, got 12x5}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x5xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<8xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'in_proj_bias' of shape 12, got 8}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<8xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<8x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'short_filter_weight' of shape 12x?, got 8x3}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<8x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<4xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'short_filter_bias' of shape 12, got 4}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x2xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects an odd embedding size >= 3 (columns of 'filter_w_in'), got 2}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x2xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<2x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'filter_freq' of shape 3x16, got 2x16}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<2x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<8x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'filter_w_out' of shape 4x16, got 8x16}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<8x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<8xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'filter_bias' of shape 4, got 8}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x8xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'out_proj_weight' of shape 4x4, got 4x8}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<8xf32>) {
  // expected-error @+1 {{expects 'out_proj_bias' of shape 4, got 8}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<8xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

// An order-3 block needs (N+1)D = 16 projected channels.
func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{expects 'in_proj_weight' of shape 16x4, got 12x4}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 3 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'order' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 2}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 1 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x16x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>) {
  // expected-error @+1 {{sequence length 16 exceeds l_max = 8 of 'filter'; use grid = extrapolate or grid = zero_pad to allow it}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x16x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x16x4xf32>
  return
}

// -----

// orchid
func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4x3xf32>, %a12: tensor<4xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<8x3xf32>, %a16: tensor<8xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<4x4xf32>, %a20: tensor<4xf32>) {
  // expected-error @+1 {{expects 7 filter weights (6 implicit-filter weights and the bias), got 6}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10) condition(%a11, %a12, %a13, %a14, %a15, %a16, %a17, %a18) residual() out(%a19, %a20) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<16x3xf32>, %a21: tensor<16xf32>, %a22: tensor<2x16x16xf32>, %a23: tensor<4x4xf32>, %a24: tensor<4xf32>) {
  // expected-error @+1 {{expects 0 or 7 residual weights, got 3}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual(%a20, %a21, %a22) out(%a23, %a24) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<16x3xf32>, %a21: tensor<16xf32>, %a22: tensor<2x16x16xf32>, %a23: tensor<2x16xf32>, %a24: tensor<3x16xf32>, %a25: tensor<4x16xf32>, %a26: tensor<4xf32>, %a27: tensor<4x4xf32>, %a28: tensor<4xf32>) {
  // expected-error @+1 {{expects a 'residual_filter' attribute exactly when residual weights are given}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual(%a20, %a21, %a22, %a23, %a24, %a25, %a26) out(%a27, %a28) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<4x4xf32>, %a21: tensor<4xf32>) {
  // expected-error @+1 {{expects a 'residual_filter' attribute exactly when residual weights are given}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual() out(%a20, %a21) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, residual_filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<4x4xf32>, %a21: tensor<4xf32>) {
  // expected-error @+1 {{expects the result type}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual() out(%a20, %a21) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x5xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<8xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<4x4xf32>, %a21: tensor<4xf32>) {
  // expected-error @+1 {{expects 'filter_bias' of shape 4, got 8}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual() out(%a20, %a21) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<8xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<4x4xf32>, %a21: tensor<4xf32>) {
  // expected-error @+1 {{expects 12 weights for a 'correlation' condition, got 8}}
  %0 = orchid.orchid causal correlation %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual() out(%a20, %a21) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<4x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<4x4xf32>, %a21: tensor<4xf32>) {
  // expected-error @+1 {{expects 'conv2_w' of shape 8x?, got 4x3}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual() out(%a20, %a21) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<16x3xf32>, %a21: tensor<16xf32>, %a22: tensor<2x16x16xf32>, %a23: tensor<2x16xf32>, %a24: tensor<3x16xf32>, %a25: tensor<8x16xf32>, %a26: tensor<4xf32>, %a27: tensor<4x4xf32>, %a28: tensor<4xf32>) {
  // expected-error @+1 {{expects 'residual_w_out' of shape 4x16, got 8x16}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual(%a20, %a21, %a22, %a23, %a24, %a25, %a26) out(%a27, %a28) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, residual_filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<8x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<16x3xf32>, %a21: tensor<8xf32>, %a22: tensor<2x16x16xf32>, %a23: tensor<2x16xf32>, %a24: tensor<3x16xf32>, %a25: tensor<4x16xf32>, %a26: tensor<4xf32>, %a27: tensor<4x4xf32>, %a28: tensor<4xf32>) {
  // expected-error @+1 {{expects 'residual_b_in' of shape 16, got 8}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual(%a20, %a21, %a22, %a23, %a24, %a25, %a26) out(%a27, %a28) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, residual_filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<8xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<16x3xf32>, %a21: tensor<16xf32>, %a22: tensor<2x16x16xf32>, %a23: tensor<2x16xf32>, %a24: tensor<3x16xf32>, %a25: tensor<4x16xf32>, %a26: tensor<8xf32>, %a27: tensor<4x4xf32>, %a28: tensor<4xf32>) {
  // expected-error @+1 {{expects 'residual_bias' of shape 4, got 8}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual(%a20, %a21, %a22, %a23, %a24, %a25, %a26) out(%a27, %a28) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, residual_filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<16x3xf32>, %a21: tensor<16xf32>, %a22: tensor<2x16x16xf32>, %a23: tensor<2x16xf32>, %a24: tensor<3x16xf32>, %a25: tensor<4x16xf32>, %a26: tensor<4xf32>, %a27: tensor<4x4xf32>, %a28: tensor<4xf32>) {
  // expected-error @+1 {{sequence length 8 exceeds l_max = 4 of 'residual_filter'; use grid = extrapolate or grid = zero_pad to allow it}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual(%a20, %a21, %a22, %a23, %a24, %a25, %a26) out(%a27, %a28) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, residual_filter = #orchid.filter<l_max = 4>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<4x4xf32>, %a21: tensor<4xf32>) {
  // expected-error @+1 {{sequence length 8 exceeds l_max = 4 of 'filter'; use grid = extrapolate or grid = zero_pad to allow it}}
  %0 = orchid.orchid causal spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual() out(%a20, %a21) {order = 2 : i64, filter = #orchid.filter<l_max = 4>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}

// -----

// ImplicitFilterOp::verify: the stored state
func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>, %z: tensor<32x3xf32>) {
  // expected-error @+1 {{expects 'z' of shape 64x3, got 32x3}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 z(%z : tensor<32x3xf32>) {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}


// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>, %z: tensor<64x5xf32>) {
  // expected-error @+1 {{expects 'z' of shape 64x3, got 64x5}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 z(%z : tensor<64x5xf32>) {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}


// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>, %d: tensor<3xf32>) {
  // expected-error @+1 {{expects 'deltas' of shape 4, got 3}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 deltas(%d : tensor<3xf32>) {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}


// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>, %z: tensor<64x3xf32>, %d: tensor<4xf32>) {
  // expected-error @+1 {{cannot extrapolate a stored 'z' of l_max = 64 rows to length 128; use grid = zero_pad}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 z(%z : tensor<64x3xf32>) deltas(%d : tensor<4xf32>) {config = #orchid.filter<l_max = 64, grid = extrapolate>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x128xf32>
  return
}


// -----

func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{w_mod must be finite}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 64, w_mod = 0x7FF0000000000000>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return
}


// -----

// HyenaOp::verify: the stored state
func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>, %z: tensor<8x3xf32>) {
  // expected-error @+1 {{expects 'filter_z' of shape 16x3, got 8x3}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 filter_z(%z) {order = 2 : i64, filter = #orchid.filter<l_max = 16>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>, tensor<8x3xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x4xf32>, %a13: tensor<4xf32>, %d: tensor<8xf32>) {
  // expected-error @+1 {{expects 'filter_deltas' of shape 4, got 8}}
  %0 = orchid.hyena %a0, %a1, %a2, %a3, %a4, %a5, %a6, %a7, %a8, %a9, %a10, %a11, %a12, %a13 filter_deltas(%d) {order = 2 : i64, filter = #orchid.filter<l_max = 16>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>, tensor<8xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

// OrchidOp::verify: stored state and reverse filters
func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<4x4xf32>, %a21: tensor<4xf32>) {
  // expected-error @+1 {{expects 6 'filter_rev' weights of a reverse implicit filter, got 0}}
  %0 = orchid.orchid bidirectional spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual() out(%a20, %a21) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<16x3xf32>, %a13: tensor<16xf32>, %a14: tensor<2x16x16xf32>, %a15: tensor<2x16xf32>, %a16: tensor<3x16xf32>, %a17: tensor<4x16xf32>, %a18: tensor<4x3xf32>, %a19: tensor<4xf32>, %a20: tensor<4xf32>, %a21: tensor<4xf32>, %a22: tensor<8x3xf32>, %a23: tensor<8xf32>, %a24: tensor<8xf32>, %a25: tensor<8xf32>, %a26: tensor<4x4xf32>, %a27: tensor<4xf32>) {
  // expected-error @+1 {{expects reverse filters only in bidirectional mode}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) filter_reverse(%a12, %a13, %a14, %a15, %a16, %a17) condition(%a18, %a19, %a20, %a21, %a22, %a23, %a24, %a25) residual() out(%a26, %a27) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<16x5xf32>, %a13: tensor<16xf32>, %a14: tensor<2x16x16xf32>, %a15: tensor<2x16xf32>, %a16: tensor<3x16xf32>, %a17: tensor<4x16xf32>, %a18: tensor<4x3xf32>, %a19: tensor<4xf32>, %a20: tensor<4xf32>, %a21: tensor<4xf32>, %a22: tensor<8x3xf32>, %a23: tensor<8xf32>, %a24: tensor<8xf32>, %a25: tensor<8xf32>, %a26: tensor<4x4xf32>, %a27: tensor<4xf32>) {
  // expected-error @+1 {{expects 'filter_rev_w_in' of shape ?x3, got 16x5}}
  %0 = orchid.orchid bidirectional spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) filter_reverse(%a12, %a13, %a14, %a15, %a16, %a17) condition(%a18, %a19, %a20, %a21, %a22, %a23, %a24, %a25) residual() out(%a26, %a27) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<16x5xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<16x3xf32>, %a13: tensor<16xf32>, %a14: tensor<2x16x16xf32>, %a15: tensor<2x16xf32>, %a16: tensor<3x16xf32>, %a17: tensor<8x16xf32>, %a18: tensor<4x3xf32>, %a19: tensor<4xf32>, %a20: tensor<4xf32>, %a21: tensor<4xf32>, %a22: tensor<8x3xf32>, %a23: tensor<8xf32>, %a24: tensor<8xf32>, %a25: tensor<8xf32>, %a26: tensor<4x4xf32>, %a27: tensor<4xf32>) {
  // expected-error @+1 {{expects 'filter_rev_w_out' of shape 4x16, got 8x16}}
  %0 = orchid.orchid bidirectional spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) filter_reverse(%a12, %a13, %a14, %a15, %a16, %a17) condition(%a18, %a19, %a20, %a21, %a22, %a23, %a24, %a25) residual() out(%a26, %a27) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<8x16xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<8x3xf32>, %a13: tensor<8xf32>, %a14: tensor<4x3xf32>, %a15: tensor<4xf32>, %a16: tensor<4xf32>, %a17: tensor<4xf32>, %a18: tensor<8x3xf32>, %a19: tensor<8xf32>, %a20: tensor<8xf32>, %a21: tensor<8xf32>, %a22: tensor<4x4xf32>, %a23: tensor<4xf32>) {
  // expected-error @+1 {{expects 'filter_deltas' of shape 4, got 8}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) filter_z(%a12) filter_deltas(%a13) condition(%a14, %a15, %a16, %a17, %a18, %a19, %a20, %a21) residual() out(%a22, %a23) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<8x3xf32>, %a21: tensor<4x4xf32>, %a22: tensor<4xf32>) {
  // expected-error @+1 {{expects no 'residual_z', 'residual_deltas' or 'residual_reverse' without residual weights}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual() residual_z(%a20) out(%a21, %a22) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8x3xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<16x3xf32>, %a21: tensor<16xf32>, %a22: tensor<2x16x16xf32>, %a23: tensor<2x16xf32>, %a24: tensor<3x16xf32>, %a25: tensor<4x16xf32>, %a26: tensor<4xf32>, %a27: tensor<4x3xf32>, %a28: tensor<4x4xf32>, %a29: tensor<4xf32>) {
  // expected-error @+1 {{expects 'residual_z' of shape 8x3, got 4x3}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual(%a20, %a21, %a22, %a23, %a24, %a25, %a26) residual_z(%a27) out(%a28, %a29) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, residual_filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<8x3xf32>, %a17: tensor<8xf32>, %a18: tensor<8xf32>, %a19: tensor<8xf32>, %a20: tensor<16x3xf32>, %a21: tensor<16xf32>, %a22: tensor<2x16x16xf32>, %a23: tensor<2x16xf32>, %a24: tensor<3x16xf32>, %a25: tensor<4x16xf32>, %a26: tensor<4xf32>, %a27: tensor<8xf32>, %a28: tensor<4x4xf32>, %a29: tensor<4xf32>) {
  // expected-error @+1 {{expects 'residual_deltas' of shape 4, got 8}}
  %0 = orchid.orchid circular spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19) residual(%a20, %a21, %a22, %a23, %a24, %a25, %a26) residual_deltas(%a27) out(%a28, %a29) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, residual_filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<16x3xf32>, %a13: tensor<16xf32>, %a14: tensor<2x16x16xf32>, %a15: tensor<2x16xf32>, %a16: tensor<3x16xf32>, %a17: tensor<4x16xf32>, %a18: tensor<4x3xf32>, %a19: tensor<4xf32>, %a20: tensor<4xf32>, %a21: tensor<4xf32>, %a22: tensor<8x3xf32>, %a23: tensor<8xf32>, %a24: tensor<8xf32>, %a25: tensor<8xf32>, %a26: tensor<16x3xf32>, %a27: tensor<16xf32>, %a28: tensor<2x16x16xf32>, %a29: tensor<2x16xf32>, %a30: tensor<3x16xf32>, %a31: tensor<4x16xf32>, %a32: tensor<4xf32>, %a33: tensor<4x4xf32>, %a34: tensor<4xf32>) {
  // expected-error @+1 {{expects 6 'residual_rev' weights of a reverse implicit filter, got 0}}
  %0 = orchid.orchid bidirectional spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) filter_reverse(%a12, %a13, %a14, %a15, %a16, %a17) condition(%a18, %a19, %a20, %a21, %a22, %a23, %a24, %a25) residual(%a26, %a27, %a28, %a29, %a30, %a31, %a32) out(%a33, %a34) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, residual_filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<4x3xf32>, %a13: tensor<4xf32>, %a14: tensor<4xf32>, %a15: tensor<4xf32>, %a16: tensor<4x3xf32>, %a17: tensor<4xf32>, %a18: tensor<4xf32>, %a19: tensor<4xf32>, %a20: tensor<8x3xf32>, %a21: tensor<8xf32>, %a22: tensor<8xf32>, %a23: tensor<8xf32>, %a24: tensor<4x4xf32>, %a25: tensor<4xf32>) {
  // expected-error @+1 {{expects 'conv3_w' of shape 8x2x?, got 8x3}}
  %0 = orchid.orchid causal correlation %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) condition(%a12, %a13, %a14, %a15, %a16, %a17, %a18, %a19, %a20, %a21, %a22, %a23) residual() out(%a24, %a25) {order = 2 : i64, filter = #orchid.filter<l_max = 8>} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}


// -----

// The filter's switches are booleans.
func.func @f(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+2 {{invalid kind of attribute specified}}
  // expected-error @+1 {{failed to parse Orchid_FilterConfigAttr parameter 'modulate' which is to be a `bool`}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 8, modulate = 1>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @f(%a0: tensor<1x8x4xf32>, %a1: tensor<12x4xf32>, %a2: tensor<12xf32>, %a3: tensor<12x3xf32>, %a4: tensor<12xf32>, %a5: tensor<16x3xf32>, %a6: tensor<16xf32>, %a7: tensor<2x16x16xf32>, %a8: tensor<2x16xf32>, %a9: tensor<3x16xf32>, %a10: tensor<4x16xf32>, %a11: tensor<4xf32>, %a12: tensor<16x3xf32>, %a13: tensor<16xf32>, %a14: tensor<2x16x16xf32>, %a15: tensor<2x16xf32>, %a16: tensor<3x16xf32>, %a17: tensor<4x16xf32>, %a18: tensor<4x3xf32>, %a19: tensor<4xf32>, %a20: tensor<4xf32>, %a21: tensor<4xf32>, %a22: tensor<8x3xf32>, %a23: tensor<8xf32>, %a24: tensor<8xf32>, %a25: tensor<8xf32>, %a26: tensor<4x4xf32>, %a27: tensor<4xf32>) {
  // expected-error @+1 {{expects a finite 'alpha_adapt'}}
  %0 = orchid.orchid bidirectional spectral %a0, %a1, %a2, %a3, %a4 filter(%a5, %a6, %a7, %a8, %a9, %a10, %a11) filter_reverse(%a12, %a13, %a14, %a15, %a16, %a17) condition(%a18, %a19, %a20, %a21, %a22, %a23, %a24, %a25) residual() out(%a26, %a27) {order = 2 : i64, filter = #orchid.filter<l_max = 8>, alpha_adapt = 0x7FF0000000000000 : f64} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return
}
