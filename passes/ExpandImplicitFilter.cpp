//===- ExpandImplicitFilter.cpp - Implicit filter as linalg on tensors ----===//
//
// orchid.implicit_filter becomes its network on tensors: the positional
// embedding and the modulation's decay rates are read from the op's stored
// `z` and `deltas` when it has them, otherwise computed from the
// configuration in double precision and stored as constants; the FFN is
// linalg.matmul plus fused bias/Sin maps; the L1 normalisation is a
// reduction; the interleaved features are reshaped to kernels, zero beyond
// `l_max` taps under `grid = zero_pad`.
//
//===----------------------------------------------------------------------===//

#include "passes/ExpandFilters.h"

#include "dialect/OrchidOps.h"
#include "passes/TensorBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/PatternMatch.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::orchid;

/// Hyena's positional embedding `[t, Re z, Im z]` (`len x E`) with
/// `z = exp(-i f w)`, on the first `len` points of the `lMax`-point grid,
/// extended with the same step past `lMax`.
static SmallVector<double> getPositionalEmbedding(int64_t len, int64_t lMax,
                                                  int64_t embDim) {
  int64_t bands = (embDim - 1) / 2;
  SmallVector<double> emb;
  emb.reserve(len * embDim);
  for (int64_t i = 0; i < len; ++i) {
    double t = lMax > 1 ? double(i) / double(lMax - 1) : 0.0;
    double w = 2.0 * M_PI * double(i) / double(lMax);
    emb.push_back(t);
    SmallVector<double> im;
    for (int64_t k = 0; k < bands; ++k) {
      double f = bands > 1 ? 1e-4 + double(k) * (double(bands - 1) - 1e-4) /
                                        double(bands - 1)
                           : 1e-4;
      emb.push_back(std::cos(f * w));
      im.push_back(-std::sin(f * w));
    }
    emb.append(im.begin(), im.end());
  }
  return emb;
}

/// `sin(w_mod * freq * (x W^T + bias))`: one FFN layer of the filter.
static Value buildSinLayer(OpBuilder &b, Location loc, Value x, Value weight,
                           Value bias, Value freq, double wMod) {
  Value y = buildLinear(b, loc, x, weight, Value());
  RankedTensorType type = getTensorType(y);
  Value wModValue = buildScalar(b, loc, type.getElementType(), wMod);
  return buildMap(b, loc, type.getShape(), type.getElementType(),
                  {{y}, {bias, {1}}, {freq, {1}}},
                  [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                    Value pre =
                        arith::AddFOp::create(nb, nloc, args[0], args[1]);
                    Value f = args[2];
                    if (wMod != 1.0)
                      f = arith::MulFOp::create(nb, nloc, wModValue, f);
                    return math::SinOp::create(
                        nb, nloc, arith::MulFOp::create(nb, nloc, pre, f));
                  });
}

/// Divides each row of `h` (`len x C`) by its L1 norm.
static Value buildL1Normalize(OpBuilder &b, Location loc, Value h) {
  RankedTensorType type = getTensorType(h);
  Value norm =
      buildSum(b, loc, type.getShape(), 1, {{h}},
               [](OpBuilder &nb, Location nloc, ValueRange args) {
                 return math::AbsFOp::create(nb, nloc, args[0]).getResult();
               });
  return buildMap(b, loc, type.getShape(), type.getElementType(),
                  {{h}, {norm, {0}}},
                  [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                    return arith::DivFOp::create(nb, nloc, args[0], args[1]);
                  });
}

namespace {
struct ExpandImplicitFilter : public OpRewritePattern<ImplicitFilterOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ImplicitFilterOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType resultType = op.getType();
    if (!resultType.hasStaticShape() ||
        !op.getWIn().getType().hasStaticShape() ||
        !op.getWInner().getType().hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    FilterConfigAttr config = op.getConfig();
    int64_t numKernels = resultType.getDimSize(0);
    int64_t channels = resultType.getDimSize(1);
    int64_t len = resultType.getDimSize(2);
    int64_t lMax = config.getLMax();
    GridPolicy grid = config.getGrid();
    if (len > lMax && (grid == GridPolicy::reject ||
                       (grid == GridPolicy::extrapolate && op.getZ())))
      return rewriter.notifyMatchFailure(op, "length exceeds l_max");
    // Under zero_pad the network runs on the l_max positions it has.
    int64_t rows = grid == GridPolicy::zero_pad ? std::min(len, lMax) : len;
    int64_t features = numKernels * channels;
    int64_t embDim = op.getWIn().getType().getDimSize(1);
    int64_t numInner = op.getWInner().getType().getDimSize(0);
    double wMod = config.getWMod().convertToDouble();
    Location loc = op.getLoc();
    Type f32 = rewriter.getF32Type();

    Value h = op.getZ()
                  ? buildSlice(rewriter, loc, op.getZ(), 0, 0, rows)
                  : buildConstant(rewriter, loc, {rows, embDim}, f32,
                                  getPositionalEmbedding(rows, lMax, embDim));
    auto freqRow = [&](int64_t i) {
      return buildSlice(rewriter, loc, op.getFreq(), 0, i, 1, true);
    };
    h = buildSinLayer(rewriter, loc, h, op.getWIn(), op.getBIn(), freqRow(0),
                      wMod);
    for (int64_t m = 0; m < numInner; ++m)
      h = buildSinLayer(
          rewriter, loc, h,
          buildSlice(rewriter, loc, op.getWInner(), 0, m, 1, true),
          buildSlice(rewriter, loc, op.getBInner(), 0, m, 1, true),
          freqRow(m + 1), wMod);
    h = buildLinear(rewriter, loc, h, op.getWOut(), Value());

    if (config.getNormalize() == FilterNorm::before_modulation)
      h = buildL1Normalize(rewriter, loc, h);
    if (config.getModulate())
      h = buildModulation(rewriter, loc, h, config, op.getDeltas(), lMax,
                          features);
    if (config.getNormalize() == FilterNorm::after_modulation)
      h = buildL1Normalize(rewriter, loc, h);
    h = buildZeroExtend(rewriter, loc, h, 0, len);

    // Feature d * (N-1) + o is channel d of kernel o.
    h = buildExpand(rewriter, loc, h, {len, channels, numKernels},
                    {{0}, {1, 2}});
    rewriter.replaceOp(op, buildTranspose(rewriter, loc, h, {2, 1, 0}));
    return success();
  }

private:
  /// `h * (exp(-t |deltas|) + shift)` with `t` a constant and `deltas`
  /// the stored ones or, without them, `|deltas|` as constants from the
  /// configuration.
  static Value buildModulation(OpBuilder &b, Location loc, Value h,
                               FilterConfigAttr config, Value deltas,
                               int64_t lMax, int64_t features) {
    RankedTensorType type = getTensorType(h);
    int64_t len = type.getDimSize(0);
    SmallVector<double> t;
    for (int64_t i = 0; i < len; ++i)
      t.push_back(lMax > 1 ? double(i) / double(lMax - 1) : 0.0);
    Type f32 = type.getElementType();
    Value tValues = buildConstant(b, loc, {len}, f32, t);
    Value rateValues = deltas;
    if (!deltas) {
      SmallVector<double> rates;
      double logTarget = std::log(config.getTarget().convertToDouble());
      double first = logTarget / config.getSlowDecayPct().convertToDouble();
      double last = logTarget / config.getFastDecayPct().convertToDouble();
      for (int64_t j = 0; j < features; ++j)
        rates.push_back(std::abs(features > 1
                                     ? first + double(j) * (last - first) /
                                                   double(features - 1)
                                     : first));
      rateValues = buildConstant(b, loc, {features}, f32, rates);
    }
    Value shift = buildScalar(b, loc, f32, config.getShift().convertToDouble());
    return buildMap(
        b, loc, type.getShape(), f32, {{h}, {tValues, {0}}, {rateValues, {1}}},
        [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
          // Stored rates are used by magnitude, as the modules do.
          Value rate = args[2];
          if (deltas)
            rate = math::AbsFOp::create(nb, nloc, rate);
          Value exponent = arith::NegFOp::create(
              nb, nloc, arith::MulFOp::create(nb, nloc, args[1], rate));
          Value decay = arith::AddFOp::create(
              nb, nloc, math::ExpOp::create(nb, nloc, exponent), shift);
          return arith::MulFOp::create(nb, nloc, args[0], decay);
        });
  }
};
} // namespace

void mlir::orchid::populateExpandImplicitFilterPatterns(
    RewritePatternSet &patterns) {
  patterns.add<ExpandImplicitFilter>(patterns.getContext());
}
