//===- OrchidBase.td - Orchid dialect definition -----------*- tablegen -*-===//
//
// The orchid dialect: long convolutions, gating, implicit filters and the
// Hyena / Orchid sequence-mixing blocks built from them.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_BASE_TD
#define ORCHID_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Orchid_Dialect : Dialect {
  let name = "orchid";
  let summary = "Long-convolution sequence models (Hyena, Orchid)";
  let description = [{
    The `orchid` dialect models the building blocks of long-convolution
    sequence models: FFT convolutions, real FFTs, short depthwise
    convolutions, implicitly parametrised filters, Orchid's data-dependent
    conditioning networks, and the Hyena and Orchid blocks composed of them.

    Convolution primitives work on `(B, D, L)` tensors with the convolution
    axis innermost; blocks take `(B, L, D)` inputs as the PyTorch modules do.
    See `docs/dialect.md` for the rationale and exact semantics.

    Signals, spectra and convolution kernels are never empty: the verifiers
    reject a static size of 0 in them (weights may still be empty where a
    count of layers is 0). Sizes derived from others, such as the
    `(order + 1) * D` projected channels of a block or the `2L - 1` of a
    linear convolution, must fit in 64 bits. The lowerings add limits of
    their own (transforms of at most 2^22 points); see
    `docs/robustness.md`.
  }];
  let cppNamespace = "::mlir::orchid";
  let useDefaultAttributePrinterParser = 1;
}

class Orchid_Op<string mnemonic, list<Trait> traits = []>
    : Op<Orchid_Dialect, mnemonic, traits>;

class Orchid_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Orchid_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Orchid_ConvMode : I32EnumAttr<"ConvMode", "long convolution mode", [
    I32EnumAttrCase<"causal", 0>,
    I32EnumAttrCase<"bidirectional", 1>,
    I32EnumAttrCase<"circular", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::orchid";
}
def Orchid_ConvModeAttr : EnumAttr<Orchid_Dialect, Orchid_ConvMode, "conv_mode">;

def Orchid_FFTNorm : I32EnumAttr<"FFTNorm", "FFT normalisation", [
    I32EnumAttrCase<"backward", 0>,
    I32EnumAttrCase<"forward", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::orchid";
}
def Orchid_FFTNormAttr : EnumAttr<Orchid_Dialect, Orchid_FFTNorm, "fft_norm">;

def Orchid_Padding : I32EnumAttr<"Padding", "short convolution padding", [
    I32EnumAttrCase<"causal", 0>,
    I32EnumAttrCase<"centered", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::orchid";
}
def Orchid_PaddingAttr : EnumAttr<Orchid_Dialect, Orchid_Padding, "padding">;

def Orchid_ConditionKind : I32EnumAttr<"ConditionKind",
    "Orchid conditioning network kind", [
    I32EnumAttrCase<"spectral", 0>,
    I32EnumAttrCase<"correlation", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::orchid";
}
def Orchid_ConditionKindAttr
    : EnumAttr<Orchid_Dialect, Orchid_ConditionKind, "condition_kind">;

def Orchid_FilterNorm : I32EnumAttr<"FilterNorm",
    "where an implicit filter applies its L1 normalisation", [
    I32EnumAttrCase<"none", 0>,
    I32EnumAttrCase<"before_modulation", 1>,
    I32EnumAttrCase<"after_modulation", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::orchid";
}
def Orchid_FilterNormAttr
    : EnumAttr<Orchid_Dialect, Orchid_FilterNorm, "filter_norm">;

def Orchid_GridPolicy : I32EnumAttr<"GridPolicy",
    "what an implicit filter does for lengths above its l_max", [
    I32EnumAttrCase<"reject", 0>,
    I32EnumAttrCase<"extrapolate", 1>,
    I32EnumAttrCase<"zero_pad", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::orchid";
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

// A double-precision parameter with a default, printed as a plain float.
class Orchid_F64Parameter<string default>
    : APFloatParameter<"a double-precision value"> {
  let defaultValue = "::llvm::APFloat(" # default # ")";
}

// A boolean parameter with a default, printed as `true` or `false`.
class Orchid_BoolParameter<string default>
    : AttrOrTypeParameter<"bool", "a boolean"> {
  let parser = [{ [&]() -> ::mlir::FailureOr<bool> {
    ::mlir::BoolAttr value;
    if ($_parser.parseAttribute(value))
      return ::mlir::failure();
    return value.getValue();
  }() }];
  let printer = [{ $_printer << ($_self ? "true" : "false") }];
  let defaultValue = default;
}

def Orchid_FilterConfigAttr : Orchid_Attr<"FilterConfig", "filter"> {
  let summary = "Hyperparameters of a Hyena implicit filter";
  let description = [{
    The parameters of a Hyena implicit filter that are not weights:

    * `l_max`: the length of the positional grid the filter was trained on.
    * `shift`, `target`, `fast_decay_pct`, `slow_decay_pct`: the exponential
      modulation `h * (exp(-t * |deltas|) + shift)`, with
      `deltas = linspace(log(target) / slow_decay_pct,
                         log(target) / fast_decay_pct, (N-1) * D)` unless
      the filter is given stored `deltas`.
    * `modulate`: `false` drops the modulation (the FFN output is the
      kernel).
    * `bias`: `false` zeroes the skip term of the convolutions that use
      the filter (the bias tensor is still an operand, as in the PyTorch
      modules, which multiply it by 0).
    * `w_mod`: a constant factor of every Sin layer, `sin(w_mod * freq * x)`.
    * `normalize`: the per-position L1 normalisation across features:
      `none`, `after_modulation` (what both Hyena's and Orchid's filters
      do) or `before_modulation`.
    * `grid`: lengths above `l_max` are rejected (`reject`, the default),
      served by extending the positional grid beyond `l_max` with the same
      step (`extrapolate`), or served with kernels of `l_max` taps that are
      zero beyond (`zero_pad`, Orchid's behaviour).

    Example:

    ```mlir
    #orchid.filter<l_max = 1024>
    #orchid.filter<l_max = 1024, shift = 0.05, modulate = false,
                   bias = false, w_mod = 10.0, normalize = after_modulation,
                   grid = zero_pad>
    ```
  }];
  let parameters = (ins
    "int64_t":$l_max,
    Orchid_F64Parameter<"0.0">:$shift,
    Orchid_F64Parameter<"1e-2">:$target,
    Orchid_F64Parameter<"0.3">:$fast_decay_pct,
    Orchid_F64Parameter<"1.5">:$slow_decay_pct,
    Orchid_BoolParameter<"true">:$modulate,
    Orchid_BoolParameter<"true">:$bias,
    Orchid_F64Parameter<"1.0">:$w_mod,
    DefaultValuedParameter<"::mlir::orchid::FilterNorm",
                           "::mlir::orchid::FilterNorm::none">:$normalize,
    DefaultValuedParameter<"::mlir::orchid::GridPolicy",
                           "::mlir::orchid::GridPolicy::reject">:$grid
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

#endif // ORCHID_BASE_TD
