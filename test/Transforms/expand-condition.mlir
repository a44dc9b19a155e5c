// RUN: orchid-opt %s -split-input-file --orchid-expand-filters | FileCheck %s

// Spectral: a1 = LN(conv1(a)) over the D channels, P = |F_16(a1)|^2, each
// channel repeated twice for the grouped conv2, LN over 2D channels, and
// H = a2[0::2] + i a2[1::2].
// CHECK-LABEL: func.func @spectral(
// CHECK-SAME:      %[[A:[^:]+]]: tensor<2x8x4xf32>, %[[C1W:[^:]+]]: tensor<4x3xf32>, %[[C1B:[^:]+]]: tensor<4xf32>, %[[G1:[^:]+]]: tensor<4xf32>, %[[B1:[^:]+]]: tensor<4xf32>, %[[C2W:[^:]+]]: tensor<8x3xf32>, %[[C2B:[^:]+]]: tensor<8xf32>, %[[G2:[^:]+]]: tensor<8xf32>, %[[B2:[^:]+]]: tensor<8xf32>)
// CHECK-DAG:     %[[INV8:.+]] = arith.constant 1.250000e-01 : f32
// CHECK-DAG:     %[[EPS:.+]] = arith.constant 9.99999974E-6 : f32
// CHECK-DAG:     %[[INV4:.+]] = arith.constant 2.500000e-01 : f32
// CHECK:         %[[AT:.+]] = linalg.transpose ins(%[[A]] : tensor<2x8x4xf32>) {{.*}} permutation = [0, 2, 1]
// CHECK:         %[[CONV1:.+]] = orchid.short_conv centered %[[AT]], %[[C1W]], %[[C1B]]
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[CONV1]] : tensor<2x4x8xf32>) outs({{.*}} : tensor<2x8xf32>)
// CHECK:         %[[CENTRED:.+]] = linalg.generic {{.*}} ins(%[[CONV1]], %[[SUM]] :
// CHECK:           arith.mulf %{{.+}}, %[[INV4]]
// CHECK:           arith.subf
// CHECK:         %[[SQ:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[CENTRED]] :
// CHECK:         %[[A1:.+]] = linalg.generic {{.*}} ins(%[[CENTRED]], %[[SQ]], %[[G1]], %[[B1]] :
// CHECK:           arith.addf %{{.+}}, %[[EPS]]
// CHECK:           math.rsqrt
// CHECK:         %[[SPEC:.+]] = orchid.rfft %[[A1]] size 16 norm forward : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
// CHECK:         %[[RE:.+]] = linalg.generic {{.*}} ins(%[[SPEC]] :
// CHECK:           complex.re
// CHECK:         %[[IM:.+]] = linalg.generic {{.*}} ins(%[[SPEC]] :
// CHECK:           complex.im
// CHECK:         %[[POWER:.+]] = linalg.generic {{.*}} ins(%[[RE]], %[[IM]] : tensor<2x4x9xf32>, tensor<2x4x9xf32>)
// CHECK:         %[[REP:.+]] = linalg.generic {{.*}} ins(%[[POWER]] : tensor<2x4x9xf32>) outs(%{{.+}} : tensor<2x4x2x9xf32>)
// CHECK:         %[[P2:.+]] = tensor.collapse_shape %[[REP]] {{\[}}[0], [1, 2], [3]] : tensor<2x4x2x9xf32> into tensor<2x8x9xf32>
// CHECK:         %[[CONV2:.+]] = orchid.short_conv centered %[[P2]], %[[C2W]], %[[C2B]] : tensor<2x8x9xf32>
// CHECK:         %[[A2:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %{{.+}}, %[[G2]], %[[B2]] :
// CHECK:           arith.mulf %{{.+}}, %[[INV8]]
// CHECK:         %[[PAIRS:.+]] = tensor.expand_shape %[[A2]] {{\[}}[0], [1, 2], [3]] output_shape [2, 4, 2, 9]
// CHECK:         %[[HRE:.+]] = tensor.extract_slice %[[PAIRS]][0, 0, 0, 0] [2, 4, 1, 9] [1, 1, 1, 1]
// CHECK:         %[[HIM:.+]] = tensor.extract_slice %[[PAIRS]][0, 0, 1, 0] [2, 4, 1, 9] [1, 1, 1, 1]
// CHECK:         %[[H:.+]] = linalg.generic {{.*}} ins(%[[HRE]], %[[HIM]] : tensor<2x4x9xf32>, tensor<2x4x9xf32>) outs(%{{.+}} : tensor<2x4x9xcomplex<f32>>)
// CHECK:           complex.create
// CHECK:         return %[[H]]
// CHECK-NOT:     orchid.condition
func.func @spectral(%a: tensor<2x8x4xf32>, %c1w: tensor<4x3xf32>, %c1b: tensor<4xf32>,
    %g1: tensor<4xf32>, %b1: tensor<4xf32>, %c2w: tensor<8x3xf32>, %c2b: tensor<8xf32>,
    %g2: tensor<8xf32>, %b2: tensor<8xf32>) -> tensor<2x4x9xcomplex<f32>> {
  %H = orchid.condition spectral %a, %c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2
      size 16 : (tensor<2x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
                 tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>,
                 tensor<8xf32>) -> tensor<2x4x9xcomplex<f32>>
  return %H : tensor<2x4x9xcomplex<f32>>
}

// -----

// Correlation of order 3 (C = 2D): S = conj(K) Q from the parts of both
// spectra, R = [Re S, Im S], the grouped Conv1d(2D, 2C, K, groups = D)
// along frequency, H = a3[:C] + i a3[C:]; the LayerNorms use eps.
// CHECK-LABEL: func.func @correlation_order3(
// CHECK-SAME:      %[[A:[^:]+]]: tensor<2x8x4xf32>, %[[CKW:[^:]+]]: tensor<4x3xf32>, %[[CKB:[^:]+]]: tensor<4xf32>, %{{[^:]+}}: tensor<4xf32>, %{{[^:]+}}: tensor<4xf32>, %[[CQW:[^:]+]]: tensor<4x3xf32>, %[[CQB:[^:]+]]: tensor<4xf32>, %{{[^:]+}}: tensor<4xf32>, %{{[^:]+}}: tensor<4xf32>, %[[C3W:[^:]+]]: tensor<16x2x3xf32>, %[[C3B:[^:]+]]: tensor<16xf32>
// CHECK-DAG:     arith.constant 1.000000e-03 : f32
// CHECK:         %[[AT:.+]] = linalg.transpose ins(%[[A]]
// CHECK:         orchid.short_conv centered %[[AT]], %[[CKW]], %[[CKB]]
// CHECK:         %[[K:.+]] = orchid.rfft %{{.+}} size 8 norm forward : tensor<2x4x8xf32> -> tensor<2x4x5xcomplex<f32>>
// CHECK:         %[[KR:.+]] = linalg.generic {{.*}} ins(%[[K]] :
// CHECK:           complex.re
// CHECK:         %[[KI:.+]] = linalg.generic {{.*}} ins(%[[K]] :
// CHECK:           complex.im
// CHECK:         orchid.short_conv centered %[[AT]], %[[CQW]], %[[CQB]]
// CHECK:         %[[Q:.+]] = orchid.rfft %{{.+}} size 8 norm forward
// CHECK:         %[[QR:.+]] = linalg.generic {{.*}} ins(%[[Q]] :
// CHECK:         %[[QI:.+]] = linalg.generic {{.*}} ins(%[[Q]] :
// CHECK:         %[[RES:.+]] = linalg.generic {{.*}} ins(%[[KR]], %[[KI]], %[[QR]], %[[QI]] :
// CHECK:         ^bb0(%[[KR_:.+]]: f32, %[[KI_:.+]]: f32, %[[QR_:.+]]: f32, %[[QI_:.+]]: f32, %{{.+}}: f32):
// CHECK-DAG:       %[[P1:.+]] = arith.mulf %[[KR_]], %[[QR_]]
// CHECK-DAG:       %[[P2:.+]] = arith.mulf %[[KI_]], %[[QI_]]
// CHECK:           arith.addf %[[P1]], %[[P2]]
// CHECK:         %[[IMS:.+]] = linalg.generic {{.*}} ins(%[[KR]], %[[KI]], %[[QR]], %[[QI]] :
// CHECK:         ^bb0(%[[KR2:.+]]: f32, %[[KI2:.+]]: f32, %[[QR2:.+]]: f32, %[[QI2:.+]]: f32, %{{.+}}: f32):
// CHECK-DAG:       %[[P3:.+]] = arith.mulf %[[KR2]], %[[QI2]]
// CHECK-DAG:       %[[P4:.+]] = arith.mulf %[[KI2]], %[[QR2]]
// CHECK:           arith.subf %[[P3]], %[[P4]]
// CHECK:         %[[R0:.+]] = tensor.insert_slice %[[RES]] into %{{.+}}[0, 0, 0] [2, 4, 5] [1, 1, 1] : tensor<2x4x5xf32> into tensor<2x8x5xf32>
// CHECK:         %[[R:.+]] = tensor.insert_slice %[[IMS]] into %[[R0]][0, 4, 0] [2, 4, 5] [1, 1, 1]
// The grouped conv: group g reads channels 2g and 2g + 1 of R, each a
// depthwise conv of the repeated channel with its tap slice; one bias.
// CHECK:         %[[PAIRS:.+]] = tensor.expand_shape %[[R]] {{\[}}[0], [1, 2], [3]] output_shape [2, 4, 2, 5]
// CHECK:         %[[ZB:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<16xf32>)
// CHECK:         %[[IN0:.+]] = tensor.extract_slice %[[PAIRS]][0, 0, 0, 0] [2, 4, 1, 5]
// CHECK:         %[[REP0:.+]] = linalg.generic {{.*}} ins(%[[IN0]] : tensor<2x4x5xf32>) outs(%{{.+}} : tensor<2x4x4x5xf32>)
// CHECK:         %[[X0:.+]] = tensor.collapse_shape %[[REP0]] {{\[}}[0], [1, 2], [3]] : tensor<2x4x4x5xf32> into tensor<2x16x5xf32>
// CHECK:         %[[W0:.+]] = tensor.extract_slice %[[C3W]][0, 0, 0] [16, 1, 3] [1, 1, 1] : tensor<16x2x3xf32> to tensor<16x3xf32>
// CHECK:         %[[Y0:.+]] = orchid.short_conv centered %[[X0]], %[[W0]], %[[C3B]] : tensor<2x16x5xf32>
// CHECK:         %[[IN1:.+]] = tensor.extract_slice %[[PAIRS]][0, 0, 1, 0] [2, 4, 1, 5]
// CHECK:         %[[W1:.+]] = tensor.extract_slice %[[C3W]][0, 1, 0] [16, 1, 3] [1, 1, 1]
// CHECK:         %[[Y1:.+]] = orchid.short_conv centered %{{.+}}, %[[W1]], %[[ZB]]
// CHECK:         linalg.generic {{.*}} ins(%[[Y0]], %[[Y1]] :
// CHECK:           arith.addf
// CHECK:         %[[A3:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %{{.+}}, %{{.+}}, %{{.+}} : tensor<2x16x5xf32>, tensor<2x5xf32>, tensor<16xf32>, tensor<16xf32>)
// CHECK:         %[[HRE:.+]] = tensor.extract_slice %[[A3]][0, 0, 0] [2, 8, 5] [1, 1, 1]
// CHECK:         %[[HIM:.+]] = tensor.extract_slice %[[A3]][0, 8, 0] [2, 8, 5] [1, 1, 1]
// CHECK:         linalg.generic {{.*}} ins(%[[HRE]], %[[HIM]] : {{.*}} outs(%{{.+}} : tensor<2x8x5xcomplex<f32>>)
func.func @correlation_order3(%a: tensor<2x8x4xf32>, %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>,
    %gk: tensor<4xf32>, %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<16x2x3xf32>, %c3b: tensor<16xf32>,
    %g3: tensor<16xf32>, %b3: tensor<16xf32>) -> tensor<2x8x5xcomplex<f32>> {
  %H = orchid.condition correlation %a, %ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq,
      %c3w, %c3b, %g3, %b3 size 8 {eps = 1.0e-3 : f64}
      : (tensor<2x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<4xf32>, tensor<16x2x3xf32>, tensor<16xf32>, tensor<16xf32>,
         tensor<16xf32>) -> tensor<2x8x5xcomplex<f32>>
  return %H : tensor<2x8x5xcomplex<f32>>
}
