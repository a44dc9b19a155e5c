// RUN: orchid-run %s --function=orchid_correlation_circular_n2_b2_l20_d4 --random --seed=1 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=ORCHID_CORRELATION_CIRCULAR_N2_B2_L20_D4
// RUN: orchid-run %s --function=orchid_correlation_causal_n2_b1_l15_d3 --random --seed=2 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=ORCHID_CORRELATION_CAUSAL_N2_B1_L15_D3
// RUN: orchid-run %s --function=orchid_correlation_bidirectional_n2_b2_l8_d4 --random --seed=3 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=ORCHID_CORRELATION_BIDIRECTIONAL_N2_B2_L8_D4
// RUN: orchid-run %s --function=orchid_correlation_causal_n3_b1_l11_d3 --random --seed=4 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=ORCHID_CORRELATION_CAUSAL_N3_B1_L11_D3

// Orchid blocks with correlation ("corrTime") conditioning in every mode
// against the float64 reference.

// ORCHID_CORRELATION_CIRCULAR_N2_B2_L20_D4: orchid_correlation_circular_n2_b2_l20_d4: result 0 (2x20x4xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @orchid_correlation_circular_n2_b2_l20_d4(%x: tensor<2x20x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>, %gk: tensor<4xf32>,
    %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<8x2x3xf32>,
    %c3b: tensor<8xf32>, %g3: tensor<8xf32>, %b3: tensor<8xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x20x4xf32> {
  %y = orchid.orchid circular correlation %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 20,
          normalize = after_modulation>}
      : (tensor<2x20x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x20x4xf32>
  return %y : tensor<2x20x4xf32>
}

// ORCHID_CORRELATION_CAUSAL_N2_B1_L15_D3: orchid_correlation_causal_n2_b1_l15_d3: result 0 (1x15x3xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @orchid_correlation_causal_n2_b1_l15_d3(%x: tensor<1x15x3xf32>,
    %in_w: tensor<9x3xf32>, %in_b: tensor<9xf32>, %sw: tensor<9x3xf32>,
    %sb: tensor<9xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<3x16xf32>, %fbias: tensor<3xf32>,
    %ckw: tensor<3x3xf32>, %ckb: tensor<3xf32>, %gk: tensor<3xf32>,
    %bk: tensor<3xf32>, %cqw: tensor<3x3xf32>, %cqb: tensor<3xf32>,
    %gq: tensor<3xf32>, %bq: tensor<3xf32>, %c3w: tensor<6x2x3xf32>,
    %c3b: tensor<6xf32>, %g3: tensor<6xf32>, %b3: tensor<6xf32>,
    %rw_in: tensor<16x3xf32>, %rb_in: tensor<16xf32>,
    %rw_inner: tensor<2x16x16xf32>, %rb_inner: tensor<2x16xf32>,
    %rfreq: tensor<3x16xf32>, %rw_out: tensor<3x16xf32>, %rbias: tensor<3xf32>,
    %out_w: tensor<3x3xf32>, %out_b: tensor<3xf32>) -> tensor<1x15x3xf32> {
  %y = orchid.orchid causal correlation %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual(%rw_in, %rb_in, %rw_inner, %rb_inner, %rfreq, %rw_out, %rbias)
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 16,
          normalize = after_modulation>,
          residual_filter = #orchid.filter<l_max = 16>}
      : (tensor<1x15x3xf32>, tensor<9x3xf32>, tensor<9xf32>, tensor<9x3xf32>,
          tensor<9xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>, tensor<3xf32>,
          tensor<3x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
          tensor<3x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
          tensor<6x2x3xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>, tensor<3xf32>,
          tensor<3x3xf32>, tensor<3xf32>) -> tensor<1x15x3xf32>
  return %y : tensor<1x15x3xf32>
}

// ORCHID_CORRELATION_BIDIRECTIONAL_N2_B2_L8_D4: orchid_correlation_bidirectional_n2_b2_l8_d4: result 0 (2x8x4xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @orchid_correlation_bidirectional_n2_b2_l8_d4(%x: tensor<2x8x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>, %gk: tensor<4xf32>,
    %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<8x2x3xf32>,
    %c3b: tensor<8xf32>, %g3: tensor<8xf32>, %b3: tensor<8xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>,
    %rev_fw_in: tensor<16x3xf32>, %rev_fb_in: tensor<16xf32>,
    %rev_fw_inner: tensor<2x16x16xf32>, %rev_fb_inner: tensor<2x16xf32>,
    %rev_ffreq: tensor<3x16xf32>, %rev_fw_out: tensor<4x16xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.orchid bidirectional correlation %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      filter_reverse(%rev_fw_in, %rev_fb_in, %rev_fw_inner, %rev_fb_inner,
          %rev_ffreq, %rev_fw_out)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<4x16xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<4x16xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4xf32>, tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<8xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// ORCHID_CORRELATION_CAUSAL_N3_B1_L11_D3: orchid_correlation_causal_n3_b1_l11_d3: result 0 (1x11x3xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @orchid_correlation_causal_n3_b1_l11_d3(%x: tensor<1x11x3xf32>,
    %in_w: tensor<12x3xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<6x16xf32>, %fbias: tensor<6xf32>,
    %ckw: tensor<3x3xf32>, %ckb: tensor<3xf32>, %gk: tensor<3xf32>,
    %bk: tensor<3xf32>, %cqw: tensor<3x3xf32>, %cqb: tensor<3xf32>,
    %gq: tensor<3xf32>, %bq: tensor<3xf32>, %c3w: tensor<12x2x3xf32>,
    %c3b: tensor<12xf32>, %g3: tensor<12xf32>, %b3: tensor<12xf32>,
    %rw_in: tensor<16x3xf32>, %rb_in: tensor<16xf32>,
    %rw_inner: tensor<2x16x16xf32>, %rb_inner: tensor<2x16xf32>,
    %rfreq: tensor<3x16xf32>, %rw_out: tensor<3x16xf32>, %rbias: tensor<3xf32>,
    %out_w: tensor<3x3xf32>, %out_b: tensor<3xf32>) -> tensor<1x11x3xf32> {
  %y = orchid.orchid causal correlation %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual(%rw_in, %rb_in, %rw_inner, %rb_inner, %rfreq, %rw_out, %rbias)
      out(%out_w, %out_b)
      {order = 3 : i64, filter = #orchid.filter<l_max = 11,
          normalize = after_modulation>,
          residual_filter = #orchid.filter<l_max = 11>}
      : (tensor<1x11x3xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<6x16xf32>, tensor<6xf32>,
          tensor<3x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
          tensor<3x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
          tensor<12x2x3xf32>, tensor<12xf32>, tensor<12xf32>, tensor<12xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<3x16xf32>, tensor<3xf32>,
          tensor<3x3xf32>, tensor<3xf32>) -> tensor<1x11x3xf32>
  return %y : tensor<1x11x3xf32>
}
