// RUN: orchid-run %s --function=orchid_spectral_causalcond_n2_b2_l12_d4 --random --seed=21 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_CAUSALCOND_N2_B2_L12_D4
// RUN: orchid-run %s --function=orchid_correlation_causalcond_n2_b3_l10_d3 --random --seed=22 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_CORRELATION_CAUSALCOND_N2_B3_L10_D3
// RUN: orchid-run %s --function=orchid_spectral_bidirectional_n2_b2_l9_d3 --random --seed=23 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_BIDIRECTIONAL_N2_B2_L9_D3
// RUN: orchid-run %s --function=orchid_correlation_bidirectional_zero_pad_n2_b1_l7_d4 --random --seed=24 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_CORRELATION_BIDIRECTIONAL_ZERO_PAD_N2_B1_L7_D4
// RUN: orchid-run %s --function=orchid_spectral_zero_pad_n2_b2_l21_d3 --random --seed=25 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_ZERO_PAD_N2_B2_L21_D3
// RUN: orchid-run %s --function=orchid_correlation_causal_n3_b2_l11_d2 --random --seed=26 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_CORRELATION_CAUSAL_N3_B2_L11_D2
// RUN: orchid-run %s --function=orchid_spectral_freqcond_n2_b1_l16_d4 --random --seed=27 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_FREQCOND_N2_B1_L16_D4
// RUN: orchid-run %s --function=orchid_spectral_bidirectional_n2_b2_l9_d3 --random --seed=5 --prepare --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_BIDIRECTIONAL_N2_B2_L9_D3
// RUN: orchid-run %s --function=orchid_spectral_zero_pad_n2_b2_l21_d3 --random --seed=5 --prepare --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_ZERO_PAD_N2_B2_L21_D3

// Orchid blocks with every switch of the original module and the stored
// state of its filters, at awkward lengths, against the float64 reference.

// The reference's defaults: circular, causal conditioning on 2L points,
// residual; stored state of both filters, alpha_adapt, w_mod.
// ORCHID_SPECTRAL_CAUSALCOND_N2_B2_L12_D4: orchid_spectral_causalcond_n2_b2_l12_d4: result 0 (2x12x4xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @orchid_spectral_causalcond_n2_b2_l12_d4(%x: tensor<2x12x4xf32>,
    %in_proj_weight: tensor<12x4xf32>, %in_proj_bias: tensor<12xf32>,
    %short_filter_weight: tensor<12x3xf32>, %short_filter_bias: tensor<12xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<4x16xf32>,
    %filter_bias: tensor<4xf32>, %filter_z: tensor<16x3xf32>,
    %filter_deltas: tensor<4xf32>, %conv1_w: tensor<4x3xf32>,
    %conv1_b: tensor<4xf32>, %ln1_g: tensor<4xf32>, %ln1_b: tensor<4xf32>,
    %conv2_w: tensor<8x3xf32>, %conv2_b: tensor<8xf32>, %ln2_g: tensor<8xf32>,
    %ln2_b: tensor<8xf32>, %residual_w_in: tensor<16x3xf32>,
    %residual_b_in: tensor<16xf32>, %residual_w_inner: tensor<2x16x16xf32>,
    %residual_b_inner: tensor<2x16xf32>, %residual_freq: tensor<3x16xf32>,
    %residual_w_out: tensor<4x16xf32>, %residual_bias: tensor<4xf32>,
    %residual_z: tensor<16x3xf32>, %residual_deltas: tensor<4xf32>,
    %out_proj_weight: tensor<4x4xf32>, %out_proj_bias: tensor<4xf32>) -> tensor<2x12x4xf32> {
  %y = orchid.orchid circular spectral %x, %in_proj_weight, %in_proj_bias,
      %short_filter_weight, %short_filter_bias
      filter(%filter_w_in, %filter_b_in, %filter_w_inner, %filter_b_inner,
          %filter_freq, %filter_w_out, %filter_bias)
      filter_z(%filter_z)
      filter_deltas(%filter_deltas)
      condition(%conv1_w, %conv1_b, %ln1_g, %ln1_b, %conv2_w, %conv2_b, %ln2_g,
          %ln2_b)
      residual(%residual_w_in, %residual_b_in, %residual_w_inner,
          %residual_b_inner, %residual_freq, %residual_w_out, %residual_bias)
      residual_z(%residual_z)
      residual_deltas(%residual_deltas)
      out(%out_proj_weight, %out_proj_bias)
      {order = 2 : i64, alpha_adapt = 0.7 : f64, filter = #orchid.filter<l_max = 16, w_mod = 10.0, normalize = after_modulation>,
       residual_filter = #orchid.filter<l_max = 16, w_mod = 10.0, normalize = after_modulation>}
      : (tensor<2x12x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<16x3xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>,
          tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>,
          tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<4x16xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x12x4xf32>
  return %y : tensor<2x12x4xf32>
}

// Causal correlation conditioning, per batch element (B = 3).
// ORCHID_CORRELATION_CAUSALCOND_N2_B3_L10_D3: orchid_correlation_causalcond_n2_b3_l10_d3: result 0 (3x10x3xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @orchid_correlation_causalcond_n2_b3_l10_d3(%x: tensor<3x10x3xf32>,
    %in_proj_weight: tensor<9x3xf32>, %in_proj_bias: tensor<9xf32>,
    %short_filter_weight: tensor<9x3xf32>, %short_filter_bias: tensor<9xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<3x16xf32>,
    %filter_bias: tensor<3xf32>, %filter_z: tensor<10x3xf32>,
    %convk_w: tensor<3x3xf32>, %convk_b: tensor<3xf32>, %lnk_g: tensor<3xf32>,
    %lnk_b: tensor<3xf32>, %convq_w: tensor<3x3xf32>, %convq_b: tensor<3xf32>,
    %lnq_g: tensor<3xf32>, %lnq_b: tensor<3xf32>, %conv3_w: tensor<6x2x3xf32>,
    %conv3_b: tensor<6xf32>, %ln3_g: tensor<6xf32>, %ln3_b: tensor<6xf32>,
    %out_proj_weight: tensor<3x3xf32>, %out_proj_bias: tensor<3xf32>) -> tensor<3x10x3xf32> {
  %y = orchid.orchid circular correlation %x, %in_proj_weight, %in_proj_bias,
      %short_filter_weight, %short_filter_bias
      filter(%filter_w_in, %filter_b_in, %filter_w_inner, %filter_b_inner,
          %filter_freq, %filter_w_out, %filter_bias)
      filter_z(%filter_z)
      condition(%convk_w, %convk_b, %lnk_g, %lnk_b, %convq_w, %convq_b, %lnq_g,
          %lnq_b, %conv3_w, %conv3_b, %ln3_g, %ln3_b)
      residual()
      out(%out_proj_weight, %out_proj_bias)
      {order = 2 : i64, alpha_adapt = 1.5 : f64, filter = #orchid.filter<l_max = 10, normalize = after_modulation>}
      : (tensor<3x10x3xf32>, tensor<9x3xf32>, tensor<9xf32>, tensor<9x3xf32>,
          tensor<9xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>, tensor<3xf32>,
          tensor<10x3xf32>, tensor<3x3xf32>, tensor<3xf32>, tensor<3xf32>,
          tensor<3xf32>, tensor<3x3xf32>, tensor<3xf32>, tensor<3xf32>,
          tensor<3xf32>, tensor<6x2x3xf32>, tensor<6xf32>, tensor<6xf32>,
          tensor<6xf32>, tensor<3x3xf32>, tensor<3xf32>) -> tensor<3x10x3xf32>
  return %y : tensor<3x10x3xf32>
}

// Bidirectional static filters with a bidirectional residual, causal
// conditioning.
// ORCHID_SPECTRAL_BIDIRECTIONAL_N2_B2_L9_D3: orchid_spectral_bidirectional_n2_b2_l9_d3: result 0 (2x9x3xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @orchid_spectral_bidirectional_n2_b2_l9_d3(%x: tensor<2x9x3xf32>,
    %in_proj_weight: tensor<9x3xf32>, %in_proj_bias: tensor<9xf32>,
    %short_filter_weight: tensor<9x3xf32>, %short_filter_bias: tensor<9xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<3x16xf32>,
    %filter_bias: tensor<3xf32>, %filter_z: tensor<9x3xf32>,
    %filter_deltas: tensor<3xf32>, %filter_rev_w_in: tensor<16x3xf32>,
    %filter_rev_b_in: tensor<16xf32>, %filter_rev_w_inner: tensor<2x16x16xf32>,
    %filter_rev_b_inner: tensor<2x16xf32>, %filter_rev_freq: tensor<3x16xf32>,
    %filter_rev_w_out: tensor<3x16xf32>, %conv1_w: tensor<3x3xf32>,
    %conv1_b: tensor<3xf32>, %ln1_g: tensor<3xf32>, %ln1_b: tensor<3xf32>,
    %conv2_w: tensor<6x3xf32>, %conv2_b: tensor<6xf32>, %ln2_g: tensor<6xf32>,
    %ln2_b: tensor<6xf32>, %residual_w_in: tensor<16x3xf32>,
    %residual_b_in: tensor<16xf32>, %residual_w_inner: tensor<2x16x16xf32>,
    %residual_b_inner: tensor<2x16xf32>, %residual_freq: tensor<3x16xf32>,
    %residual_w_out: tensor<3x16xf32>, %residual_bias: tensor<3xf32>,
    %residual_z: tensor<9x3xf32>, %residual_rev_w_in: tensor<16x3xf32>,
    %residual_rev_b_in: tensor<16xf32>,
    %residual_rev_w_inner: tensor<2x16x16xf32>,
    %residual_rev_b_inner: tensor<2x16xf32>,
    %residual_rev_freq: tensor<3x16xf32>, %residual_rev_w_out: tensor<3x16xf32>,
    %out_proj_weight: tensor<3x3xf32>, %out_proj_bias: tensor<3xf32>) -> tensor<2x9x3xf32> {
  %y = orchid.orchid bidirectional spectral %x, %in_proj_weight, %in_proj_bias,
      %short_filter_weight, %short_filter_bias
      filter(%filter_w_in, %filter_b_in, %filter_w_inner, %filter_b_inner,
          %filter_freq, %filter_w_out, %filter_bias)
      filter_z(%filter_z)
      filter_deltas(%filter_deltas)
      filter_reverse(%filter_rev_w_in, %filter_rev_b_in, %filter_rev_w_inner,
          %filter_rev_b_inner, %filter_rev_freq, %filter_rev_w_out)
      condition(%conv1_w, %conv1_b, %ln1_g, %ln1_b, %conv2_w, %conv2_b, %ln2_g,
          %ln2_b)
      residual(%residual_w_in, %residual_b_in, %residual_w_inner,
          %residual_b_inner, %residual_freq, %residual_w_out, %residual_bias)
      residual_z(%residual_z)
      residual_reverse(%residual_rev_w_in, %residual_rev_b_in,
          %residual_rev_w_inner, %residual_rev_b_inner, %residual_rev_freq,
          %residual_rev_w_out)
      out(%out_proj_weight, %out_proj_bias)
      {order = 2 : i64, filter = #orchid.filter<l_max = 9, normalize = after_modulation>,
       residual_filter = #orchid.filter<l_max = 9, normalize = after_modulation>}
      : (tensor<2x9x3xf32>, tensor<9x3xf32>, tensor<9xf32>, tensor<9x3xf32>,
          tensor<9xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>, tensor<3xf32>,
          tensor<9x3xf32>, tensor<3xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<3x16xf32>, tensor<3x3xf32>, tensor<3xf32>, tensor<3xf32>,
          tensor<3xf32>, tensor<6x3xf32>, tensor<6xf32>, tensor<6xf32>,
          tensor<6xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>, tensor<3xf32>,
          tensor<9x3xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<3x16xf32>, tensor<3x3xf32>, tensor<3xf32>) -> tensor<2x9x3xf32>
  return %y : tensor<2x9x3xf32>
}

// Bidirectional, non-causal correlation conditioning, L > l_max with zero-
// padded kernels.
// ORCHID_CORRELATION_BIDIRECTIONAL_ZERO_PAD_N2_B1_L7_D4: orchid_correlation_bidirectional_zero_pad_n2_b1_l7_d4: result 0 (1x7x4xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @orchid_correlation_bidirectional_zero_pad_n2_b1_l7_d4(
    %x: tensor<1x7x4xf32>, %in_proj_weight: tensor<12x4xf32>,
    %in_proj_bias: tensor<12xf32>, %short_filter_weight: tensor<12x3xf32>,
    %short_filter_bias: tensor<12xf32>, %filter_w_in: tensor<16x3xf32>,
    %filter_b_in: tensor<16xf32>, %filter_w_inner: tensor<2x16x16xf32>,
    %filter_b_inner: tensor<2x16xf32>, %filter_freq: tensor<3x16xf32>,
    %filter_w_out: tensor<4x16xf32>, %filter_bias: tensor<4xf32>,
    %filter_z: tensor<5x3xf32>, %filter_rev_w_in: tensor<16x3xf32>,
    %filter_rev_b_in: tensor<16xf32>, %filter_rev_w_inner: tensor<2x16x16xf32>,
    %filter_rev_b_inner: tensor<2x16xf32>, %filter_rev_freq: tensor<3x16xf32>,
    %filter_rev_w_out: tensor<4x16xf32>, %convk_w: tensor<4x3xf32>,
    %convk_b: tensor<4xf32>, %lnk_g: tensor<4xf32>, %lnk_b: tensor<4xf32>,
    %convq_w: tensor<4x3xf32>, %convq_b: tensor<4xf32>, %lnq_g: tensor<4xf32>,
    %lnq_b: tensor<4xf32>, %conv3_w: tensor<8x2x3xf32>, %conv3_b: tensor<8xf32>,
    %ln3_g: tensor<8xf32>, %ln3_b: tensor<8xf32>,
    %residual_w_in: tensor<16x3xf32>, %residual_b_in: tensor<16xf32>,
    %residual_w_inner: tensor<2x16x16xf32>, %residual_b_inner: tensor<2x16xf32>,
    %residual_freq: tensor<3x16xf32>, %residual_w_out: tensor<4x16xf32>,
    %residual_bias: tensor<4xf32>, %residual_z: tensor<5x3xf32>,
    %residual_rev_w_in: tensor<16x3xf32>, %residual_rev_b_in: tensor<16xf32>,
    %residual_rev_w_inner: tensor<2x16x16xf32>,
    %residual_rev_b_inner: tensor<2x16xf32>,
    %residual_rev_freq: tensor<3x16xf32>, %residual_rev_w_out: tensor<4x16xf32>,
    %out_proj_weight: tensor<4x4xf32>, %out_proj_bias: tensor<4xf32>) -> tensor<1x7x4xf32> {
  %y = orchid.orchid bidirectional correlation %x, %in_proj_weight,
      %in_proj_bias, %short_filter_weight, %short_filter_bias
      filter(%filter_w_in, %filter_b_in, %filter_w_inner, %filter_b_inner,
          %filter_freq, %filter_w_out, %filter_bias)
      filter_z(%filter_z)
      filter_reverse(%filter_rev_w_in, %filter_rev_b_in, %filter_rev_w_inner,
          %filter_rev_b_inner, %filter_rev_freq, %filter_rev_w_out)
      condition(%convk_w, %convk_b, %lnk_g, %lnk_b, %convq_w, %convq_b, %lnq_g,
          %lnq_b, %conv3_w, %conv3_b, %ln3_g, %ln3_b)
      residual(%residual_w_in, %residual_b_in, %residual_w_inner,
          %residual_b_inner, %residual_freq, %residual_w_out, %residual_bias)
      residual_z(%residual_z)
      residual_reverse(%residual_rev_w_in, %residual_rev_b_in,
          %residual_rev_w_inner, %residual_rev_b_inner, %residual_rev_freq,
          %residual_rev_w_out)
      out(%out_proj_weight, %out_proj_bias)
      {order = 2 : i64, causal_condition = false, filter = #orchid.filter<l_max = 5, grid = zero_pad, normalize = after_modulation>,
       residual_filter = #orchid.filter<l_max = 5, grid = zero_pad>}
      : (tensor<1x7x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<5x3xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<4x16xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4xf32>, tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<5x3xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<4x16xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x7x4xf32>
  return %y : tensor<1x7x4xf32>
}

// Orchid's rule past l_max: kernels of l_max taps, zero beyond; the residual's
// bias switch off.
// ORCHID_SPECTRAL_ZERO_PAD_N2_B2_L21_D3: orchid_spectral_zero_pad_n2_b2_l21_d3: result 0 (2x21x3xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @orchid_spectral_zero_pad_n2_b2_l21_d3(%x: tensor<2x21x3xf32>,
    %in_proj_weight: tensor<9x3xf32>, %in_proj_bias: tensor<9xf32>,
    %short_filter_weight: tensor<9x3xf32>, %short_filter_bias: tensor<9xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<3x16xf32>,
    %filter_bias: tensor<3xf32>, %filter_z: tensor<16x3xf32>,
    %filter_deltas: tensor<3xf32>, %conv1_w: tensor<3x3xf32>,
    %conv1_b: tensor<3xf32>, %ln1_g: tensor<3xf32>, %ln1_b: tensor<3xf32>,
    %conv2_w: tensor<6x3xf32>, %conv2_b: tensor<6xf32>, %ln2_g: tensor<6xf32>,
    %ln2_b: tensor<6xf32>, %residual_w_in: tensor<16x3xf32>,
    %residual_b_in: tensor<16xf32>, %residual_w_inner: tensor<2x16x16xf32>,
    %residual_b_inner: tensor<2x16xf32>, %residual_freq: tensor<3x16xf32>,
    %residual_w_out: tensor<3x16xf32>, %residual_bias: tensor<3xf32>,
    %residual_z: tensor<16x3xf32>, %residual_deltas: tensor<3xf32>,
    %out_proj_weight: tensor<3x3xf32>, %out_proj_bias: tensor<3xf32>) -> tensor<2x21x3xf32> {
  %y = orchid.orchid circular spectral %x, %in_proj_weight, %in_proj_bias,
      %short_filter_weight, %short_filter_bias
      filter(%filter_w_in, %filter_b_in, %filter_w_inner, %filter_b_inner,
          %filter_freq, %filter_w_out, %filter_bias)
      filter_z(%filter_z)
      filter_deltas(%filter_deltas)
      condition(%conv1_w, %conv1_b, %ln1_g, %ln1_b, %conv2_w, %conv2_b, %ln2_g,
          %ln2_b)
      residual(%residual_w_in, %residual_b_in, %residual_w_inner,
          %residual_b_inner, %residual_freq, %residual_w_out, %residual_bias)
      residual_z(%residual_z)
      residual_deltas(%residual_deltas)
      out(%out_proj_weight, %out_proj_bias)
      {order = 2 : i64, filter = #orchid.filter<l_max = 16, grid = zero_pad, normalize = after_modulation>,
       residual_filter = #orchid.filter<l_max = 16, grid = zero_pad, bias = false>}
      : (tensor<2x21x3xf32>, tensor<9x3xf32>, tensor<9xf32>, tensor<9x3xf32>,
          tensor<9xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>, tensor<3xf32>,
          tensor<16x3xf32>, tensor<3xf32>, tensor<3x3xf32>, tensor<3xf32>,
          tensor<3xf32>, tensor<3xf32>, tensor<6x3xf32>, tensor<6xf32>,
          tensor<6xf32>, tensor<6xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<3x16xf32>, tensor<3xf32>, tensor<16x3xf32>, tensor<3xf32>,
          tensor<3x3xf32>, tensor<3xf32>) -> tensor<2x21x3xf32>
  return %y : tensor<2x21x3xf32>
}

// Order 3, causal convolution, causal correlation conditioning, no modulation.
// ORCHID_CORRELATION_CAUSAL_N3_B2_L11_D2: orchid_correlation_causal_n3_b2_l11_d2: result 0 (2x11x2xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @orchid_correlation_causal_n3_b2_l11_d2(%x: tensor<2x11x2xf32>,
    %in_proj_weight: tensor<8x2xf32>, %in_proj_bias: tensor<8xf32>,
    %short_filter_weight: tensor<8x3xf32>, %short_filter_bias: tensor<8xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<4x16xf32>,
    %filter_bias: tensor<4xf32>, %filter_deltas: tensor<4xf32>,
    %convk_w: tensor<2x3xf32>, %convk_b: tensor<2xf32>, %lnk_g: tensor<2xf32>,
    %lnk_b: tensor<2xf32>, %convq_w: tensor<2x3xf32>, %convq_b: tensor<2xf32>,
    %lnq_g: tensor<2xf32>, %lnq_b: tensor<2xf32>, %conv3_w: tensor<8x2x3xf32>,
    %conv3_b: tensor<8xf32>, %ln3_g: tensor<8xf32>, %ln3_b: tensor<8xf32>,
    %out_proj_weight: tensor<2x2xf32>, %out_proj_bias: tensor<2xf32>) -> tensor<2x11x2xf32> {
  %y = orchid.orchid causal correlation %x, %in_proj_weight, %in_proj_bias,
      %short_filter_weight, %short_filter_bias
      filter(%filter_w_in, %filter_b_in, %filter_w_inner, %filter_b_inner,
          %filter_freq, %filter_w_out, %filter_bias)
      filter_deltas(%filter_deltas)
      condition(%convk_w, %convk_b, %lnk_g, %lnk_b, %convq_w, %convq_b, %lnq_g,
          %lnq_b, %conv3_w, %conv3_b, %ln3_g, %ln3_b)
      residual()
      out(%out_proj_weight, %out_proj_bias)
      {order = 3 : i64, alpha_adapt = 0.5 : f64, filter = #orchid.filter<l_max = 11, modulate = false>}
      : (tensor<2x11x2xf32>, tensor<8x2xf32>, tensor<8xf32>, tensor<8x3xf32>,
          tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4xf32>, tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>,
          tensor<2xf32>, tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>,
          tensor<2xf32>, tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<8xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<2x11x2xf32>
  return %y : tensor<2x11x2xf32>
}

// A non-causal spectral network added in frequency with alpha_adapt, L = l_max.
// ORCHID_SPECTRAL_FREQCOND_N2_B1_L16_D4: orchid_spectral_freqcond_n2_b1_l16_d4: result 0 (1x16x4xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @orchid_spectral_freqcond_n2_b1_l16_d4(%x: tensor<1x16x4xf32>,
    %in_proj_weight: tensor<12x4xf32>, %in_proj_bias: tensor<12xf32>,
    %short_filter_weight: tensor<12x3xf32>, %short_filter_bias: tensor<12xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<4x16xf32>,
    %filter_bias: tensor<4xf32>, %filter_z: tensor<16x3xf32>,
    %conv1_w: tensor<4x3xf32>, %conv1_b: tensor<4xf32>, %ln1_g: tensor<4xf32>,
    %ln1_b: tensor<4xf32>, %conv2_w: tensor<8x3xf32>, %conv2_b: tensor<8xf32>,
    %ln2_g: tensor<8xf32>, %ln2_b: tensor<8xf32>,
    %residual_w_in: tensor<16x3xf32>, %residual_b_in: tensor<16xf32>,
    %residual_w_inner: tensor<2x16x16xf32>, %residual_b_inner: tensor<2x16xf32>,
    %residual_freq: tensor<3x16xf32>, %residual_w_out: tensor<4x16xf32>,
    %residual_bias: tensor<4xf32>, %out_proj_weight: tensor<4x4xf32>,
    %out_proj_bias: tensor<4xf32>) -> tensor<1x16x4xf32> {
  %y = orchid.orchid circular spectral %x, %in_proj_weight, %in_proj_bias,
      %short_filter_weight, %short_filter_bias
      filter(%filter_w_in, %filter_b_in, %filter_w_inner, %filter_b_inner,
          %filter_freq, %filter_w_out, %filter_bias)
      filter_z(%filter_z)
      condition(%conv1_w, %conv1_b, %ln1_g, %ln1_b, %conv2_w, %conv2_b, %ln2_g,
          %ln2_b)
      residual(%residual_w_in, %residual_b_in, %residual_w_inner,
          %residual_b_inner, %residual_freq, %residual_w_out, %residual_bias)
      out(%out_proj_weight, %out_proj_bias)
      {order = 2 : i64, alpha_adapt = 0.3 : f64, causal_condition = false, filter = #orchid.filter<l_max = 16, normalize = after_modulation>,
       residual_filter = #orchid.filter<l_max = 16>}
      : (tensor<1x16x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<16x3xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x16x4xf32>
  return %y : tensor<1x16x4xf32>
}
