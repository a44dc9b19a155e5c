// The prepare/forward split of orchid-run (--prepare): the filter spectra
// (or, for causal spectral conditioning, the filters) are computed once by
// <f>_prepare, then <f> runs on the other arguments and the prepared
// values. The result must match the float64 reference of the whole block
// on the original weights, and be the very result of the unsplit function.

// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --random --seed=3 --prepare --check=reference --tolerance=1e-4 --bench=2 | FileCheck %s --check-prefix=HYENA
// HYENA-NOT: _prepare
// HYENA: hyena_n2_b2_l100_d6: median {{.*}} ms over 2 calls
// HYENA-NEXT: hyena_n2_b2_l100_d6: result 0 (2x100x6xfloat32): relative L2 error {{.*}} <= 1.0e-04
// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --random --seed=3 --output=%t.hyena.npy
// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --random --seed=3 --prepare --output=%t.hyena-prepared.npy
// RUN: cmp %t.hyena.npy %t.hyena-prepared.npy

// RUN: orchid-run %s --function=hyena_n3_b1_l37_d3 --random --seed=5 --prepare --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=HYENA3
// HYENA3: hyena_n3_b1_l37_d3: result 0 (1x37x3xfloat32): relative L2 error {{.*}} <= 1.0e-04

// RUN: orchid-run %s --function=orchid_spectral_circular_n2_b2_l12_d4 --random --seed=1 --prepare --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=SPECTRAL
// SPECTRAL: orchid_spectral_circular_n2_b2_l12_d4: result 0 (2x12x4xfloat32): relative L2 error {{.*}} <= 1.0e-04
// RUN: orchid-run %s --function=orchid_spectral_circular_n2_b2_l12_d4 --random --seed=1 --output=%t.spectral.npy
// RUN: orchid-run %s --function=orchid_spectral_circular_n2_b2_l12_d4 --random --seed=1 --prepare --output=%t.spectral-prepared.npy
// RUN: cmp %t.spectral.npy %t.spectral-prepared.npy

// RUN: orchid-run %s --function=orchid_spectral_causal_n2_b1_l30_d6 --random --seed=2 --prepare --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=CAUSAL
// CAUSAL: orchid_spectral_causal_n2_b1_l30_d6: result 0 (1x30x6xfloat32): relative L2 error {{.*}} <= 1.0e-04
// RUN: orchid-run %s --function=orchid_spectral_causal_n2_b1_l30_d6 --random --seed=2 --output=%t.causal.npy
// RUN: orchid-run %s --function=orchid_spectral_causal_n2_b1_l30_d6 --random --seed=2 --prepare --output=%t.causal-prepared.npy
// RUN: cmp %t.causal.npy %t.causal-prepared.npy

// RUN: orchid-run %s --function=orchid_correlation_circular_n2_b2_l20_d4 --random --seed=1 --prepare --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=CORRELATION
// CORRELATION: orchid_correlation_circular_n2_b2_l20_d4: result 0 (2x20x4xfloat32): relative L2 error {{.*}} <= 1.0e-04

func.func @hyena_n2_b2_l100_d6(%x: tensor<2x100x6xf32>, %in_w: tensor<18x6xf32>,
    %in_b: tensor<18xf32>, %sw: tensor<18x3xf32>, %sb: tensor<18xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<6x16xf32>, %fbias: tensor<6xf32>,
    %out_w: tensor<6x6xf32>, %out_b: tensor<6xf32>) -> tensor<2x100x6xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 2 : i64, filter = #orchid.filter<l_max = 128, shift = 0.05>}
      : (tensor<2x100x6xf32>, tensor<18x6xf32>, tensor<18xf32>,
          tensor<18x3xf32>, tensor<18xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<6x16xf32>, tensor<6xf32>, tensor<6x6xf32>,
          tensor<6xf32>) -> tensor<2x100x6xf32>
  return %y : tensor<2x100x6xf32>
}

func.func @hyena_n3_b1_l37_d3(%x: tensor<1x37x3xf32>, %in_w: tensor<12x3xf32>,
    %in_b: tensor<12xf32>, %sw: tensor<12x5xf32>, %sb: tensor<12xf32>,
    %fw_in: tensor<16x5xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<6x16xf32>, %fbias: tensor<6xf32>,
    %out_w: tensor<3x3xf32>, %out_b: tensor<3xf32>) -> tensor<1x37x3xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 3 : i64, filter = #orchid.filter<l_max = 37>}
      : (tensor<1x37x3xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<12x5xf32>,
          tensor<12xf32>, tensor<16x5xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<6x16xf32>, tensor<6xf32>,
          tensor<3x3xf32>, tensor<3xf32>) -> tensor<1x37x3xf32>
  return %y : tensor<1x37x3xf32>
}

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
