//===- Decompose.cpp - Hyena and Orchid blocks into primitives ------------===//
//
// orchid.hyena and orchid.orchid become the computation of the reference
// modules, step by step: linear projections as linalg.matmul, the causal
// short filter as orchid.short_conv, the channel split as slices, gating as
// elementwise linalg.generic, the long convolutions as orchid.fftconv
// (Hyena) or orchid.rfft + orchid.spectral_conv on an explicit kernel
// spectrum (Orchid, whose kernel is part static, part data-dependent, and
// whose bidirectional static kernels hold a mirrored second filter). The
// implicit filter and the conditioning network stay as orchid ops;
// orchid-expand-filters lowers them.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialect/OrchidOps.h"
#include "lowering/FFT/Plan.h"
#include "passes/TensorBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <algorithm>

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDDECOMPOSE
#include "passes/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

namespace {
/// Static sizes of a block: batch, length, channels and order.
struct BlockShape {
  int64_t batch, length, channels, order;
};
} // namespace

static FailureOr<BlockShape> getBlockShape(Value input, int64_t order) {
  RankedTensorType type = getTensorType(input);
  if (type.getRank() != 3 || !type.hasStaticShape())
    return failure();
  return BlockShape{type.getDimSize(0), type.getDimSize(1), type.getDimSize(2),
                    order};
}

/// `in_proj` on a `B x L x D` input: `B x L x (N+1)D`.
static Value projectInput(OpBuilder &b, Location loc, Value x, Value weight,
                          Value bias, const BlockShape &s) {
  Value rows = buildCollapse(b, loc, x, {{0, 1}, {2}});
  Value z = buildLinear(b, loc, rows, weight, bias);
  int64_t width = getTensorType(weight).getDimSize(0);
  return buildExpand(b, loc, z, {s.batch, s.length, width}, {{0, 1}, {2}});
}

/// `out_proj` of `y` (`B x D x L`), returned as `B x L x D`.
static Value projectOutput(OpBuilder &b, Location loc, Value y, Value weight,
                           Value bias, const BlockShape &s) {
  Value yt = buildTranspose(b, loc, y, {0, 2, 1});
  Value rows = buildCollapse(b, loc, yt, {{0, 1}, {2}});
  Value out = buildLinear(b, loc, rows, weight, bias);
  return buildExpand(b, loc, out, {s.batch, s.length, s.channels},
                     {{0, 1}, {2}});
}

/// The causal short filter on all of `z` (`B x L x (N+1)D`), split into the
/// gates `x_0 ... x_{N-1}` and `v`, each `B x D x L`.
static SmallVector<Value> shortFilterAndSplit(OpBuilder &b, Location loc,
                                              Value z, Value weight, Value bias,
                                              const BlockShape &s) {
  Value zt = buildTranspose(b, loc, z, {0, 2, 1});
  Value filtered = ShortConvOp::create(
      b, loc, zt.getType(), PaddingAttr::get(b.getContext(), Padding::causal),
      zt, weight, bias);
  SmallVector<Value> parts;
  for (int64_t i = 0; i <= s.order; ++i)
    parts.push_back(
        buildSlice(b, loc, filtered, 1, i * s.channels, s.channels));
  return parts;
}

/// Picks convolution `o` out of an axis of `numKernels * D` interleaved
/// features (feature `d * numKernels + o`), by splitting the axis in
/// `(D, numKernels)`.
static Value sliceInterleaved(OpBuilder &b, Location loc, Value value,
                              unsigned dim, int64_t numKernels, int64_t o) {
  if (numKernels == 1)
    return value;
  RankedTensorType type = getTensorType(value);
  SmallVector<int64_t> shape(type.getShape());
  shape[dim] /= numKernels;
  shape.insert(shape.begin() + dim + 1, numKernels);
  SmallVector<ReassociationIndices> reassociation;
  for (unsigned d = 0; d < type.getRank(); ++d) {
    unsigned first = d <= dim ? d : d + 1;
    if (d == dim)
      reassociation.push_back({first, first + 1});
    else
      reassociation.push_back({first});
  }
  Value split = buildExpand(b, loc, value, shape, reassociation);
  return buildSlice(b, loc, split, dim + 1, o, 1, /*dropDim=*/true);
}

/// Steps 4 and 5 of both blocks: for `i = N-1 ... 1`,
/// `v = conv(v * x_i, o = N-1-i)`, then `v * x_0`.
static Value
gateAndConvolve(OpBuilder &b, Location loc, ArrayRef<Value> parts,
                const BlockShape &s,
                function_ref<Value(Value gated, int64_t o)> convolve) {
  Value v = parts.back();
  for (int64_t i = s.order - 1; i >= 1; --i)
    v = convolve(buildMul(b, loc, v, parts[i]), s.order - 1 - i);
  return buildMul(b, loc, v, parts[0]);
}

/// Evaluates an implicit filter with `numKernels` outputs on `L` points,
/// from its stored embedding `z` and rates `deltas` where given.
static Value buildImplicitFilter(OpBuilder &b, Location loc, ValueRange weights,
                                 Value z, Value deltas, FilterConfigAttr config,
                                 int64_t numKernels, const BlockShape &s) {
  auto type =
      RankedTensorType::get({numKernels, s.channels, s.length}, b.getF32Type());
  return ImplicitFilterOp::create(b, loc, type, weights[0], weights[1],
                                  weights[2], weights[3], weights[4],
                                  weights[5], z, deltas, config);
}

/// The skip bias of a filter: `bias`, or zeros when the filter's bias switch
/// is off (the modules multiply the stored bias by 0).
static Value filterBias(OpBuilder &b, Location loc, Value bias,
                        FilterConfigAttr config) {
  if (config.getBias())
    return bias;
  RankedTensorType type = getTensorType(bias);
  return buildFilled(b, loc, type.getShape(), type.getElementType(), 0.0);
}

/// Orchid's bidirectional static kernels on 2L points from the forward and
/// reverse filters (`K x D x L` each): `pad(k_fwd, (0, L)) +
/// pad(flip(k_rev[:T]), (L, 0))`, with `T` the taps the filters have.
static Value buildBidirectionalKernel(OpBuilder &b, Location loc, Value fwd,
                                      Value rev, int64_t taps) {
  RankedTensorType type = getTensorType(fwd);
  int64_t len = type.getDimSize(2);
  Value mirrored = buildReverse(b, loc, buildSlice(b, loc, rev, 2, 0, taps), 2);
  Value kernel = buildConcat(b, loc, {fwd, mirrored}, 2);
  return buildZeroExtend(b, loc, kernel, 2, 2 * len);
}

/// The number of taps of a static kernel for sequences of `len` points:
/// `l_max` at most under `grid = zero_pad`.
static int64_t kernelTaps(FilterConfigAttr config, int64_t len) {
  return config.getGrid() == GridPolicy::zero_pad
             ? std::min(len, config.getLMax())
             : len;
}

/// `alpha * x` for a real or complex `x`; `x` itself for `alpha = 1`.
static Value buildScale(OpBuilder &b, Location loc, Value x, double alpha) {
  if (alpha == 1.0)
    return x;
  RankedTensorType type = getTensorType(x);
  if (isa<ComplexType>(type.getElementType())) {
    Value re = buildScale(b, loc, buildRealPart(b, loc, x, false), alpha);
    Value im = buildScale(b, loc, buildRealPart(b, loc, x, true), alpha);
    return buildComplex(b, loc, re, im);
  }
  Value factor = buildScalar(b, loc, type.getElementType(), alpha);
  return buildMap(b, loc, type.getShape(), type.getElementType(), {{x}},
                  [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                    return arith::MulFOp::create(nb, nloc, factor, args[0]);
                  });
}

namespace {
struct DecomposeHyena : public OpRewritePattern<HyenaOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(HyenaOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<BlockShape> s = getBlockShape(op.getInput(), op.getOrder());
    if (failed(s))
      return rewriter.notifyMatchFailure(op, "needs a static B x L x D input");
    Location loc = op.getLoc();
    int64_t numKernels = s->order - 1;

    Value z = projectInput(rewriter, loc, op.getInput(), op.getInProjWeight(),
                           op.getInProjBias(), *s);
    SmallVector<Value> parts =
        shortFilterAndSplit(rewriter, loc, z, op.getShortFilterWeight(),
                            op.getShortFilterBias(), *s);
    Value h = buildImplicitFilter(
        rewriter, loc,
        {op.getFilterWIn(), op.getFilterBIn(), op.getFilterWInner(),
         op.getFilterBInner(), op.getFilterFreq(), op.getFilterWOut()},
        op.getFilterZ(), op.getFilterDeltas(), op.getFilter(), numKernels, *s);
    Value allBias =
        filterBias(rewriter, loc, op.getFilterBias(), op.getFilter());
    auto convolve = [&](Value v, int64_t o) -> Value {
      Value kernel = buildSlice(rewriter, loc, h, 0, o, 1, /*dropDim=*/true);
      Value bias = sliceInterleaved(rewriter, loc, allBias, 0, numKernels, o);
      return FFTConvOp::create(
          rewriter, loc, v.getType(),
          ConvModeAttr::get(rewriter.getContext(), ConvMode::causal), v, kernel,
          bias, rewriter.getF64FloatAttr(1.0), IntegerAttr());
    };
    Value y = gateAndConvolve(rewriter, loc, parts, *s, convolve);
    rewriter.replaceOp(op,
                       projectOutput(rewriter, loc, y, op.getOutProjWeight(),
                                     op.getOutProjBias(), *s));
    return success();
  }
};

struct DecomposeOrchid : public OpRewritePattern<OrchidOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(OrchidOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<BlockShape> s = getBlockShape(op.getInput(), op.getOrder());
    if (failed(s))
      return rewriter.notifyMatchFailure(op, "needs a static B x L x D input");
    if (op.getFilterWeights().size() != 7 ||
        !llvm::is_contained<size_t>({0, 7}, op.getResidualWeights().size()))
      return rewriter.notifyMatchFailure(op, "unexpected weight counts");
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    int64_t numKernels = s->order - 1;
    int64_t len = s->length;
    ConvMode mode = op.getMode();
    bool bidirectional = mode == ConvMode::bidirectional;
    bool causalCondition = op.getCausalCondition();
    double alpha = op.getAlphaAdapt().convertToDouble();
    // The reference's circular convolution uses L points; the causal and
    // bidirectional ones the 2L points of a linear convolution, whose
    // kernel spectrum can hold both causal and anti-causal lags.
    int64_t n = mode == ConvMode::circular ? len : 2 * len;
    // A causal conditioning network works on 2L points and yields a
    // time-domain kernel; otherwise its spectrum has the convolution's size.
    int64_t condN = causalCondition ? 2 * len : n;
    Type f32 = rewriter.getF32Type();

    Value z = projectInput(rewriter, loc, op.getInput(), op.getInProjWeight(),
                           op.getInProjBias(), *s);
    Value a =
        buildSlice(rewriter, loc, z, 2, s->order * s->channels, s->channels);
    SmallVector<Value> parts =
        shortFilterAndSplit(rewriter, loc, z, op.getShortFilterWeight(),
                            op.getShortFilterBias(), *s);

    // The static kernels, `numKernels x D x L` (2L when bidirectional).
    ValueRange filterWeights = op.getFilterWeights();
    FilterConfigAttr filter = op.getFilter();
    Value h = buildImplicitFilter(rewriter, loc, filterWeights.take_front(6),
                                  op.getFilterZ(), op.getFilterDeltas(), filter,
                                  numKernels, *s);
    if (bidirectional) {
      Value rev = buildImplicitFilter(rewriter, loc, op.getFilterReverse(),
                                      op.getFilterZ(), op.getFilterDeltas(),
                                      filter, numKernels, *s);
      h = buildBidirectionalKernel(rewriter, loc, h, rev,
                                   kernelTaps(filter, len));
    }
    int64_t kernelLen = getTensorType(h).getDimSize(2);

    auto condType = RankedTensorType::get(
        {s->batch, numKernels * s->channels, condN / 2 + 1},
        ComplexType::get(f32));
    Value cond = ConditionOp::create(
        rewriter, loc, condType, ConditionKindAttr::get(ctx, op.getCondition()),
        a, op.getConditionWeights(), rewriter.getI64IntegerAttr(condN),
        op.getEpsAttr());
    // Causal conditioning contributes the first L taps of a time-domain
    // kernel; otherwise the spectra add.
    if (causalCondition) {
      auto kernelType =
          RankedTensorType::get({s->batch, numKernels * s->channels, len}, f32);
      cond = IRFFTOp::create(rewriter, loc, kernelType, cond,
                             rewriter.getI64IntegerAttr(condN),
                             FFTNormAttr::get(ctx, FFTNorm::forward));
      cond = buildZeroExtend(rewriter, loc, cond, 2, kernelLen);
    }
    cond = buildScale(rewriter, loc, cond, alpha);

    Value allBias = filterBias(rewriter, loc, filterWeights.back(), filter);
    auto convolve = [&](Value v, int64_t o) -> Value {
      Value staticKernel =
          buildSlice(rewriter, loc, h, 0, o, 1, /*dropDim=*/true);
      Value condPart = sliceInterleaved(rewriter, loc, cond, 1, numKernels, o);
      Value spectrum;
      // The per-batch conditioning term absorbs the shared static one.
      if (causalCondition) {
        Value kernel =
            buildAdd(rewriter, loc, condPart, {staticKernel, {1, 2}});
        spectrum = buildRFFT(rewriter, loc, kernel, n, FFTNorm::forward);
      } else {
        Value staticSpectrum =
            buildRFFT(rewriter, loc, staticKernel, n, FFTNorm::forward);
        spectrum = buildAdd(rewriter, loc, condPart, {staticSpectrum, {1, 2}});
      }
      Value bias = sliceInterleaved(rewriter, loc, allBias, 0, numKernels, o);
      return spectralConv(rewriter, loc, v, spectrum, bias, n);
    };
    Value y = gateAndConvolve(rewriter, loc, parts, *s, convolve);

    ValueRange residual = op.getResidualWeights();
    if (!residual.empty()) {
      FilterConfigAttr config = op.getResidualFilterAttr()
                                    ? op.getResidualFilterAttr()
                                    : op.getFilter();
      Value hr = buildImplicitFilter(rewriter, loc, residual.take_front(6),
                                     op.getResidualZ(), op.getResidualDeltas(),
                                     config, 1, *s);
      if (bidirectional) {
        Value rev = buildImplicitFilter(rewriter, loc, op.getResidualReverse(),
                                        op.getResidualZ(),
                                        op.getResidualDeltas(), config, 1, *s);
        hr = buildBidirectionalKernel(rewriter, loc, hr, rev,
                                      kernelTaps(config, len));
      }
      Value kernel = buildSlice(rewriter, loc, hr, 0, 0, 1, /*dropDim=*/true);
      Value spectrum = buildRFFT(rewriter, loc, kernel, n, FFTNorm::forward);
      Value xt = buildTranspose(rewriter, loc, op.getInput(), {0, 2, 1});
      Value bias = filterBias(rewriter, loc, residual.back(), config);
      y = buildAdd(rewriter, loc, y,
                   spectralConv(rewriter, loc, xt, spectrum, bias, n));
    }
    rewriter.replaceOp(op,
                       projectOutput(rewriter, loc, y, op.getOutProjWeight(),
                                     op.getOutProjBias(), *s));
    return success();
  }

private:
  /// `G_n(F_n(v) K)[:L] + bias v` for a spectrum `K` already divided by n.
  static Value spectralConv(OpBuilder &b, Location loc, Value v, Value spectrum,
                            Value bias, int64_t n) {
    return SpectralConvOp::create(b, loc, v.getType(), v, spectrum, bias,
                                  b.getI64IntegerAttr(n), UnitAttr());
  }
};

struct OrchidDecomposePass
    : public orchid::impl::OrchidDecomposeBase<OrchidDecomposePass> {
  void runOnOperation() override {
    // An Orchid block convolves and conditions on 2L points: refuse a
    // length whose transforms no lowering builds before forming 2L.
    WalkResult sizes = getOperation()->walk([](OrchidOp op) {
      int64_t len = op.getInput().getType().getShape()[1];
      if (ShapedType::isDynamic(len) || len <= fft::kMaxFFTSize / 2)
        return WalkResult::advance();
      op.emitOpError() << "sequence length L = " << len
                       << " needs transforms of 2L points, more than the "
                          "limit of "
                       << fft::kMaxFFTSize << " (kMaxFFTSize)";
      return WalkResult::interrupt();
    });
    if (sizes.wasInterrupted())
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    patterns.add<DecomposeHyena, DecomposeOrchid>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
