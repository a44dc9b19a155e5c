// RUN: orchid-opt %s -split-input-file -verify-diagnostics

// Sizes from hostile or broken inputs: products that overflow 64 bits and
// empty signals are diagnosed by the verifiers, before any pass divides by
// a size or allocates for one.

// (order + 1) * D overflows: the diagnostic names the product instead of
// a wrapped-around shape.
func.func @hyena_order_overflow(%x: tensor<1x8x8xf32>, %in_w: tensor<24x8xf32>,
    %in_b: tensor<24xf32>, %sw: tensor<24x3xf32>, %sb: tensor<24xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<8x16xf32>, %fbias: tensor<8xf32>,
    %out_w: tensor<8x8xf32>, %out_b: tensor<8xf32>) {
  // expected-error @+1 {{'orchid.hyena' op expects order + 1 = 9223372036854775807 + 1 to fit in 64 bits}}
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb,
      %fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias,
      %out_w, %out_b {order = 9223372036854775807 : i64, filter = #orchid.filter<l_max = 8>}
      : (tensor<1x8x8xf32>, tensor<24x8xf32>, tensor<24xf32>,
         tensor<24x3xf32>, tensor<24xf32>, tensor<16x3xf32>,
         tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
         tensor<3x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
         tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x8x8xf32>
  return
}

// -----

func.func @hyena_projection_overflow(%x: tensor<1x8x8xf32>, %in_w: tensor<24x8xf32>,
    %in_b: tensor<24xf32>, %sw: tensor<24x3xf32>, %sb: tensor<24xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<8x16xf32>, %fbias: tensor<8xf32>,
    %out_w: tensor<8x8xf32>, %out_b: tensor<8xf32>) {
  // expected-error @+1 {{'orchid.hyena' op expects the projected channels (order + 1) * D = 4611686018427387904 * 8 to fit in 64 bits}}
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb,
      %fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias,
      %out_w, %out_b {order = 4611686018427387903 : i64, filter = #orchid.filter<l_max = 8>}
      : (tensor<1x8x8xf32>, tensor<24x8xf32>, tensor<24xf32>,
         tensor<24x3xf32>, tensor<24xf32>, tensor<16x3xf32>,
         tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
         tensor<3x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
         tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x8x8xf32>
  return
}

// -----

// 2L - 1 of a bidirectional convolution overflows.
func.func @fftconv_length_overflow(%u: tensor<1x1x4611686018427387904xf32>, %k: tensor<1x4611686018427387904xf32>, %b: tensor<1xf32>) {
  // expected-error @+1 {{'orchid.fftconv' op expects 2 * L = 2 * 4611686018427387904 to fit in 64 bits}}
  %y = orchid.fftconv bidirectional %u, %k, %b : tensor<1x1x4611686018427387904xf32>, tensor<1x4611686018427387904xf32>, tensor<1xf32> -> tensor<1x1x4611686018427387904xf32>
  return
}

// -----

func.func @implicit_filter_count_overflow(%a0: tensor<8x3xf32>, %a1: tensor<8xf32>, %a2: tensor<2x8x8xf32>, %a3: tensor<2x8xf32>, %a4: tensor<3x8xf32>, %a5: tensor<4x8xf32>) {
  // expected-error @+1 {{'orchid.implicit_filter' op expects the filter count C * D = 4294967296 * 4294967296 to fit in 64 bits}}
  %0 = orchid.implicit_filter %a0, %a1, %a2, %a3, %a4, %a5 {config = #orchid.filter<l_max = 16>} : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>, tensor<3x8xf32>, tensor<4x8xf32> -> tensor<4294967296x4294967296x16xf32>
  return
}

// -----

// Empty signals: D = 0 and L = 0 (the lowerings divide by both).
func.func @condition_zero_channels(%x: tensor<1x8x0xf32>, %w0: tensor<0x3xf32>, %w1: tensor<0xf32>, %w4: tensor<8x3xf32>, %w5: tensor<8xf32>) {
  // expected-error @+1 {{'orchid.condition' op expects a non-empty 'input', got shape 1x8x0}}
  %c = orchid.condition spectral %x, %w0, %w1, %w1, %w1, %w4, %w5, %w5, %w5
      size 8 : (tensor<1x8x0xf32>, tensor<0x3xf32>, tensor<0xf32>,
        tensor<0xf32>, tensor<0xf32>, tensor<8x3xf32>, tensor<8xf32>,
        tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x5xcomplex<f32>>
  return
}

// -----

func.func @short_conv_zero_length(%u: tensor<1x4x0xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'orchid.short_conv' op expects a non-empty 'input', got shape 1x4x0}}
  %y = orchid.short_conv causal %u, %w, %b : tensor<1x4x0xf32>, tensor<4x3xf32>, tensor<4xf32> -> tensor<1x4x0xf32>
  return
}

// -----

func.func @short_conv_no_taps(%u: tensor<1x4x8xf32>, %w: tensor<4x0xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'orchid.short_conv' op expects a non-empty 'weight', got shape 4x0}}
  %y = orchid.short_conv causal %u, %w, %b : tensor<1x4x8xf32>, tensor<4x0xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
  return
}

// -----

func.func @rfft_zero_rows(%x: tensor<0x8xf32>) {
  // expected-error @+1 {{'orchid.rfft' op expects a non-empty 'input', got shape 0x8}}
  %y = orchid.rfft %x size 8 : tensor<0x8xf32> -> tensor<0x5xcomplex<f32>>
  return
}

// -----

func.func @spectral_conv_zero_channels(%u: tensor<1x0x8xf32>, %k: tensor<0x9xcomplex<f32>>, %b: tensor<0xf32>) {
  // expected-error @+1 {{'orchid.spectral_conv' op expects a non-empty 'input', got shape 1x0x8}}
  %y = orchid.spectral_conv %u, %k, %b size 16 : tensor<1x0x8xf32>, tensor<0x9xcomplex<f32>>, tensor<0xf32> -> tensor<1x0x8xf32>
  return
}

// -----

func.func @hyena_zero_channels(%x: tensor<1x8x0xf32>, %in_w: tensor<0x0xf32>,
    %in_b: tensor<0xf32>, %sw: tensor<0x3xf32>, %sb: tensor<0xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<0x16xf32>, %fbias: tensor<0xf32>,
    %out_w: tensor<0x0xf32>, %out_b: tensor<0xf32>) {
  // expected-error @+1 {{'orchid.hyena' op expects a non-empty 'input', got shape 1x8x0}}
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb,
      %fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias,
      %out_w, %out_b {order = 2 : i64, filter = #orchid.filter<l_max = 8>}
      : (tensor<1x8x0xf32>, tensor<0x0xf32>, tensor<0xf32>,
         tensor<0x3xf32>, tensor<0xf32>, tensor<16x3xf32>,
         tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
         tensor<3x16xf32>, tensor<0x16xf32>, tensor<0xf32>,
         tensor<0x0xf32>, tensor<0xf32>) -> tensor<1x8x0xf32>
  return
}
