// A causal FFT convolution of dynamic length: u (2, 3, L), k (3, L), b (3).
func.func @conv(%u: tensor<2x3x?xf32>, %k: tensor<3x?xf32>, %b: tensor<3xf32>) -> tensor<2x3x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<2x3x?xf32>, tensor<3x?xf32>, tensor<3xf32> -> tensor<2x3x?xf32>
  return %y : tensor<2x3x?xf32>
}
