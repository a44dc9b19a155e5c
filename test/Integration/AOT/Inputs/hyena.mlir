// A Hyena block of order 2 (D = 8, filter FFN width 16) whose sequence
// length is dynamic, trained on sequences of up to 4096 tokens.

func.func @hyena(
    %x: tensor<1x?x8xf32>,
    %in_proj_weight: tensor<24x8xf32>,
    %in_proj_bias: tensor<24xf32>,
    %short_filter_weight: tensor<24x3xf32>,
    %short_filter_bias: tensor<24xf32>,
    %filter_w_in: tensor<16x3xf32>,
    %filter_b_in: tensor<16xf32>,
    %filter_w_inner: tensor<2x16x16xf32>,
    %filter_b_inner: tensor<2x16xf32>,
    %filter_freq: tensor<3x16xf32>,
    %filter_w_out: tensor<8x16xf32>,
    %filter_bias: tensor<8xf32>,
    %out_proj_weight: tensor<8x8xf32>,
    %out_proj_bias: tensor<8xf32>)
    -> tensor<1x?x8xf32> {
  %y = orchid.hyena %x, %in_proj_weight, %in_proj_bias, %short_filter_weight,
      %short_filter_bias, %filter_w_in, %filter_b_in, %filter_w_inner,
      %filter_b_inner, %filter_freq, %filter_w_out, %filter_bias,
      %out_proj_weight, %out_proj_bias
      {order = 2 : i64, filter = #orchid.filter<l_max = 4096, shift = 0.0,
                                                 normalize = none>}
      : (tensor<1x?x8xf32>, tensor<24x8xf32>, tensor<24xf32>,
         tensor<24x3xf32>, tensor<24xf32>, tensor<16x3xf32>,
         tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
         tensor<3x16xf32>, tensor<8x16xf32>, tensor<8xf32>,
         tensor<8x8xf32>, tensor<8xf32>)
      -> tensor<1x?x8xf32>
  return %y : tensor<1x?x8xf32>
}
