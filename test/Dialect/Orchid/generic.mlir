// RUN: orchid-opt %s --mlir-print-op-generic | FileCheck %s
// RUN: orchid-opt %s --mlir-print-op-generic | orchid-opt | FileCheck %s --check-prefix=CUSTOM

// The generic form spells every attribute, defaults included, and parses
// back to the same ops.

// CHECK-LABEL: sym_name = "convs"
// CHECK: "orchid.rfft"(%{{.*}}) <{n = 16 : i64, norm = #orchid<fft_norm backward>}> : (tensor<1x4x8xf32>) -> tensor<1x4x9xcomplex<f32>>
// CHECK: "orchid.irfft"(%{{.*}}) <{n = 16 : i64, norm = #orchid<fft_norm forward>}> : (tensor<1x4x9xcomplex<f32>>) -> tensor<1x4x8xf32>
// CHECK: "orchid.fftconv"(%{{.*}}, %{{.*}}, %{{.*}}) <{fft_size = 16 : i64, mode = #orchid<conv_mode bidirectional>, scale = 5.000000e-01 : f64}>
// CHECK: "orchid.spectral_conv"(%{{.*}}, %{{.*}}, %{{.*}}) <{n = 16 : i64, wrap}>
// CHECK: "orchid.short_conv"(%{{.*}}, %{{.*}}, %{{.*}}) <{padding = #orchid<padding centered>}>
// CUSTOM-LABEL: func @convs
// CUSTOM: orchid.rfft %{{.*}} size 16 : tensor<1x4x8xf32>
// CUSTOM: orchid.irfft %{{.*}} size 16 norm forward
// CUSTOM: orchid.fftconv bidirectional %{{.*}} {fft_size = 16 : i64, scale = 5.000000e-01 : f64}
// CUSTOM: orchid.spectral_conv %{{.*}} size 16 wrap
// CUSTOM: orchid.short_conv centered
func.func @convs(%u: tensor<1x4x8xf32>, %kb: tensor<4x15xf32>,
                 %b: tensor<4xf32>, %w: tensor<4x3xf32>) -> tensor<1x4x8xf32> {
  %X = orchid.rfft %u size 16 : tensor<1x4x8xf32> -> tensor<1x4x9xcomplex<f32>>
  %x = orchid.irfft %X size 16 norm forward
      : tensor<1x4x9xcomplex<f32>> -> tensor<1x4x8xf32>
  %0 = orchid.fftconv bidirectional %x, %kb, %b {scale = 0.5 : f64, fft_size = 16 : i64}
      : tensor<1x4x8xf32>, tensor<4x15xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  %1 = orchid.spectral_conv %0, %X, %b size 16 wrap
      : tensor<1x4x8xf32>, tensor<1x4x9xcomplex<f32>>, tensor<4xf32>
        -> tensor<1x4x8xf32>
  %2 = orchid.short_conv centered %1, %w, %b
      : tensor<1x4x8xf32>, tensor<4x3xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return %2 : tensor<1x4x8xf32>
}

// CHECK-LABEL: sym_name = "filter_and_condition"
// The optional stored state is part of the segment sizes.
// CHECK: "orchid.implicit_filter"({{.*}}) <{config = #orchid.filter<l_max = 64, normalize = before_modulation>, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 1, 0, 0>}>
// CHECK: "orchid.condition"({{.*}}) <{eps = 1.000000e-05 : f64, kind = #orchid<condition_kind spectral>, n = 16 : i64}>
// CUSTOM-LABEL: func @filter_and_condition
// CUSTOM: orchid.implicit_filter {{.*}} {config = #orchid.filter<l_max = 64, normalize = before_modulation>}
// CUSTOM: orchid.condition spectral {{.*}} size 16 :
func.func @filter_and_condition(%w_in: tensor<8x3xf32>, %b_in: tensor<8xf32>,
    %w_inner: tensor<2x8x8xf32>, %b_inner: tensor<2x8xf32>,
    %freq: tensor<3x8xf32>, %w_out: tensor<4x8xf32>, %a: tensor<1x8x4xf32>,
    %c1w: tensor<4x3xf32>, %v4: tensor<4xf32>, %c2w: tensor<8x3xf32>,
    %v8: tensor<8xf32>) -> (tensor<1x4x16xf32>, tensor<1x4x9xcomplex<f32>>) {
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 64, normalize = before_modulation>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  %H = orchid.condition spectral %a, %c1w, %v4, %v4, %v4, %c2w, %v8, %v8, %v8
      size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>,
        tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>,
        tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  return %h, %H : tensor<1x4x16xf32>, tensor<1x4x9xcomplex<f32>>
}

// CHECK-LABEL: sym_name = "blocks"
// CHECK: "orchid.hyena"({{.*}}) <{filter = #orchid.filter<l_max = 8>, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0>, order = 2 : i64}>
// The operand groups of orchid.orchid become a segment-size property.
// CHECK: "orchid.orchid"({{.*}}) <{alpha_adapt = 1.000000e+00 : f64, causal_condition = true, condition = #orchid<condition_kind spectral>, eps = 1.000000e-05 : f64, filter = #orchid.filter<l_max = 8>, mode = #orchid<conv_mode circular>, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 7, 0, 0, 0, 8, 0, 0, 0, 0, 1, 1>, order = 2 : i64}>
// CUSTOM-LABEL: func @blocks
// CUSTOM: orchid.hyena
// CUSTOM: orchid.orchid circular spectral {{.*}} residual() out(
func.func @blocks(%x: tensor<1x8x4xf32>, %in_w: tensor<12x4xf32>,
    %v12: tensor<12xf32>, %sw: tensor<12x3xf32>, %w_in: tensor<16x3xf32>,
    %v16: tensor<16xf32>, %w_inner: tensor<2x16x16xf32>,
    %b_inner: tensor<2x16xf32>, %freq: tensor<3x16xf32>,
    %w_out: tensor<4x16xf32>, %v4: tensor<4xf32>, %c4: tensor<4x3xf32>,
    %c8: tensor<8x3xf32>, %v8: tensor<8xf32>, %out_w: tensor<4x4xf32>)
    -> tensor<1x8x4xf32> {
  %0 = orchid.hyena %x, %in_w, %v12, %sw, %v12,
      %w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %v4,
      %out_w, %v4 {order = 2 : i64, filter = #orchid.filter<l_max = 8>}
      : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>,
         tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>,
         tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
         tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  %1 = orchid.orchid circular spectral %0, %in_w, %v12, %sw, %v12
      filter(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %v4)
      condition(%c4, %v4, %v4, %v4, %c8, %v8, %v8, %v8)
      residual()
      out(%out_w, %v4)
      {order = 2 : i64, filter = #orchid.filter<l_max = 8>}
      : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
         tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return %1 : tensor<1x8x4xf32>
}
