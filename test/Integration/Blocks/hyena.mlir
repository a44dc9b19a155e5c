// RUN: orchid-run %s --function=hyena_n2_b1_l64_d8 --random --seed=1 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=HYENA_N2_B1_L64_D8
// RUN: orchid-run %s --function=hyena_n2_b3_l13_d5 --random --seed=2 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=HYENA_N2_B3_L13_D5
// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --random --seed=3 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=HYENA_N2_B2_L100_D6
// RUN: orchid-run %s --function=hyena_n3_b2_l24_d4 --random --seed=4 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=HYENA_N3_B2_L24_D4
// RUN: orchid-run %s --function=hyena_n3_b1_l37_d3 --random --seed=5 --check=reference --tolerance=1e-4 | FileCheck %s --check-prefix=HYENA_N3_B1_L37_D3

// Hyena blocks of order 2 and 3 against the float64 reference, including
// lengths that are not powers of two and lengths below l_max.

// HYENA_N2_B1_L64_D8: hyena_n2_b1_l64_d8: result 0 (1x64x8xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @hyena_n2_b1_l64_d8(%x: tensor<1x64x8xf32>, %in_w: tensor<24x8xf32>,
    %in_b: tensor<24xf32>, %sw: tensor<24x3xf32>, %sb: tensor<24xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<8x16xf32>, %fbias: tensor<8xf32>,
    %out_w: tensor<8x8xf32>, %out_b: tensor<8xf32>) -> tensor<1x64x8xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 2 : i64, filter = #orchid.filter<l_max = 64>}
      : (tensor<1x64x8xf32>, tensor<24x8xf32>, tensor<24xf32>, tensor<24x3xf32>,
          tensor<24xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
          tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x64x8xf32>
  return %y : tensor<1x64x8xf32>
}

// HYENA_N2_B3_L13_D5: hyena_n2_b3_l13_d5: result 0 (3x13x5xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @hyena_n2_b3_l13_d5(%x: tensor<3x13x5xf32>, %in_w: tensor<15x5xf32>,
    %in_b: tensor<15xf32>, %sw: tensor<15x3xf32>, %sb: tensor<15xf32>,
    %fw_in: tensor<16x5xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<5x16xf32>, %fbias: tensor<5xf32>,
    %out_w: tensor<5x5xf32>, %out_b: tensor<5xf32>) -> tensor<3x13x5xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 2 : i64, filter = #orchid.filter<l_max = 16,
          normalize = before_modulation>}
      : (tensor<3x13x5xf32>, tensor<15x5xf32>, tensor<15xf32>, tensor<15x3xf32>,
          tensor<15xf32>, tensor<16x5xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<5x16xf32>, tensor<5xf32>,
          tensor<5x5xf32>, tensor<5xf32>) -> tensor<3x13x5xf32>
  return %y : tensor<3x13x5xf32>
}

// HYENA_N2_B2_L100_D6: hyena_n2_b2_l100_d6: result 0 (2x100x6xfloat32): relative L2 error {{.*}} <= 1.0e-04
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

// HYENA_N3_B2_L24_D4: hyena_n3_b2_l24_d4: result 0 (2x24x4xfloat32): relative L2 error {{.*}} <= 1.0e-04
func.func @hyena_n3_b2_l24_d4(%x: tensor<2x24x4xf32>, %in_w: tensor<16x4xf32>,
    %in_b: tensor<16xf32>, %sw: tensor<16x3xf32>, %sb: tensor<16xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<8x16xf32>, %fbias: tensor<8xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x24x4xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 3 : i64, filter = #orchid.filter<l_max = 32>}
      : (tensor<2x24x4xf32>, tensor<16x4xf32>, tensor<16xf32>, tensor<16x3xf32>,
          tensor<16xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x24x4xf32>
  return %y : tensor<2x24x4xf32>
}

// HYENA_N3_B1_L37_D3: hyena_n3_b1_l37_d3: result 0 (1x37x3xfloat32): relative L2 error {{.*}} <= 1.0e-04
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
