// A causal short convolution with 40 taps: wider than the vector kernel
// takes, so it is lowered through tensor.pad, whose strided copy calls
// memrefCopy.
func.func @wide(%x: tensor<1x2x?xf32>, %w: tensor<2x40xf32>, %b: tensor<2xf32>) -> tensor<1x2x?xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<1x2x?xf32>, tensor<2x40xf32>, tensor<2xf32> -> tensor<1x2x?xf32>
  return %y : tensor<1x2x?xf32>
}
