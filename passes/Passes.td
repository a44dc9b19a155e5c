//===- Passes.td - Orchid transformation passes ------------*- tablegen -*-===//

#ifndef ORCHID_PASSES_TD
#define ORCHID_PASSES_TD

include "mlir/Pass/PassBase.td"

def OrchidLowerFFTConv : Pass<"orchid-lower-fftconv"> {
  let summary = "Rewrite orchid.fftconv as a kernel spectrum and a spectral_conv";
  let description = [{
    Splits each `orchid.fftconv` into the work that depends only on the
    kernel (placing it on an FFT grid of a fast size `n` and computing its
    spectrum with `orchid.rfft`) and the per-input work
    (`orchid.spectral_conv`). The kernel part is then loop-invariant: it can
    be hoisted, folded for constant weights, or moved into a prepare
    function.

    The transform size is the op's `fft_size` when given, otherwise the
    smallest even `2^a 3^b 5^c >= 2L - 1`, which makes every mode exact:
    `causal` kernels are zero-padded, `bidirectional` kernels are rotated so
    that their centre lands at index 0, and `circular` convolutions fold the
    linear result modulo L (`wrap`). `scale` is applied to the kernel.

    ```mlir
    %y = orchid.fftconv causal %u, %k, %b : ...
    // becomes
    %K = orchid.rfft %k size 16 : tensor<4x8xf32> -> tensor<4x9xcomplex<f32>>
    %y = orchid.spectral_conv %u, %K, %b size 16 : ...
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // ORCHID_PASSES_TD
