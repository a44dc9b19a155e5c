//===- ConvertFFTToGPU.cpp - rfft/irfft to gpu.launch ---------------------===//
//
// Both transforms handle two rows per block with one complex FFT: rfft
// packs two real rows as z = x1 + i x2 and separates their spectra after
// the transform; irfft combines two Hermitian spectra as Y = X1 + i X2,
// whose inverse transform is y1 + i y2.
//
//===----------------------------------------------------------------------===//

#include "lowering/GPU/FFTKernel.h"
#include "lowering/GPU/KernelBuilder.h"
#include "lowering/GPU/Passes.h"

#include "dialect/OrchidOps.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTFFTTOGPU
#include "lowering/GPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu;
using fft::Complex;

namespace {
/// The operand and result rows of a transform kernel, two per block.
struct TransformRows {
  Value input, output;
  int64_t rows;
};

/// Lowers an rfft or irfft to a launch with one block per pair of rows;
/// `emitBody` emits the kernel of the transform.
template <typename OpTy>
struct TransformToGPU : public OpConversionPattern<OpTy> {
  TransformToGPU(MLIRContext *context, int64_t maxThreads, int64_t maxShared)
      : OpConversionPattern<OpTy>(context), maxThreads(maxThreads),
        maxShared(maxShared) {}

  virtual void emitBody(OpTy op, OpBuilder &b, BlockFFT &fft, const RowPair &rp,
                        const TransformRows &t) const = 0;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inputType = cast<RankedTensorType>(op.getInput().getType());
    RankedTensorType outputType = op.getType();
    BlockFFTPlan plan = planBlockFFT(op.getN(), maxThreads, maxShared);
    auto module = op->template getParentOfType<ModuleOp>();
    KernelBuffers buffers;
    TransformRows t;
    t.rows = inputType.getNumElements() / inputType.getShape().back();
    t.input = collapseToRows(rewriter, loc,
                             buffers.input(rewriter, loc, adaptor.getInput()));
    Value outputBuffer = buffers.alloc(
        rewriter, loc,
        MemRefType::get(outputType.getShape(), outputType.getElementType()));
    t.output = collapseToRows(rewriter, loc, outputBuffer);
    Value scratch;
    if (!plan.inShared)
      scratch = buffers.allocScratch(
          rewriter, loc,
          MemRefType::get({(t.rows + 1) / 2 * plan.scratchFloats()},
                          rewriter.getF32Type()));
    emitLaunch(
        rewriter, loc, (t.rows + 1) / 2, plan.threads, plan.sharedBytes(), [&] {
          BlockFFT fft = BlockFFT::create(rewriter, loc, plan, module, scratch);
          RowPair rp = getRowPair(rewriter, loc, t.rows);
          emitBody(op, rewriter, fft, rp, t);
        });
    rewriter.replaceOp(op,
                       buffers.finish(rewriter, loc, outputBuffer, outputType));
    return success();
  }

  int64_t maxThreads, maxShared;
};

struct RFFTToGPU final : TransformToGPU<RFFTOp> {
  using TransformToGPU::TransformToGPU;

  /// Zero-pads (or cuts) each row to n points, transforms the pair and
  /// stores the n / 2 + 1 separated bins (scaled by 1/n for `forward`).
  void emitBody(RFFTOp op, OpBuilder &b, BlockFFT &fft, const RowPair &rp,
                const TransformRows &t) const override {
    Location loc = op.getLoc();
    int64_t n = op.getN();
    int64_t len = op.getInput().getType().getShape().back();
    double s = op.getNorm() == FFTNorm::forward ? 1.0 / n : 1.0;
    fft::ComplexBuilder &cx = fft.arith();
    Value zero = cx.constant(0.0);
    fft.forEach(n, [&](Value i) {
      Value inRow = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, i,
                                          fft.constant(len));
      Value idx = arith::SelectOp::create(b, loc, inRow, i, fft.constant(0));
      Value x1 =
          memref::LoadOp::create(b, loc, t.input, ValueRange{rp.row1, idx});
      Value x2 =
          memref::LoadOp::create(b, loc, t.input, ValueRange{rp.row2, idx});
      Value both = arith::AndIOp::create(b, loc, inRow, rp.hasRow2);
      fft.write(i, {arith::SelectOp::create(b, loc, inRow, x1, zero),
                    arith::SelectOp::create(b, loc, both, x2, zero)});
    });
    fft.forward();
    fft.forEach(n / 2 + 1, [&](Value k) {
      auto [x1, x2] = fft.splitSpectra(k, fft.mirror(k));
      if (s != 1.0) {
        x1 = cx.scale(x1, s);
        x2 = cx.scale(x2, s);
      }
      auto type = ComplexType::get(b.getF32Type());
      Value c1 = complex::CreateOp::create(b, loc, type, x1.re, x1.im);
      memref::StoreOp::create(b, loc, c1, t.output, ValueRange{rp.row1, k});
      auto ifOp = scf::IfOp::create(b, loc, rp.hasRow2);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      Value c2 = complex::CreateOp::create(b, loc, type, x2.re, x2.im);
      memref::StoreOp::create(b, loc, c2, t.output, ValueRange{rp.row2, k});
    });
  }
};

struct IRFFTToGPU final : TransformToGPU<IRFFTOp> {
  using TransformToGPU::TransformToGPU;

  /// Combines the two spectra (scaled by 1/n for `backward`), transforms
  /// them and keeps the first outputs of each row.
  void emitBody(IRFFTOp op, OpBuilder &b, BlockFFT &fft, const RowPair &rp,
                const TransformRows &t) const override {
    Location loc = op.getLoc();
    int64_t n = op.getN();
    int64_t outLen = op.getType().getShape().back();
    double s = op.getNorm() == FFTNorm::backward ? 1.0 / n : 1.0;
    Value zero = fft.arith().constant(0.0);
    fft.forEach(n / 2 + 1, [&](Value k) {
      auto load = [&](Value row) -> Complex {
        Value c = memref::LoadOp::create(b, loc, t.input, ValueRange{row, k});
        return {complex::ReOp::create(b, loc, c),
                complex::ImOp::create(b, loc, c)};
      };
      Complex x2 = load(rp.row2);
      x2 = {arith::SelectOp::create(b, loc, rp.hasRow2, x2.re, zero),
            arith::SelectOp::create(b, loc, rp.hasRow2, x2.im, zero)};
      fft.writeInverseInput(k, fft.mirror(k), load(rp.row1), x2, s);
    });
    fft.forward();
    // The transform gave conj(y1 + i y2).
    fft.forEach(outLen, [&](Value i) {
      Complex w = fft.read(i);
      memref::StoreOp::create(b, loc, w.re, t.output, ValueRange{rp.row1, i});
      auto ifOp = scf::IfOp::create(b, loc, rp.hasRow2);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      memref::StoreOp::create(b, loc, fft.arith().neg(w.im), t.output,
                              ValueRange{rp.row2, i});
    });
  }
};

struct OrchidConvertFFTToGPUPass
    : public orchid::impl::OrchidConvertFFTToGPUBase<
          OrchidConvertFFTToGPUPass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(verifyThreadsOption(getOperation(), "max-threads", maxThreads,
                                   /*min=*/1)))
      return signalPassFailure();
    if (failed(verifyStaticShapes(getOperation(), [](Operation *op) {
          return isa<RFFTOp, IRFFTOp>(op);
        })))
      return signalPassFailure();
    WalkResult sizes = getOperation().walk([&](Operation *op) {
      std::optional<int64_t> n;
      if (auto rfft = dyn_cast<RFFTOp>(op))
        n = rfft.getN();
      else if (auto irfft = dyn_cast<IRFFTOp>(op))
        n = irfft.getN();
      return n && failed(verifyBlockFFT(op, *n, maxThreads, maxSharedMemory))
                 ? WalkResult::interrupt()
                 : WalkResult::advance();
    });
    if (sizes.wasInterrupted())
      return signalPassFailure();
    ConversionTarget target(getContext());
    target.addIllegalOp<RFFTOp, IRFFTOp>();
    RewritePatternSet patterns(&getContext());
    patterns.add<RFFTToGPU, IRFFTToGPU>(&getContext(), maxThreads,
                                        maxSharedMemory);
    if (failed(convertKernels(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
