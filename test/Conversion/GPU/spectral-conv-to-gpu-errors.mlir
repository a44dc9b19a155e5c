// RUN: orchid-opt %s --orchid-convert-spectral-conv-to-gpu --split-input-file --verify-diagnostics

func.func @dynamic(%u: tensor<?x2x8xf32>, %K: tensor<2x9xcomplex<f32>>,
                   %b: tensor<2xf32>) -> tensor<?x2x8xf32> {
  // expected-error @below {{GPU lowering needs static shapes}}
  %y = orchid.spectral_conv %u, %K, %b size 16
      : tensor<?x2x8xf32>, tensor<2x9xcomplex<f32>>, tensor<2xf32>
        -> tensor<?x2x8xf32>
  return %y : tensor<?x2x8xf32>
}
