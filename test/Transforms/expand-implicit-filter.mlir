// RUN: orchid-opt %s -split-input-file --orchid-expand-filters | FileCheck %s

// Two kernels of two channels on L = 4 of an 8-point grid, E = 3: the
// embedding [t, Re z, Im z] and the modulation's t and |deltas| are
// constants; normalisation before the modulation (neither reference does
// this: both normalise after it).
// CHECK-LABEL: func.func @filter_before_modulation(
// CHECK-SAME:      %[[WIN:[^:]+]]: tensor<8x3xf32>, %[[BIN:[^:]+]]: tensor<8xf32>, %[[WINNER:[^:]+]]: tensor<2x8x8xf32>, %[[BINNER:[^:]+]]: tensor<2x8xf32>, %[[FREQ:[^:]+]]: tensor<3x8xf32>, %[[WOUT:[^:]+]]: tensor<4x8xf32>)
// CHECK-DAG:     %[[SHIFT:.+]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG:     %[[RATES:.+]] = arith.constant dense<[3.07011342, 7.16359806, 11.2570829, 15.3505669]> : tensor<4xf32>
// CHECK-DAG:     %[[T:.+]] = arith.constant dense<[0.000000e+00, 0.142857149, 0.285714298, 0.428571433]> : tensor<4xf32>
// CHECK-DAG:     %[[EMB:.+]] = arith.constant dense<{{\[}}[0.000000e+00, 1.000000e+00, -0.000000e+00], [0.142857149, 1.000000e+00, -7.85398151E-5], [0.285714298, 1.000000e+00, -1.5707963E-4], [0.428571433, 1.000000e+00, -2.35619445E-4]]> : tensor<4x3xf32>
// CHECK:         %[[F0:.+]] = tensor.extract_slice %[[FREQ]][0, 0] [1, 8] [1, 1]
// CHECK:         %[[WINT:.+]] = linalg.transpose ins(%[[WIN]] : tensor<8x3xf32>)
// CHECK:         %[[L0:.+]] = linalg.matmul ins(%[[EMB]], %[[WINT]] : tensor<4x3xf32>, tensor<3x8xf32>)
// CHECK:         %[[S0:.+]] = linalg.generic {{.*}} ins(%[[L0]], %[[BIN]], %[[F0]] :
// CHECK:           %[[PRE:.+]] = arith.addf
// CHECK:           %[[SCALED:.+]] = arith.mulf %[[PRE]]
// CHECK:           math.sin %[[SCALED]]
// CHECK:         tensor.extract_slice %[[FREQ]][1, 0] [1, 8] [1, 1]
// CHECK:         tensor.extract_slice %[[BINNER]][0, 0] [1, 8] [1, 1]
// CHECK:         tensor.extract_slice %[[WINNER]][0, 0, 0] [1, 8, 8] [1, 1, 1]
// CHECK:         math.sin
// CHECK:         tensor.extract_slice %[[FREQ]][2, 0] [1, 8] [1, 1]
// CHECK:         tensor.extract_slice %[[WINNER]][1, 0, 0] [1, 8, 8] [1, 1, 1]
// CHECK:         %[[S2:.+]] = linalg.generic
// CHECK:           math.sin
// CHECK:         %[[WOUTT:.+]] = linalg.transpose ins(%[[WOUT]] : tensor<4x8xf32>)
// CHECK:         %[[OUT:.+]] = linalg.matmul ins(%[[S2]], %[[WOUTT]] : tensor<4x8xf32>, tensor<8x4xf32>)
// CHECK:         %[[NORM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[OUT]] : tensor<4x4xf32>)
// CHECK:           math.absf
// CHECK:         %[[NORMED:.+]] = linalg.generic {{.*}} ins(%[[OUT]], %[[NORM]] :
// CHECK:           arith.divf
// CHECK:         %[[MOD:.+]] = linalg.generic {{.*}} ins(%[[NORMED]], %[[T]], %[[RATES]] :
// CHECK:           %[[RATE:.+]] = arith.mulf
// CHECK:           %[[NEG:.+]] = arith.negf %[[RATE]]
// CHECK:           %[[DECAY:.+]] = math.exp %[[NEG]]
// CHECK:           arith.addf %[[DECAY]], %[[SHIFT]]
// CHECK:         %[[SPLIT:.+]] = tensor.expand_shape %[[MOD]] {{\[}}[0], [1, 2]] output_shape [4, 2, 2] : tensor<4x4xf32> into tensor<4x2x2xf32>
// CHECK:         %[[H:.+]] = linalg.transpose ins(%[[SPLIT]] : tensor<4x2x2xf32>) {{.*}} permutation = [2, 1, 0]
// CHECK:         return %[[H]] : tensor<2x2x4xf32>
// CHECK-NOT:     orchid.implicit_filter
func.func @filter_before_modulation(%w_in: tensor<8x3xf32>, %b_in: tensor<8xf32>,
    %w_inner: tensor<2x8x8xf32>, %b_inner: tensor<2x8xf32>,
    %freq: tensor<3x8xf32>, %w_out: tensor<4x8xf32>) -> tensor<2x2x4xf32> {
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 8, shift = 0.25,
                               normalize = before_modulation>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<2x2x4xf32>
  return %h : tensor<2x2x4xf32>
}

// -----

// Orchid's static filter normalises after the modulation; E = 5 gives two
// bands with frequencies f = [1e-4, 1]: Im z = -sin(w) at position 2 of an
// 8-point grid is -sin(pi / 2) = -1.
// CHECK-LABEL: func.func @filter_after_modulation(
// CHECK-DAG:     arith.constant dense<{{\[}}[0.000000e+00, 1.000000e+00, 1.000000e+00, -0.000000e+00, -0.000000e+00], [0.142857149, 1.000000e+00, 0.707106769, -7.85398151E-5, -0.707106769], [0.285714298, 1.000000e+00, {{.*}}, -1.5707963E-4, -1.000000e+00]]> : tensor<3x5xf32>
// CHECK-DAG:     %[[T:.+]] = arith.constant dense<[0.000000e+00, 0.142857149, 0.285714298]> : tensor<3xf32>
// CHECK:         %[[MOD:.+]] = linalg.generic {{.*}} ins(%{{.+}}, %[[T]], %{{.+}} :
// CHECK:           math.exp
// CHECK:         %[[NORM:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[MOD]] : tensor<3x2xf32>)
// CHECK:         %[[NORMED:.+]] = linalg.generic {{.*}} ins(%[[MOD]], %[[NORM]] :
// CHECK:         tensor.expand_shape %[[NORMED]] {{\[}}[0], [1, 2]] output_shape [3, 2, 1]
// CHECK:         linalg.transpose {{.*}} permutation = [2, 1, 0]
func.func @filter_after_modulation(%w_in: tensor<4x5xf32>, %b_in: tensor<4xf32>,
    %w_inner: tensor<1x4x4xf32>, %b_inner: tensor<1x4xf32>,
    %freq: tensor<2x4xf32>, %w_out: tensor<2x4xf32>) -> tensor<1x2x3xf32> {
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 8, normalize = after_modulation>}
      : tensor<4x5xf32>, tensor<4xf32>, tensor<1x4x4xf32>, tensor<1x4xf32>,
        tensor<2x4xf32>, tensor<2x4xf32> -> tensor<1x2x3xf32>
  return %h : tensor<1x2x3xf32>
}

// -----

// With grid = extrapolate, L = 10 > l_max = 4 continues the grid with the
// same step: t = i / 3 passes 1.
// CHECK-LABEL: func.func @filter_extrapolated(
// CHECK:         arith.constant dense<[0.000000e+00, 0.333333343, 0.666666686, 1.000000e+00, 1.33333337, 1.66666663, 2.000000e+00, 2.33333325, 2.66666675, 3.000000e+00]> : tensor<10xf32>
// CHECK-NOT:     iterator_types = ["parallel", "reduction"]
// CHECK:         return {{.*}} : tensor<1x2x10xf32>
func.func @filter_extrapolated(%w_in: tensor<4x3xf32>, %b_in: tensor<4xf32>,
    %w_inner: tensor<0x4x4xf32>, %b_inner: tensor<0x4xf32>,
    %freq: tensor<1x4xf32>, %w_out: tensor<2x4xf32>) -> tensor<1x2x10xf32> {
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 4, grid = extrapolate>}
      : tensor<4x3xf32>, tensor<4xf32>, tensor<0x4x4xf32>, tensor<0x4xf32>,
        tensor<1x4xf32>, tensor<2x4xf32> -> tensor<1x2x10xf32>
  return %h : tensor<1x2x10xf32>
}

// -----

// A trained filter's stored state: the first L = 4 rows of z replace the
// embedding constant, the stored deltas are used by magnitude; w_mod
// scales every Sin layer's frequencies. t stays the grid.
// CHECK-LABEL: func.func @filter_stored_state(
// CHECK-SAME:      %[[WOUT:[^:]+]]: tensor<2x4xf32>, %[[Z:[^:]+]]: tensor<8x3xf32>, %[[DELTAS:[^:]+]]: tensor<2xf32>)
// CHECK-DAG:     %[[WMOD:.+]] = arith.constant 1.000000e+01 : f32
// CHECK-DAG:     %[[T:.+]] = arith.constant dense<[0.000000e+00, 0.142857149, 0.285714298, 0.428571433]> : tensor<4xf32>
// CHECK-NOT:     arith.constant dense<{{.*}}> : tensor<4x3xf32>
// CHECK:         %[[ZL:.+]] = tensor.extract_slice %[[Z]][0, 0] [4, 3] [1, 1] : tensor<8x3xf32> to tensor<4x3xf32>
// CHECK:         linalg.matmul ins(%[[ZL]], %{{.+}} : tensor<4x3xf32>, tensor<3x4xf32>)
// CHECK:         linalg.generic
// CHECK:           %[[PRE:.+]] = arith.addf
// CHECK:           %[[F:.+]] = arith.mulf %{{.+}}, %[[WMOD]] : f32
// CHECK:           %[[X:.+]] = arith.mulf %[[PRE]], %[[F]] : f32
// CHECK:           math.sin %[[X]]
// CHECK:         linalg.generic {{.*}} ins(%{{.+}}, %[[T]], %[[DELTAS]] :
// CHECK:           %[[RATE:.+]] = math.absf
// CHECK:           arith.mulf %{{.+}}, %[[RATE]]
// CHECK:           math.exp
func.func @filter_stored_state(%w_in: tensor<4x3xf32>, %b_in: tensor<4xf32>,
    %w_inner: tensor<0x4x4xf32>, %b_inner: tensor<0x4xf32>,
    %freq: tensor<1x4xf32>, %w_out: tensor<2x4xf32>, %z: tensor<8x3xf32>,
    %deltas: tensor<2xf32>) -> tensor<1x2x4xf32> {
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      z(%z : tensor<8x3xf32>) deltas(%deltas : tensor<2xf32>)
      {config = #orchid.filter<l_max = 8, w_mod = 10.0>}
      : tensor<4x3xf32>, tensor<4xf32>, tensor<0x4x4xf32>, tensor<0x4xf32>,
        tensor<1x4xf32>, tensor<2x4xf32> -> tensor<1x2x4xf32>
  return %h : tensor<1x2x4xf32>
}

// -----

// modulate = false: the FFN output is the kernel, no window at all.
// CHECK-LABEL: func.func @filter_unmodulated(
// CHECK-NOT:     math.exp
// CHECK:         return {{.*}} : tensor<1x2x4xf32>
func.func @filter_unmodulated(%w_in: tensor<4x3xf32>, %b_in: tensor<4xf32>,
    %w_inner: tensor<0x4x4xf32>, %b_inner: tensor<0x4xf32>,
    %freq: tensor<1x4xf32>, %w_out: tensor<2x4xf32>, %deltas: tensor<2xf32>)
    -> tensor<1x2x4xf32> {
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      deltas(%deltas : tensor<2xf32>)
      {config = #orchid.filter<l_max = 8, modulate = false>}
      : tensor<4x3xf32>, tensor<4xf32>, tensor<0x4x4xf32>, tensor<0x4xf32>,
        tensor<1x4xf32>, tensor<2x4xf32> -> tensor<1x2x4xf32>
  return %h : tensor<1x2x4xf32>
}

// -----

// grid = zero_pad, L = 10 > l_max = 4 (Orchid): the network runs on the
// l_max rows of the stored z, and the kernels are zero beyond.
// CHECK-LABEL: func.func @filter_zero_padded(
// CHECK-SAME:      %[[Z:[^:]+]]: tensor<4x3xf32>)
// CHECK:         linalg.matmul ins(%[[Z]], %{{.+}} : tensor<4x3xf32>, tensor<3x4xf32>)
// CHECK:         %[[H:.+]] = linalg.matmul ins(%{{.+}}, %{{.+}} : tensor<4x4xf32>, tensor<4x2xf32>)
// CHECK:         %[[MOD:.+]] = linalg.generic {{.*}} ins(%[[H]], %{{.+}}, %{{.+}} : tensor<4x2xf32>, tensor<4xf32>, tensor<2xf32>)
// CHECK:         %[[ZEROS:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<6x2xf32>)
// CHECK:         %[[PART:.+]] = tensor.insert_slice %[[MOD]] into %{{.+}}[0, 0] [4, 2] [1, 1] : tensor<4x2xf32> into tensor<10x2xf32>
// CHECK:         tensor.insert_slice %[[ZEROS]] into %[[PART]][4, 0] [6, 2] [1, 1] : tensor<6x2xf32> into tensor<10x2xf32>
// CHECK:         return {{.*}} : tensor<1x2x10xf32>
func.func @filter_zero_padded(%w_in: tensor<4x3xf32>, %b_in: tensor<4xf32>,
    %w_inner: tensor<1x4x4xf32>, %b_inner: tensor<1x4xf32>,
    %freq: tensor<2x4xf32>, %w_out: tensor<2x4xf32>, %z: tensor<4x3xf32>)
    -> tensor<1x2x10xf32> {
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      z(%z : tensor<4x3xf32>)
      {config = #orchid.filter<l_max = 4, grid = zero_pad>}
      : tensor<4x3xf32>, tensor<4xf32>, tensor<1x4x4xf32>, tensor<1x4xf32>,
        tensor<2x4xf32>, tensor<2x4xf32> -> tensor<1x2x10xf32>
  return %h : tensor<1x2x10xf32>
}
