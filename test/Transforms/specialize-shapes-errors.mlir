// RUN: orchid-opt %s -split-input-file --orchid-specialize-shapes="seq-len=9" --verify-diagnostics

// A length the function's static sizes contradict.
// expected-error @below {{'too_long' is not valid with sequence length 9}}
func.func @too_long(%u: tensor<1x2x?xf32>, %k: tensor<2x?xf32>, %b: tensor<2xf32>) -> tensor<1x2x?xf32> {
  // expected-error @below {{expects fft_size >= 2 * L - 1 = 17, got 16}}
  %y = orchid.fftconv causal %u, %k, %b {fft_size = 16 : i64} : tensor<1x2x?xf32>, tensor<2x?xf32>, tensor<2xf32> -> tensor<1x2x?xf32>
  return %y : tensor<1x2x?xf32>
}

// -----

// A call would no longer match the callee's signature.
// expected-error @below {{cannot specialise the signature of a called function}}
func.func private @callee(%x: tensor<1x2x?xf32>) -> tensor<1x2x?xf32> {
  return %x : tensor<1x2x?xf32>
}

func.func @caller(%x: tensor<1x2x?xf32>) -> tensor<1x2x?xf32> {
  %y = func.call @callee(%x) : (tensor<1x2x?xf32>) -> tensor<1x2x?xf32>
  return %y : tensor<1x2x?xf32>
}
