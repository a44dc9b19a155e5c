// A causal FFT convolution of dynamic length, and a function of static
// shape beside it.
func.func @conv(%u: tensor<2x3x?xf32>, %k: tensor<3x?xf32>, %b: tensor<3xf32>) -> tensor<2x3x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<2x3x?xf32>, tensor<3x?xf32>, tensor<3xf32> -> tensor<2x3x?xf32>
  return %y : tensor<2x3x?xf32>
}

func.func @fixed(%u: tensor<1x1x8xf32>, %k: tensor<1x8xf32>, %b: tensor<1xf32>) -> tensor<1x1x8xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x1x8xf32>, tensor<1x8xf32>, tensor<1xf32> -> tensor<1x1x8xf32>
  return %y : tensor<1x1x8xf32>
}
