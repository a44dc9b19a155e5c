// An Orchid block of order 2 (Karami and Ghodsi, 2024) on a batch of one
// sequence of L = 64 tokens with D = 8 channels: Hyena's gating around a
// long convolution whose kernel is a static implicit filter plus a kernel
// computed from the input by the spectral ("absfreq") conditioning network
// (here with the module's causal = False: its spectrum is added to the
// static kernel's; the module's default, causal = True, is
// causal_condition = true), the reference's circular convolution, and the
// residual long convolution of the input. The short filter has 5 taps, as
// in the published example. A trained layer would also pass its filters'
// stored z and deltas (filter_z(...), filter_deltas(...), see
// docs/weights.md).
//
// Operands follow docs/weights.md. Run it with
//   orchid-run examples/orchid.mlir --random --check=reference --tolerance=1e-4
// or on weights from files, as examples/hyena.mlir.

func.func @orchid(
    %x: tensor<1x64x8xf32>,
    %in_proj_weight: tensor<24x8xf32>,
    %in_proj_bias: tensor<24xf32>,
    %short_filter_weight: tensor<24x5xf32>,
    %short_filter_bias: tensor<24xf32>,
    %filter_w_in: tensor<16x3xf32>,
    %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>,
    %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>,
    %filter_w_out: tensor<8x16xf32>,
    %filter_bias: tensor<8xf32>,
    %conv1_w: tensor<8x3xf32>,
    %conv1_b: tensor<8xf32>,
    %ln1_g: tensor<8xf32>,
    %ln1_b: tensor<8xf32>,
    %conv2_w: tensor<16x3xf32>,
    %conv2_b: tensor<16xf32>,
    %ln2_g: tensor<16xf32>,
    %ln2_b: tensor<16xf32>,
    %residual_w_in: tensor<16x3xf32>,
    %residual_b_in: tensor<16xf32>,
    %residual_w_inner: tensor<2x16x16xf32>,
    %residual_b_inner: tensor<2x16xf32>,
    %residual_freq: tensor<3x16xf32>,
    %residual_w_out: tensor<8x16xf32>,
    %residual_bias: tensor<8xf32>,
    %out_proj_weight: tensor<8x8xf32>,
    %out_proj_bias: tensor<8xf32>)
    -> tensor<1x64x8xf32> {
  %y = orchid.orchid circular spectral %x, %in_proj_weight, %in_proj_bias,
      %short_filter_weight, %short_filter_bias
      filter(%filter_w_in, %filter_b_in, %filter_w_inner, %filter_b_inner,
             %filter_freq, %filter_w_out, %filter_bias)
      condition(%conv1_w, %conv1_b, %ln1_g, %ln1_b, %conv2_w, %conv2_b,
                %ln2_g, %ln2_b)
      residual(%residual_w_in, %residual_b_in, %residual_w_inner,
               %residual_b_inner, %residual_freq, %residual_w_out,
               %residual_bias)
      out(%out_proj_weight, %out_proj_bias)
      {order = 2 : i64, causal_condition = false,
       filter = #orchid.filter<l_max = 64, normalize = after_modulation>,
       residual_filter = #orchid.filter<l_max = 64>}
      : (tensor<1x64x8xf32>, tensor<24x8xf32>, tensor<24xf32>,
         tensor<24x5xf32>, tensor<24xf32>, tensor<16x3xf32>, tensor<16xf32>,
         tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
         tensor<8x16xf32>, tensor<8xf32>, tensor<8x3xf32>, tensor<8xf32>,
         tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>,
         tensor<16xf32>, tensor<16xf32>, tensor<16x3xf32>, tensor<16xf32>,
         tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
         tensor<8x16xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>)
      -> tensor<1x64x8xf32>
  return %y : tensor<1x64x8xf32>
}
