// RUN: orchid-opt %s -split-input-file --orchid-decompose | FileCheck %s

// Order 2: in_proj, the causal short filter on (B, 3D, L), the split
// x_0, x_1, v, one gated causal long convolution, out_proj.
// CHECK-LABEL: func.func @hyena_order2(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<2x8x4xf32>, %[[INW:[^:]+]]: tensor<12x4xf32>, %[[INB:[^:]+]]: tensor<12xf32>, %[[SW:[^:]+]]: tensor<12x3xf32>, %[[SB:[^:]+]]: tensor<12xf32>
// CHECK-SAME:      %[[FBIAS:[^:]+]]: tensor<4xf32>, %[[OUTW:[^:]+]]: tensor<4x4xf32>, %[[OUTB:[^:]+]]: tensor<4xf32>)
// CHECK:         %[[ROWS:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x8x4xf32> into tensor<16x4xf32>
// CHECK:         %[[INWT:.+]] = linalg.transpose ins(%[[INW]] : tensor<12x4xf32>) {{.*}} permutation = [1, 0]
// CHECK:         %[[Z:.+]] = linalg.matmul ins(%[[ROWS]], %[[INWT]] : tensor<16x4xf32>, tensor<4x12xf32>)
// CHECK:         %[[ZB:.+]] = linalg.generic {{.*}} ins(%[[Z]], %[[INB]] :
// CHECK:           arith.addf
// CHECK:         %[[Z3:.+]] = tensor.expand_shape %[[ZB]] {{.*}} into tensor<2x8x12xf32>
// CHECK:         %[[ZT:.+]] = linalg.transpose ins(%[[Z3]] : tensor<2x8x12xf32>) {{.*}} permutation = [0, 2, 1]
// CHECK:         %[[S:.+]] = orchid.short_conv causal %[[ZT]], %[[SW]], %[[SB]]
// CHECK:         %[[X0:.+]] = tensor.extract_slice %[[S]][0, 0, 0] [2, 4, 8] [1, 1, 1]
// CHECK:         %[[X1:.+]] = tensor.extract_slice %[[S]][0, 4, 0] [2, 4, 8] [1, 1, 1]
// CHECK:         %[[V:.+]] = tensor.extract_slice %[[S]][0, 8, 0] [2, 4, 8] [1, 1, 1]
// CHECK:         %[[H:.+]] = orchid.implicit_filter {{.*}} {config = #orchid.filter<l_max = 8>} {{.*}} -> tensor<1x4x8xf32>
// CHECK:         %[[G:.+]] = linalg.generic {{.*}} ins(%[[V]], %[[X1]] :
// CHECK:           arith.mulf
// CHECK:         %[[K:.+]] = tensor.extract_slice %[[H]][0, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<1x4x8xf32> to tensor<4x8xf32>
// CHECK:         %[[C:.+]] = orchid.fftconv causal %[[G]], %[[K]], %[[FBIAS]]
// CHECK:         %[[Y:.+]] = linalg.generic {{.*}} ins(%[[C]], %[[X0]] :
// CHECK:         %[[YT:.+]] = linalg.transpose ins(%[[Y]] : tensor<2x4x8xf32>) {{.*}} permutation = [0, 2, 1]
// CHECK:         %[[YR:.+]] = tensor.collapse_shape %[[YT]]
// CHECK:         %[[OUTWT:.+]] = linalg.transpose ins(%[[OUTW]] : tensor<4x4xf32>)
// CHECK:         %[[O:.+]] = linalg.matmul ins(%[[YR]], %[[OUTWT]] : tensor<16x4xf32>, tensor<4x4xf32>)
// CHECK:         %[[OB:.+]] = linalg.generic {{.*}} ins(%[[O]], %[[OUTB]] :
// CHECK:         %[[OUT:.+]] = tensor.expand_shape %[[OB]] {{.*}} into tensor<2x8x4xf32>
// CHECK:         return %[[OUT]]
// CHECK-NOT:     orchid.hyena
func.func @hyena_order2(%x: tensor<2x8x4xf32>, %in_w: tensor<12x4xf32>,
    %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>, %sb: tensor<12xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 2 : i64, filter = #orchid.filter<l_max = 8>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// Order 3: convolution o = 0 goes with x_2 and kernel/bias feature
// d * 2 + 0, then o = 1 with x_1 and feature d * 2 + 1.
// CHECK-LABEL: func.func @hyena_order3(
// CHECK-SAME:      %[[FBIAS:[^:]+]]: tensor<8xf32>, %{{[^:]+}}: tensor<4x4xf32>, %{{[^:]+}}: tensor<4xf32>)
// CHECK:         %[[S:.+]] = orchid.short_conv causal
// CHECK:         %[[X0:.+]] = tensor.extract_slice %[[S]][0, 0, 0] [2, 4, 8]
// CHECK:         %[[X1:.+]] = tensor.extract_slice %[[S]][0, 4, 0] [2, 4, 8]
// CHECK:         %[[X2:.+]] = tensor.extract_slice %[[S]][0, 8, 0] [2, 4, 8]
// CHECK:         %[[V:.+]] = tensor.extract_slice %[[S]][0, 12, 0] [2, 4, 8]
// CHECK:         %[[H:.+]] = orchid.implicit_filter {{.*}} -> tensor<2x4x8xf32>
// CHECK:         %[[G2:.+]] = linalg.generic {{.*}} ins(%[[V]], %[[X2]] :
// CHECK:         %[[K0:.+]] = tensor.extract_slice %[[H]][0, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<2x4x8xf32> to tensor<4x8xf32>
// CHECK:         %[[B0S:.+]] = tensor.expand_shape %[[FBIAS]] {{\[}}[0, 1]] output_shape [4, 2] : tensor<8xf32> into tensor<4x2xf32>
// CHECK:         %[[B0:.+]] = tensor.extract_slice %[[B0S]][0, 0] [4, 1] [1, 1] : tensor<4x2xf32> to tensor<4xf32>
// CHECK:         %[[C0:.+]] = orchid.fftconv causal %[[G2]], %[[K0]], %[[B0]]
// CHECK:         %[[G1:.+]] = linalg.generic {{.*}} ins(%[[C0]], %[[X1]] :
// CHECK:         %[[K1:.+]] = tensor.extract_slice %[[H]][1, 0, 0] [1, 4, 8] [1, 1, 1]
// CHECK:         %[[B1S:.+]] = tensor.expand_shape %[[FBIAS]]
// CHECK:         %[[B1:.+]] = tensor.extract_slice %[[B1S]][0, 1] [4, 1] [1, 1]
// CHECK:         %[[C1:.+]] = orchid.fftconv causal %[[G1]], %[[K1]], %[[B1]]
// CHECK:         linalg.generic {{.*}} ins(%[[C1]], %[[X0]] :
func.func @hyena_order3(%x: tensor<2x8x4xf32>, %in_w: tensor<16x4xf32>,
    %in_b: tensor<16xf32>, %sw: tensor<16x3xf32>, %sb: tensor<16xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<8x16xf32>, %fbias: tensor<8xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 3 : i64, filter = #orchid.filter<l_max = 8>}
      : (tensor<2x8x4xf32>, tensor<16x4xf32>, tensor<16xf32>, tensor<16x3xf32>,
          tensor<16xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// The stored embedding and rates go to the implicit filter; with the
// filter's bias switch off the skip term is zero.
// CHECK-LABEL: func.func @hyena_stored_state_no_bias(
// CHECK-SAME:      %[[Z:[^:]+]]: tensor<16x3xf32>, %[[DELTAS:[^:]+]]: tensor<4xf32>)
// CHECK:         %[[H:.+]] = orchid.implicit_filter {{.*}} z(%[[Z]] : tensor<16x3xf32>) deltas(%[[DELTAS]] : tensor<4xf32>) {config = #orchid.filter<l_max = 16, bias = false>} {{.*}} -> tensor<1x4x8xf32>
// CHECK:         %[[ZERO:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<4xf32>)
// CHECK:         orchid.fftconv causal %{{.+}}, %{{.+}}, %[[ZERO]]
func.func @hyena_stored_state_no_bias(%x: tensor<2x8x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>, %z: tensor<16x3xf32>,
    %deltas: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      filter_z(%z) filter_deltas(%deltas)
      {order = 2 : i64, filter = #orchid.filter<l_max = 16, bias = false>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<4xf32>)
      -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}
