//===- Passes.td - Orchid transformation passes ------------*- tablegen -*-===//

#ifndef ORCHID_PASSES_TD
#define ORCHID_PASSES_TD

include "mlir/Pass/PassBase.td"

def OrchidSpecializeShapes
    : Pass<"orchid-specialize-shapes", "::mlir::ModuleOp"> {
  let summary = "Give the dynamic sizes of functions a sequence length and a batch";
  let description = [{
    The conversions generate code for one sequence length and batch size
    (FFT sizes, tiles and unrolled kernels depend on them). A model written
    once with dynamic sizes is compiled for a length by this pass: in the
    signature of every function defined in the module and in the results of
    the Orchid ops of its body, the leading dimension of a rank-3 tensor
    (the batch of the `(B, L, D)` block inputs and of the `(B, D, L)`
    convolution inputs) becomes `batch`, and every other dynamic dimension
    becomes `seq-len`. An option left at 0 leaves its dimensions dynamic.
    `tensor.cast` ops carry the static types to the other ops, and
    canonicalisation folds them into `tensor.dim`, `tensor.empty` and the
    structured ops.

    A function that is not valid with these sizes (a length that its
    static sizes contradict) is reported, as is a negative size or a called
    function whose signature would change.

    ```mlir
    func.func @f(%u: tensor<1x4x?xf32>, %k: tensor<4x?xf32>, %b: tensor<4xf32>)
        -> tensor<1x4x?xf32> {
      %y = orchid.fftconv causal %u, %k, %b : ...
    }
    // with seq-len=8 becomes
    func.func @f(%u: tensor<1x4x8xf32>, %k: tensor<4x8xf32>, %b: tensor<4xf32>)
        -> tensor<1x4x8xf32> {
      %y = orchid.fftconv causal %u, %k, %b : tensor<1x4x8xf32>, ...
    }
    ```
  }];
  let options = [
    Option<"seqLen", "seq-len", "int64_t", /*default=*/"0",
           "Sequence length of the dynamic dimensions (0: leave them dynamic)">,
    Option<"batch", "batch", "int64_t", /*default=*/"0",
           "Batch size of the dynamic leading dimension of rank-3 tensors "
           "(0: leave it dynamic)">,
  ];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
}

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

    Transforms longer than `fft::kMaxFFTSize` = 2^22 points (so any
    `L > 2^21` without a smaller `fft_size`) are refused with a diagnostic
    naming the limit; see docs/robustness.md.

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

def OrchidDecompose : Pass<"orchid-decompose"> {
  let summary = "Decompose orchid.hyena and orchid.orchid into primitives";
  let description = [{
    Rewrites each block op into the computation of the reference module:
    the input and output projections as `linalg.transpose` +
    `linalg.matmul` + a bias map, the `(B, L, D)` / `(B, D, L)` layout
    changes as `linalg.transpose`, the causal short filter as
    `orchid.short_conv`, the channel split as `tensor.extract_slice`, the
    gates as elementwise `linalg.generic`. Kernel `o` and its skip bias are
    picked out of the interleaved features `d * (N-1) + o` by a
    `tensor.expand_shape` to `(D, N-1)` and a slice.

    Hyena's long convolutions become `orchid.fftconv causal` with the
    kernels of an `orchid.implicit_filter` (given the filter's stored `z`
    and `deltas` when the block has them); a filter whose `bias` switch is
    off gets a zero skip term.

    Orchid's kernel is the static filter plus the output of an
    `orchid.condition` on the last D channels of the input projection. With
    `n = L` (`circular`, the reference's 1/L-scaled circular convolution) or
    `n = 2L` (`causal`, `bidirectional`), the convolution is
    `G_n(F_n(v) K)[:L] + b v`, i.e. `orchid.spectral_conv` of size `n`. In
    `bidirectional` mode the static kernel is the forward filter's followed
    by the reverse filter's, mirrored (a `linalg.generic` reading index
    `T - 1 - t`), on 2L points. A causal conditioning network
    (`causal_condition`) runs on 2L points and its kernel is added in time:
    `K = F_n(h + alpha G_2L(H)[:L])` (`orchid.irfft ... norm forward`);
    otherwise it runs on `n` points and `K = F_n(h) + alpha H`. The
    residual long convolution of the input (when residual weights are
    present) uses the same `n` and kernel rule.

    ```mlir
    %y = orchid.hyena %x, ... {order = 2 : i64, filter = #orchid.filter<l_max = 8>}
        : (tensor<1x8x4xf32>, ...) -> tensor<1x8x4xf32>
    // becomes
    %z = linalg.matmul ...                        // in_proj
    %zt = linalg.transpose ...                    // (B, 3D, L)
    %s = orchid.short_conv causal %zt, %sw, %sb : ...
    %x0 = tensor.extract_slice %s[0, 0, 0] [1, 4, 8] [1, 1, 1] : ...
    %h = orchid.implicit_filter ... -> tensor<1x4x8xf32>
    %g = linalg.generic ...                       // v * x_1
    %c = orchid.fftconv causal %g, %k, %b : ...
    %y0 = linalg.generic ...                      // * x_0
    %o = linalg.matmul ...                        // out_proj
    ```

    An `orchid.orchid` block of static length L > 2^21 is refused: its
    convolutions and conditioning use transforms of 2L points, above
    `fft::kMaxFFTSize`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::complex::ComplexDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def OrchidExpandFilters : Pass<"orchid-expand-filters"> {
  let summary = "Expand implicit filters and conditioning networks";
  let description = [{
    Rewrites `orchid.implicit_filter` and `orchid.condition` into ops on
    tensors that the CPU and GPU pipelines lower.

    Implicit filter: the positional embedding is the first L rows of the
    op's stored `z` or, without one, `[t, Re z, Im z]` with
    `z = exp(-i f w)` on the first L points of the `l_max`-point grid
    (extended with the same step for `grid = extrapolate`); the modulation
    times `t` and, without stored `deltas`, the rates `|deltas|` are
    computed in double precision from the op's configuration and stored as
    constants. The FFN is `linalg.matmul` with fused
    `sin(w_mod * freq * (. + bias))` maps, the modulation is skipped for
    `modulate = false`, the L1 normalisation is a reduction placed before
    or after the modulation as configured, and the interleaved features
    are reshaped and transposed to `(N-1, D, L)`. Under `grid = zero_pad`
    the network runs on `min(L, l_max)` positions and the kernels are
    extended with zeros; other lengths above `l_max` are rejected.

    Conditioning: centred depthwise convolutions are
    `orchid.short_conv centered`, LayerNorms over channels are reductions,
    `F_n` is `orchid.rfft ... norm forward`; power and cross spectra are
    computed from real and imaginary parts (`complex.re`, `complex.im`), and
    grouped convolutions with several outputs per channel become depthwise
    ones on repeated channels (the correlation's frequency convolution,
    two input channels a group, the sum of two of them). Only the FFT results and the final spectrum
    have complex element types.

    ```mlir
    %h = orchid.implicit_filter %w_in, ... {config = #orchid.filter<l_max = 64>}
        : ... -> tensor<1x4x16xf32>
    // becomes
    %emb = arith.constant dense<...> : tensor<16x3xf32>
    %0 = linalg.matmul ins(%emb, %w_in_t : ...) ...
    %1 = linalg.generic ... { math.sin ... }     // Sin layers
    ...
    %m = linalg.generic ... { math.exp ... }     // modulation
    %h = linalg.transpose ... permutation = [2, 1, 0]
    ```

    The tables are computed here, a row per position: an implicit filter
    longer than `fft::kMaxFFTSize` = 2^22 points, or a conditioning
    network whose `n` exceeds it, is refused with a diagnostic.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::complex::ComplexDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::tensor::TensorDialect"];
}

def OrchidHoistFilters : Pass<"orchid-hoist-filters", "::mlir::ModuleOp"> {
  let summary = "Move implicit filters and their spectra into a prepare function";
  let description = [{
    The implicit filters and everything computed only from them, their
    weights and constants (kernel slices, kernel spectra) depend on the
    weights and the sequence length, not on the input. For each function
    `@f` that evaluates implicit filters of weights passed as arguments,
    this pass creates `@f_prepare`, which takes those weights (in the order
    of `@f`'s arguments) and returns the values `@f` reads, in the order
    `@f` first reads them. `@f` loses the arguments only the filters read
    and gains the prepared values as trailing arguments, so that a call
    does no filter work. Run it after `orchid-decompose` and
    `orchid-lower-fftconv`, so that the prepared values are kernel spectra,
    and before `orchid-expand-filters`. Filters of constant weights are not
    moved: they are left to constant folding. Functions with callers in the
    module are not rewritten. A function with filter work whose prepare
    name `@f_prepare` is already taken is an error. The CPU and GPU
    pipelines run this pass with their `prepare` option. See
    `docs/weights.md`.

    ```mlir
    func.func @f(%x: tensor<1x8x4xf32>, %w_in: tensor<16x3xf32>, ...) {
      %h = orchid.implicit_filter %w_in, ... : ... -> tensor<1x4x8xf32>
      %k = tensor.extract_slice %h[0, 0, 0] [1, 4, 8] [1, 1, 1] : ...
      %K = orchid.rfft %k size 16 : tensor<4x8xf32> -> tensor<4x9xcomplex<f32>>
      %y = orchid.spectral_conv %v, %K, %b size 16 : ...
    }
    // becomes
    func.func @f_prepare(%w_in: tensor<16x3xf32>, ...)
        -> tensor<4x9xcomplex<f32>> {
      %h = orchid.implicit_filter %w_in, ... : ... -> tensor<1x4x8xf32>
      %k = tensor.extract_slice %h[0, 0, 0] [1, 4, 8] [1, 1, 1] : ...
      %K = orchid.rfft %k size 16 : tensor<4x8xf32> -> tensor<4x9xcomplex<f32>>
      return %K : tensor<4x9xcomplex<f32>>
    }
    func.func @f(%x: tensor<1x8x4xf32>, ..., %K: tensor<4x9xcomplex<f32>>) {
      %y = orchid.spectral_conv %v, %K, %b size 16 : ...
    }
    ```
  }];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def OrchidCheckLowered : Pass<"orchid-check-lowered"> {
  let summary = "Report Orchid ops that the target's conversions left";
  let description = [{
    Runs in the CPU and GPU pipelines after the Orchid conversions, before
    bufferization: an Orchid op still present there has no lowering, and
    would otherwise surface as a bufferization error. Each one is reported
    with the reason: dynamic shapes (the conversions need the function
    specialised to a sequence length, as `orchid-run --seq-len` does), a
    block or filter op that `orchid-decompose` and `orchid-expand-filters`
    did not run on, or an op the target cannot lower.
  }];
}

#endif // ORCHID_PASSES_TD
