//===- OrchidOps.td - Orchid operations --------------------*- tablegen -*-===//

#ifndef ORCHID_OPS_TD
#define ORCHID_OPS_TD

include "dialect/OrchidBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Orchid_RealTensor : RankedTensorOf<[F32]>;
def Orchid_ComplexTensor : RankedTensorOf<[Complex<F32>]>;

// Enum attributes print a space before their keyword; assembly formats put
// an empty literal (``) before them so that the op printer adds no second
// one.

//===----------------------------------------------------------------------===//
// Transforms
//===----------------------------------------------------------------------===//

def Orchid_RFFTOp : Orchid_Op<"rfft", [Pure]> {
  let summary = "Real-to-complex FFT along the innermost axis";
  let description = [{
    Zero-pads (or truncates) the innermost axis of `input` to `n` points and
    returns the first `n / 2 + 1` coefficients of its discrete Fourier
    transform, `X[k] = s * sum_t x[t] exp(-2 pi i k t / n)`, with `s = 1`
    for `backward` normalisation (the default, as `torch.fft.rfft`) and
    `s = 1 / n` for `forward`. Leading axes are batch axes. The lowerings
    build transforms of at most `n = 2^22` points (`fft::kMaxFFTSize`).

    Example:

    ```mlir
    %X = orchid.rfft %x size 16 : tensor<2x4x8xf32> -> tensor<2x4x9xcomplex<f32>>
    %Y = orchid.rfft %x size 8 norm forward
        : tensor<2x4x8xf32> -> tensor<2x4x5xcomplex<f32>>
    ```
  }];
  let arguments = (ins Orchid_RealTensor:$input,
                       ConfinedAttr<I64Attr, [IntPositive]>:$n,
                       DefaultValuedAttr<Orchid_FFTNormAttr,
                                         "FFTNorm::backward">:$norm);
  let results = (outs Orchid_ComplexTensor:$output);
  let assemblyFormat = [{
    $input `size` $n (`norm` `` $norm^)? attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

def Orchid_IRFFTOp : Orchid_Op<"irfft", [Pure]> {
  let summary = "Complex-to-real inverse FFT along the innermost axis";
  let description = [{
    Treats the `n / 2 + 1` coefficients of `input` as the non-redundant half
    of a Hermitian spectrum of `n` points and returns the first `m` samples
    (the innermost size of the result, `m <= n`) of its inverse transform,
    `x[t] = s * sum_k X[k] exp(2 pi i k t / n)` over the full spectrum, with
    `s = 1 / n` for `backward` normalisation (the default, as
    `torch.fft.irfft`) and `s = 1` for `forward`. The imaginary parts of
    the zero-frequency and (for even `n`) Nyquist coefficients are ignored.

    Example:

    ```mlir
    %y = orchid.irfft %X size 16 : tensor<2x4x9xcomplex<f32>> -> tensor<2x4x8xf32>
    ```
  }];
  let arguments = (ins Orchid_ComplexTensor:$input,
                       ConfinedAttr<I64Attr, [IntPositive]>:$n,
                       DefaultValuedAttr<Orchid_FFTNormAttr,
                                         "FFTNorm::backward">:$norm);
  let results = (outs Orchid_RealTensor:$output);
  let assemblyFormat = [{
    $input `size` $n (`norm` `` $norm^)? attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

def Orchid_FFTConvOp : Orchid_Op<"fftconv", [Pure]> {
  let summary = "Long convolution with a per-channel skip term, by FFT";
  let description = [{
    Convolves each channel of `input` (`B x D x L`) with its own kernel and
    adds a per-channel skip term: `y = scale * (k * u) + bias[:, None] * u`.
    `kernel` is `D x K` (one kernel for the batch) or `B x D x K` (one per
    batch element, as Orchid's data-dependent kernels). The `mode` says which
    convolution:

    * `causal` (K = L): `(k * u)[t] = sum_{s <= t} k[s] u[t - s]`, Hyena's
      `fftconv`; exact linear convolution at any L.
    * `bidirectional` (K = 2L - 1): the kernel is centred at index `L - 1`:
      `(k * u)[t] = sum_{|s| < L} k[s + L - 1] u[t - s]`, for BERT-style
      non-causal encoders.
    * `circular` (K = L): `(k * u)[t] = sum_s k[s] u[(t - s) mod L]`, the
      convolution Orchid's reference computes with an L-point FFT.

    `scale` multiplies the convolution term only (Orchid's reference scales
    its circular convolution by `1 / L`). `fft_size` optionally fixes the
    transform size used by the lowering; when absent a fast size is chosen.

    Example:

    ```mlir
    %y = orchid.fftconv causal %u, %k, %bias
        : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
    ```
  }];
  let arguments = (ins Orchid_ConvModeAttr:$mode,
                       Orchid_RealTensor:$input,
                       Orchid_RealTensor:$kernel,
                       Orchid_RealTensor:$bias,
                       DefaultValuedAttr<F64Attr, "1.0">:$scale,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$fft_size);
  let results = (outs Orchid_RealTensor:$output);
  let assemblyFormat = [{
    `` $mode $input `,` $kernel `,` $bias attr-dict `:` type($input) `,`
    type($kernel) `,` type($bias) `->` type($output)
  }];
  let hasVerifier = 1;
}

def Orchid_SpectralConvOp : Orchid_Op<"spectral_conv", [Pure]> {
  let summary = "Convolution with a kernel given by its spectrum";
  let description = [{
    The fused FFT convolution kernel that `orchid.fftconv` lowers to:
    `z = irfft(rfft(u, n) * spectrum, n)` followed by
    `y[t] = z[t] + bias[d] * u[t]` for `t < L`. With `wrap`, `z` is folded
    modulo `L` first (`y[t] = sum_j z[t + j L]`), which turns a linear
    convolution of size `n >= 2L - 1` into a circular one of size `L`.

    `input` is `B x D x L`, `spectrum` is `D x (n/2+1)` or
    `B x D x (n/2+1)` in `complex<f32>`, `bias` is `D`. The spectrum is a
    loop invariant of the kernel; computing it once per weights (and per
    length) is the point of this op.

    Example:

    ```mlir
    %y = orchid.spectral_conv %u, %K, %bias size 16
        : tensor<1x4x8xf32>, tensor<4x9xcomplex<f32>>, tensor<4xf32>
          -> tensor<1x4x8xf32>
    ```
  }];
  let arguments = (ins Orchid_RealTensor:$input,
                       Orchid_ComplexTensor:$spectrum,
                       Orchid_RealTensor:$bias,
                       ConfinedAttr<I64Attr, [IntPositive]>:$n,
                       UnitAttr:$wrap);
  let results = (outs Orchid_RealTensor:$output);
  let assemblyFormat = [{
    $input `,` $spectrum `,` $bias `size` $n (`wrap` $wrap^)? attr-dict `:`
    type($input) `,` type($spectrum) `,` type($bias) `->` type($output)
  }];
  let hasVerifier = 1;
}

def Orchid_ShortConvOp : Orchid_Op<"short_conv", [Pure]> {
  let summary = "Depthwise short convolution along the innermost axis";
  let description = [{
    A depthwise 1-D convolution (PyTorch's `Conv1d` with `groups = C`) on a
    `B x C x L` input with `weight` `C x K` and `bias` `C`:
    `y[b, c, t] = bias[c] + sum_j weight[c, j] * x[b, c, t + j - p]`, with
    zero padding, where `p = K - 1` for `causal` (Hyena's short filter:
    padding K - 1 then keep the first L outputs) and `p = (K - 1) / 2` for
    `centered` (odd K; Orchid's conditioning convolutions).

    Example:

    ```mlir
    %y = orchid.short_conv causal %x, %w, %b
        : tensor<1x12x8xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<1x12x8xf32>
    ```
  }];
  let arguments = (ins Orchid_PaddingAttr:$padding,
                       Orchid_RealTensor:$input,
                       Orchid_RealTensor:$weight,
                       Orchid_RealTensor:$bias);
  let results = (outs Orchid_RealTensor:$output);
  let assemblyFormat = [{
    `` $padding $input `,` $weight `,` $bias attr-dict `:` type($input) `,`
    type($weight) `,` type($bias) `->` type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Filters and conditioning
//===----------------------------------------------------------------------===//

def Orchid_ImplicitFilterOp : Orchid_Op<"implicit_filter",
    [Pure, AttrSizedOperandSegments]> {
  let summary = "Hyena implicit filter: long kernels from a network of position";
  let description = [{
    Evaluates Hyena's implicit filter on the first L positions of its
    `l_max`-point grid and returns `N - 1` kernels, `(N-1) x D x L`.

    The weights use PyTorch's layout (`out x in` for linear layers); with
    embedding size `E` (odd, >= 3), FFN width `W` and `M` inner layers:

    | operand | shape | meaning |
    |---------|-------|---------|
    | `w_in` | `W x E` | first linear layer |
    | `b_in` | `W` | its bias |
    | `w_inner` | `M x W x W` | inner linear layers |
    | `b_inner` | `M x W` | their biases |
    | `freq` | `(M+1) x W` | per-feature frequencies of the `M + 1` Sin layers |
    | `w_out` | `(N-1)D x W` | last linear layer, no bias |

    | `z` (optional) | `l_max x E` | stored positional embedding |
    | `deltas` (optional) | `(N-1)D` | stored modulation rates |

    Feature `j = d * (N-1) + o` of the last layer is channel `d` of kernel
    `o`. A trained filter's positional embedding and modulation rates are
    state of the checkpoint: given as `z` and `deltas` they are used as
    stored (the first `L` rows of `z`); absent, they are computed from
    `config`. The modulation's time `t` is always the grid. The modulation
    and the optional L1 normalisation follow `config`; see
    `docs/dialect.md`.

    Example:

    ```mlir
    %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
        {config = #orchid.filter<l_max = 64>}
        : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
          tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
    %g = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
        z(%z : tensor<64x3xf32>) deltas(%deltas : tensor<4xf32>)
        {config = #orchid.filter<l_max = 64>}
        : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
          tensor<3x8xf32>, tensor<4x8xf32> -> tensor<1x4x16xf32>
    ```
  }];
  let arguments = (ins Orchid_RealTensor:$w_in,
                       Orchid_RealTensor:$b_in,
                       Orchid_RealTensor:$w_inner,
                       Orchid_RealTensor:$b_inner,
                       Orchid_RealTensor:$freq,
                       Orchid_RealTensor:$w_out,
                       Optional<Orchid_RealTensor>:$z,
                       Optional<Orchid_RealTensor>:$deltas,
                       Orchid_FilterConfigAttr:$config);
  let results = (outs Orchid_RealTensor:$output);
  let assemblyFormat = [{
    $w_in `,` $b_in `,` $w_inner `,` $b_inner `,` $freq `,` $w_out
    (`z` `(` $z^ `:` type($z) `)`)?
    (`deltas` `(` $deltas^ `:` type($deltas) `)`)? attr-dict
    `:` type($w_in) `,` type($b_in) `,` type($w_inner) `,` type($b_inner) `,`
    type($freq) `,` type($w_out) `->` type($output)
  }];
  let hasVerifier = 1;
}

def Orchid_ConditionOp : Orchid_Op<"condition", [Pure]> {
  let summary = "Orchid's shift-equivariant conditioning network";
  let description = [{
    Computes a data-dependent kernel spectrum `H` (`B x C x (n/2+1)`,
    `complex<f32>`) from `input` (`B x L x D`, the `v` part of the input
    projection). `C = (N-1) D`; for `N > 2`, output channel `d * (N-1) + o`
    belongs to channel `d` of convolution `o`. Depthwise convolutions are
    centred with odd kernel size K; LayerNorms normalise over channels with
    epsilon `eps`. `F_n` is the rfft over n points divided by n.

    `spectral` (Orchid's "absfreq"), weights in this order:
    `conv1_w (D x K)`, `conv1_b (D)`, `ln1_g (D)`, `ln1_b (D)`,
    `conv2_w (2C x K)`, `conv2_b (2C)`, `ln2_g (2C)`, `ln2_b (2C)`:
    `a1 = LN1(conv1(a))`, `P = |F_n(a1)|^2`, `a2 = LN2(conv2(P))` along the
    frequency axis (input channel `c / (2C/D)` for output channel `c`),
    `H = a2[0::2] + i a2[1::2]`.

    `correlation` (Orchid's "corrTime"), weights in this order:
    `convk_w, convk_b, lnk_g, lnk_b` and `convq_w, convq_b, lnq_g, lnq_b`
    (each `D x K` or `D`), then `conv3_w (2C x 2 x K)`, `conv3_b (2C)`,
    `ln3_g (2C)`, `ln3_b (2C)`: `K = F_n(LN(conv_k(a)))`,
    `Q = F_n(LN(conv_q(a)))`, `S = conj(K) Q`, `R = [Re S, Im S]`
    (`2D` channels), `a3 = LN3(conv3(R))` with `conv3` PyTorch's
    `Conv1d(2D, 2C, K, groups = D)`: group `g` reads channels `2g` and
    `2g + 1` of `R` and writes outputs `g * 2C/D ... (g+1) * 2C/D - 1`;
    `H = a3[:C] + i a3[C:]`.

    A causal use of the network (`n = 2L`, then back to time by the
    inverse transform) is up to the block that reads `H`.

    Example:

    ```mlir
    %H = orchid.condition spectral %a, %c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2
        size 16 : (tensor<1x8x4xf32>, tensor<4x3xf32>, tensor<4xf32>,
          tensor<4xf32>, tensor<4xf32>, tensor<8x3xf32>, tensor<8xf32>,
          tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x9xcomplex<f32>>
    ```
  }];
  let arguments = (ins Orchid_ConditionKindAttr:$kind,
                       Orchid_RealTensor:$input,
                       Variadic<Orchid_RealTensor>:$weights,
                       ConfinedAttr<I64Attr, [IntPositive]>:$n,
                       DefaultValuedAttr<F64Attr, "1e-5">:$eps);
  let results = (outs Orchid_ComplexTensor:$output);
  let assemblyFormat = [{
    `` $kind $input `,` $weights `size` $n attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Blocks
//===----------------------------------------------------------------------===//

def Orchid_HyenaOp : Orchid_Op<"hyena", [Pure, AttrSizedOperandSegments]> {
  let summary = "Hyena operator of order N on a (B, L, D) input";
  let description = [{
    The Hyena operator (Poli et al., 2023) of order `N = order`:

    1. `z = in_proj(x)` (`(N+1)D x D` weight, bias), as `(B, (N+1)D, L)`;
    2. causal depthwise short convolution of `z` (`(N+1)D x K`, bias);
    3. split into `x_0 ... x_{N-1}, v`;
    4. for `i = N-1 ... 1`: `v = fftconv(v * x_i, h_{N-1-i}, bias_{N-1-i})`
       with `h` from the implicit filter (weights as in
       `orchid.implicit_filter`, configuration `filter`) and the filter
       bias `(N-1)D` (feature `d * (N-1) + o`);
    5. `y = out_proj(v * x_0)` (`D x D`, bias), back as `(B, L, D)`.

    The optional `filter_z` (`l_max x E`) and `filter_deltas` (`(N-1)D`)
    are the filter's stored positional embedding and modulation rates (see
    `orchid.implicit_filter`).

    Example:

    ```mlir
    %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb,
        %fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias,
        %out_w, %out_b {order = 2 : i64, filter = #orchid.filter<l_max = 8>}
        : (tensor<1x8x4xf32>, tensor<12x4xf32>, tensor<12xf32>,
           tensor<12x3xf32>, tensor<12xf32>, tensor<16x3xf32>,
           tensor<16xf32>, tensor<2x16x16xf32>, tensor<2x16xf32>,
           tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
           tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x8x4xf32>
    ```
  }];
  let arguments = (ins Orchid_RealTensor:$input,
                       Orchid_RealTensor:$in_proj_weight,
                       Orchid_RealTensor:$in_proj_bias,
                       Orchid_RealTensor:$short_filter_weight,
                       Orchid_RealTensor:$short_filter_bias,
                       Orchid_RealTensor:$filter_w_in,
                       Orchid_RealTensor:$filter_b_in,
                       Orchid_RealTensor:$filter_w_inner,
                       Orchid_RealTensor:$filter_b_inner,
                       Orchid_RealTensor:$filter_freq,
                       Orchid_RealTensor:$filter_w_out,
                       Orchid_RealTensor:$filter_bias,
                       Orchid_RealTensor:$out_proj_weight,
                       Orchid_RealTensor:$out_proj_bias,
                       Optional<Orchid_RealTensor>:$filter_z,
                       Optional<Orchid_RealTensor>:$filter_deltas,
                       ConfinedAttr<I64Attr, [IntMinValue<2>]>:$order,
                       Orchid_FilterConfigAttr:$filter);
  let results = (outs Orchid_RealTensor:$output);
  let assemblyFormat = [{
    $input `,` $in_proj_weight `,` $in_proj_bias `,` $short_filter_weight `,`
    $short_filter_bias `,` $filter_w_in `,` $filter_b_in `,` $filter_w_inner
    `,` $filter_b_inner `,` $filter_freq `,` $filter_w_out `,` $filter_bias
    `,` $out_proj_weight `,` $out_proj_bias
    (`filter_z` `(` $filter_z^ `)`)?
    (`filter_deltas` `(` $filter_deltas^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Orchid_OrchidOp : Orchid_Op<"orchid", [Pure, AttrSizedOperandSegments]> {
  let summary = "Orchid operator: Hyena with a data-dependent kernel";
  let description = [{
    The Orchid operator (Karami and Ghodsi, 2024) of order `N = order`:
    as `orchid.hyena`, but each long convolution's kernel is the static
    implicit filter plus a kernel computed from the input by a conditioning
    network (`orchid.condition` of kind `condition`), applied to the last D
    channels of the input projection before the short filter.

    Operand groups: `input`, the input projection (`in_proj_weight`,
    `in_proj_bias`), the short filter (weight, bias), `filter` (the 6
    implicit-filter weights of `orchid.implicit_filter` then the filter bias
    `(N-1)D`), the optional `filter_z` and `filter_deltas` (the filter's
    stored positional embedding and modulation rates), `filter_reverse`
    (the 6 weights of the second FFN of a bidirectional static filter:
    required in `bidirectional` mode, empty otherwise), `condition` (8
    weights for `spectral`, 12 for `correlation`, as in `orchid.condition`),
    `residual` (empty, or the 6 weights and the `D` bias of the residual
    long convolution of the input, "sconv") with its optional
    `residual_z`, `residual_deltas` and `residual_reverse`, and the output
    projection.

    `mode` is `circular` (the reference: an L-point, 1/L-scaled circular
    convolution), `causal` (2L points, linear) or `bidirectional` (Orchid's
    bidirectional static filters: the reverse FFN's kernel mirrored at
    negative lags, 2L-point transforms). `causal_condition` (the
    reference's default) runs the conditioning network on 2L points and
    adds its first L time-domain taps to the static kernel; otherwise its
    spectrum, on the convolution's transform size, is added to the static
    kernel's. Either way the data-dependent part is scaled by
    `alpha_adapt`. See `docs/dialect.md`.

    Example: see `test/Dialect/Orchid/ops.mlir`.
  }];
  let arguments = (ins Orchid_RealTensor:$input,
                       Orchid_RealTensor:$in_proj_weight,
                       Orchid_RealTensor:$in_proj_bias,
                       Orchid_RealTensor:$short_filter_weight,
                       Orchid_RealTensor:$short_filter_bias,
                       Variadic<Orchid_RealTensor>:$filter_weights,
                       Optional<Orchid_RealTensor>:$filter_z,
                       Optional<Orchid_RealTensor>:$filter_deltas,
                       Variadic<Orchid_RealTensor>:$filter_reverse,
                       Variadic<Orchid_RealTensor>:$condition_weights,
                       Variadic<Orchid_RealTensor>:$residual_weights,
                       Optional<Orchid_RealTensor>:$residual_z,
                       Optional<Orchid_RealTensor>:$residual_deltas,
                       Variadic<Orchid_RealTensor>:$residual_reverse,
                       Orchid_RealTensor:$out_proj_weight,
                       Orchid_RealTensor:$out_proj_bias,
                       ConfinedAttr<I64Attr, [IntMinValue<2>]>:$order,
                       Orchid_ConvModeAttr:$mode,
                       Orchid_ConditionKindAttr:$condition,
                       Orchid_FilterConfigAttr:$filter,
                       OptionalAttr<Orchid_FilterConfigAttr>:$residual_filter,
                       DefaultValuedAttr<F64Attr, "1e-5">:$eps,
                       DefaultValuedAttr<F64Attr, "1.0">:$alpha_adapt,
                       DefaultValuedAttr<BoolAttr, "true">:$causal_condition);
  let results = (outs Orchid_RealTensor:$output);
  let assemblyFormat = [{
    `` $mode `` $condition $input `,` $in_proj_weight `,` $in_proj_bias `,`
    $short_filter_weight `,` $short_filter_bias
    `filter` `(` $filter_weights `)`
    (`filter_z` `(` $filter_z^ `)`)?
    (`filter_deltas` `(` $filter_deltas^ `)`)?
    (`filter_reverse` `(` $filter_reverse^ `)`)?
    `condition` `(` $condition_weights `)`
    `residual` `(` $residual_weights `)`
    (`residual_z` `(` $residual_z^ `)`)?
    (`residual_deltas` `(` $residual_deltas^ `)`)?
    (`residual_reverse` `(` $residual_reverse^ `)`)?
    `out` `(` $out_proj_weight `,` $out_proj_bias `)`
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // ORCHID_OPS_TD
