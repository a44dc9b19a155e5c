// RUN: orchid-opt %s -split-input-file --orchid-decompose | FileCheck %s

// Circular convolutions on L points (the reference's default), a
// non-causal spectral conditioning network added in the frequency domain,
// and the residual long convolution of the input.
// CHECK-LABEL: func.func @orchid_spectral_circular_order2_residual(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<2x8x4xf32>
// CHECK-SAME:      %[[RBIAS:[^:]+]]: tensor<4xf32>, %{{[^:]+}}: tensor<4x4xf32>, %{{[^:]+}}: tensor<4xf32>)
// CHECK:         %[[Z:.+]] = tensor.expand_shape {{.*}} into tensor<2x8x12xf32>
// CHECK:         %[[A:.+]] = tensor.extract_slice %[[Z]][0, 0, 8] [2, 8, 4] [1, 1, 1]
// CHECK:         orchid.short_conv causal
// CHECK:         %[[H:.+]] = orchid.implicit_filter {{.*}} -> tensor<1x4x8xf32>
// CHECK:         %[[COND:.+]] = orchid.condition spectral %[[A]], {{.*}} size 8 : {{.*}} -> tensor<2x4x5xcomplex<f32>>
// CHECK-NOT:     orchid.irfft
// CHECK:         %[[K:.+]] = tensor.extract_slice %[[H]][0, 0, 0] [1, 4, 8]
// CHECK:         %[[KS:.+]] = orchid.rfft %[[K]] size 8 norm forward : tensor<4x8xf32> -> tensor<4x5xcomplex<f32>>
// CHECK:         %[[SPEC:.+]] = linalg.generic {{.*}} ins(%[[COND]], %[[KS]] : tensor<2x4x5xcomplex<f32>>, tensor<4x5xcomplex<f32>>)
// CHECK:           complex.add
// CHECK:         %[[C:.+]] = orchid.spectral_conv %{{.+}}, %[[SPEC]], %{{.+}} size 8 :
// CHECK:         %[[Y:.+]] = linalg.generic {{.*}} ins(%[[C]], %{{.+}} :
// CHECK:         %[[HR:.+]] = orchid.implicit_filter {{.*}} -> tensor<1x4x8xf32>
// CHECK:         %[[KR:.+]] = tensor.extract_slice %[[HR]][0, 0, 0] [1, 4, 8]
// CHECK:         %[[KRS:.+]] = orchid.rfft %[[KR]] size 8 norm forward
// CHECK:         %[[XT:.+]] = linalg.transpose ins(%[[X]] : tensor<2x8x4xf32>) {{.*}} permutation = [0, 2, 1]
// CHECK:         %[[R:.+]] = orchid.spectral_conv %[[XT]], %[[KRS]], %[[RBIAS]] size 8 : tensor<2x4x8xf32>, tensor<4x5xcomplex<f32>>
// CHECK:         linalg.generic {{.*}} ins(%[[Y]], %[[R]] :
// CHECK:         linalg.matmul
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

// Causal spectral conditioning adds G_2L(H)[:L] to the static kernel in time.
// CHECK-LABEL: func.func @orchid_spectral_causal_order2(
// CHECK:         %[[H:.+]] = orchid.implicit_filter
// CHECK:         %[[COND:.+]] = orchid.condition spectral {{.*}} size 16 : {{.*}} -> tensor<2x4x9xcomplex<f32>>
// CHECK:         %[[HC:.+]] = orchid.irfft %[[COND]] size 16 norm forward : tensor<2x4x9xcomplex<f32>> -> tensor<2x4x8xf32>
// CHECK:         %[[K:.+]] = tensor.extract_slice %[[H]][0, 0, 0] [1, 4, 8]
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[HC]], %[[K]] : tensor<2x4x8xf32>, tensor<4x8xf32>)
// CHECK:           arith.addf
// CHECK:         %[[SPEC:.+]] = orchid.rfft %[[SUM]] size 16 norm forward : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
// CHECK:         orchid.spectral_conv %{{.+}}, %[[SPEC]], %{{.+}} size 16 :
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

// A non-causal correlation network on L points, added in frequency.
// CHECK-LABEL: func.func @orchid_correlation_circular_order2(
// CHECK:         %[[COND:.+]] = orchid.condition correlation {{.*}} size 8 : {{.*}} -> tensor<2x4x5xcomplex<f32>>
// CHECK:         %[[KS:.+]] = orchid.rfft %{{.+}} size 8 norm forward : tensor<4x8xf32>
// CHECK:         %[[SPEC:.+]] = linalg.generic {{.*}} ins(%[[COND]], %[[KS]] :
// CHECK:           complex.add
// CHECK:         orchid.spectral_conv %{{.+}}, %[[SPEC]], %{{.+}} size 8 :
func.func @orchid_correlation_circular_order2(%x: tensor<2x8x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>, %gk: tensor<4xf32>,
    %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<8x2x3xf32>,
    %c3b: tensor<8xf32>, %g3: tensor<8xf32>, %b3: tensor<8xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.orchid circular correlation %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, causal_condition = false,
          filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// A causal correlation network (the default) is brought back to time per
// batch element, as the spectral one.
// CHECK-LABEL: func.func @orchid_correlation_causal_order2(
// CHECK:         %[[COND:.+]] = orchid.condition correlation {{.*}} size 16 : {{.*}} -> tensor<2x4x9xcomplex<f32>>
// CHECK:         %[[HC:.+]] = orchid.irfft %[[COND]] size 16 norm forward : tensor<2x4x9xcomplex<f32>> -> tensor<2x4x8xf32>
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[HC]], %{{.+}} : tensor<2x4x8xf32>, tensor<4x8xf32>)
// CHECK:         %[[SPEC:.+]] = orchid.rfft %[[SUM]] size 16 norm forward : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
// CHECK:         orchid.spectral_conv %{{.+}}, %[[SPEC]], %{{.+}} size 16 :
func.func @orchid_correlation_causal_order2(%x: tensor<2x8x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>, %gk: tensor<4xf32>,
    %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<8x2x3xf32>,
    %c3b: tensor<8xf32>, %g3: tensor<8xf32>, %b3: tensor<8xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.orchid causal correlation %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// Bidirectional static filters: the reverse filter's kernel, mirrored, at
// the negative lags of a 2L-point kernel; a non-causal conditioning network
// on 2L points is added to its spectrum, scaled by alpha_adapt.
// CHECK:       #[[$REV:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, -d2 + 7)>
// CHECK-LABEL: func.func @orchid_spectral_bidirectional_order2(
// CHECK-SAME:      %[[RW_IN:[^:]+]]: tensor<16x3xf32>) -> tensor<2x8x4xf32>
// CHECK:         %[[H:.+]] = orchid.implicit_filter {{.*}} -> tensor<1x4x8xf32>
// CHECK:         %[[HREV:.+]] = orchid.implicit_filter %[[RW_IN]], {{.*}} -> tensor<1x4x8xf32>
// CHECK:         %[[MIRROR:.+]] = linalg.generic {indexing_maps = [#[[$REV]], #{{.+}}], {{.*}} ins(%[[HREV]] : tensor<1x4x8xf32>)
// CHECK:         %[[K1:.+]] = tensor.insert_slice %[[H]] into %{{.+}}[0, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<1x4x8xf32> into tensor<1x4x16xf32>
// CHECK:         %[[K2:.+]] = tensor.insert_slice %[[MIRROR]] into %[[K1]][0, 0, 8] [1, 4, 8] [1, 1, 1]
// CHECK:         %[[COND:.+]] = orchid.condition spectral {{.*}} size 16 : {{.*}} -> tensor<2x4x9xcomplex<f32>>
// CHECK-NOT:     orchid.irfft
// CHECK:         arith.mulf
// CHECK:         %[[SCALED:.+]] = linalg.generic {{.*}} outs(%{{.+}} : tensor<2x4x9xcomplex<f32>>)
// CHECK:         %[[K:.+]] = tensor.extract_slice %[[K2]][0, 0, 0] [1, 4, 16]
// CHECK:         %[[KS:.+]] = orchid.rfft %[[K]] size 16 norm forward : tensor<4x16xf32>
// CHECK:         %[[SPEC:.+]] = linalg.generic {{.*}} ins(%[[SCALED]], %[[KS]] :
// CHECK:         orchid.spectral_conv %{{.+}}, %[[SPEC]], %{{.+}} size 16 :
func.func @orchid_spectral_bidirectional_order2(%x: tensor<2x8x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %c1w: tensor<4x3xf32>, %c1b: tensor<4xf32>, %g1: tensor<4xf32>,
    %b1: tensor<4xf32>, %c2w: tensor<8x3xf32>, %c2b: tensor<8xf32>,
    %g2: tensor<8xf32>, %b2: tensor<8xf32>, %out_w: tensor<4x4xf32>,
    %out_b: tensor<4xf32>, %rw_in: tensor<16x3xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.orchid bidirectional spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      filter_reverse(%rw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, causal_condition = false, alpha_adapt = 0.5 : f64,
          filter = #orchid.filter<l_max = 8, normalize = after_modulation>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// Order 3: the conditioning network emits 2D interleaved channels; kernel o
// takes channel d * 2 + o of the spectrum and of the filter bias.
// CHECK-LABEL: func.func @orchid_correlation_circular_order3_residual(
// CHECK:         %[[S:.+]] = orchid.short_conv causal
// CHECK:         %[[X2:.+]] = tensor.extract_slice %[[S]][0, 8, 0] [2, 4, 8]
// CHECK:         %[[V:.+]] = tensor.extract_slice %[[S]][0, 12, 0] [2, 4, 8]
// CHECK:         %[[H:.+]] = orchid.implicit_filter {{.*}} -> tensor<2x4x8xf32>
// CHECK:         %[[COND:.+]] = orchid.condition correlation {{.*}} size 8 : {{.*}} -> tensor<2x8x5xcomplex<f32>>
// CHECK:         %[[G:.+]] = linalg.generic {{.*}} ins(%[[V]], %[[X2]] :
// CHECK:         %[[K0:.+]] = tensor.extract_slice %[[H]][0, 0, 0] [1, 4, 8]
// CHECK:         %[[SPLIT0:.+]] = tensor.expand_shape %[[COND]] {{\[}}[0], [1, 2], [3]] output_shape [2, 4, 2, 5]
// CHECK:         %[[C0:.+]] = tensor.extract_slice %[[SPLIT0]][0, 0, 0, 0] [2, 4, 1, 5] [1, 1, 1, 1] : tensor<2x4x2x5xcomplex<f32>> to tensor<2x4x5xcomplex<f32>>
// CHECK:         %[[KS0:.+]] = orchid.rfft %[[K0]] size 8 norm forward
// CHECK:         %[[SPEC0:.+]] = linalg.generic {{.*}} ins(%[[C0]], %[[KS0]] :
// CHECK:         orchid.spectral_conv %[[G]], %[[SPEC0]], %{{.+}} size 8 :
// CHECK:         %[[K1:.+]] = tensor.extract_slice %[[H]][1, 0, 0] [1, 4, 8]
// CHECK:         %[[SPLIT1:.+]] = tensor.expand_shape %[[COND]]
// CHECK:         %[[C1:.+]] = tensor.extract_slice %[[SPLIT1]][0, 0, 1, 0] [2, 4, 1, 5]
// CHECK:         orchid.rfft %[[K1]] size 8 norm forward
// CHECK:         orchid.implicit_filter {{.*}} -> tensor<1x4x8xf32>
func.func @orchid_correlation_circular_order3_residual(%x: tensor<2x8x4xf32>,
    %in_w: tensor<16x4xf32>, %in_b: tensor<16xf32>, %sw: tensor<16x3xf32>,
    %sb: tensor<16xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<8x16xf32>, %fbias: tensor<8xf32>,
    %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>, %gk: tensor<4xf32>,
    %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<16x2x3xf32>,
    %c3b: tensor<16xf32>, %g3: tensor<16xf32>, %b3: tensor<16xf32>,
    %rw_in: tensor<16x3xf32>, %rb_in: tensor<16xf32>,
    %rw_inner: tensor<2x16x16xf32>, %rb_inner: tensor<2x16xf32>,
    %rfreq: tensor<3x16xf32>, %rw_out: tensor<4x16xf32>, %rbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.orchid circular correlation %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual(%rw_in, %rb_in, %rw_inner, %rb_inner, %rfreq, %rw_out, %rbias)
      out(%out_w, %out_b)
      {order = 3 : i64, causal_condition = false,
          filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>,
          residual_filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>}
      : (tensor<2x8x4xf32>, tensor<16x4xf32>, tensor<16xf32>, tensor<16x3xf32>,
          tensor<16xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<16x2x3xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// CHECK-LABEL: func.func @orchid_spectral_causal_order3(
// CHECK:         %[[COND:.+]] = orchid.condition spectral {{.*}} size 16 : {{.*}} -> tensor<2x8x9xcomplex<f32>>
// CHECK:         %[[HC:.+]] = orchid.irfft %[[COND]] size 16 norm forward : tensor<2x8x9xcomplex<f32>> -> tensor<2x8x8xf32>
// CHECK:         %[[SPLIT:.+]] = tensor.expand_shape %[[HC]] {{\[}}[0], [1, 2], [3]] output_shape [2, 4, 2, 8]
// CHECK:         %[[HC0:.+]] = tensor.extract_slice %[[SPLIT]][0, 0, 0, 0] [2, 4, 1, 8]
// CHECK:         linalg.generic {{.*}} ins(%[[HC0]], %{{.+}} : tensor<2x4x8xf32>, tensor<4x8xf32>)
// CHECK:         orchid.rfft %{{.+}} size 16 norm forward : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
// CHECK:         %[[SPLIT1:.+]] = tensor.expand_shape %[[HC]]
// CHECK:         tensor.extract_slice %[[SPLIT1]][0, 0, 1, 0] [2, 4, 1, 8]
func.func @orchid_spectral_causal_order3(%x: tensor<2x8x4xf32>,
    %in_w: tensor<16x4xf32>, %in_b: tensor<16xf32>, %sw: tensor<16x3xf32>,
    %sb: tensor<16xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<8x16xf32>, %fbias: tensor<8xf32>,
    %c1w: tensor<4x3xf32>, %c1b: tensor<4xf32>, %g1: tensor<4xf32>,
    %b1: tensor<4xf32>, %c2w: tensor<16x3xf32>, %c2b: tensor<16xf32>,
    %g2: tensor<16xf32>, %b2: tensor<16xf32>, %out_w: tensor<4x4xf32>,
    %out_b: tensor<4xf32>) -> tensor<2x8x4xf32> {
  %y = orchid.orchid causal spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual()
      out(%out_w, %out_b)
      {order = 3 : i64, filter = #orchid.filter<l_max = 8,
          normalize = after_modulation>}
      : (tensor<2x8x4xf32>, tensor<16x4xf32>, tensor<16xf32>, tensor<16x3xf32>,
          tensor<16xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}

// -----

// The reference's defaults: circular convolutions on L points and a causal
// conditioning network, on 2L points and back to time, whose first L taps
// (scaled by alpha_adapt) are added to the static kernel. The stored z and
// deltas reach the implicit filter; the residual filter's bias switch is
// off, so its skip term is zero.
// CHECK-LABEL: func.func @orchid_reference_defaults(
// CHECK-SAME:      %[[Z:[^:]+]]: tensor<8x3xf32>, %[[DELTAS:[^:]+]]: tensor<4xf32>)
// CHECK:         %[[H:.+]] = orchid.implicit_filter {{.*}} z(%[[Z]] : tensor<8x3xf32>) deltas(%[[DELTAS]] : tensor<4xf32>) {{.*}} -> tensor<1x4x8xf32>
// CHECK:         %[[COND:.+]] = orchid.condition spectral {{.*}} size 16 : {{.*}} -> tensor<2x4x9xcomplex<f32>>
// CHECK:         %[[HC:.+]] = orchid.irfft %[[COND]] size 16 norm forward : tensor<2x4x9xcomplex<f32>> -> tensor<2x4x8xf32>
// CHECK:         %[[SCALED:.+]] = linalg.generic {{.*}} ins(%[[HC]] : tensor<2x4x8xf32>)
// CHECK:           arith.mulf
// CHECK:         %[[K:.+]] = tensor.extract_slice %[[H]][0, 0, 0] [1, 4, 8]
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[SCALED]], %[[K]] : tensor<2x4x8xf32>, tensor<4x8xf32>)
// CHECK:         %[[SPEC:.+]] = orchid.rfft %[[SUM]] size 8 norm forward : tensor<2x4x8xf32> -> tensor<2x4x5xcomplex<f32>>
// CHECK:         orchid.spectral_conv %{{.+}}, %[[SPEC]], %{{.+}} size 8 :
// CHECK:         %[[HR:.+]] = orchid.implicit_filter {{.*}} -> tensor<1x4x8xf32>
// CHECK-NOT:     z(
// CHECK:         %[[ZERO:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<4xf32>)
// CHECK:         orchid.spectral_conv %{{.+}}, %{{.+}}, %[[ZERO]] size 8 :
func.func @orchid_reference_defaults(%x: tensor<2x8x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %c1w: tensor<4x3xf32>, %c1b: tensor<4xf32>, %g1: tensor<4xf32>,
    %b1: tensor<4xf32>, %c2w: tensor<8x3xf32>, %c2b: tensor<8xf32>,
    %g2: tensor<8xf32>, %b2: tensor<8xf32>, %out_w: tensor<4x4xf32>,
    %out_b: tensor<4xf32>, %z: tensor<8x3xf32>, %deltas: tensor<4xf32>)
    -> tensor<2x8x4xf32> {
  %y = orchid.orchid circular spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      filter_z(%z) filter_deltas(%deltas)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      out(%out_w, %out_b)
      {order = 2 : i64, alpha_adapt = 0.5 : f64,
          filter = #orchid.filter<l_max = 8, normalize = after_modulation>,
          residual_filter = #orchid.filter<l_max = 8, bias = false>}
      : (tensor<2x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<8x3xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x8x4xf32>
  return %y : tensor<2x8x4xf32>
}
