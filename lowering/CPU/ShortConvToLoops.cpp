//===- ShortConvToLoops.cpp - Vector kernel of orchid.short_conv ----------===//
//
// Each row (one channel of one sequence) is computed 16 time steps at a
// time: y[t0 + i] = bias + sum_j w[j] x[t0 + i + j - before], from K
// shifted vector reads of the row, without padding the input in memory.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "dialect/OrchidOps.h"
#include "lowering/CPU/LaneTiles.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTSHORTCONVTOLOOPS
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::cpu;

/// Zeros before the first sample: taps - 1 (causal) or (taps - 1) / 2.
static int64_t getLeadingZeros(ShortConvOp op) {
  int64_t taps = op.getWeight().getType().getDimSize(1);
  return op.getPadding() == Padding::causal ? taps - 1 : (taps - 1) / 2;
}

/// Whether the kernel handles `op`: static shapes, and at most 16 leading
/// zeros, so that only the first block of a row reads before it.
static bool isVectorShortConv(ShortConvOp op) {
  RankedTensorType type = op.getInput().getType();
  RankedTensorType weightType = op.getWeight().getType();
  return type.hasStaticShape() && weightType.hasStaticShape() &&
         type.getRank() >= 2 && getLeadingZeros(op) <= kLanes;
}

namespace {
struct ShortConvToLoops final : ThreadedConversion<ShortConvOp> {
  using ThreadedConversion::ThreadedConversion;

  LogicalResult
  matchAndRewrite(ShortConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isVectorShortConv(op))
      return rewriter.notifyMatchFailure(op, "not a static short_conv");
    OpBuilder &b = rewriter;
    Location loc = op.getLoc();
    RankedTensorType type = op.getInput().getType();
    int64_t len = type.getShape().back();
    int64_t channels = type.getDimSize(type.getRank() - 2);
    int64_t taps = op.getWeight().getType().getDimSize(1);
    int64_t before = getLeadingZeros(op);
    int64_t rows = type.getNumElements() / len;
    auto vecType = VectorType::get({kLanes}, b.getF32Type());

    Value input =
        viewAsRowMatrix(b, loc, toReadOnlyBuffer(b, loc, adaptor.getInput()));
    Value weight = toReadOnlyBuffer(b, loc, adaptor.getWeight());
    Value bias = toReadOnlyBuffer(b, loc, adaptor.getBias());
    Value result = memref::AllocOp::create(
        b, loc, MemRefType::get(type.getShape(), b.getF32Type()));
    Value output = viewAsRowMatrix(b, loc, result);
    Value zero = f32Constant(b, loc, 0.0);
    Value zeroVec = arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(vecType, 0.0f));

    buildRowLoop(b, loc, 0, rows, threads, [&](Value row) {
      Value channel =
          arith::RemUIOp::create(b, loc, row, indexConstant(b, loc, channels));
      auto broadcast = [&](Value scalar) {
        return vector::BroadcastOp::create(b, loc, vecType, scalar);
      };
      Value biasVec =
          broadcast(memref::LoadOp::create(b, loc, bias, ValueRange{channel}));
      SmallVector<Value> w;
      for (int64_t j = 0; j < taps; ++j)
        w.push_back(broadcast(memref::LoadOp::create(
            b, loc, weight, ValueRange{channel, indexConstant(b, loc, j)})));
      // x[s, s + 16) for s >= 0, zero past the end of the row.
      auto read = [&](Value s) -> Value {
        return vector::TransferReadOp::create(b, loc, vecType, input,
                                              ValueRange{row, s}, zero,
                                              ArrayRef<bool>{false});
      };
      // One block of 16 outputs from the K shifted reads; `shifted(j)` is
      // x[t0 + j - before, ... + 16).
      auto block = [&](Value t0, function_ref<Value(int64_t)> shifted) {
        Value acc = biasVec;
        for (int64_t j = 0; j < taps; ++j)
          acc = vector::FMAOp::create(b, loc, w[j], shifted(j), acc);
        vector::TransferWriteOp::create(
            b, loc, acc, output, ValueRange{row, t0}, ArrayRef<bool>{false});
      };
      // The first block reads before the row for j < before: the read at 0
      // moved up by before - j lanes, with zeros in front.
      Value first = read(indexConstant(b, loc, 0));
      block(indexConstant(b, loc, 0), [&](int64_t j) -> Value {
        int64_t shift = before - j;
        if (shift <= 0)
          return read(indexConstant(b, loc, -shift));
        SmallVector<int64_t> mask;
        for (int64_t i = 0; i < kLanes; ++i)
          mask.push_back(i < shift ? i : kLanes + i - shift);
        return vector::ShuffleOp::create(b, loc, zeroVec, first, mask);
      });
      if (len <= kLanes)
        return;
      auto loop = scf::ForOp::create(b, loc, indexConstant(b, loc, kLanes),
                                     indexConstant(b, loc, len),
                                     indexConstant(b, loc, kLanes));
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(loop.getBody());
      Value t0 = loop.getInductionVar();
      block(t0, [&](int64_t j) -> Value {
        return read(arith::AddIOp::create(b, loc, t0,
                                          indexConstant(b, loc, j - before)));
      });
    });
    rewriter.replaceOpWithNewOp<bufferization::ToTensorOp>(op, type, result,
                                                           /*restrict=*/true);
    return success();
  }
};

struct OrchidConvertShortConvToLoopsPass
    : public orchid::impl::OrchidConvertShortConvToLoopsBase<
          OrchidConvertShortConvToLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    ConversionTarget target(getContext());
    target.addDynamicallyLegalOp<ShortConvOp>(
        [](ShortConvOp op) { return !isVectorShortConv(op); });
    RewritePatternSet patterns(&getContext());
    patterns.add<ShortConvToLoops>(&getContext(), resolveThreads(threads));
    if (failed(convertKernels(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
