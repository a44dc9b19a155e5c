// RUN: orchid-opt %s -orchid-convert-fft-to-loops=threads=4 -split-input-file | FileCheck %s

// The inverse rebuilds the Hermitian spectrum X[n-k] = conj(X[k]) in the
// lane buffer, runs the generated inverse FFT and scales by 1/n.
// CHECK-LABEL: func.func @irfft16
// CHECK: complex.re
// CHECK: complex.im
// CHECK: arith.negf
// CHECK: call @__orchid_fft_16_inv
// CHECK: arith.constant dense<6.250000e-02> : vector<16xf32>
// CHECK: vector.transpose
// CHECK: vector.maskedstore
// CHECK: bufferization.to_tensor
// CHECK-LABEL: func.func private @__orchid_fft_16_inv
// CHECK-COUNT-2: vector.load
func.func @irfft16(%X: tensor<3x9xcomplex<f32>>) -> tensor<3x10xf32> {
  %x = orchid.irfft %X size 16 : tensor<3x9xcomplex<f32>> -> tensor<3x10xf32>
  return %x : tensor<3x10xf32>
}
