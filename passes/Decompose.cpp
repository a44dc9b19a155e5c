//===- Decompose.cpp - Hyena and Orchid blocks into primitives ------------===//
//
// orchid.hyena and orchid.orchid become the computation of the reference
// modules, step by step: linear projections as linalg.matmul, the causal
// short filter as orchid.short_conv, the channel split as slices, gating as
// elementwise linalg.generic, the long convolutions as orchid.fftconv
// (Hyena) or orchid.rfft + orchid.spectral_conv on an explicit kernel
// spectrum (Orchid, whose kernel is part static, part data-dependent). The
// implicit filter and the conditioning network stay as orchid ops;
// orchid-expand-filters lowers them.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialect/OrchidOps.h"
#include "passes/TensorBuilders.h"

#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

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

/// Evaluates an implicit filter with `numKernels` outputs on `L` points.
static Value buildImplicitFilter(OpBuilder &b, Location loc, ValueRange weights,
                                 FilterConfigAttr config, int64_t numKernels,
                                 const BlockShape &s) {
  auto type =
      RankedTensorType::get({numKernels, s.channels, s.length}, b.getF32Type());
  return ImplicitFilterOp::create(b, loc, type, weights[0], weights[1],
                                  weights[2], weights[3], weights[4],
                                  weights[5], config);
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
    Value h = buildImplicitFilter(rewriter, loc,
                                  {op.getFilterWIn(), op.getFilterBIn(),
                                   op.getFilterWInner(), op.getFilterBInner(),
                                   op.getFilterFreq(), op.getFilterWOut()},
                                  op.getFilter(), numKernels, *s);
    auto convolve = [&](Value v, int64_t o) -> Value {
      Value kernel = buildSlice(rewriter, loc, h, 0, o, 1, /*dropDim=*/true);
      Value bias =
          sliceInterleaved(rewriter, loc, op.getFilterBias(), 0, numKernels, o);
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
    ConvMode mode = op.getMode();
    bool spectralCausal = mode == ConvMode::causal &&
                          op.getCondition() == ConditionKind::spectral;
    // The reference's circular convolution uses L points; the causal and
    // bidirectional ones the 2L points of a linear convolution, whose
    // kernel spectrum can hold both causal and anti-causal lags.
    int64_t n = mode == ConvMode::circular ? s->length : 2 * s->length;
    int64_t bins = n / 2 + 1;

    Value z = projectInput(rewriter, loc, op.getInput(), op.getInProjWeight(),
                           op.getInProjBias(), *s);
    Value a =
        buildSlice(rewriter, loc, z, 2, s->order * s->channels, s->channels);
    SmallVector<Value> parts =
        shortFilterAndSplit(rewriter, loc, z, op.getShortFilterWeight(),
                            op.getShortFilterBias(), *s);

    ValueRange filterWeights = op.getFilterWeights();
    Value h = buildImplicitFilter(rewriter, loc, filterWeights.take_front(6),
                                  op.getFilter(), numKernels, *s);
    auto condType =
        RankedTensorType::get({s->batch, numKernels * s->channels, bins},
                              ComplexType::get(rewriter.getF32Type()));
    Value cond = ConditionOp::create(
        rewriter, loc, condType, ConditionKindAttr::get(ctx, op.getCondition()),
        a, op.getConditionWeights(), rewriter.getI64IntegerAttr(n),
        op.getEpsAttr());
    // Spectral conditioning in causal use contributes a time-domain kernel
    // (its first L taps); every other combination adds spectra.
    if (spectralCausal) {
      auto kernelType =
          RankedTensorType::get({s->batch, numKernels * s->channels, s->length},
                                rewriter.getF32Type());
      cond = IRFFTOp::create(rewriter, loc, kernelType, cond,
                             rewriter.getI64IntegerAttr(n),
                             FFTNormAttr::get(ctx, FFTNorm::forward));
    }

    auto convolve = [&](Value v, int64_t o) -> Value {
      Value staticKernel =
          buildSlice(rewriter, loc, h, 0, o, 1, /*dropDim=*/true);
      Value condPart = sliceInterleaved(rewriter, loc, cond, 1, numKernels, o);
      Value spectrum;
      // The per-batch conditioning term absorbs the shared static one.
      if (spectralCausal) {
        Value kernel =
            buildAdd(rewriter, loc, condPart, {staticKernel, {1, 2}});
        spectrum = buildRFFT(rewriter, loc, kernel, n, FFTNorm::forward);
      } else {
        Value staticSpectrum =
            buildRFFT(rewriter, loc, staticKernel, n, FFTNorm::forward);
        spectrum = buildAdd(rewriter, loc, condPart, {staticSpectrum, {1, 2}});
      }
      Value bias = sliceInterleaved(rewriter, loc, filterWeights.back(), 0,
                                    numKernels, o);
      return spectralConv(rewriter, loc, v, spectrum, bias, n);
    };
    Value y = gateAndConvolve(rewriter, loc, parts, *s, convolve);

    ValueRange residual = op.getResidualWeights();
    if (!residual.empty()) {
      FilterConfigAttr config = op.getResidualFilterAttr()
                                    ? op.getResidualFilterAttr()
                                    : op.getFilter();
      Value hr = buildImplicitFilter(rewriter, loc, residual.take_front(6),
                                     config, 1, *s);
      Value kernel = buildSlice(rewriter, loc, hr, 0, 0, 1, /*dropDim=*/true);
      Value spectrum = buildRFFT(rewriter, loc, kernel, n, FFTNorm::forward);
      Value xt = buildTranspose(rewriter, loc, op.getInput(), {0, 2, 1});
      y = buildAdd(
          rewriter, loc, y,
          spectralConv(rewriter, loc, xt, spectrum, residual.back(), n));
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
    RewritePatternSet patterns(&getContext());
    patterns.add<DecomposeHyena, DecomposeOrchid>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
