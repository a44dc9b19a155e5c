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
    I32EnumAttrCase<"extrapolate", 1>]> {
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

def Orchid_FilterConfigAttr : Orchid_Attr<"FilterConfig", "filter"> {
  let summary = "Hyperparameters of a Hyena implicit filter";
  let description = [{
    The parameters of a Hyena implicit filter that are not weights:

    * `l_max`: the length of the positional grid the filter was trained on.
    * `shift`, `target`, `fast_decay_pct`, `slow_decay_pct`: the exponential
      modulation `h * (exp(-t * |deltas|) + shift)`, with
      `deltas = linspace(log(target) / slow_decay_pct,
                         log(target) / fast_decay_pct, (N-1) * D)`.
    * `normalize`: where the per-position L1 normalisation is applied
      (`none`, `before_modulation` as in Hyena, `after_modulation` as in
      Orchid's static filter).
    * `grid`: lengths above `l_max` are rejected (`reject`, the default) or
      served by extending the positional grid beyond `l_max` with the same
      step (`extrapolate`).

    Example:

    ```mlir
    #orchid.filter<l_max = 1024>
    #orchid.filter<l_max = 1024, shift = 0.05, normalize = after_modulation>
    ```
  }];
  let parameters = (ins
    "int64_t":$l_max,
    Orchid_F64Parameter<"0.0">:$shift,
    Orchid_F64Parameter<"1e-2">:$target,
    Orchid_F64Parameter<"0.3">:$fast_decay_pct,
    Orchid_F64Parameter<"1.5">:$slow_decay_pct,
    DefaultValuedParameter<"::mlir::orchid::FilterNorm",
                           "::mlir::orchid::FilterNorm::none">:$normalize,
    DefaultValuedParameter<"::mlir::orchid::GridPolicy",
                           "::mlir::orchid::GridPolicy::reject">:$grid
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

#endif // ORCHID_BASE_TD
