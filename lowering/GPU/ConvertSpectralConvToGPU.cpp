//===- ConvertSpectralConvToGPU.cpp - spectral_conv to gpu.launch ---------===//
//
// One block per pair of rows: z = u1 + i u2 is transformed once, the two
// real spectra are separated with U1[k] = (Z[k] + conj Z[n-k]) / 2 and
// U2[k] = (Z[k] - conj Z[n-k]) / 2i, multiplied by their kernel spectra and
// recombined as Y = U1 K1 + i U2 K2, whose inverse transform is y1 + i y2.
// The inverse uses the forward kernel: ifft(Y) = conj(fft(conj(Y))) / n.
// A real transform of n points thus costs half a complex one and the whole
// convolution never leaves the block.
//
//===----------------------------------------------------------------------===//

#include "lowering/GPU/FFTKernel.h"
#include "lowering/GPU/Passes.h"

#include "dialect/OrchidOps.h"

#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTSPECTRALCONVTOGPU
#include "lowering/GPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu_fft;

static LogicalResult convertSpectralConv(SpectralConvOp op, ModuleOp module,
                                         int64_t maxThreads,
                                         int64_t maxShared) {
  RankedTensorType inputType = op.getInput().getType();
  RankedTensorType specType = op.getSpectrum().getType();
  if (!inputType.hasStaticShape() || !specType.hasStaticShape() ||
      !op.getBias().getType().hasStaticShape())
    return op.emitOpError("GPU lowering needs static shapes");
  int64_t n = op.getN();
  int64_t len = inputType.getShape().back();
  int64_t rows = inputType.getNumElements() / len;
  int64_t specRows = specType.getNumElements() / specType.getShape().back();
  int64_t channels = op.getBias().getType().getNumElements();
  FFTPlan plan = planFFT(n, maxThreads, maxShared);
  FFTTables tables = getOrCreateFFTTables(module, plan);

  OpBuilder b(op);
  Location loc = op.getLoc();
  KernelBuffers buffers;
  Value u = collapseToRows(b, loc, buffers.input(b, loc, op.getInput()));
  Value spec = collapseToRows(b, loc, buffers.input(b, loc, op.getSpectrum()));
  Value bias = collapseToRows(b, loc, buffers.input(b, loc, op.getBias()));
  if (cast<MemRefType>(bias.getType()).getRank() != 1)
    return op.emitOpError("expected a 1-D bias");
  Value yBuffer = buffers.alloc(
      b, loc, MemRefType::get(inputType.getShape(), b.getF32Type()));
  Value y = collapseToRows(b, loc, yBuffer);
  int64_t pairs = (rows + 1) / 2;
  Value scratch;
  if (!plan.inShared)
    scratch = buffers.allocScratch(
        b, loc,
        MemRefType::get({pairs * plan.scratchFloats()}, b.getF32Type()));

  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  emitLaunch(b, loc, pairs, plan.threads, plan.sharedBytes(), [&] {
    BlockFFT fft(b, loc, plan, tables, scratch);
    RowPair rp = getRowPair(b, loc, rows);
    Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));

    // z[t] = u1[t] + i u2[t], zero-padded to n >= L points.
    fft.forEach(len, [&](OpBuilder &, Value t) {
      Value re = memref::LoadOp::create(b, loc, u, ValueRange{rp.row1, t});
      Value im = memref::LoadOp::create(b, loc, u, ValueRange{rp.row2, t});
      im = arith::SelectOp::create(b, loc, rp.hasRow2, im, zero);
      fft.write(t, {re, im});
    });
    if (len < n) {
      auto loop = scf::ForOp::create(
          b, loc, arith::AddIOp::create(b, loc, fft.threadId(), cst(len)),
          cst(n), cst(plan.threads));
      OpBuilder::InsertionGuard loopGuard(b);
      b.setInsertionPointToStart(loop.getBody());
      fft.write(loop.getInductionVar(), {zero, zero});
    }
    fft.forward();

    // Pointwise product; each thread owns the pair (k, n - k).
    Value specRowsV = cst(specRows);
    Value s1 = arith::RemUIOp::create(b, loc, rp.row1, specRowsV);
    Value s2 = arith::RemUIOp::create(b, loc, rp.row2, specRowsV);
    fft.forEach(n / 2 + 1, [&](OpBuilder &, Value k) {
      Value m = fft.mirror(k);
      auto [u1, u2] = fft.splitSpectra(k, m);
      auto loadSpec = [&](Value row) -> Complex {
        Value c = memref::LoadOp::create(b, loc, spec, ValueRange{row, k});
        return {complex::ReOp::create(b, loc, c),
                complex::ImOp::create(b, loc, c)};
      };
      fft.writeInverseInput(k, m, fft.mul(u1, loadSpec(s1)),
                            fft.mul(u2, loadSpec(s2)),
                            1.0 / static_cast<double>(n));
    });
    fft.forward();

    // y = Re w, y2 = -Im w (folded modulo L for wrap) plus the skip term.
    Value channelsV = cst(channels);
    Value d1 = arith::RemUIOp::create(b, loc, rp.row1, channelsV);
    Value d2 = arith::RemUIOp::create(b, loc, rp.row2, channelsV);
    Value b1 = memref::LoadOp::create(b, loc, bias, d1);
    Value b2 = memref::LoadOp::create(b, loc, bias, d2);
    int64_t folds = op.getWrap() ? (n + len - 1) / len : 1;
    fft.forEach(len, [&](OpBuilder &, Value t) {
      Complex sum = fft.read(t);
      for (int64_t j = 1; j < folds; ++j) {
        Value idx = arith::AddIOp::create(b, loc, t, cst(j * len));
        if ((j + 1) * len <= n) {
          sum = fft.add(sum, fft.read(idx));
          continue;
        }
        Value valid = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                            idx, cst(n));
        Value safe = arith::SelectOp::create(b, loc, valid, idx, cst(0));
        Complex w = fft.read(safe);
        sum = {arith::AddFOp::create(
                   b, loc, sum.re,
                   arith::SelectOp::create(b, loc, valid, w.re, zero)),
               arith::AddFOp::create(
                   b, loc, sum.im,
                   arith::SelectOp::create(b, loc, valid, w.im, zero))};
      }
      Value u1 = memref::LoadOp::create(b, loc, u, ValueRange{rp.row1, t});
      Value y1 = arith::AddFOp::create(b, loc, sum.re,
                                       arith::MulFOp::create(b, loc, b1, u1));
      memref::StoreOp::create(b, loc, y1, y, ValueRange{rp.row1, t});
      auto ifOp = scf::IfOp::create(b, loc, rp.hasRow2);
      OpBuilder::InsertionGuard ifGuard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      Value u2 = memref::LoadOp::create(b, loc, u, ValueRange{rp.row2, t});
      Value y2 = arith::SubFOp::create(
          b, loc, arith::MulFOp::create(b, loc, b2, u2), sum.im);
      memref::StoreOp::create(b, loc, y2, y, ValueRange{rp.row2, t});
    });
  });
  buffers.replaceOp(b, loc, op, yBuffer, inputType);
  return success();
}

namespace {
struct ConvertSpectralConvToGPUPass
    : public orchid::impl::OrchidConvertSpectralConvToGPUBase<
          ConvertSpectralConvToGPUPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<SpectralConvOp> ops;
    module.walk([&](SpectralConvOp op) { ops.push_back(op); });
    for (SpectralConvOp op : ops)
      if (failed(convertSpectralConv(op, module, maxThreads, maxSharedMemory)))
        return signalPassFailure();
  }
};
} // namespace
