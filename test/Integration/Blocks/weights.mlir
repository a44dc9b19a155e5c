// Blocks run on weights read from a directory of .npy files named as
// docs/weights.md documents them (--weights), written by --save-inputs.

// RUN: rm -rf %t && mkdir -p %t

// The saved arguments reproduce the random run exactly and pass the check.
// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --random --seed=3 --save-inputs=%t/hyena --output=%t/hyena-random.npy
// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --weights=%t/hyena --prepare --check=reference --tolerance=1e-4 --output=%t/hyena-files.npy | FileCheck %s --check-prefix=HYENA
// HYENA: hyena_n2_b2_l100_d6: result 0 (2x100x6xfloat32): relative L2 error {{.*}} <= 1.0e-04
// RUN: cmp %t/hyena-random.npy %t/hyena-files.npy

// --input replaces DIR/x.npy: another input gives another output, and the
// saved arguments are those read.
// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --random --seed=4 --save-inputs=%t/other
// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --weights=%t/hyena --input=%t/other/x.npy --save-inputs=%t/mixed --check=reference --tolerance=1e-4 --output=%t/hyena-other.npy | FileCheck %s --check-prefix=HYENA
// RUN: not cmp -s %t/hyena-random.npy %t/hyena-other.npy
// RUN: cmp %t/other/x.npy %t/mixed/x.npy
// RUN: cmp %t/hyena/filter_w_out.npy %t/mixed/filter_w_out.npy

// Every group of an Orchid block: filter, spectral condition, residual.
// RUN: orchid-run %s --function=orchid_spectral_circular_n2_b2_l12_d4 --random --seed=1 --save-inputs=%t/orchid --output=%t/orchid-random.npy
// RUN: orchid-run %s --function=orchid_spectral_circular_n2_b2_l12_d4 --weights=%t/orchid --check=reference --tolerance=1e-4 --output=%t/orchid-files.npy | FileCheck %s --check-prefix=ORCHID
// ORCHID: orchid_spectral_circular_n2_b2_l12_d4: result 0 (2x12x4xfloat32): relative L2 error {{.*}} <= 1.0e-04
// RUN: cmp %t/orchid-random.npy %t/orchid-files.npy

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
