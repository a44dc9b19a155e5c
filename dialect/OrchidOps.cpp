//===- OrchidOps.cpp - Orchid operation verifiers ---------------*- C++ -*-===//
//
// Shapes may mix static and dynamic sizes (typically a dynamic sequence
// length): a relation between two sizes is only checked when both are
// static, so that the verifiers accept every shape some execution could
// give a meaning to.
//
//===----------------------------------------------------------------------===//

#include "dialect/OrchidOps.h"
#include "dialect/CheckedSize.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::orchid;

static constexpr int64_t kDynamic = ShapedType::kDynamic;

LogicalResult FilterConfigAttr::verify(
    function_ref<InFlightDiagnostic()> emitError, int64_t lMax, APFloat shift,
    APFloat target, APFloat fastDecayPct, APFloat slowDecayPct, bool modulate,
    bool bias, APFloat wMod, FilterNorm normalize, GridPolicy grid) {
  if (lMax < 1)
    return emitError() << "l_max must be positive, got " << lMax;
  double t = target.convertToDouble();
  if (!(t > 0.0 && t < 1.0))
    return emitError() << "target must lie in (0, 1), got " << t;
  if (!(fastDecayPct.convertToDouble() > 0.0) ||
      !(slowDecayPct.convertToDouble() > 0.0))
    return emitError() << "decay percentages must be positive";
  if (!wMod.isFinite())
    return emitError() << "w_mod must be finite";
  return success();
}

//===----------------------------------------------------------------------===//
// Shape helpers
//===----------------------------------------------------------------------===//

static bool isStatic(int64_t size) { return !ShapedType::isDynamic(size); }

/// Returns the static one of two sizes that must agree, dynamic if neither.
static int64_t merge(int64_t a, int64_t b) { return isStatic(a) ? a : b; }

/// Returns `a * b`, dynamic if either is; a product that overflows 64 bits
/// is reported on `op` as the size `what`.
static FailureOr<int64_t> mul(Operation *op, const Twine &what, int64_t a,
                              int64_t b) {
  if (!isStatic(a) || !isStatic(b))
    return kDynamic;
  if (std::optional<int64_t> product = checkedMulSize(a, b))
    return *product;
  op->emitOpError() << "expects " << what << " = " << a << " * " << b
                    << " to fit in 64 bits";
  return failure();
}

/// Returns `a + b`, dynamic if `a` is; a sum that overflows 64 bits is
/// reported on `op` as the size `what`.
static FailureOr<int64_t> add(Operation *op, const Twine &what, int64_t a,
                              int64_t b) {
  if (!isStatic(a))
    return kDynamic;
  if (std::optional<int64_t> sum = checkedAddSize(a, b))
    return *sum;
  op->emitOpError() << "expects " << what << " = " << a << " + " << b
                    << " to fit in 64 bits";
  return failure();
}

/// Number of coefficients an n-point real FFT keeps.
static int64_t halfSpectrum(int64_t n) { return n / 2 + 1; }

static ArrayRef<int64_t> shapeOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getShape();
}

/// Formats a shape as in a tensor type, `?` for a dynamic size.
static std::string formatShape(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string str;
  llvm::raw_string_ostream os(str);
  llvm::interleave(
      shape, os,
      [&](int64_t size) {
        if (isStatic(size))
          os << size;
        else
          os << '?';
      },
      "x");
  return str;
}

/// Checks that `value` has rank `rank`.
static LogicalResult verifyRank(Operation *op, const Twine &name, Value value,
                                int64_t rank) {
  int64_t actual = shapeOf(value).size();
  if (actual != rank)
    return op->emitOpError()
           << "expects '" << name << "' of rank " << rank << ", got " << actual;
  return success();
}

/// Checks that no static size of `value` is 0. The signals, spectra and
/// kernels of Orchid ops are never empty: the lowerings divide by their
/// sizes, and an empty convolution or transform has no meaning to give.
static LogicalResult verifyNonEmpty(Operation *op, const Twine &name,
                                    Value value) {
  ArrayRef<int64_t> shape = shapeOf(value);
  if (llvm::is_contained(shape, 0))
    return op->emitOpError() << "expects a non-empty '" << name
                             << "', got shape " << formatShape(shape);
  return success();
}

/// Checks that `value` has the shape `expected`; a dynamic size on either
/// side matches any size.
static LogicalResult verifyShape(Operation *op, const Twine &name, Value value,
                                 ArrayRef<int64_t> expected) {
  ArrayRef<int64_t> actual = shapeOf(value);
  bool matches = actual.size() == expected.size() &&
                 llvm::all_of(llvm::zip_equal(actual, expected), [](auto p) {
                   auto [a, e] = p;
                   return !isStatic(a) || !isStatic(e) || a == e;
                 });
  if (!matches)
    return op->emitOpError()
           << "expects '" << name << "' of shape " << formatShape(expected)
           << ", got " << formatShape(actual);
  return success();
}

/// Checks that the result has exactly the type of the input: the
/// convolution primitives preserve the layout of the signal they filter.
static LogicalResult verifySameAsInput(Operation *op, Value input,
                                       Value output) {
  if (input.getType() != output.getType())
    return op->emitOpError() << "expects the result type " << output.getType()
                             << " to equal the input type " << input.getType();
  return success();
}

/// Checks that the centred convolution `name` has an odd kernel size (its
/// innermost size), so that its taps are symmetric around the output.
static LogicalResult verifyOddKernel(Operation *op, const Twine &name,
                                     Value weight) {
  int64_t size = shapeOf(weight).back();
  if (isStatic(size) && size % 2 == 0)
    return op->emitOpError() << "expects an odd kernel size for the centered "
                                "convolution '"
                             << name << "', got " << size;
  return success();
}

/// Checks that sequences of static length `seqLen` lie on the positional
/// grid of `config`, or that the grid may be extrapolated.
static LogicalResult verifyFilterLength(Operation *op, StringRef attrName,
                                        FilterConfigAttr config,
                                        int64_t seqLen) {
  if (isStatic(seqLen) && seqLen > config.getLMax() &&
      config.getGrid() == GridPolicy::reject)
    return op->emitOpError()
           << "sequence length " << seqLen
           << " exceeds l_max = " << config.getLMax() << " of '" << attrName
           << "'; use grid = extrapolate or grid = zero_pad to allow it";
  return success();
}

/// Checks the six weights of a Hyena implicit filter, in operand order
/// w_in (W x E), b_in (W), w_inner (M x W x W), b_inner (M x W),
/// freq ((M+1) x W) and w_out (rows x W), the operand names prefixed with
/// `prefix`.
static LogicalResult verifyFilterWeights(Operation *op, StringRef prefix,
                                         ValueRange weights, int64_t rows) {
  assert(weights.size() == 6 && "an implicit filter has six weights");
  Value wIn = weights[0], bIn = weights[1], wInner = weights[2],
        bInner = weights[3], freq = weights[4], wOut = weights[5];
  if (failed(verifyRank(op, prefix + "w_in", wIn, 2)))
    return failure();
  int64_t width = shapeOf(wIn)[0], emb = shapeOf(wIn)[1];
  if (isStatic(emb) && (emb < 3 || emb % 2 == 0))
    return op->emitOpError() << "expects an odd embedding size >= 3 (columns "
                                "of '"
                             << prefix << "w_in'), got " << emb;
  if (failed(verifyShape(op, prefix + "b_in", bIn, {width})) ||
      failed(verifyShape(op, prefix + "w_inner", wInner,
                         {kDynamic, width, width})))
    return failure();
  int64_t inner = shapeOf(wInner)[0];
  width = merge(width, shapeOf(wInner)[1]);
  FailureOr<int64_t> freqRows =
      add(op, "the rows of '" + prefix + "freq'", inner, 1);
  if (failed(freqRows) ||
      failed(verifyShape(op, prefix + "b_inner", bInner, {inner, width})) ||
      failed(verifyShape(op, prefix + "freq", freq, {*freqRows, width})))
    return failure();
  return verifyShape(op, prefix + "w_out", wOut, {rows, width});
}

/// Checks the stored state of an implicit filter, both optional: `z`
/// (`l_max x E`, `E` the columns of `w_in`) and `deltas` (`features`). A
/// stored embedding has `l_max` rows, so it cannot be extrapolated.
static LogicalResult verifyFilterState(Operation *op, StringRef prefix,
                                       Value wIn, Value z, Value deltas,
                                       FilterConfigAttr config,
                                       int64_t features, int64_t seqLen) {
  if (z) {
    if (failed(verifyShape(op, prefix + "z", z,
                           {config.getLMax(), shapeOf(wIn)[1]})))
      return failure();
    if (isStatic(seqLen) && seqLen > config.getLMax() &&
        config.getGrid() == GridPolicy::extrapolate)
      return op->emitOpError()
             << "cannot extrapolate a stored '" << prefix
             << "z' of l_max = " << config.getLMax() << " rows to length "
             << seqLen << "; use grid = zero_pad";
  }
  if (deltas && failed(verifyShape(op, prefix + "deltas", deltas, {features})))
    return failure();
  return success();
}

/// Checks the weights of a centred convolution followed by a LayerNorm over
/// `channels`: conv weight (channels x K, K odd, or channels x groupInputs x
/// K for a grouped convolution reading `groupInputs` channels per group),
/// conv bias, LayerNorm gain and LayerNorm bias (each `channels`).
static LogicalResult verifyConvNorm(Operation *op, ValueRange weights,
                                    ArrayRef<StringRef> names, int64_t channels,
                                    int64_t groupInputs = 0) {
  SmallVector<int64_t> weightShape = {channels, kDynamic};
  if (groupInputs)
    weightShape.insert(weightShape.begin() + 1, groupInputs);
  if (failed(verifyShape(op, names[0], weights[0], weightShape)) ||
      failed(verifyOddKernel(op, names[0], weights[0])))
    return failure();
  for (int i = 1; i < 4; ++i)
    if (failed(verifyShape(op, names[i], weights[i], {channels})))
      return failure();
  return success();
}

/// Checks the weights of a conditioning network of kind `kind` that reads
/// `d` channels and produces `c` spectra.
static LogicalResult verifyConditionWeights(Operation *op, ConditionKind kind,
                                            ValueRange weights, int64_t d,
                                            int64_t c) {
  static constexpr StringRef spectralNames[] = {"conv1_w", "conv1_b", "ln1_g",
                                                "ln1_b",   "conv2_w", "conv2_b",
                                                "ln2_g",   "ln2_b"};
  static constexpr StringRef correlationNames[] = {
      "convk_w", "convk_b", "lnk_g",   "lnk_b",   "convq_w", "convq_b",
      "lnq_g",   "lnq_b",   "conv3_w", "conv3_b", "ln3_g",   "ln3_b"};
  ArrayRef<StringRef> names = kind == ConditionKind::spectral
                                  ? ArrayRef<StringRef>(spectralNames)
                                  : ArrayRef<StringRef>(correlationNames);
  if (weights.size() != names.size())
    return op->emitOpError() << "expects " << names.size() << " weights for a '"
                             << stringifyConditionKind(kind)
                             << "' condition, got " << weights.size();
  // Every group but the last reads the D input channels; the last one
  // produces the real and imaginary parts of the C spectra. The
  // correlation's last convolution is grouped, two input channels a group.
  size_t numGroups = names.size() / 4;
  for (size_t g = 0; g < numGroups; ++g) {
    bool last = g + 1 == numGroups;
    FailureOr<int64_t> channels = d;
    if (last)
      channels = mul(op, "the 2 * C channels of the last convolution", 2, c);
    if (failed(channels))
      return failure();
    int64_t groupInputs = last && kind == ConditionKind::correlation ? 2 : 0;
    if (failed(verifyConvNorm(op, weights.slice(4 * g, 4),
                              names.slice(4 * g, 4), *channels, groupInputs)))
      return failure();
  }
  return success();
}

/// Checks what Hyena and Orchid blocks share: a (B, L, D) input and result,
/// the input projection, the short filter, the static implicit filter with
/// its bias, and the output projection.
static LogicalResult verifyBlock(Operation *op, int64_t order, Value input,
                                 Value inProjWeight, Value inProjBias,
                                 Value shortWeight, Value shortBias,
                                 ValueRange filterWeights, Value filterBias,
                                 Value outProjWeight, Value outProjBias,
                                 Value output, FilterConfigAttr filter,
                                 Value filterZ, Value filterDeltas) {
  if (failed(verifyRank(op, "input", input, 3)) ||
      failed(verifySameAsInput(op, input, output)) ||
      failed(verifyNonEmpty(op, "input", input)))
    return failure();
  int64_t seqLen = shapeOf(input)[1], d = shapeOf(input)[2];
  FailureOr<int64_t> orderPlusOne = add(op, "order + 1", order, 1);
  if (failed(orderPlusOne))
    return failure();
  FailureOr<int64_t> projectedOr =
      mul(op, "the projected channels (order + 1) * D", *orderPlusOne, d);
  if (failed(projectedOr))
    return failure();
  // (order - 1) * D is smaller, so it fits too.
  int64_t projected = *projectedOr;
  int64_t filtered = isStatic(d) ? (order - 1) * d : kDynamic;
  if (failed(verifyShape(op, "in_proj_weight", inProjWeight, {projected, d})) ||
      failed(verifyShape(op, "in_proj_bias", inProjBias, {projected})) ||
      failed(verifyShape(op, "short_filter_weight", shortWeight,
                         {projected, kDynamic})) ||
      failed(verifyShape(op, "short_filter_bias", shortBias, {projected})) ||
      failed(verifyFilterWeights(op, "filter_", filterWeights, filtered)) ||
      failed(verifyShape(op, "filter_bias", filterBias, {filtered})) ||
      failed(verifyShape(op, "out_proj_weight", outProjWeight, {d, d})) ||
      failed(verifyShape(op, "out_proj_bias", outProjBias, {d})) ||
      failed(verifyFilterState(op, "filter_", filterWeights[0], filterZ,
                               filterDeltas, filter, filtered, seqLen)))
    return failure();
  return verifyFilterLength(op, "filter", filter, seqLen);
}

//===----------------------------------------------------------------------===//
// Transforms
//===----------------------------------------------------------------------===//

/// Checks what rfft and irfft share: a real side of rank >= 1 and a complex
/// side with the same batch axes and the n / 2 + 1 coefficients of an
/// n-point transform innermost.
static LogicalResult verifyFFT(Operation *op, StringRef realName, Value real,
                               StringRef complexName, Value complex,
                               int64_t n) {
  ArrayRef<int64_t> realShape = shapeOf(real);
  if (realShape.empty())
    return op->emitOpError() << "expects '" << realName << "' of rank >= 1";
  if (failed(verifyRank(op, complexName, complex, realShape.size())) ||
      failed(verifyNonEmpty(op, realName, real)) ||
      failed(verifyNonEmpty(op, complexName, complex)))
    return failure();
  SmallVector<int64_t> expected(realShape.drop_back());
  expected.push_back(halfSpectrum(n));
  return verifyShape(op, complexName, complex, expected);
}

LogicalResult RFFTOp::verify() {
  return verifyFFT(*this, "input", getInput(), "output", getOutput(), getN());
}

LogicalResult IRFFTOp::verify() {
  if (failed(
          verifyFFT(*this, "output", getOutput(), "input", getInput(), getN())))
    return failure();
  int64_t size = getOutput().getType().getShape().back();
  if (isStatic(size) && size > getN())
    return emitOpError() << "expects at most n = " << getN()
                         << " output samples, got " << size;
  return success();
}

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

/// Checks a (B, D, L) signal, a per-channel kernel (D, K) or per-batch
/// kernel (B, D, K) with K = `kernelSize`, a (D) bias, and a result of the
/// input's type.
static LogicalResult verifyLongConv(Operation *op, Value input,
                                    StringRef kernelName, Value kernel,
                                    Value bias, Value output,
                                    int64_t kernelSize) {
  if (failed(verifyRank(op, "input", input, 3)) ||
      failed(verifySameAsInput(op, input, output)))
    return failure();
  ArrayRef<int64_t> shape = shapeOf(input);
  int64_t rank = shapeOf(kernel).size();
  if (rank != 2 && rank != 3)
    return op->emitOpError()
           << "expects '" << kernelName
           << "' of rank 2 (D x K) or 3 (B x D x K), got " << rank;
  SmallVector<int64_t> expected = {shape[1], kernelSize};
  if (rank == 3)
    expected.insert(expected.begin(), shape[0]);
  if (failed(verifyNonEmpty(op, "input", input)) ||
      failed(verifyNonEmpty(op, kernelName, kernel)) ||
      failed(verifyShape(op, kernelName, kernel, expected)))
    return failure();
  return verifyShape(op, "bias", bias,
                     {merge(shape[1], shapeOf(kernel)[rank - 2])});
}

LogicalResult FFTConvOp::verify() {
  int64_t seqLen = kDynamic;
  if (auto type = getInput().getType(); type.getRank() == 3)
    seqLen = type.getShape()[2];
  bool bidirectional = getMode() == ConvMode::bidirectional;
  std::optional<int64_t> fftSize = getFftSize();
  // 2L - 1 is the kernel size of a bidirectional convolution and the
  // smallest grid of an exact linear one; a causal or circular one without
  // fft_size does not need it.
  int64_t linearSize = kDynamic;
  if (bidirectional || fftSize) {
    FailureOr<int64_t> twiceLen = mul(*this, "2 * L", 2, seqLen);
    if (failed(twiceLen))
      return failure();
    if (isStatic(seqLen))
      linearSize = *twiceLen - 1;
  }
  int64_t kernelSize = bidirectional ? linearSize : seqLen;
  if (failed(verifyLongConv(*this, getInput(), "kernel", getKernel(), getBias(),
                            getOutput(), kernelSize)))
    return failure();
  if (!fftSize || !isStatic(seqLen))
    return success();
  // Zero padding to 2L - 1 points makes a cyclic convolution linear; a
  // circular convolution is also exact on L points.
  bool circular = getMode() == ConvMode::circular;
  if (*fftSize >= linearSize || (circular && *fftSize == seqLen))
    return success();
  InFlightDiagnostic diag = emitOpError()
                            << "expects fft_size >= 2 * L - 1 = " << linearSize;
  if (circular)
    diag << " or fft_size == L = " << seqLen;
  return diag << ", got " << *fftSize;
}

LogicalResult SpectralConvOp::verify() {
  if (failed(verifyLongConv(*this, getInput(), "spectrum", getSpectrum(),
                            getBias(), getOutput(), halfSpectrum(getN()))))
    return failure();
  int64_t seqLen = getInput().getType().getShape()[2];
  if (isStatic(seqLen) && getN() < seqLen)
    return emitOpError() << "expects n >= L = " << seqLen << ", got " << getN();
  return success();
}

LogicalResult ShortConvOp::verify() {
  if (failed(verifyRank(*this, "input", getInput(), 3)) ||
      failed(verifySameAsInput(*this, getInput(), getOutput())))
    return failure();
  int64_t channels = getInput().getType().getShape()[1];
  if (failed(verifyNonEmpty(*this, "input", getInput())) ||
      failed(verifyShape(*this, "weight", getWeight(), {channels, kDynamic})) ||
      failed(verifyNonEmpty(*this, "weight", getWeight())))
    return failure();
  channels = merge(channels, getWeight().getType().getShape()[0]);
  if (failed(verifyShape(*this, "bias", getBias(), {channels})))
    return failure();
  if (getPadding() == Padding::centered)
    return verifyOddKernel(*this, "weight", getWeight());
  return success();
}

//===----------------------------------------------------------------------===//
// Filters and conditioning
//===----------------------------------------------------------------------===//

LogicalResult ImplicitFilterOp::verify() {
  if (failed(verifyRank(*this, "output", getOutput(), 3)) ||
      failed(verifyNonEmpty(*this, "output", getOutput())))
    return failure();
  ArrayRef<int64_t> shape = getOutput().getType().getShape();
  FailureOr<int64_t> features =
      mul(*this, "the filter count C * D", shape[0], shape[1]);
  if (failed(features))
    return failure();
  SmallVector<Value> weights = {getWIn(),    getBIn(),  getWInner(),
                                getBInner(), getFreq(), getWOut()};
  if (failed(verifyFilterWeights(*this, "", weights, *features)) ||
      failed(verifyFilterState(*this, "", getWIn(), getZ(), getDeltas(),
                               getConfig(), *features, shape[2])))
    return failure();
  return verifyFilterLength(*this, "config", getConfig(), shape[2]);
}

LogicalResult ConditionOp::verify() {
  if (failed(verifyRank(*this, "input", getInput(), 3)) ||
      failed(verifyRank(*this, "output", getOutput(), 3)) ||
      failed(verifyNonEmpty(*this, "input", getInput())) ||
      failed(verifyNonEmpty(*this, "output", getOutput())))
    return failure();
  ArrayRef<int64_t> in = getInput().getType().getShape();
  int64_t seqLen = in[1], d = in[2];
  if (failed(verifyShape(*this, "output", getOutput(),
                         {in[0], kDynamic, halfSpectrum(getN())})))
    return failure();
  int64_t c = getOutput().getType().getShape()[1];
  if (isStatic(c) && isStatic(d) && c % d != 0)
    return emitOpError() << "expects the " << c
                         << " output channels to be a multiple of D = " << d;
  if (isStatic(seqLen) && getN() < seqLen)
    return emitOpError() << "expects n >= L = " << seqLen << ", got " << getN();
  return verifyConditionWeights(*this, getKind(), getWeights(), d, c);
}

//===----------------------------------------------------------------------===//
// Blocks
//===----------------------------------------------------------------------===//

LogicalResult HyenaOp::verify() {
  SmallVector<Value> filterWeights = {getFilterWIn(),    getFilterBIn(),
                                      getFilterWInner(), getFilterBInner(),
                                      getFilterFreq(),   getFilterWOut()};
  return verifyBlock(*this, getOrder(), getInput(), getInProjWeight(),
                     getInProjBias(), getShortFilterWeight(),
                     getShortFilterBias(), filterWeights, getFilterBias(),
                     getOutProjWeight(), getOutProjBias(), getOutput(),
                     getFilter(), getFilterZ(), getFilterDeltas());
}

/// Checks the second FFN of a bidirectional static filter: the weights of
/// `orchid.implicit_filter` with `rows` outputs, reading the embedding of
/// the forward FFN `wIn`.
static LogicalResult verifyReverseFilter(Operation *op, StringRef prefix,
                                         ValueRange weights, Value wIn,
                                         int64_t rows) {
  if (weights.size() != 6)
    return op->emitOpError()
           << "expects 6 '" << prefix
           << "' weights of a reverse implicit filter, got " << weights.size();
  if (failed(verifyFilterWeights(op, (prefix + "_").str(), weights, rows)))
    return failure();
  return verifyShape(op, prefix + "_w_in", weights[0],
                     {kDynamic, shapeOf(wIn)[1]});
}

LogicalResult OrchidOp::verify() {
  ValueRange filter = getFilterWeights(), residual = getResidualWeights();
  if (filter.size() != 7)
    return emitOpError() << "expects 7 filter weights (6 implicit-filter "
                            "weights and the bias), got "
                         << filter.size();
  if (!residual.empty() && residual.size() != 7)
    return emitOpError() << "expects 0 or 7 residual weights, got "
                         << residual.size();
  if (residual.empty() != !getResidualFilter())
    return emitOpError() << "expects a 'residual_filter' attribute exactly "
                            "when residual weights are given";
  if (residual.empty() &&
      (getResidualZ() || getResidualDeltas() || !getResidualReverse().empty()))
    return emitOpError() << "expects no 'residual_z', 'residual_deltas' or "
                            "'residual_reverse' without residual weights";
  if (!getAlphaAdapt().isFinite())
    return emitOpError() << "expects a finite 'alpha_adapt'";
  bool bidirectional = getMode() == ConvMode::bidirectional;
  if (!bidirectional &&
      (!getFilterReverse().empty() || !getResidualReverse().empty()))
    return emitOpError() << "expects reverse filters only in bidirectional "
                            "mode";
  if (failed(verifyBlock(
          *this, getOrder(), getInput(), getInProjWeight(), getInProjBias(),
          getShortFilterWeight(), getShortFilterBias(), filter.take_front(6),
          filter.back(), getOutProjWeight(), getOutProjBias(), getOutput(),
          getFilter(), getFilterZ(), getFilterDeltas())))
    return failure();
  int64_t seqLen = getInput().getType().getShape()[1],
          d = getInput().getType().getShape()[2];
  // verifyBlock checked that (order - 1) * D fits.
  int64_t filtered = isStatic(d) ? (getOrder() - 1) * d : kDynamic;
  if (bidirectional &&
      failed(verifyReverseFilter(*this, "filter_rev", getFilterReverse(),
                                 filter[0], filtered)))
    return failure();
  if (failed(verifyConditionWeights(*this, getCondition(),
                                    getConditionWeights(), d, filtered)))
    return failure();
  if (residual.empty())
    return success();
  // The residual convolution filters the D input channels with one kernel.
  if (failed(
          verifyFilterWeights(*this, "residual_", residual.take_front(6), d)) ||
      failed(verifyShape(*this, "residual_bias", residual.back(), {d})) ||
      failed(verifyFilterState(*this, "residual_", residual[0], getResidualZ(),
                               getResidualDeltas(), getResidualFilterAttr(), d,
                               seqLen)))
    return failure();
  if (bidirectional &&
      failed(verifyReverseFilter(*this, "residual_rev", getResidualReverse(),
                                 residual[0], d)))
    return failure();
  return verifyFilterLength(*this, "residual_filter", getResidualFilterAttr(),
                            seqLen);
}

#define GET_OP_CLASSES
#include "dialect/OrchidOps.cpp.inc"
