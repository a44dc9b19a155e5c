//===- ConvertFFTToGPU.cpp - rfft/irfft to gpu.launch ---------------------===//
//
// Both transforms handle two rows per block with one complex FFT: rfft
// packs two real rows as z = x1 + i x2 and separates their spectra after
// the transform; irfft combines two Hermitian spectra as Y = X1 + i X2,
// whose inverse transform is y1 + i y2.
//
//===----------------------------------------------------------------------===//

#include "lowering/GPU/FFTKernel.h"
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
using namespace mlir::orchid::gpu_fft;

namespace {
/// What is common to lowering rfft and irfft: buffers in and out,
/// the launch, and the FFT of the block's row pair.
struct TransformLowering {
  Operation *op;
  int64_t n, rows;
  FFTPlan plan;
  FFTTables tables;
  OpBuilder b;
  Location loc;
  KernelBuffers buffers;
  Value input, output, outputBuffer, scratch;

  TransformLowering(Operation *op, int64_t n, ModuleOp module,
                    const FFTPlan &plan)
      : op(op), n(n), plan(plan), tables(getOrCreateFFTTables(module, plan)),
        b(op), loc(op->getLoc()) {
    auto inputType = cast<RankedTensorType>(op->getOperand(0).getType());
    auto outputType = cast<RankedTensorType>(op->getResult(0).getType());
    rows = inputType.getNumElements() / inputType.getShape().back();
    input = collapseToRows(b, loc, buffers.input(b, loc, op->getOperand(0)));
    outputBuffer = buffers.alloc(
        b, loc,
        MemRefType::get(outputType.getShape(), outputType.getElementType()));
    output = collapseToRows(b, loc, outputBuffer);
    if (!plan.inShared)
      scratch = buffers.allocScratch(
          b, loc,
          MemRefType::get({(rows + 1) / 2 * plan.scratchFloats()},
                          b.getF32Type()));
  }

  Value cst(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }

  /// Emits the launch; `body` fills it given the FFT and the row pair.
  void launch(function_ref<void(BlockFFT &, RowPair &)> body) {
    emitLaunch(b, loc, (rows + 1) / 2, plan.threads, plan.sharedBytes(), [&] {
      BlockFFT fft(b, loc, plan, tables, scratch);
      RowPair rp = getRowPair(b, loc, rows);
      body(fft, rp);
    });
  }

  void finish() {
    buffers.replaceOp(b, loc, op, outputBuffer,
                      cast<RankedTensorType>(op->getResult(0).getType()));
  }
};
} // namespace

static LogicalResult convertRFFT(RFFTOp op, ModuleOp module,
                                 const FFTPlan &plan) {
  int64_t n = op.getN();
  int64_t len = op.getInput().getType().getShape().back();
  double s = op.getNorm() == FFTNorm::forward ? 1.0 / n : 1.0;
  TransformLowering t(op, n, module, plan);
  t.launch([&](BlockFFT &fft, RowPair &rp) {
    OpBuilder &b = t.b;
    Location loc = t.loc;
    Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
    // Zero-pad, or cut, each row to n points.
    fft.forEach(n, [&](OpBuilder &, Value i) {
      Value inRow = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, i,
                                          t.cst(len));
      Value idx = arith::SelectOp::create(b, loc, inRow, i, t.cst(0));
      Value x1 =
          memref::LoadOp::create(b, loc, t.input, ValueRange{rp.row1, idx});
      Value x2 =
          memref::LoadOp::create(b, loc, t.input, ValueRange{rp.row2, idx});
      Value both = arith::AndIOp::create(b, loc, inRow, rp.hasRow2);
      fft.write(i, {arith::SelectOp::create(b, loc, inRow, x1, zero),
                    arith::SelectOp::create(b, loc, both, x2, zero)});
    });
    fft.forward();
    fft.forEach(n / 2 + 1, [&](OpBuilder &, Value k) {
      auto [x1, x2] = fft.splitSpectra(k, fft.mirror(k));
      if (s != 1.0) {
        x1 = fft.scale(x1, s);
        x2 = fft.scale(x2, s);
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
  });
  t.finish();
  return success();
}

static LogicalResult convertIRFFT(IRFFTOp op, ModuleOp module,
                                  const FFTPlan &plan) {
  int64_t n = op.getN();
  int64_t outLen = op.getType().getShape().back();
  double s = op.getNorm() == FFTNorm::backward ? 1.0 / n : 1.0;
  TransformLowering t(op, n, module, plan);
  t.launch([&](BlockFFT &fft, RowPair &rp) {
    OpBuilder &b = t.b;
    Location loc = t.loc;
    Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
    fft.forEach(n / 2 + 1, [&](OpBuilder &, Value k) {
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
    fft.forEach(outLen, [&](OpBuilder &, Value i) {
      Complex w = fft.read(i);
      memref::StoreOp::create(b, loc, w.re, t.output, ValueRange{rp.row1, i});
      auto ifOp = scf::IfOp::create(b, loc, rp.hasRow2);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      memref::StoreOp::create(b, loc, arith::NegFOp::create(b, loc, w.im),
                              t.output, ValueRange{rp.row2, i});
    });
  });
  t.finish();
  return success();
}

namespace {
struct ConvertFFTToGPUPass
    : public orchid::impl::OrchidConvertFFTToGPUBase<ConvertFFTToGPUPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<Operation *> ops;
    module.walk([&](Operation *op) {
      if (isa<RFFTOp, IRFFTOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      for (Type type : op->getOperandTypes())
        if (!cast<RankedTensorType>(type).hasStaticShape())
          return op->emitOpError("GPU lowering needs static shapes"),
                 signalPassFailure();
      int64_t n =
          isa<RFFTOp>(op) ? cast<RFFTOp>(op).getN() : cast<IRFFTOp>(op).getN();
      FFTPlan plan = planFFT(n, maxThreads, maxSharedMemory);
      LogicalResult result =
          isa<RFFTOp>(op) ? convertRFFT(cast<RFFTOp>(op), module, plan)
                          : convertIRFFT(cast<IRFFTOp>(op), module, plan);
      if (failed(result))
        return signalPassFailure();
    }
  }
};
} // namespace
