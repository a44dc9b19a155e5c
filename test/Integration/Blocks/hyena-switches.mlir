// RUN: orchid-run %s --function=hyena_stored_nobias_n2_b2_l13_d5 --random --seed=11 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=HYENA_STORED_NOBIAS_N2_B2_L13_D5
// RUN: orchid-run %s --function=hyena_unmodulated_n3_b1_l37_d3 --random --seed=12 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=HYENA_UNMODULATED_N3_B1_L37_D3
// RUN: orchid-run %s --function=hyena_zero_pad_n4_b1_l20_d2 --random --seed=13 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=HYENA_ZERO_PAD_N4_B1_L20_D2
// RUN: orchid-run %s --function=hyena_extrapolated_deltas_n2_b1_l11_d4 --random --seed=14 --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=HYENA_EXTRAPOLATED_DELTAS_N2_B1_L11_D4
// RUN: orchid-run %s --function=hyena_stored_nobias_n2_b2_l13_d5 --random --seed=5 --prepare --check=reference --tolerance=1e-5 | FileCheck %s --check-prefix=HYENA_STORED_NOBIAS_N2_B2_L13_D5

// Hyena blocks with the switches and the stored state of trained filters,
// at awkward lengths, against the float64 reference.

// Stored z and deltas, the filter's bias switch off, after-modulation
// normalisation, L < l_max.
// HYENA_STORED_NOBIAS_N2_B2_L13_D5: hyena_stored_nobias_n2_b2_l13_d5: result 0 (2x13x5xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @hyena_stored_nobias_n2_b2_l13_d5(%x: tensor<2x13x5xf32>,
    %in_proj_weight: tensor<15x5xf32>, %in_proj_bias: tensor<15xf32>,
    %short_filter_weight: tensor<15x3xf32>, %short_filter_bias: tensor<15xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<5x16xf32>,
    %filter_bias: tensor<5xf32>, %out_proj_weight: tensor<5x5xf32>,
    %out_proj_bias: tensor<5xf32>, %filter_z: tensor<16x3xf32>,
    %filter_deltas: tensor<5xf32>) -> tensor<2x13x5xf32> {
  %y = orchid.hyena %x, %in_proj_weight, %in_proj_bias, %short_filter_weight,
      %short_filter_bias, %filter_w_in, %filter_b_in, %filter_w_inner,
      %filter_b_inner, %filter_freq, %filter_w_out, %filter_bias,
      %out_proj_weight, %out_proj_bias filter_z(%filter_z) filter_deltas(%filter_deltas)
      {order = 2 : i64, filter = #orchid.filter<l_max = 16, shift = 0.05, bias = false, normalize = after_modulation>}
      : (tensor<2x13x5xf32>, tensor<15x5xf32>, tensor<15xf32>, tensor<15x3xf32>,
          tensor<15xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<5x16xf32>, tensor<5xf32>,
          tensor<5x5xf32>, tensor<5xf32>, tensor<16x3xf32>, tensor<5xf32>) -> tensor<2x13x5xf32>
  return %y : tensor<2x13x5xf32>
}

// No modulation (safari's released long-context configuration), stored z,
// w_mod, L = l_max.
// HYENA_UNMODULATED_N3_B1_L37_D3: hyena_unmodulated_n3_b1_l37_d3: result 0 (1x37x3xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @hyena_unmodulated_n3_b1_l37_d3(%x: tensor<1x37x3xf32>,
    %in_proj_weight: tensor<12x3xf32>, %in_proj_bias: tensor<12xf32>,
    %short_filter_weight: tensor<12x3xf32>, %short_filter_bias: tensor<12xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<6x16xf32>,
    %filter_bias: tensor<6xf32>, %out_proj_weight: tensor<3x3xf32>,
    %out_proj_bias: tensor<3xf32>, %filter_z: tensor<37x3xf32>) -> tensor<1x37x3xf32> {
  %y = orchid.hyena %x, %in_proj_weight, %in_proj_bias, %short_filter_weight,
      %short_filter_bias, %filter_w_in, %filter_b_in, %filter_w_inner,
      %filter_b_inner, %filter_freq, %filter_w_out, %filter_bias,
      %out_proj_weight, %out_proj_bias filter_z(%filter_z)
      {order = 3 : i64, filter = #orchid.filter<l_max = 37, modulate = false, w_mod = 2.0>}
      : (tensor<1x37x3xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<6x16xf32>, tensor<6xf32>,
          tensor<3x3xf32>, tensor<3xf32>, tensor<37x3xf32>) -> tensor<1x37x3xf32>
  return %y : tensor<1x37x3xf32>
}

// Stored z past l_max with zero-padded kernels, order 4.
// HYENA_ZERO_PAD_N4_B1_L20_D2: hyena_zero_pad_n4_b1_l20_d2: result 0 (1x20x2xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @hyena_zero_pad_n4_b1_l20_d2(%x: tensor<1x20x2xf32>,
    %in_proj_weight: tensor<10x2xf32>, %in_proj_bias: tensor<10xf32>,
    %short_filter_weight: tensor<10x3xf32>, %short_filter_bias: tensor<10xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<6x16xf32>,
    %filter_bias: tensor<6xf32>, %out_proj_weight: tensor<2x2xf32>,
    %out_proj_bias: tensor<2xf32>, %filter_z: tensor<12x3xf32>,
    %filter_deltas: tensor<6xf32>) -> tensor<1x20x2xf32> {
  %y = orchid.hyena %x, %in_proj_weight, %in_proj_bias, %short_filter_weight,
      %short_filter_bias, %filter_w_in, %filter_b_in, %filter_w_inner,
      %filter_b_inner, %filter_freq, %filter_w_out, %filter_bias,
      %out_proj_weight, %out_proj_bias filter_z(%filter_z) filter_deltas(%filter_deltas)
      {order = 4 : i64, filter = #orchid.filter<l_max = 12, grid = zero_pad, normalize = after_modulation>}
      : (tensor<1x20x2xf32>, tensor<10x2xf32>, tensor<10xf32>, tensor<10x3xf32>,
          tensor<10xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<6x16xf32>, tensor<6xf32>,
          tensor<2x2xf32>, tensor<2xf32>, tensor<12x3xf32>, tensor<6xf32>) -> tensor<1x20x2xf32>
  return %y : tensor<1x20x2xf32>
}

// Stored deltas alone on an extrapolated grid.
// HYENA_EXTRAPOLATED_DELTAS_N2_B1_L11_D4: hyena_extrapolated_deltas_n2_b1_l11_d4: result 0 (1x11x4xfloat32): relative L2 error {{.*}} <= 1.0e-05
func.func @hyena_extrapolated_deltas_n2_b1_l11_d4(%x: tensor<1x11x4xf32>,
    %in_proj_weight: tensor<12x4xf32>, %in_proj_bias: tensor<12xf32>,
    %short_filter_weight: tensor<12x3xf32>, %short_filter_bias: tensor<12xf32>,
    %filter_w_in: tensor<16x3xf32>, %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>, %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>, %filter_w_out: tensor<4x16xf32>,
    %filter_bias: tensor<4xf32>, %out_proj_weight: tensor<4x4xf32>,
    %out_proj_bias: tensor<4xf32>, %filter_deltas: tensor<4xf32>) -> tensor<1x11x4xf32> {
  %y = orchid.hyena %x, %in_proj_weight, %in_proj_bias, %short_filter_weight,
      %short_filter_bias, %filter_w_in, %filter_b_in, %filter_w_inner,
      %filter_b_inner, %filter_freq, %filter_w_out, %filter_bias,
      %out_proj_weight, %out_proj_bias filter_deltas(%filter_deltas)
      {order = 2 : i64, filter = #orchid.filter<l_max = 8, grid = extrapolate>}
      : (tensor<1x11x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x11x4xf32>
  return %y : tensor<1x11x4xf32>
}
