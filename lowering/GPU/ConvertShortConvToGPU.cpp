//===- ConvertShortConvToGPU.cpp - short_conv to gpu.launch ---------------===//
//
// The short filters have a handful of taps, so each output is a dot product
// computed by its own thread; the K loads per output overlap between
// neighbouring threads and are served by the L1 cache.
//
//===----------------------------------------------------------------------===//

#include "lowering/GPU/KernelBuilder.h"
#include "lowering/GPU/Passes.h"

#include "dialect/OrchidOps.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTSHORTCONVTOGPU
#include "lowering/GPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu;

namespace {
struct ShortConvToGPU final : public OpConversionPattern<ShortConvOp> {
  ShortConvToGPU(MLIRContext *context, int64_t blockSize)
      : OpConversionPattern(context), blockSize(blockSize) {}

  LogicalResult
  matchAndRewrite(ShortConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType weightType = op.getWeight().getType();
    int64_t len = inputType.getShape().back();
    int64_t channels = inputType.getShape()[1];
    int64_t rows = inputType.getNumElements() / len;
    int64_t taps = weightType.getShape().back();
    int64_t pad =
        op.getPadding() == Padding::causal ? taps - 1 : (taps - 1) / 2;
    int64_t threads = std::min(blockSize, len);

    OpBuilder &b = rewriter;
    Location loc = op.getLoc();
    KernelBuffers buffers;
    Value x = collapseToRows(b, loc, buffers.input(b, loc, adaptor.getInput()));
    Value w = buffers.input(b, loc, adaptor.getWeight());
    Value bias = buffers.input(b, loc, adaptor.getBias());
    Value yBuffer = buffers.alloc(
        b, loc, MemRefType::get(inputType.getShape(), b.getF32Type()));
    Value y = collapseToRows(b, loc, yBuffer);

    auto cst = [&](int64_t v) {
      return arith::ConstantIndexOp::create(b, loc, v);
    };
    emitLaunch(b, loc, rows, threads, /*sharedBytes=*/std::nullopt, [&] {
      Value row = mlir::gpu::BlockIdOp::create(b, loc, mlir::gpu::Dimension::x);
      Value tid =
          mlir::gpu::ThreadIdOp::create(b, loc, mlir::gpu::Dimension::x);
      Value c = arith::RemUIOp::create(b, loc, row, cst(channels));
      Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
      Value init = memref::LoadOp::create(b, loc, bias, c);
      SmallVector<Value> weights;
      for (int64_t j = 0; j < taps; ++j)
        weights.push_back(
            memref::LoadOp::create(b, loc, w, ValueRange{c, cst(j)}));
      auto loop = scf::ForOp::create(b, loc, tid, cst(len), cst(threads));
      b.setInsertionPointToStart(loop.getBody());
      Value t = loop.getInductionVar();
      Value acc = init;
      for (int64_t j = 0; j < taps; ++j) {
        // Input position t + j - pad, zero outside [0, L): taps left of the
        // centre can fall before the row, taps right of it after.
        Value pos = t;
        Value valid;
        if (j < pad) {
          valid = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::uge, t,
                                        cst(pad - j));
          pos = arith::SubIOp::create(b, loc, t, cst(pad - j));
        } else if (j > pad) {
          pos = arith::AddIOp::create(b, loc, t, cst(j - pad));
          valid = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, pos,
                                        cst(len));
        }
        if (valid)
          pos = arith::SelectOp::create(b, loc, valid, pos, cst(0));
        Value v = memref::LoadOp::create(b, loc, x, ValueRange{row, pos});
        if (valid)
          v = arith::SelectOp::create(b, loc, valid, v, zero);
        acc = arith::AddFOp::create(
            b, loc, acc, arith::MulFOp::create(b, loc, weights[j], v));
      }
      memref::StoreOp::create(b, loc, acc, y, ValueRange{row, t});
    });
    rewriter.replaceOp(op, buffers.finish(b, loc, yBuffer, inputType));
    return success();
  }

  int64_t blockSize;
};

struct OrchidConvertShortConvToGPUPass
    : public orchid::impl::OrchidConvertShortConvToGPUBase<
          OrchidConvertShortConvToGPUPass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(verifyThreadsOption(getOperation(), "block-size", blockSize,
                                   /*min=*/1)) ||
        failed(verifyStaticShapes(getOperation(), [](Operation *op) {
          return isa<ShortConvOp>(op);
        })))
      return signalPassFailure();
    WalkResult taps = getOperation().walk([](ShortConvOp op) {
      int64_t k = op.getWeight().getType().getShape().back();
      if (k <= kMaxShortConvTaps)
        return WalkResult::advance();
      op.emitOpError() << "has " << k << " taps, more than the "
                       << kMaxShortConvTaps
                       << " a GPU kernel unrolls (kMaxShortConvTaps); use "
                          "orchid.fftconv for long kernels";
      return WalkResult::interrupt();
    });
    if (taps.wasInterrupted())
      return signalPassFailure();
    ConversionTarget target(getContext());
    target.addIllegalOp<ShortConvOp>();
    RewritePatternSet patterns(&getContext());
    patterns.add<ShortConvToGPU>(&getContext(), blockSize);
    if (failed(convertKernels(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
