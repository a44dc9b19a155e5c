//===- ExpandCondition.cpp - Conditioning networks as tensor ops ----------===//
//
// orchid.condition becomes Orchid's conditioning network on `B x D x L`
// tensors: centred depthwise convolutions as orchid.short_conv (the
// correlation's grouped frequency convolution as two of them), LayerNorms
// over channels as reductions, `F_n` as orchid.rfft with forward
// normalisation, and the spectral arithmetic on real and imaginary parts so
// that only the FFT and the final spectrum carry complex element types.
//
//===----------------------------------------------------------------------===//

#include "passes/ExpandFilters.h"

#include "dialect/OrchidOps.h"
#include "passes/TensorBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::orchid;

namespace {
/// Builds the conditioning network of one orchid.condition op.
class ConditionBuilder {
public:
  ConditionBuilder(PatternRewriter &rewriter, ConditionOp op)
      : b(rewriter), loc(op.getLoc()), weights(op.getWeights()), n(op.getN()),
        eps(op.getEps().convertToDouble()) {}

  /// `LN(conv(x))` with the four weights starting at `first`: a centred
  /// depthwise convolution along the innermost axis, then a LayerNorm over
  /// the channel axis 1.
  Value convNorm(Value x, unsigned first) {
    Value y =
        ShortConvOp::create(b, loc, outputType(x, weights[first]),
                            PaddingAttr::get(b.getContext(), Padding::centered),
                            x, weights[first], weights[first + 1]);
    return buildLayerNorm(b, loc, y, 1, weights[first + 2], weights[first + 3],
                          eps);
  }

  /// `LN(conv(r))` for the correlation's grouped frequency convolution,
  /// PyTorch's `Conv1d(2D, 2C, K, groups = D)` with weight `2C x 2 x K`:
  /// output channel `c` of group `g = c / (2C / D)` reads channels `2g` and
  /// `2g + 1` of `r`. Each of the two inputs of a group is a depthwise
  /// convolution of the repeated channels; the bias is added once.
  Value groupedConvNorm(Value r, unsigned first) {
    RankedTensorType type = getTensorType(r);
    int64_t batch = type.getDimSize(0), channels = type.getDimSize(1),
            bins = type.getDimSize(2);
    Value weight = weights[first];
    int64_t outChannels = getTensorType(weight).getDimSize(0);
    Value pairs = buildExpand(b, loc, r, {batch, channels / 2, 2, bins},
                              {{0}, {1, 2}, {3}});
    Value zeroBias =
        buildFilled(b, loc, {outChannels}, type.getElementType(), 0.0);
    Value sum;
    for (int64_t i = 0; i < 2; ++i) {
      Value input = repeatChannels(buildSlice(b, loc, pairs, 2, i, 1, true),
                                   2 * outChannels / channels);
      Value w = buildSlice(b, loc, weight, 1, i, 1, true);
      Value y = ShortConvOp::create(
          b, loc, input.getType(),
          PaddingAttr::get(b.getContext(), Padding::centered), input, w,
          i == 0 ? weights[first + 1] : zeroBias);
      sum = sum ? buildAdd(b, loc, sum, {y}) : y;
    }
    return buildLayerNorm(b, loc, sum, 1, weights[first + 2],
                          weights[first + 3], eps);
  }

  /// `F_n(x)` along the innermost axis.
  Value spectrum(Value x) { return buildRFFT(b, loc, x, n, FFTNorm::forward); }

  /// Repeats each channel of `x` (`B x C x F`) `ratio` times, so that a
  /// depthwise convolution acts as the grouped one with `ratio` outputs per
  /// input channel (output channel `c` reads input channel `c / ratio`).
  Value repeatChannels(Value x, int64_t ratio) {
    if (ratio == 1)
      return x;
    RankedTensorType type = getTensorType(x);
    int64_t batch = type.getDimSize(0), channels = type.getDimSize(1),
            bins = type.getDimSize(2);
    Value repeated =
        buildMap(b, loc, {batch, channels, ratio, bins}, type.getElementType(),
                 {{x, {0, 1, 3}}}, [](OpBuilder &, Location, ValueRange args) {
                   return args[0];
                 });
    return buildCollapse(b, loc, repeated, {{0}, {1, 2}, {3}});
  }

  /// `[Re X, Im X]` of a spectrum.
  SmallVector<Value> parts(Value spectrum) {
    return {buildRealPart(b, loc, spectrum, false),
            buildRealPart(b, loc, spectrum, true)};
  }

  /// The real map `fn(operands...)` over operands of one shape.
  Value map(ArrayRef<Value> operands, ScalarFn fn) {
    RankedTensorType type = getTensorType(operands.front());
    SmallVector<MapOperand> mapOperands(operands.begin(), operands.end());
    return buildMap(b, loc, type.getShape(), type.getElementType(), mapOperands,
                    fn);
  }

  PatternRewriter &b;
  Location loc;
  ValueRange weights;
  int64_t n;
  double eps;

private:
  /// The shape of `x` with the channel count of a conv `weight` (`C x K`).
  static RankedTensorType outputType(Value x, Value weight) {
    RankedTensorType type = getTensorType(x);
    SmallVector<int64_t> shape(type.getShape());
    shape[1] = getTensorType(weight).getDimSize(0);
    return RankedTensorType::get(shape, type.getElementType());
  }
};

struct ExpandCondition : public OpRewritePattern<ConditionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConditionOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.getInput().getType().hasStaticShape() ||
        !op.getType().hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    bool spectral = op.getKind() == ConditionKind::spectral;
    if (op.getWeights().size() != (spectral ? 8u : 12u))
      return rewriter.notifyMatchFailure(op, "unexpected weight count");
    ConditionBuilder cb(rewriter, op);
    Location loc = op.getLoc();
    int64_t channels = op.getInput().getType().getDimSize(2);
    int64_t outChannels = op.getType().getDimSize(1);
    Value a = buildTranspose(rewriter, loc, op.getInput(), {0, 2, 1});
    Value re, im;
    if (spectral) {
      SmallVector<Value> spec = cb.parts(cb.spectrum(cb.convNorm(a, 0)));
      Value power =
          cb.map(spec, [](OpBuilder &nb, Location nloc, ValueRange p) -> Value {
            return arith::AddFOp::create(
                nb, nloc, arith::MulFOp::create(nb, nloc, p[0], p[0]),
                arith::MulFOp::create(nb, nloc, p[1], p[1]));
          });
      Value a2 =
          cb.convNorm(cb.repeatChannels(power, 2 * outChannels / channels), 4);
      // H = a2[0::2] + i a2[1::2].
      RankedTensorType type = getTensorType(a2);
      Value pairs =
          buildExpand(rewriter, loc, a2,
                      {type.getDimSize(0), outChannels, 2, type.getDimSize(2)},
                      {{0}, {1, 2}, {3}});
      re = buildSlice(rewriter, loc, pairs, 2, 0, 1, true);
      im = buildSlice(rewriter, loc, pairs, 2, 1, 1, true);
    } else {
      SmallVector<Value> kq = cb.parts(cb.spectrum(cb.convNorm(a, 0)));
      llvm::append_range(kq, cb.parts(cb.spectrum(cb.convNorm(a, 4))));
      // S = conj(K) Q: Re S = Kr Qr + Ki Qi, Im S = Kr Qi - Ki Qr.
      Value reS =
          cb.map(kq, [](OpBuilder &nb, Location nloc, ValueRange p) -> Value {
            return arith::AddFOp::create(
                nb, nloc, arith::MulFOp::create(nb, nloc, p[0], p[2]),
                arith::MulFOp::create(nb, nloc, p[1], p[3]));
          });
      Value imS =
          cb.map(kq, [](OpBuilder &nb, Location nloc, ValueRange p) -> Value {
            return arith::SubFOp::create(
                nb, nloc, arith::MulFOp::create(nb, nloc, p[0], p[3]),
                arith::MulFOp::create(nb, nloc, p[1], p[2]));
          });
      // R = [Re S, Im S] on channels, then the grouped frequency conv.
      Value r = buildConcat(rewriter, loc, {reS, imS}, 1);
      // H = a3[:C] + i a3[C:].
      Value a3 = cb.groupedConvNorm(r, 8);
      re = buildSlice(rewriter, loc, a3, 1, 0, outChannels);
      im = buildSlice(rewriter, loc, a3, 1, outChannels, outChannels);
    }
    rewriter.replaceOp(op, buildComplex(rewriter, loc, re, im));
    return success();
  }
};
} // namespace

void mlir::orchid::populateExpandConditionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<ExpandCondition>(patterns.getContext());
}
