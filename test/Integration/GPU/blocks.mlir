// REQUIRES: cuda-gpu
// Hyena and Orchid blocks on the GPU against the float64 reference: every
// op of the decomposed block runs as a kernel on device-resident buffers.
// Lengths are 2^a 3^b 5^c (the GPU FFT sizes) and include L = 1000
// (n = 2000) and a filter grid longer than the input.

// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=hyena --random --seed=1 --seq-len=64 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=HYENA
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=hyena --random --seed=2 --seq-len=1000 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=HYENA
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=orchid_spectral --random --seed=3 --seq-len=30 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=SPECTRAL
// RUN: orchid-run %s --target=cuda --cuda-chip=sm_80 --function=orchid_correlation --random --seed=4 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=CORRELATION

// HYENA: hyena: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-04
// SPECTRAL: orchid_spectral: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-04
// CORRELATION: orchid_correlation: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-04

func.func @hyena(%x: tensor<2x?x6xf32>, %in_w: tensor<18x6xf32>,
    %in_b: tensor<18xf32>, %sw: tensor<18x3xf32>, %sb: tensor<18xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<6x16xf32>, %fbias: tensor<6xf32>,
    %out_w: tensor<6x6xf32>, %out_b: tensor<6xf32>) -> tensor<2x?x6xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 2 : i64, filter = #orchid.filter<l_max = 1024, shift = 0.05>}
      : (tensor<2x?x6xf32>, tensor<18x6xf32>, tensor<18xf32>,
          tensor<18x3xf32>, tensor<18xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<6x16xf32>, tensor<6xf32>, tensor<6x6xf32>,
          tensor<6xf32>) -> tensor<2x?x6xf32>
  return %y : tensor<2x?x6xf32>
}

func.func @orchid_spectral(%x: tensor<1x?x6xf32>,
    %in_w: tensor<18x6xf32>, %in_b: tensor<18xf32>, %sw: tensor<18x5xf32>,
    %sb: tensor<18xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<6x16xf32>, %fbias: tensor<6xf32>,
    %c1w: tensor<6x3xf32>, %c1b: tensor<6xf32>, %g1: tensor<6xf32>,
    %b1: tensor<6xf32>, %c2w: tensor<12x3xf32>, %c2b: tensor<12xf32>,
    %g2: tensor<12xf32>, %b2: tensor<12xf32>, %out_w: tensor<6x6xf32>,
    %out_b: tensor<6xf32>) -> tensor<1x?x6xf32> {
  %y = orchid.orchid causal spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 64,
          normalize = after_modulation>}
      : (tensor<1x?x6xf32>, tensor<18x6xf32>, tensor<18xf32>, tensor<18x5xf32>,
          tensor<18xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<6x16xf32>, tensor<6xf32>,
          tensor<6x3xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>,
          tensor<12x3xf32>, tensor<12xf32>, tensor<12xf32>, tensor<12xf32>,
          tensor<6x6xf32>, tensor<6xf32>) -> tensor<1x?x6xf32>
  return %y : tensor<1x?x6xf32>
}

func.func @orchid_correlation(%x: tensor<2x20x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>, %gk: tensor<4xf32>,
    %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<8x3xf32>,
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
          tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x20x4xf32>
  return %y : tensor<2x20x4xf32>
}
