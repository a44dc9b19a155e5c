//===- SpectralConvToLoops.cpp - Fused FFT convolution kernel -------------===//
//
// One scf.parallel iteration per (batch, 16-channel tile) runs the whole
// convolution of the tile: transpose + zero-pad, forward FFT, pointwise
// product with the kernel spectrum, inverse FFT, folding, scaling and the
// skip term, written straight to the output.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "dialect/OrchidOps.h"
#include "lowering/CPU/FFTCodegen.h"
#include "lowering/CPU/LaneTiles.h"

#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTSPECTRALCONVTOLOOPS
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::cpu;

static Value toReadOnlyBuffer(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  auto memrefType = MemRefType::get(type.getShape(), type.getElementType());
  return bufferization::ToBufferOp::create(b, loc, memrefType, tensor,
                                           b.getUnitAttr());
}

namespace {
/// Vector helpers over the rows of split re/im lane buffers.
struct LaneOps {
  OpBuilder &b;
  Location loc;
  VectorType vecType;

  Value load(Value buffer, Value row) {
    return vector::LoadOp::create(b, loc, vecType, buffer,
                                  ValueRange{row, indexConstant(b, loc, 0)});
  }
  void store(Value v, Value buffer, Value row) {
    vector::StoreOp::create(b, loc, v, buffer,
                            ValueRange{row, indexConstant(b, loc, 0)});
  }
};

struct SpectralConvToLoops final : OpConversionPattern<SpectralConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SpectralConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType specType = op.getSpectrum().getType();
    if (!inType.hasStaticShape() || !specType.hasStaticShape() ||
        inType.getRank() != 3)
      return rewriter.notifyMatchFailure(op, "expected static B x D x L");
    Location loc = op.getLoc();
    int64_t batch = inType.getDimSize(0), channels = inType.getDimSize(1);
    int64_t len = inType.getDimSize(2), n = op.getN(), half = n / 2 + 1;
    bool wrap = op.getWrap();
    if (!wrap && n < len)
      return rewriter.notifyMatchFailure(op, "transform shorter than input");
    bool batchedSpectrum = specType.getRank() == 3;
    auto module = op->getParentOfType<ModuleOp>();
    func::FuncOp forward = getOrCreateFFTFunction(module, n, false);
    func::FuncOp inverse = getOrCreateFFTFunction(module, n, true);

    Value input = toReadOnlyBuffer(rewriter, loc, adaptor.getInput());
    Value spectrum = toReadOnlyBuffer(rewriter, loc, adaptor.getSpectrum());
    Value bias = toReadOnlyBuffer(rewriter, loc, adaptor.getBias());
    auto resultType =
        MemRefType::get(inType.getShape(), inType.getElementType());
    Value output = memref::AllocOp::create(rewriter, loc, resultType);

    OpBuilder &b = rewriter;
    LaneOps v{b, loc, VectorType::get({kLanes}, b.getF32Type())};
    int64_t tiles = llvm::divideCeil(channels, kLanes);
    Value c0 = indexConstant(b, loc, 0), c1 = indexConstant(b, loc, 1);
    auto loop = scf::ParallelOp::create(
        b, loc, ValueRange{c0, c0},
        ValueRange{indexConstant(b, loc, batch), indexConstant(b, loc, tiles)},
        ValueRange{c1, c1});
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(loop.getBody()->getTerminator());
      ValueRange ivs = loop.getInductionVars();
      Value bIdx = ivs[0];
      Value base =
          arith::MulIOp::create(b, loc, ivs[1], indexConstant(b, loc, kLanes));
      Value valid = getValidLanes(b, loc, base, channels);
      Value re = allocLaneBuffer(b, loc, n);
      Value im = allocLaneBuffer(b, loc, n);
      int64_t scratchRows = getFFTScratchRows(n);
      Value sre = allocLaneBuffer(b, loc, scratchRows);
      Value sim = allocLaneBuffer(b, loc, scratchRows);
      Value kre = allocLaneBuffer(b, loc, half);
      Value kim = allocLaneBuffer(b, loc, half);
      zeroLaneBuffers(b, loc, {re, im}, n);
      zeroLaneBuffers(b, loc, {kre, kim}, half);

      // Transpose the tile of input and kernel spectrum into lanes.
      buildLoop(b, loc, c0, valid, [&](Value lane) {
        Value d = arith::AddIOp::create(b, loc, base, lane);
        buildLoop(b, loc, 0, std::min(len, n), [&](Value t) {
          Value x =
              memref::LoadOp::create(b, loc, input, ValueRange{bIdx, d, t});
          memref::StoreOp::create(b, loc, x, re, ValueRange{t, lane});
        });
        buildLoop(b, loc, 0, half, [&](Value k) {
          SmallVector<Value> idx = {d, k};
          if (batchedSpectrum)
            idx.insert(idx.begin(), bIdx);
          Value c = memref::LoadOp::create(b, loc, spectrum, idx);
          memref::StoreOp::create(b, loc, complex::ReOp::create(b, loc, c), kre,
                                  ValueRange{k, lane});
          memref::StoreOp::create(b, loc, complex::ImOp::create(b, loc, c), kim,
                                  ValueRange{k, lane});
        });
      });

      func::CallOp::create(b, loc, forward, ValueRange{re, im, sre, sim});
      // X[k] *= K[k] for k <= n/2 and X[k] *= conj(K[n - k]) above.
      auto multiply = [&](Value k, Value kk, bool conj) {
        Value xr = v.load(re, k), xi = v.load(im, k);
        Value wr = v.load(kre, kk), wi = v.load(kim, kk);
        if (conj)
          wi = arith::NegFOp::create(b, loc, wi);
        Value pr =
            arith::SubFOp::create(b, loc, arith::MulFOp::create(b, loc, xr, wr),
                                  arith::MulFOp::create(b, loc, xi, wi));
        Value pi =
            arith::AddFOp::create(b, loc, arith::MulFOp::create(b, loc, xr, wi),
                                  arith::MulFOp::create(b, loc, xi, wr));
        v.store(pr, re, k);
        v.store(pi, im, k);
      };
      buildLoop(b, loc, 0, half, [&](Value k) { multiply(k, k, false); });
      buildLoop(b, loc, half, n, [&](Value k) {
        Value kk = arith::SubIOp::create(b, loc, indexConstant(b, loc, n), k);
        multiply(k, kk, true);
      });
      func::CallOp::create(b, loc, inverse, ValueRange{re, im, sre, sim});

      // y[t] = sum_j z[t + j L] with wrap: fold in lane layout first.
      if (wrap) {
        for (int64_t off = len; off < n; off += len) {
          buildLoop(b, loc, 0, std::min(len, n - off), [&](Value t) {
            Value src =
                arith::AddIOp::create(b, loc, t, indexConstant(b, loc, off));
            Value head = v.load(re, t);
            Value tail = v.load(re, src);
            v.store(arith::AddFOp::create(b, loc, head, tail), re, t);
          });
        }
      }
      Value scale = f32Constant(b, loc, 1.0 / double(n));
      buildLoop(b, loc, c0, valid, [&](Value lane) {
        Value d = arith::AddIOp::create(b, loc, base, lane);
        Value skip = memref::LoadOp::create(b, loc, bias, ValueRange{d});
        buildLoop(b, loc, 0, len, [&](Value t) {
          Value z = memref::LoadOp::create(b, loc, re, ValueRange{t, lane});
          Value u =
              memref::LoadOp::create(b, loc, input, ValueRange{bIdx, d, t});
          Value y = arith::AddFOp::create(
              b, loc, arith::MulFOp::create(b, loc, z, scale),
              arith::MulFOp::create(b, loc, skip, u));
          memref::StoreOp::create(b, loc, y, output, ValueRange{bIdx, d, t});
        });
      });
    }
    rewriter.replaceOpWithNewOp<bufferization::ToTensorOp>(op, inType, output,
                                                           /*restrict=*/true);
    return success();
  }
};

struct OrchidConvertSpectralConvToLoopsPass
    : public orchid::impl::OrchidConvertSpectralConvToLoopsBase<
          OrchidConvertSpectralConvToLoopsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // FFT functions are module-level symbols: create them before the
    // conversion so that patterns only rewrite the op they match.
    module.walk([&](SpectralConvOp op) {
      getOrCreateFFTFunction(module, op.getN(), /*inverse=*/false);
      getOrCreateFFTFunction(module, op.getN(), /*inverse=*/true);
    });

    ConversionTarget target(getContext());
    target.addIllegalOp<SpectralConvOp>();
    // Everything else, including other orchid ops, is left for later passes.
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    RewritePatternSet patterns(&getContext());
    patterns.add<SpectralConvToLoops>(&getContext());
    ConversionConfig config;
    config.allowPatternRollback = false;
    if (failed(applyPartialConversion(module, target, std::move(patterns),
                                      config)))
      signalPassFailure();
  }
};
} // namespace
