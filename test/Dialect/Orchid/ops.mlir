// RUN: orchid-opt %s | orchid-opt | FileCheck %s

// Round trip of every orchid op through the custom assembly format, with
// static and dynamic sequence lengths, every enum value and every optional
// attribute.

// CHECK-LABEL: func @rfft
func.func @rfft(%x: tensor<2x4x8xf32>, %y: tensor<4x?xf32>)
    -> (tensor<2x4x9xcomplex<f32>>, tensor<2x4x5xcomplex<f32>>,
        tensor<4x9xcomplex<f32>>) {
  // CHECK: orchid.rfft %{{.*}} size 16 : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
  %0 = orchid.rfft %x size 16 : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
  // CHECK: orchid.rfft %{{.*}} size 8 norm forward : tensor<2x4x8xf32> -> tensor<2x4x5xcomplex<f32>>
  %1 = orchid.rfft %x size 8 norm forward
      : tensor<2x4x8xf32> -> tensor<2x4x5xcomplex<f32>>
  // The default normalisation is not printed.
  // CHECK: orchid.rfft %{{.*}} size 16 : tensor<4x?xf32> -> tensor<4x9xcomplex<f32>>
  %2 = orchid.rfft %y size 16 norm backward
      : tensor<4x?xf32> -> tensor<4x9xcomplex<f32>>
  return %0, %1, %2 : tensor<2x4x9xcomplex<f32>>, tensor<2x4x5xcomplex<f32>>,
      tensor<4x9xcomplex<f32>>
}

// CHECK-LABEL: func @irfft
func.func @irfft(%X: tensor<2x4x9xcomplex<f32>>, %Y: tensor<?x9xcomplex<f32>>)
    -> (tensor<2x4x8xf32>, tensor<2x4x16xf32>, tensor<?x?xf32>) {
  // CHECK: orchid.irfft %{{.*}} size 16 : tensor<2x4x9xcomplex<f32>> -> tensor<2x4x8xf32>
  %0 = orchid.irfft %X size 16 : tensor<2x4x9xcomplex<f32>> -> tensor<2x4x8xf32>
  // CHECK: orchid.irfft %{{.*}} size 16 norm forward : tensor<2x4x9xcomplex<f32>> -> tensor<2x4x16xf32>
  %1 = orchid.irfft %X size 16 norm forward
      : tensor<2x4x9xcomplex<f32>> -> tensor<2x4x16xf32>
  // CHECK: orchid.irfft %{{.*}} size 17 : tensor<?x9xcomplex<f32>> -> tensor<?x?xf32>
  %2 = orchid.irfft %Y size 17 : tensor<?x9xcomplex<f32>> -> tensor<?x?xf32>
  return %0, %1, %2 : tensor<2x4x8xf32>, tensor<2x4x16xf32>, tensor<?x?xf32>
}

// CHECK-LABEL: func @fftconv
func.func @fftconv(%u: tensor<1x4x8xf32>, %k: tensor<4x8xf32>,
                   %kb: tensor<4x15xf32>, %kp: tensor<1x4x8xf32>,
                   %b: tensor<4xf32>) -> tensor<1x4x8xf32> {
  // CHECK: orchid.fftconv causal %{{.*}}, %{{.*}}, %{{.*}} : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  %0 = orchid.fftconv causal %u, %k, %b
      : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  // CHECK: orchid.fftconv bidirectional %{{.*}} {fft_size = 16 : i64} : tensor<1x4x8xf32>, tensor<4x15xf32>
  %1 = orchid.fftconv bidirectional %0, %kb, %b {fft_size = 16 : i64}
      : tensor<1x4x8xf32>, tensor<4x15xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  // CHECK: orchid.fftconv circular %{{.*}} {fft_size = 8 : i64, scale = 1.250000e-01 : f64} : tensor<1x4x8xf32>, tensor<1x4x8xf32>
  %2 = orchid.fftconv circular %1, %kp, %b {scale = 0.125 : f64, fft_size = 8 : i64}
      : tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  // The default scale is not printed.
  // CHECK: orchid.fftconv circular %{{.*}} : tensor<1x4x8xf32>, tensor<4x8xf32>
  %3 = orchid.fftconv circular %2, %k, %b {scale = 1.0 : f64}
      : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return %3 : tensor<1x4x8xf32>
}

// CHECK-LABEL: func @fftconv_dynamic
func.func @fftconv_dynamic(%u: tensor<?x4x?xf32>, %k: tensor<4x?xf32>,
                           %kp: tensor<?x4x?xf32>, %b: tensor<4xf32>)
    -> tensor<?x4x?xf32> {
  // CHECK: orchid.fftconv causal %{{.*}} : tensor<?x4x?xf32>, tensor<4x?xf32>, tensor<4xf32> -> tensor<?x4x?xf32>
  %0 = orchid.fftconv causal %u, %k, %b
      : tensor<?x4x?xf32>, tensor<4x?xf32>, tensor<4xf32> -> tensor<?x4x?xf32>
  // CHECK: orchid.fftconv bidirectional %{{.*}} {fft_size = 4 : i64} : tensor<?x4x?xf32>, tensor<?x4x?xf32>
  %1 = orchid.fftconv bidirectional %0, %kp, %b {fft_size = 4 : i64}
      : tensor<?x4x?xf32>, tensor<?x4x?xf32>, tensor<4xf32> -> tensor<?x4x?xf32>
  return %1 : tensor<?x4x?xf32>
}

// CHECK-LABEL: func @spectral_conv
func.func @spectral_conv(%u: tensor<2x4x8xf32>, %K: tensor<4x9xcomplex<f32>>,
                         %Kb: tensor<2x4x5xcomplex<f32>>, %b: tensor<4xf32>,
                         %v: tensor<2x4x?xf32>) -> (tensor<2x4x8xf32>,
                         tensor<2x4x?xf32>) {
  // CHECK: orchid.spectral_conv %{{.*}}, %{{.*}}, %{{.*}} size 16 : tensor<2x4x8xf32>, tensor<4x9xcomplex<f32>>, tensor<4xf32> -> tensor<2x4x8xf32>
  %0 = orchid.spectral_conv %u, %K, %b size 16
      : tensor<2x4x8xf32>, tensor<4x9xcomplex<f32>>, tensor<4xf32>
        -> tensor<2x4x8xf32>
  // CHECK: orchid.spectral_conv %{{.*}} size 16 wrap : tensor<2x4x8xf32>
  %1 = orchid.spectral_conv %0, %K, %b size 16 wrap
      : tensor<2x4x8xf32>, tensor<4x9xcomplex<f32>>, tensor<4xf32>
        -> tensor<2x4x8xf32>
  // CHECK: orchid.spectral_conv %{{.*}} size 8 : tensor<2x4x8xf32>, tensor<2x4x5xcomplex<f32>>
  %2 = orchid.spectral_conv %1, %Kb, %b size 8
      : tensor<2x4x8xf32>, tensor<2x4x5xcomplex<f32>>, tensor<4xf32>
        -> tensor<2x4x8xf32>
  // CHECK: orchid.spectral_conv %{{.*}} size 16 wrap : tensor<2x4x?xf32>
  %3 = orchid.spectral_conv %v, %K, %b size 16 wrap
      : tensor<2x4x?xf32>, tensor<4x9xcomplex<f32>>, tensor<4xf32>
        -> tensor<2x4x?xf32>
  return %2, %3 : tensor<2x4x8xf32>, tensor<2x4x?xf32>
}

// CHECK-LABEL: func @short_conv
func.func @short_conv(%x: tensor<1x12x8xf32>, %w: tensor<12x3xf32>,
                      %b: tensor<12xf32>, %y: tensor<?x12x?xf32>,
                      %w4: tensor<12x4xf32>)
    -> (tensor<1x12x8xf32>, tensor<?x12x?xf32>) {
  // CHECK: orchid.short_conv causal %{{.*}} : tensor<1x12x8xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<1x12x8xf32>
  %0 = orchid.short_conv causal %x, %w, %b
      : tensor<1x12x8xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<1x12x8xf32>
  // CHECK: orchid.short_conv centered %{{.*}} : tensor<1x12x8xf32>, tensor<12x3xf32>
  %1 = orchid.short_conv centered %0, %w, %b
      : tensor<1x12x8xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<1x12x8xf32>
  // Causal short convolutions may have even kernels.
  // CHECK: orchid.short_conv causal %{{.*}} : tensor<?x12x?xf32>, tensor<12x4xf32>
  %2 = orchid.short_conv causal %y, %w4, %b
      : tensor<?x12x?xf32>, tensor<12x4xf32>, tensor<12xf32> -> tensor<?x12x?xf32>
  return %1, %2 : tensor<1x12x8xf32>, tensor<?x12x?xf32>
}

// CHECK-LABEL: func @implicit_filter
func.func @implicit_filter(%w_in: tensor<8x3xf32>, %b_in: tensor<8xf32>,
                           %w_inner: tensor<2x8x8xf32>, %b_inner: tensor<2x8xf32>,
                           %freq: tensor<3x8xf32>, %w_out: tensor<4x8xf32>)
    -> (tensor<1x4x16xf32>, tensor<2x2x?xf32>, tensor<1x4x128xf32>) {
  // CHECK: orchid.implicit_filter %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {config = #orchid.filter<l_max = 64>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  %0 = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 64>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  // Every filter parameter, with non-default values.
  // CHECK: {config = #orchid.filter<l_max = 64, shift = 5.000000e-02, target = 1.000000e-01, fast_decay_pct = 5.000000e-01, slow_decay_pct = 2.000000e+00, normalize = after_modulation>}
  // CHECK-SAME: -> tensor<2x2x?xf32>
  %1 = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 64, shift = 0.05, target = 0.1,
                               fast_decay_pct = 0.5, slow_decay_pct = 2.0,
                               normalize = after_modulation>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<2x2x?xf32>
  // Lengths above l_max need an extrapolated grid.
  // CHECK: {config = #orchid.filter<l_max = 64, normalize = before_modulation, grid = extrapolate>}
  // CHECK-SAME: -> tensor<1x4x128xf32>
  %2 = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 64, normalize = before_modulation,
                               grid = extrapolate>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x128xf32>
  return %0, %1, %2 : tensor<1x4x16xf32>, tensor<2x2x?xf32>, tensor<1x4x128xf32>
}

// CHECK-LABEL: func @implicit_filter_stored_state
func.func @implicit_filter_stored_state(%w_in: tensor<8x3xf32>,
    %b_in: tensor<8xf32>, %w_inner: tensor<2x8x8xf32>,
    %b_inner: tensor<2x8xf32>, %freq: tensor<3x8xf32>, %w_out: tensor<4x8xf32>,
    %z: tensor<64x3xf32>, %deltas: tensor<4xf32>)
    -> (tensor<1x4x16xf32>, tensor<2x2x100xf32>, tensor<1x4x?xf32>) {
  // Stored embedding and rates; every switch away from its default.
  // CHECK: orchid.implicit_filter {{.*}} z(%{{.*}} : tensor<64x3xf32>) deltas(%{{.*}} : tensor<4xf32>) {config = #orchid.filter<l_max = 64, modulate = false, bias = false, w_mod = 1.000000e+01>} : tensor<8x3xf32>
  %0 = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      z(%z : tensor<64x3xf32>) deltas(%deltas : tensor<4xf32>)
      {config = #orchid.filter<l_max = 64, modulate = false, bias = false,
                               w_mod = 10.0>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  // Only z, past l_max with zero padding.
  // CHECK: orchid.implicit_filter {{.*}} z(%{{.*}} : tensor<64x3xf32>) {config = #orchid.filter<l_max = 64, grid = zero_pad>}
  // CHECK-SAME: -> tensor<2x2x100xf32>
  %1 = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      z(%z : tensor<64x3xf32>)
      {config = #orchid.filter<l_max = 64, grid = zero_pad>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<2x2x100xf32>
  // Only deltas; the defaults of the new switches are elided.
  // CHECK: orchid.implicit_filter {{.*}} deltas(%{{.*}} : tensor<4xf32>) {config = #orchid.filter<l_max = 64>}
  // CHECK-SAME: -> tensor<1x4x?xf32>
  %2 = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      deltas(%deltas : tensor<4xf32>)
      {config = #orchid.filter<l_max = 64, modulate = true, bias = true,
                               w_mod = 1.0>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x?xf32>
  return %0, %1, %2 : tensor<1x4x16xf32>, tensor<2x2x100xf32>, tensor<1x4x?xf32>
}

// CHECK-LABEL: func @implicit_filter_defaults
func.func @implicit_filter_defaults(%w_in: tensor<8x3xf32>, %b_in: tensor<8xf32>,
    %w_inner: tensor<0x8x8xf32>, %b_inner: tensor<0x8xf32>,
    %freq: tensor<1x8xf32>, %w_out: tensor<4x8xf32>) -> tensor<1x4x16xf32> {
  // Default values are elided; no inner layers is allowed.
  // CHECK: {config = #orchid.filter<l_max = 16>} : tensor<8x3xf32>, tensor<8xf32>, tensor<0x8x8xf32>, tensor<0x8xf32>, tensor<1x8xf32>, tensor<4x8xf32>
  %0 = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 16, shift = 0.0, target = 1.0e-2,
                               fast_decay_pct = 0.3, slow_decay_pct = 1.5,
                               normalize = none, grid = reject>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<0x8x8xf32>, tensor<0x8xf32>,
        tensor<1x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
  return %0 : tensor<1x4x16xf32>
}

// CHECK-LABEL: func @condition_spectral
func.func @condition_spectral(%a: tensor<1x8x4xf32>, %c1w: tensor<4x3xf32>,
    %v4: tensor<4xf32>, %c2w: tensor<8x5xf32>, %v8: tensor<8xf32>,
    %ad: tensor<2x?x4xf32>)
    -> (tensor<1x4x9xcomplex<f32>>, tensor<2x4x33xcomplex<f32>>) {
  // CHECK: orchid.condition spectral %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x5xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  %0 = orchid.condition spectral %a, %c1w, %v4, %v4, %v4, %c2w, %v8, %v8, %v8
      size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>,
        tensor<4xf32>, tensor<4xf32>, tensor<8x5xf32>, tensor<8xf32>,
        tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
  // CHECK: orchid.condition spectral {{.*}} size 64 {eps = 7.812500e-03 : f64} : (tensor<2x?x4xf32>
  %1 = orchid.condition spectral %ad, %c1w, %v4, %v4, %v4, %c2w, %v8, %v8, %v8
      size 64 {eps = 0.0078125 : f64} : (tensor<2x?x4xf32>, tensor<4x3xf32>,
        tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8x5xf32>,
        tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x4x33xcomplex<f32>>
  return %0, %1 : tensor<1x4x9xcomplex<f32>>, tensor<2x4x33xcomplex<f32>>
}

// CHECK-LABEL: func @condition_correlation
func.func @condition_correlation(%a: tensor<1x8x4xf32>, %w: tensor<4x3xf32>,
    %v4: tensor<4xf32>, %w3: tensor<16x2x3xf32>, %v16: tensor<16xf32>)
    -> tensor<1x8x5xcomplex<f32>> {
  // An order-3 conditioning network: C = 2 D output channels.
  // CHECK: orchid.condition correlation {{.*}} size 8 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<16x2x3xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x8x5xcomplex<f32>>
  %0 = orchid.condition correlation %a, %w, %v4, %v4, %v4, %w, %v4, %v4, %v4,
      %w3, %v16, %v16, %v16 size 8
      : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<4xf32>, tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<4xf32>, tensor<16x2x3xf32>, tensor<16xf32>, tensor<16xf32>,
         tensor<16xf32>) -> tensor<1x8x5xcomplex<f32>>
  return %0 : tensor<1x8x5xcomplex<f32>>
}

// CHECK-LABEL: func @hyena
func.func @hyena(%x: tensor<1x8x4xf32>, %in_w: tensor<12x4xf32>,
    %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>, %sb: tensor<12xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<1x8x4xf32> {
  // CHECK: orchid.hyena %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {filter = #orchid.filter<l_max = 8>, order = 2 : i64} : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb,
      %fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias,
      %out_w, %out_b {order = 2 : i64, filter = #orchid.filter<l_max = 8>}
      : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>,
         tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>,
         tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
         tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return %y : tensor<1x8x4xf32>
}

// CHECK-LABEL: func @hyena_stored_state
func.func @hyena_stored_state(%x: tensor<1x8x4xf32>, %in_w: tensor<12x4xf32>,
    %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>, %sb: tensor<12xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>, %z: tensor<16x3xf32>)
    -> (tensor<1x8x4xf32>, tensor<1x8x4xf32>) {
  // CHECK: orchid.hyena {{.*}} filter_z(%{{[^)]+}}) filter_deltas(%{{[^)]+}}) {filter = #orchid.filter<l_max = 16, bias = false, normalize = after_modulation>, order = 2 : i64} : ({{.*}}, tensor<4x4xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  %0 = orchid.hyena %x, %in_w, %in_b, %sw, %sb,
      %fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias,
      %out_w, %out_b filter_z(%z) filter_deltas(%fbias)
      {order = 2 : i64, filter = #orchid.filter<l_max = 16, bias = false,
                                                normalize = after_modulation>}
      : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>,
         tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>,
         tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
         tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<4x4xf32>, tensor<4xf32>, tensor<16x3xf32>, tensor<4xf32>)
      -> tensor<1x8x4xf32>
  // Only the rates.
  // CHECK: orchid.hyena {{.*}} filter_deltas(%{{[^)]+}}) {filter = #orchid.filter<l_max = 16, modulate = false>, order = 2 : i64}
  // CHECK-NOT: filter_z
  %1 = orchid.hyena %0, %in_w, %in_b, %sw, %sb,
      %fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias,
      %out_w, %out_b filter_deltas(%fbias)
      {order = 2 : i64, filter = #orchid.filter<l_max = 16, modulate = false>}
      : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>,
         tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>,
         tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
         tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<4x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return %0, %1 : tensor<1x8x4xf32>, tensor<1x8x4xf32>
}

// CHECK-LABEL: func @hyena_order3_dynamic
func.func @hyena_order3_dynamic(%x: tensor<?x?x4xf32>, %in_w: tensor<16x4xf32>,
    %in_b: tensor<16xf32>, %sw: tensor<16x5xf32>, %sb: tensor<16xf32>,
    %fw_in: tensor<16x5xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<1x16x16xf32>, %fb_inner: tensor<1x16xf32>,
    %ffreq: tensor<2x16xf32>, %fw_out: tensor<8x16xf32>, %fbias: tensor<8xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<?x?x4xf32> {
  // CHECK: orchid.hyena {{.*}} {filter = #orchid.filter<l_max = 1024>, order = 3 : i64} : (tensor<?x?x4xf32>, tensor<16x4xf32>
  // CHECK-SAME: -> tensor<?x?x4xf32>
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb,
      %fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias,
      %out_w, %out_b {order = 3 : i64, filter = #orchid.filter<l_max = 1024>}
      : (tensor<?x?x4xf32>, tensor<16x4xf32>, tensor<16xf32>,
         tensor<16x5xf32>, tensor<16xf32>, tensor<16x5xf32>,
         tensor<16xf32>, tensor<1x16x16xf32>, tensor<1x16xf32>,
         tensor<2x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x?x4xf32>
  return %y : tensor<?x?x4xf32>
}

// Orchid blocks of order 2 with D = 4, L = 8: filter weights (W = 16),
// filter bias, condition weights and, optionally, the residual filter.

// CHECK-LABEL: func @orchid_spectral_residual
func.func @orchid_spectral_residual(%x: tensor<1x8x4xf32>,
    %in_w: tensor<12x4xf32>, %v12: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %w_in: tensor<16x3xf32>, %v16: tensor<16xf32>, %w_inner: tensor<2x16x16xf32>,
    %b_inner: tensor<2x16xf32>, %freq: tensor<3x16xf32>, %w_out: tensor<4x16xf32>,
    %v4: tensor<4xf32>, %c4: tensor<4x3xf32>, %c8: tensor<8x3xf32>,
    %v8: tensor<8xf32>, %out_w: tensor<4x4xf32>) -> tensor<1x8x4xf32> {
  // CHECK: orchid.orchid circular spectral %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}} filter(%{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}) condition(%{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}) residual(%{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}) out(%{{[^,)]+}}, %{{[^,)]+}})
  // CHECK-SAME: {eps = 7.812500e-03 : f64, filter = #orchid.filter<l_max = 8, normalize = after_modulation>, order = 2 : i64, residual_filter = #orchid.filter<l_max = 16, shift = 1.000000e-01>}
  // CHECK-NOT: operandSegmentSizes
  // CHECK-SAME: -> tensor<1x8x4xf32>
  %y = orchid.orchid circular spectral %x, %in_w, %v12, %sw, %v12
      filter(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %v4)
      condition(%c4, %v4, %v4, %v4, %c8, %v8, %v8, %v8)
      residual(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %v4)
      out(%out_w, %v4)
      {order = 2 : i64, eps = 0.0078125 : f64,
       filter = #orchid.filter<l_max = 8, normalize = after_modulation>,
       residual_filter = #orchid.filter<l_max = 16, shift = 0.1>}
      : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
         tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
  return %y : tensor<1x8x4xf32>
}

// CHECK-LABEL: func @orchid_correlation
func.func @orchid_correlation(%x: tensor<2x?x4xf32>,
    %in_w: tensor<12x4xf32>, %v12: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %w_in: tensor<16x3xf32>, %v16: tensor<16xf32>, %w_inner: tensor<2x16x16xf32>,
    %b_inner: tensor<2x16xf32>, %freq: tensor<3x16xf32>, %w_out: tensor<4x16xf32>,
    %v4: tensor<4xf32>, %c4: tensor<4x3xf32>, %c8: tensor<8x3xf32>,
    %c823: tensor<8x2x3xf32>, %v8: tensor<8xf32>, %out_w: tensor<4x4xf32>)
    -> (tensor<2x?x4xf32>, tensor<2x?x4xf32>) {
  // No residual convolution: an empty group and no residual_filter.
  // CHECK: orchid.orchid causal correlation {{.*}} condition(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) residual() out(%{{[^,)]+}}, %{{[^,)]+}})
  // CHECK-SAME: {filter = #orchid.filter<l_max = 8, grid = extrapolate>, order = 2 : i64} : (tensor<2x?x4xf32>
  %0 = orchid.orchid causal correlation %x, %in_w, %v12, %sw, %v12
      filter(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %v4)
      condition(%c4, %v4, %v4, %v4, %c4, %v4, %v4, %v4, %c823, %v8, %v8, %v8)
      residual()
      out(%out_w, %v4)
      {order = 2 : i64, filter = #orchid.filter<l_max = 8, grid = extrapolate>}
      : (tensor<2x?x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
         tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x?x4xf32>
  // Bidirectional static filters: the reverse FFN, no conditioning causal
  // flag (false), an adapted conditioning weight.
  // CHECK: orchid.orchid bidirectional spectral {{.*}} filter_reverse(%{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}, %{{[^,)]+}}) condition({{.*}}) residual() out(%{{[^,)]+}}, %{{[^,)]+}})
  // CHECK-SAME: {alpha_adapt = 2.500000e-01 : f64, causal_condition = false, filter = #orchid.filter<l_max = 8>, order = 2 : i64}
  %1 = orchid.orchid bidirectional spectral %0, %in_w, %v12, %sw, %v12
      filter(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %v4)
      filter_reverse(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out)
      condition(%c4, %v4, %v4, %v4, %c8, %v8, %v8, %v8)
      residual()
      out(%out_w, %v4)
      {order = 2 : i64, filter = #orchid.filter<l_max = 8>,
       alpha_adapt = 0.25 : f64, causal_condition = false}
      : (tensor<2x?x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
         tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x?x4xf32>
  return %0, %1 : tensor<2x?x4xf32>, tensor<2x?x4xf32>
}

// Every optional operand group of orchid.orchid: stored state of both
// filters, bidirectional reverse filters, zero-padded grids past l_max.
// CHECK-LABEL: func @orchid_every_group
func.func @orchid_every_group(%x: tensor<2x12x4xf32>,
    %in_w: tensor<12x4xf32>, %v12: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %w_in: tensor<16x3xf32>, %v16: tensor<16xf32>, %w_inner: tensor<2x16x16xf32>,
    %b_inner: tensor<2x16xf32>, %freq: tensor<3x16xf32>, %w_out: tensor<4x16xf32>,
    %v4: tensor<4xf32>, %z: tensor<8x3xf32>, %c4: tensor<4x3xf32>,
    %c823: tensor<8x2x3xf32>, %v8: tensor<8xf32>, %out_w: tensor<4x4xf32>)
    -> tensor<2x12x4xf32> {
  // CHECK: orchid.orchid bidirectional correlation {{.*}} filter(%{{.*}}) filter_z(%{{[^)]+}}) filter_deltas(%{{[^)]+}}) filter_reverse(%{{.*}}) condition(%{{.*}}) residual(%{{.*}}) residual_z(%{{[^)]+}}) residual_deltas(%{{[^)]+}}) residual_reverse(%{{.*}}) out(%{{[^,)]+}}, %{{[^,)]+}})
  // CHECK-SAME: {alpha_adapt = 5.000000e-01 : f64, filter = #orchid.filter<l_max = 8, w_mod = 1.000000e+01, normalize = after_modulation, grid = zero_pad>, order = 2 : i64, residual_filter = #orchid.filter<l_max = 8, bias = false, grid = zero_pad>}
  %y = orchid.orchid bidirectional correlation %x, %in_w, %v12, %sw, %v12
      filter(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %v4)
      filter_z(%z) filter_deltas(%v4)
      filter_reverse(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out)
      condition(%c4, %v4, %v4, %v4, %c4, %v4, %v4, %v4, %c823, %v8, %v8, %v8)
      residual(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %v4)
      residual_z(%z) residual_deltas(%v4)
      residual_reverse(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out)
      out(%out_w, %v4)
      {order = 2 : i64, alpha_adapt = 0.5 : f64, causal_condition = true,
       filter = #orchid.filter<l_max = 8, w_mod = 10.0,
                               normalize = after_modulation, grid = zero_pad>,
       residual_filter = #orchid.filter<l_max = 8, bias = false,
                                        grid = zero_pad>}
      : (tensor<2x12x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
         tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<8x3xf32>, tensor<4xf32>,
         tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<8x3xf32>, tensor<4xf32>,
         tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x12x4xf32>
  return %y : tensor<2x12x4xf32>
}
