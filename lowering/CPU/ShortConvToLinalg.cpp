//===- ShortConvToLinalg.cpp - Lower orchid.short_conv to linalg ----------===//
//
// The short depthwise convolution is cheap and regular, so it goes through
// the generic linalg path: pad the sequence axis, broadcast the bias, then
// accumulate the K taps in one linalg.generic.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "lowering/CPU/LaneTiles.h"

#include "dialect/OrchidOps.h"

#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTSHORTCONVTOLINALG
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

namespace {
struct ShortConvToLinalg final : OpConversionPattern<ShortConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ShortConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getInput().getType();
    RankedTensorType weightType = op.getWeight().getType();
    if (!type.hasStaticShape() || !weightType.hasStaticShape() ||
        type.getRank() < 2)
      return rewriter.notifyMatchFailure(op, "expected static ... x C x L");
    Location loc = op.getLoc();
    int64_t rank = type.getRank();
    int64_t taps = weightType.getDimSize(1);
    int64_t before =
        op.getPadding() == Padding::causal ? taps - 1 : (taps - 1) / 2;
    Type elementType = type.getElementType();
    Value zero = arith::ConstantOp::create(
        rewriter, loc, rewriter.getFloatAttr(elementType, 0));

    SmallVector<OpFoldResult> low(rank, rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> high = low;
    low.back() = rewriter.getIndexAttr(before);
    high.back() = rewriter.getIndexAttr(taps - 1 - before);
    SmallVector<int64_t> paddedShape(type.getShape());
    paddedShape.back() += taps - 1;
    auto paddedType = RankedTensorType::get(paddedShape, elementType);
    Value padded = tensor::PadOp::create(rewriter, loc, paddedType,
                                         adaptor.getInput(), low, high, zero);

    // Iteration space: the output dims, then the tap j (a reduction).
    MLIRContext *ctx = rewriter.getContext();
    SmallVector<AffineExpr> dims, inputExprs;
    for (int64_t i = 0; i <= rank; ++i)
      dims.push_back(getAffineDimExpr(i, ctx));
    AffineExpr channel = dims[rank - 2], tap = dims[rank];
    inputExprs.assign(dims.begin(), dims.begin() + rank);
    inputExprs.back() = dims[rank - 1] + tap;
    auto outputMap =
        AffineMap::get(rank + 1, 0, ArrayRef(dims).take_front(rank), ctx);
    auto inputMap = AffineMap::get(rank + 1, 0, inputExprs, ctx);
    auto weightMap = AffineMap::get(rank + 1, 0, {channel, tap}, ctx);

    Value init =
        tensor::EmptyOp::create(rewriter, loc, type.getShape(), elementType);
    SmallVector<utils::IteratorType> parallel(rank,
                                              utils::IteratorType::parallel);
    auto identity = rewriter.getMultiDimIdentityMap(rank);
    auto biasMap = AffineMap::get(rank, 0, getAffineDimExpr(rank - 2, ctx));
    Value biased =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{type}, ValueRange{adaptor.getBias()},
            ValueRange{init}, ArrayRef<AffineMap>{biasMap, identity}, parallel,
            [](OpBuilder &b, Location l, ValueRange args) {
              linalg::YieldOp::create(b, l, args[0]);
            })
            .getResult(0);

    SmallVector<utils::IteratorType> iterators = parallel;
    iterators.push_back(utils::IteratorType::reduction);
    rewriter.replaceOpWithNewOp<linalg::GenericOp>(
        op, TypeRange{type}, ValueRange{padded, adaptor.getWeight()},
        ValueRange{biased}, ArrayRef<AffineMap>{inputMap, weightMap, outputMap},
        iterators, [](OpBuilder &b, Location l, ValueRange args) {
          Value prod = arith::MulFOp::create(b, l, args[0], args[1]);
          linalg::YieldOp::create(
              b, l, arith::AddFOp::create(b, l, args[2], prod).getResult());
        });
    return success();
  }
};

struct OrchidConvertShortConvToLinalgPass
    : public orchid::impl::OrchidConvertShortConvToLinalgBase<
          OrchidConvertShortConvToLinalgPass> {
  void runOnOperation() override {
    ConversionTarget target(getContext());
    target.addIllegalOp<ShortConvOp>();
    RewritePatternSet patterns(&getContext());
    patterns.add<ShortConvToLinalg>(&getContext());
    if (failed(
            cpu::convertKernels(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
