// RUN: orchid-run %s --function=orchid_spectral_circular_n2_b2_l12_d4 --random --seed=1 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_CIRCULAR_N2_B2_L12_D4
// RUN: orchid-run %s --function=orchid_spectral_causal_n2_b1_l30_d6 --random --seed=2 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_CAUSAL_N2_B1_L30_D6
// RUN: orchid-run %s --function=orchid_spectral_bidirectional_n2_b2_l9_d3 --random --seed=3 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_BIDIRECTIONAL_N2_B2_L9_D3
// RUN: orchid-run %s --function=orchid_spectral_circular_n3_b1_l10_d2 --random --seed=4 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=ORCHID_SPECTRAL_CIRCULAR_N3_B1_L10_D2

// Orchid blocks with spectral ("absfreq") conditioning in every mode
// against the float64 reference.

// ORCHID_SPECTRAL_CIRCULAR_N2_B2_L12_D4: orchid_spectral_circular_n2_b2_l12_d4: result 0 (2x12x4xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @orchid_spectral_circular_n2_b2_l12_d4(%x: tensor<2x12x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %c1w: tensor<4x3xf32>, %c1b: tensor<4xf32>, %g1: tensor<4xf32>,
    %b1: tensor<4xf32>, %c2w: tensor<8x3xf32>, %c2b: tensor<8xf32>,
    %g2: tensor<8xf32>, %b2: tensor<8xf32>, %rw_in: tensor<16x3xf32>,
    %rb_in: tensor<16xf32>, %rw_inner: tensor<2x16x16xf32>,
    %rb_inner: tensor<2x16xf32>, %rfreq: tensor<3x16xf32>,
    %rw_out: tensor<4x16xf32>, %rbias: tensor<4xf32>, %out_w: tensor<4x4xf32>,
    %out_b: tensor<4xf32>) -> tensor<2x12x4xf32> {
  %y = orchid.orchid circular spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual(%rw_in, %rb_in, %rw_inner, %rb_inner, %rfreq, %rw_out, %rbias)
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 16,
          normalize = after_modulation>,
          residual_filter = #orchid.filter<l_max = 16>}
      : (tensor<2x12x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x12x4xf32>
  return %y : tensor<2x12x4xf32>
}

// ORCHID_SPECTRAL_CAUSAL_N2_B1_L30_D6: orchid_spectral_causal_n2_b1_l30_d6: result 0 (1x30x6xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @orchid_spectral_causal_n2_b1_l30_d6(%x: tensor<1x30x6xf32>,
    %in_w: tensor<18x6xf32>, %in_b: tensor<18xf32>, %sw: tensor<18x5xf32>,
    %sb: tensor<18xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<6x16xf32>, %fbias: tensor<6xf32>,
    %c1w: tensor<6x3xf32>, %c1b: tensor<6xf32>, %g1: tensor<6xf32>,
    %b1: tensor<6xf32>, %c2w: tensor<12x3xf32>, %c2b: tensor<12xf32>,
    %g2: tensor<12xf32>, %b2: tensor<12xf32>, %out_w: tensor<6x6xf32>,
    %out_b: tensor<6xf32>) -> tensor<1x30x6xf32> {
  %y = orchid.orchid causal spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 30,
          normalize = after_modulation>}
      : (tensor<1x30x6xf32>, tensor<18x6xf32>, tensor<18xf32>, tensor<18x5xf32>,
          tensor<18xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<6x16xf32>, tensor<6xf32>,
          tensor<6x3xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>,
          tensor<12x3xf32>, tensor<12xf32>, tensor<12xf32>, tensor<12xf32>,
          tensor<6x6xf32>, tensor<6xf32>) -> tensor<1x30x6xf32>
  return %y : tensor<1x30x6xf32>
}

// ORCHID_SPECTRAL_BIDIRECTIONAL_N2_B2_L9_D3: orchid_spectral_bidirectional_n2_b2_l9_d3: result 0 (2x9x3xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @orchid_spectral_bidirectional_n2_b2_l9_d3(%x: tensor<2x9x3xf32>,
    %in_w: tensor<9x3xf32>, %in_b: tensor<9xf32>, %sw: tensor<9x3xf32>,
    %sb: tensor<9xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<3x16xf32>, %fbias: tensor<3xf32>,
    %c1w: tensor<3x3xf32>, %c1b: tensor<3xf32>, %g1: tensor<3xf32>,
    %b1: tensor<3xf32>, %c2w: tensor<6x3xf32>, %c2b: tensor<6xf32>,
    %g2: tensor<6xf32>, %b2: tensor<6xf32>, %out_w: tensor<3x3xf32>,
    %out_b: tensor<3xf32>,
    %rev_fw_in: tensor<16x3xf32>, %rev_fb_in: tensor<16xf32>,
    %rev_fw_inner: tensor<2x16x16xf32>, %rev_fb_inner: tensor<2x16xf32>,
    %rev_ffreq: tensor<3x16xf32>, %rev_fw_out: tensor<3x16xf32>) -> tensor<2x9x3xf32> {
  %y = orchid.orchid bidirectional spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      filter_reverse(%rev_fw_in, %rev_fb_in, %rev_fw_inner, %rev_fb_inner,
          %rev_ffreq, %rev_fw_out)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 9,
          normalize = after_modulation>}
      : (tensor<2x9x3xf32>, tensor<9x3xf32>, tensor<9xf32>, tensor<9x3xf32>,
          tensor<9xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>, tensor<3xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>,
          tensor<3x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
          tensor<6x3xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>,
          tensor<3x3xf32>, tensor<3xf32>) -> tensor<2x9x3xf32>
  return %y : tensor<2x9x3xf32>
}

// ORCHID_SPECTRAL_CIRCULAR_N3_B1_L10_D2: orchid_spectral_circular_n3_b1_l10_d2: result 0 (1x10x2xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @orchid_spectral_circular_n3_b1_l10_d2(%x: tensor<1x10x2xf32>,
    %in_w: tensor<8x2xf32>, %in_b: tensor<8xf32>, %sw: tensor<8x3xf32>,
    %sb: tensor<8xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %c1w: tensor<2x3xf32>, %c1b: tensor<2xf32>, %g1: tensor<2xf32>,
    %b1: tensor<2xf32>, %c2w: tensor<8x3xf32>, %c2b: tensor<8xf32>,
    %g2: tensor<8xf32>, %b2: tensor<8xf32>, %out_w: tensor<2x2xf32>,
    %out_b: tensor<2xf32>) -> tensor<1x10x2xf32> {
  %y = orchid.orchid circular spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual()
      out(%out_w, %out_b)
      {order = 3 : i64, filter = #orchid.filter<l_max = 10,
          normalize = after_modulation>}
      : (tensor<1x10x2xf32>, tensor<8x2xf32>, tensor<8xf32>, tensor<8x3xf32>,
          tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>,
          tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x10x2xf32>
  return %y : tensor<1x10x2xf32>
}
