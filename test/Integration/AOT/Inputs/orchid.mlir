// An Orchid block of order 2 (D = 8) whose sequence length is dynamic:
// examples/orchid.mlir with its filters trained on up to 4096 tokens.
func.func @orchid(
    %x: tensor<1x?x8xf32>,
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
    -> tensor<1x?x8xf32> {
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
      {order = 2 : i64,
       filter = #orchid.filter<l_max = 4096, normalize = after_modulation>,
       residual_filter = #orchid.filter<l_max = 4096>}
      : (tensor<1x?x8xf32>, tensor<24x8xf32>, tensor<24xf32>,
         tensor<24x5xf32>, tensor<24xf32>, tensor<16x3xf32>, tensor<16xf32>,
         tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
         tensor<8x16xf32>, tensor<8xf32>, tensor<8x3xf32>, tensor<8xf32>,
         tensor<8xf32>, tensor<8xf32>, tensor<16x3xf32>, tensor<16xf32>,
         tensor<16xf32>, tensor<16xf32>, tensor<16x3xf32>, tensor<16xf32>,
         tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
         tensor<8x16xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>)
      -> tensor<1x?x8xf32>
  return %y : tensor<1x?x8xf32>
}
