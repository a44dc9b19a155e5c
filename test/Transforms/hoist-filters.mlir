// RUN: orchid-opt %s -split-input-file --orchid-decompose --orchid-lower-fftconv --orchid-hoist-filters | FileCheck %s

// Hyena of order 3: the filter and both kernel spectra move into
// @hyena_order3_prepare, which takes the six filter weights; @hyena_order3
// keeps the other weights in order (the filter bias stays: it is per-call
// skip work) and takes the spectra, kernel 0 first.
// CHECK-LABEL: func.func @hyena_order3_prepare(
// CHECK-SAME:      %[[WIN:[^:]+]]: tensor<16x3xf32>, %[[BIN:[^:]+]]: tensor<16xf32>, %[[WINNER:[^:]+]]: tensor<2x16x16xf32>, %[[BINNER:[^:]+]]: tensor<2x16xf32>, %[[FREQ:[^:]+]]: tensor<3x16xf32>, %[[WOUT:[^:]+]]: tensor<8x16xf32>)
// CHECK-SAME:      -> (tensor<4x9xcomplex<f32>>, tensor<4x9xcomplex<f32>>)
// CHECK:         %[[H:.+]] = orchid.implicit_filter %[[WIN]], %[[BIN]], %[[WINNER]], %[[BINNER]], %[[FREQ]], %[[WOUT]]
// CHECK:         %[[K0:.+]] = tensor.extract_slice %[[H]][0, 0, 0] [1, 4, 8]
// CHECK:         %[[S0:.+]] = orchid.rfft %[[K0]] size 16 : tensor<4x8xf32> -> tensor<4x9xcomplex<f32>>
// CHECK:         %[[K1:.+]] = tensor.extract_slice %[[H]][1, 0, 0] [1, 4, 8]
// CHECK:         %[[S1:.+]] = orchid.rfft %[[K1]] size 16
// CHECK:         return %[[S0]], %[[S1]]
// CHECK-LABEL: func.func @hyena_order3(
// CHECK-SAME:      %{{[^:]+}}: tensor<2x8x4xf32>, %{{[^:]+}}: tensor<16x4xf32>, %{{[^:]+}}: tensor<16xf32>, %{{[^:]+}}: tensor<16x3xf32>, %{{[^:]+}}: tensor<16xf32>, %[[FBIAS:[^:]+]]: tensor<8xf32>, %{{[^:]+}}: tensor<4x4xf32>, %{{[^:]+}}: tensor<4xf32>, %[[SPEC0:[^:]+]]: tensor<4x9xcomplex<f32>>, %[[SPEC1:[^:]+]]: tensor<4x9xcomplex<f32>>)
// CHECK-NOT:     orchid.implicit_filter
// CHECK-NOT:     orchid.rfft
// CHECK:         tensor.expand_shape %[[FBIAS]]
// CHECK:         orchid.spectral_conv %{{.+}}, %[[SPEC0]], %{{.+}} size 16
// CHECK:         orchid.spectral_conv %{{.+}}, %[[SPEC1]], %{{.+}} size 16
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

// Orchid, circular, with a non-causal conditioning network: the prepared
// values are the static spectra F_L(h) of the kernel and of the residual
// filter; the conditioning stays per call.
// CHECK-LABEL: func.func @orchid_spectral_circular_order2_residual_prepare(
// CHECK-SAME:      -> (tensor<4x5xcomplex<f32>>, tensor<4x5xcomplex<f32>>)
// CHECK-COUNT-2: orchid.implicit_filter
// CHECK-NOT:     orchid.condition
// CHECK-LABEL: func.func @orchid_spectral_circular_order2_residual(
// CHECK-SAME:      %[[SPEC:[^:]+]]: tensor<4x5xcomplex<f32>>, %[[RSPEC:[^:]+]]: tensor<4x5xcomplex<f32>>) -> tensor<2x8x4xf32>
// CHECK-NOT:     orchid.implicit_filter
// CHECK:         %[[COND:.+]] = orchid.condition spectral
// CHECK:         linalg.generic {{.*}} ins(%[[COND]], %[[SPEC]] :
// CHECK:         orchid.spectral_conv %{{.+}}, %[[RSPEC]], %{{.+}} size 8
func.func @orchid_spectral_circular_order2_residual(%x: tensor<2x8x4xf32>,
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
    %out_b: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.orchid circular spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual(%rw_in, %rb_in, %rw_inner, %rb_inner, %rfreq, %rw_out, %rbias)
      out(%out_w, %out_b)
      {order = 2 : i64, causal_condition = false,
          filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>,
          residual_filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// Orchid, causal spectral conditioning: the static kernel is added to a
// per-call time-domain kernel, so the prepared value is the kernel itself.
// CHECK-LABEL: func.func @orchid_spectral_causal_order2_prepare(
// CHECK-SAME:      -> tensor<4x8xf32>
// CHECK:         orchid.implicit_filter
// CHECK-NOT:     orchid.rfft
// CHECK-LABEL: func.func @orchid_spectral_causal_order2(
// CHECK-SAME:      %[[K:[^:]+]]: tensor<4x8xf32>) -> tensor<2x8x4xf32>
// CHECK:         orchid.irfft
// CHECK:         linalg.generic {{.*}} ins(%{{.+}}, %[[K]] : tensor<2x4x8xf32>, tensor<4x8xf32>)
func.func @orchid_spectral_causal_order2(%x: tensor<2x8x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %c1w: tensor<4x3xf32>, %c1b: tensor<4xf32>, %g1: tensor<4xf32>,
    %b1: tensor<4xf32>, %c2w: tensor<8x3xf32>, %c2b: tensor<8xf32>,
    %g2: tensor<8xf32>, %b2: tensor<8xf32>, %out_w: tensor<4x4xf32>,
    %out_b: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.orchid causal spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// Filters of constant weights stay where they are, for constant folding.
// CHECK-LABEL: func.func @constant_weights(
// CHECK:         orchid.implicit_filter
// CHECK:         orchid.rfft
// CHECK-NOT:     func.func @constant_weights_prepare
func.func @constant_weights(%u: tensor<1x2x8xf32>, %b: tensor<2xf32>)
    -> tensor<1x2x8xf32> {
  %w_in = arith.constant dense<0.5> : tensor<4x3xf32>
  %b_in = arith.constant dense<0.1> : tensor<4xf32>
  %w_inner = arith.constant dense<0.2> : tensor<1x4x4xf32>
  %b_inner = arith.constant dense<0.0> : tensor<1x4xf32>
  %freq = arith.constant dense<1.0> : tensor<2x4xf32>
  %w_out = arith.constant dense<0.3> : tensor<2x4xf32>
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 8>}
      : tensor<4x3xf32>, tensor<4xf32>, tensor<1x4x4xf32>, tensor<1x4xf32>,
        tensor<2x4xf32>, tensor<2x4xf32> -> tensor<1x2x8xf32>
  %k = tensor.extract_slice %h[0, 0, 0] [1, 2, 8] [1, 1, 1]
      : tensor<1x2x8xf32> to tensor<2x8xf32>
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<1x2x8xf32>, tensor<2x8xf32>, tensor<2xf32> -> tensor<1x2x8xf32>
  return %y : tensor<1x2x8xf32>
}
