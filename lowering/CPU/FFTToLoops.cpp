//===- FFTToLoops.cpp - Lower orchid.rfft/irfft to vector FFT code --------===//
//
// Rows (all leading axes) are processed in tiles of 16, one row per vector
// lane, in independent scf.parallel iterations. A tile is transposed into a
// [n][16] lane buffer, transformed by the generated FFT function of its
// size, and transposed back.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "dialect/OrchidOps.h"
#include "lowering/CPU/FFTCodegen.h"
#include "lowering/CPU/LaneTiles.h"

#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTFFTTOLOOPS
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::cpu;

static int64_t getNumRows(ShapedType type) {
  int64_t rows = 1;
  for (int64_t size : type.getShape().drop_back())
    rows *= size;
  return rows;
}

/// Reads `tensor` as an identity-layout buffer that is not written.
static Value toReadOnlyBuffer(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  auto memrefType = MemRefType::get(type.getShape(), type.getElementType());
  return bufferization::ToBufferOp::create(b, loc, memrefType, tensor,
                                           b.getUnitAttr());
}

/// Emits the parallel loop over the tiles of `rows` rows, with lane buffers
/// for an n-point FFT allocated once per chunk of tiles; `body` receives
/// the first row and the number of valid rows of the tile, and the signal
/// and scratch buffers.
static void buildTileLoop(
    OpBuilder &b, Location loc, int64_t rows, int64_t n,
    function_ref<void(Value, Value, Value, Value, Value, Value)> body) {
  OpBuilder::InsertionGuard guard(b);
  auto [begin, end] = buildChunkLoop(b, loc, llvm::divideCeil(rows, kLanes));
  Value re = allocLaneBuffer(b, loc, n), im = allocLaneBuffer(b, loc, n);
  int64_t scratchRows = getFFTScratchRows(n);
  Value sre = allocLaneBuffer(b, loc, scratchRows);
  Value sim = allocLaneBuffer(b, loc, scratchRows);
  buildLoop(b, loc, begin, end, [&](Value tile) {
    Value base =
        arith::MulIOp::create(b, loc, tile, indexConstant(b, loc, kLanes));
    body(base, getValidLanes(b, loc, base, rows), re, im, sre, sim);
  });
}

namespace {
struct RFFTToLoops final : OpConversionPattern<RFFTOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(RFFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    if (!inType.hasStaticShape() || !outType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "expected static shapes");
    Location loc = op.getLoc();
    int64_t n = op.getN(), len = inType.getShape().back();
    int64_t half = outType.getShape().back();
    int64_t rows = getNumRows(inType);
    float scale = op.getNorm() == FFTNorm::forward ? 1.0 / double(n) : 1.0;
    auto module = op->getParentOfType<ModuleOp>();
    func::FuncOp fft = getOrCreateFFTFunction(module, n, /*inverse=*/false);

    Value input = collapseToRows(
        rewriter, loc, toReadOnlyBuffer(rewriter, loc, adaptor.getInput()));
    auto resultType =
        MemRefType::get(outType.getShape(), outType.getElementType());
    Value result = memref::AllocOp::create(rewriter, loc, resultType);
    Value output = collapseToRows(rewriter, loc, result);
    auto complexType = cast<ComplexType>(outType.getElementType());

    buildTileLoop(
        rewriter, loc, rows, n,
        [&](Value base, Value valid, Value re, Value im, Value sre, Value sim) {
          OpBuilder &b = rewriter;
          zeroLaneBuffers(b, loc, {re, im}, n);
          Value c0 = indexConstant(b, loc, 0);
          buildLoop(b, loc, c0, valid, [&](Value lane) {
            Value row = arith::AddIOp::create(b, loc, base, lane);
            buildLoop(b, loc, 0, std::min(len, n), [&](Value t) {
              Value x =
                  memref::LoadOp::create(b, loc, input, ValueRange{row, t});
              memref::StoreOp::create(b, loc, x, re, ValueRange{t, lane});
            });
          });
          func::CallOp::create(b, loc, fft, ValueRange{re, im, sre, sim});
          Value scaleCst = f32Constant(b, loc, scale);
          buildLoop(b, loc, c0, valid, [&](Value lane) {
            Value row = arith::AddIOp::create(b, loc, base, lane);
            buildLoop(b, loc, 0, half, [&](Value k) {
              Value xr =
                  memref::LoadOp::create(b, loc, re, ValueRange{k, lane});
              Value xi =
                  memref::LoadOp::create(b, loc, im, ValueRange{k, lane});
              if (scale != 1.0f) {
                xr = arith::MulFOp::create(b, loc, xr, scaleCst);
                xi = arith::MulFOp::create(b, loc, xi, scaleCst);
              }
              Value c = complex::CreateOp::create(b, loc, complexType, xr, xi);
              memref::StoreOp::create(b, loc, c, output, ValueRange{row, k});
            });
          });
        });
    rewriter.replaceOpWithNewOp<bufferization::ToTensorOp>(op, outType, result,
                                                           /*restrict=*/true);
    return success();
  }
};

struct IRFFTToLoops final : OpConversionPattern<IRFFTOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(IRFFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    if (!inType.hasStaticShape() || !outType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "expected static shapes");
    Location loc = op.getLoc();
    int64_t n = op.getN(), half = n / 2 + 1;
    if (inType.getShape().back() != half)
      return rewriter.notifyMatchFailure(op, "expected n / 2 + 1 inputs");
    int64_t len = outType.getShape().back();
    int64_t rows = getNumRows(inType);
    float scale = op.getNorm() == FFTNorm::backward ? 1.0 / double(n) : 1.0;
    auto module = op->getParentOfType<ModuleOp>();
    func::FuncOp fft = getOrCreateFFTFunction(module, n, /*inverse=*/true);

    Value input = collapseToRows(
        rewriter, loc, toReadOnlyBuffer(rewriter, loc, adaptor.getInput()));
    auto resultType =
        MemRefType::get(outType.getShape(), outType.getElementType());
    Value result = memref::AllocOp::create(rewriter, loc, resultType);
    Value output = collapseToRows(rewriter, loc, result);

    buildTileLoop(
        rewriter, loc, rows, n,
        [&](Value base, Value valid, Value re, Value im, Value sre, Value sim) {
          OpBuilder &b = rewriter;
          zeroLaneBuffers(b, loc, {re, im}, n);
          Value c0 = indexConstant(b, loc, 0);
          buildLoop(b, loc, c0, valid, [&](Value lane) {
            Value row = arith::AddIOp::create(b, loc, base, lane);
            auto loadCoeff = [&](Value k) -> std::pair<Value, Value> {
              Value c =
                  memref::LoadOp::create(b, loc, input, ValueRange{row, k});
              return {complex::ReOp::create(b, loc, c),
                      complex::ImOp::create(b, loc, c)};
            };
            // The imaginary parts of the DC and Nyquist terms are ignored.
            auto storeReal = [&](int64_t k) {
              Value kIdx = indexConstant(b, loc, k);
              memref::StoreOp::create(b, loc, loadCoeff(kIdx).first, re,
                                      ValueRange{kIdx, lane});
            };
            storeReal(0);
            if (n % 2 == 0 && n > 1)
              storeReal(n / 2);
            // X[n - k] = conj(X[k]) completes the Hermitian spectrum.
            buildLoop(b, loc, 1, (n + 1) / 2, [&](Value k) {
              auto [xr, xi] = loadCoeff(k);
              Value mirror =
                  arith::SubIOp::create(b, loc, indexConstant(b, loc, n), k);
              memref::StoreOp::create(b, loc, xr, re, ValueRange{k, lane});
              memref::StoreOp::create(b, loc, xi, im, ValueRange{k, lane});
              memref::StoreOp::create(b, loc, xr, re, ValueRange{mirror, lane});
              memref::StoreOp::create(b, loc, arith::NegFOp::create(b, loc, xi),
                                      im, ValueRange{mirror, lane});
            });
          });
          func::CallOp::create(b, loc, fft, ValueRange{re, im, sre, sim});
          Value scaleCst = f32Constant(b, loc, scale);
          buildLoop(b, loc, c0, valid, [&](Value lane) {
            Value row = arith::AddIOp::create(b, loc, base, lane);
            buildLoop(b, loc, 0, std::min(len, n), [&](Value t) {
              Value x = memref::LoadOp::create(b, loc, re, ValueRange{t, lane});
              if (scale != 1.0f)
                x = arith::MulFOp::create(b, loc, x, scaleCst);
              memref::StoreOp::create(b, loc, x, output, ValueRange{row, t});
            });
          });
        });
    rewriter.replaceOpWithNewOp<bufferization::ToTensorOp>(op, outType, result,
                                                           /*restrict=*/true);
    return success();
  }
};

struct OrchidConvertFFTToLoopsPass
    : public orchid::impl::OrchidConvertFFTToLoopsBase<
          OrchidConvertFFTToLoopsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // FFT functions are module-level symbols: create them before the
    // conversion so that patterns only rewrite the op they match.
    module.walk([&](Operation *op) {
      if (auto rfft = dyn_cast<RFFTOp>(op))
        getOrCreateFFTFunction(module, rfft.getN(), /*inverse=*/false);
      else if (auto irfft = dyn_cast<IRFFTOp>(op))
        getOrCreateFFTFunction(module, irfft.getN(), /*inverse=*/true);
    });

    ConversionTarget target(getContext());
    target.addIllegalOp<RFFTOp, IRFFTOp>();
    // Everything else, including other orchid ops, is left for later passes.
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    RewritePatternSet patterns(&getContext());
    patterns.add<RFFTToLoops, IRFFTToLoops>(&getContext());
    ConversionConfig config;
    config.allowPatternRollback = false;
    if (failed(applyPartialConversion(module, target, std::move(patterns),
                                      config)))
      signalPassFailure();
  }
};
} // namespace
