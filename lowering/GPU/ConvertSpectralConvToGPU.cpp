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
#include "lowering/GPU/KernelBuilder.h"
#include "lowering/GPU/Passes.h"

#include "dialect/OrchidOps.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTSPECTRALCONVTOGPU
#include "lowering/GPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu;
using fft::Complex;

namespace {
/// The kernel of one spectral_conv on its row pair, step by step.
struct SpectralConvKernel {
  OpBuilder &b;
  Location loc;
  BlockFFT &fft;
  RowPair rp;
  /// The input, spectrum and output rows and the bias.
  Value u, spec, y, bias;
  int64_t n, len, specRows, channels;
  bool wrap;

  Value cst(int64_t v) { return fft.constant(v); }

  /// z[t] = u1[t] + i u2[t], zero-padded to n >= L points.
  void loadSignal() {
    Value zero = fft.arith().constant(0.0);
    fft.forEach(len, [&](Value t) {
      Value re = memref::LoadOp::create(b, loc, u, ValueRange{rp.row1, t});
      Value im = memref::LoadOp::create(b, loc, u, ValueRange{rp.row2, t});
      im = arith::SelectOp::create(b, loc, rp.hasRow2, im, zero);
      fft.write(t, {re, im});
    });
    if (len < n) {
      auto loop = scf::ForOp::create(
          b, loc, arith::AddIOp::create(b, loc, fft.threadId(), cst(len)),
          cst(n), cst(fft.getThreads()));
      OpBuilder::InsertionGuard loopGuard(b);
      b.setInsertionPointToStart(loop.getBody());
      fft.write(loop.getInductionVar(), {zero, zero});
    }
  }

  /// The pointwise product with the two kernel spectra, written as the
  /// input of the inverse transform; each thread owns the pair (k, n - k).
  void multiplySpectra() {
    fft::ComplexBuilder &cx = fft.arith();
    Value specRowsV = cst(specRows);
    Value s1 = arith::RemUIOp::create(b, loc, rp.row1, specRowsV);
    Value s2 = arith::RemUIOp::create(b, loc, rp.row2, specRowsV);
    fft.forEach(n / 2 + 1, [&](Value k) {
      Value m = fft.mirror(k);
      auto [u1, u2] = fft.splitSpectra(k, m);
      auto loadSpec = [&](Value row) -> Complex {
        Value c = memref::LoadOp::create(b, loc, spec, ValueRange{row, k});
        return {complex::ReOp::create(b, loc, c),
                complex::ImOp::create(b, loc, c)};
      };
      fft.writeInverseInput(k, m, cx.mul(u1, loadSpec(s1)),
                            cx.mul(u2, loadSpec(s2)),
                            1.0 / static_cast<double>(n));
    });
  }

  /// sum_j w[t + j L] for j < folds, the terms past n read as zero.
  Complex foldAt(Value t, int64_t folds) {
    fft::ComplexBuilder &cx = fft.arith();
    Complex sum = fft.read(t);
    for (int64_t j = 1; j < folds; ++j) {
      Value idx = arith::AddIOp::create(b, loc, t, cst(j * len));
      if ((j + 1) * len <= n) {
        sum = cx.add(sum, fft.read(idx));
        continue;
      }
      Value valid =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, idx, cst(n));
      Value safe = arith::SelectOp::create(b, loc, valid, idx, cst(0));
      Complex w = fft.read(safe);
      Value zero = cx.constant(0.0);
      sum = {
          cx.add(sum.re, arith::SelectOp::create(b, loc, valid, w.re, zero)),
          cx.add(sum.im, arith::SelectOp::create(b, loc, valid, w.im, zero))};
    }
    return sum;
  }

  /// y1 = Re w, y2 = -Im w (folded modulo L for wrap) plus the skip term.
  void storeResult() {
    fft::ComplexBuilder &cx = fft.arith();
    Value channelsV = cst(channels);
    Value d1 = arith::RemUIOp::create(b, loc, rp.row1, channelsV);
    Value d2 = arith::RemUIOp::create(b, loc, rp.row2, channelsV);
    Value b1 = memref::LoadOp::create(b, loc, bias, d1);
    Value b2 = memref::LoadOp::create(b, loc, bias, d2);
    int64_t folds = wrap ? (n + len - 1) / len : 1;
    fft.forEach(len, [&](Value t) {
      Complex sum = foldAt(t, folds);
      Value u1 = memref::LoadOp::create(b, loc, u, ValueRange{rp.row1, t});
      Value y1 = cx.add(sum.re, cx.mul(b1, u1));
      memref::StoreOp::create(b, loc, y1, y, ValueRange{rp.row1, t});
      auto ifOp = scf::IfOp::create(b, loc, rp.hasRow2);
      OpBuilder::InsertionGuard ifGuard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      Value u2 = memref::LoadOp::create(b, loc, u, ValueRange{rp.row2, t});
      Value y2 = cx.sub(cx.mul(b2, u2), sum.im);
      memref::StoreOp::create(b, loc, y2, y, ValueRange{rp.row2, t});
    });
  }
};

struct SpectralConvToGPU final : public OpConversionPattern<SpectralConvOp> {
  SpectralConvToGPU(MLIRContext *context, int64_t maxThreads, int64_t maxShared)
      : OpConversionPattern(context), maxThreads(maxThreads),
        maxShared(maxShared) {}

  LogicalResult
  matchAndRewrite(SpectralConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType specType = op.getSpectrum().getType();
    int64_t n = op.getN();
    int64_t len = inputType.getShape().back();
    int64_t rows = inputType.getNumElements() / len;
    BlockFFTPlan plan = planBlockFFT(n, maxThreads, maxShared);
    auto module = op->getParentOfType<ModuleOp>();

    OpBuilder &b = rewriter;
    Location loc = op.getLoc();
    KernelBuffers buffers;
    Value u = collapseToRows(b, loc, buffers.input(b, loc, adaptor.getInput()));
    Value spec =
        collapseToRows(b, loc, buffers.input(b, loc, adaptor.getSpectrum()));
    Value bias = buffers.input(b, loc, adaptor.getBias());
    Value yBuffer = buffers.alloc(
        b, loc, MemRefType::get(inputType.getShape(), b.getF32Type()));
    Value y = collapseToRows(b, loc, yBuffer);
    int64_t pairs = (rows + 1) / 2;
    Value scratch;
    if (!plan.inShared)
      scratch = buffers.allocScratch(
          b, loc,
          MemRefType::get({pairs * plan.scratchFloats()}, b.getF32Type()));

    emitLaunch(b, loc, pairs, plan.threads, plan.sharedBytes(), [&] {
      BlockFFT fft = BlockFFT::create(b, loc, plan, module, scratch);
      SpectralConvKernel kernel{b,
                                loc,
                                fft,
                                getRowPair(b, loc, rows),
                                u,
                                spec,
                                y,
                                bias,
                                n,
                                len,
                                specType.getNumElements() /
                                    specType.getShape().back(),
                                op.getBias().getType().getNumElements(),
                                op.getWrap()};
      kernel.loadSignal();
      fft.forward();
      kernel.multiplySpectra();
      fft.forward();
      kernel.storeResult();
    });
    rewriter.replaceOp(op, buffers.finish(b, loc, yBuffer, inputType));
    return success();
  }

  int64_t maxThreads, maxShared;
};

struct OrchidConvertSpectralConvToGPUPass
    : public orchid::impl::OrchidConvertSpectralConvToGPUBase<
          OrchidConvertSpectralConvToGPUPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(verifyThreadsOption(module, "max-threads", maxThreads,
                                   /*min=*/1)))
      return signalPassFailure();
    if (failed(verifyStaticShapes(
            module, [](Operation *op) { return isa<SpectralConvOp>(op); })))
      return signalPassFailure();
    WalkResult bias = module.walk([&](SpectralConvOp op) {
      if (failed(verifyBlockFFT(op, op.getN(), maxThreads, maxSharedMemory)))
        return WalkResult::interrupt();
      if (op.getBias().getType().getRank() == 1)
        return WalkResult::advance();
      op.emitOpError("expected a 1-D bias");
      return WalkResult::interrupt();
    });
    if (bias.wasInterrupted())
      return signalPassFailure();
    ConversionTarget target(getContext());
    target.addIllegalOp<SpectralConvOp>();
    RewritePatternSet patterns(&getContext());
    patterns.add<SpectralConvToGPU>(&getContext(), maxThreads, maxSharedMemory);
    if (failed(convertKernels(module, target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
