//===- FFTToLoops.cpp - Lower orchid.rfft/irfft to vector FFT code --------===//
//
// Rows (all leading axes) are processed in tiles of 16, one row per vector
// lane, in independent scf.parallel iterations. A tile is transposed into a
// [n][16] lane buffer, transformed by the generated FFT function of its
// size, and transposed back. Real rows move in 16 x 16 blocks transposed in
// registers; complex rows element by element, frequency-major.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "dialect/OrchidOps.h"
#include "lowering/CPU/FFTCodegen.h"
#include "lowering/CPU/LaneTiles.h"
#include "lowering/FFT/Plan.h"

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

/// The FFT function of the kernel of an rfft or irfft.
static func::FuncOp getTileFFT(ModuleOp module, int64_t n, int64_t rows,
                               bool inverse, int64_t threads) {
  int64_t tiles = llvm::divideCeil(rows, kLanes);
  return getOrCreateFFTFunction(module, n, inverse,
                                getFFTThreads(n, tiles, threads));
}

namespace {
/// A tile of 16 rows inside the tile loop of an rfft or irfft kernel.
struct Tile {
  /// The operand and result viewed as 2-D [rows, last axis] buffers.
  Value input, output;
  /// First row, last row of the operand and number of valid rows.
  Value base, lastRow, valid;
  /// The lane buffers the FFT transforms in place.
  Value re, im;
  /// Threads of the row loops: more than 1 when tiles run one after the
  /// other.
  int64_t threads;
};
} // namespace

/// Replaces the rfft or irfft `op` by a loop over tiles of 16 rows: `load`
/// fills the lane buffers of a tile from its operand rows, the n-point FFT
/// function transforms them and `store` writes the tile's result rows.
/// The tiles run in parallel, or one after the other around parallel FFTs
/// (see getFFTThreads).
static void lowerToTiles(Operation *op, Value operand, int64_t n, bool inverse,
                         int64_t threads, ConversionPatternRewriter &rewriter,
                         function_ref<void(const Tile &)> load,
                         function_ref<void(const Tile &)> store) {
  OpBuilder &b = rewriter;
  Location loc = op->getLoc();
  auto operandType = cast<RankedTensorType>(operand.getType());
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  int64_t rows = getNumRows(operandType);
  int64_t tiles = llvm::divideCeil(rows, kLanes);
  int64_t fftThreads = getFFTThreads(n, tiles, threads);
  auto module = op->getParentOfType<ModuleOp>();
  func::FuncOp fft = getTileFFT(module, n, rows, inverse, threads);

  Tile tile;
  tile.threads = fftThreads;
  tile.input = viewAsRowMatrix(b, loc, toReadOnlyBuffer(b, loc, operand));
  Value result = memref::AllocOp::create(
      b, loc,
      MemRefType::get(resultType.getShape(), resultType.getElementType()));
  tile.output = viewAsRowMatrix(b, loc, result);
  {
    OpBuilder::InsertionGuard guard(b);
    auto [begin, end] =
        buildChunkLoop(b, loc, tiles, fftThreads > 1 ? 1 : threads);
    // Whole 16-row blocks move between rows and lanes.
    tile.re = allocLaneBuffer(b, loc, llvm::alignTo(n, kLanes));
    tile.im = allocLaneBuffer(b, loc, llvm::alignTo(n, kLanes));
    int64_t scratchRows = getFFTScratchRows(n, fftThreads);
    Value sre = allocLaneBuffer(b, loc, scratchRows);
    Value sim = allocLaneBuffer(b, loc, scratchRows);
    tile.lastRow = indexConstant(b, loc, rows - 1);
    buildLoop(b, loc, begin, end, [&](Value index) {
      tile.base =
          arith::MulIOp::create(b, loc, index, indexConstant(b, loc, kLanes));
      tile.valid = getValidLanes(b, loc, tile.base, rows);
      load(tile);
      func::CallOp::create(b, loc, fft, ValueRange{tile.re, tile.im, sre, sim});
      store(tile);
    });
  }
  rewriter.replaceOpWithNewOp<bufferization::ToTensorOp>(op, resultType, result,
                                                         /*restrict=*/true);
}

/// Emits `for k in [0, count): for lane in [0, valid): body(k, row, lane)`,
/// frequency-major so that lane buffer rows are touched whole.
static void buildCoefficientLoop(OpBuilder &b, Location loc, const Tile &tile,
                                 int64_t count,
                                 function_ref<void(Value, Value, Value)> body) {
  buildRowLoop(b, loc, 0, count, tile.threads, [&](Value k) {
    buildLoop(b, loc, indexConstant(b, loc, 0), tile.valid, [&](Value lane) {
      body(k, arith::AddIOp::create(b, loc, tile.base, lane), lane);
    });
  });
}

namespace {
struct RFFTToLoops final : ThreadedConversion<RFFTOp> {
  using ThreadedConversion::ThreadedConversion;

  LogicalResult
  matchAndRewrite(RFFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    Location loc = op.getLoc();
    int64_t n = op.getN(), len = std::min(inType.getShape().back(), n);
    int64_t half = outType.getShape().back();
    float scale = op.getNorm() == FFTNorm::forward ? 1.0 / double(n) : 1.0;
    auto complexType = cast<ComplexType>(outType.getElementType());
    OpBuilder &b = rewriter;

    auto load = [&](const Tile &tile) {
      loadRowsIntoLanes(b, loc, tile.input, tile.base, tile.lastRow, len,
                        tile.re, tile.threads);
      zeroLaneBuffers(b, loc, tile.re, n, llvm::alignTo(len, kLanes),
                      tile.threads);
      zeroLaneBuffers(b, loc, tile.im, n, 0, tile.threads);
    };
    auto store = [&](const Tile &tile) {
      Value scaleCst = f32Constant(b, loc, scale);
      buildCoefficientLoop(
          b, loc, tile, half, [&](Value k, Value row, Value lane) {
            Value xr =
                memref::LoadOp::create(b, loc, tile.re, ValueRange{k, lane});
            Value xi =
                memref::LoadOp::create(b, loc, tile.im, ValueRange{k, lane});
            if (scale != 1.0f) {
              xr = arith::MulFOp::create(b, loc, xr, scaleCst);
              xi = arith::MulFOp::create(b, loc, xi, scaleCst);
            }
            Value c = complex::CreateOp::create(b, loc, complexType, xr, xi);
            memref::StoreOp::create(b, loc, c, tile.output, ValueRange{row, k});
          });
    };
    lowerToTiles(op, adaptor.getInput(), n, /*inverse=*/false, threads,
                 rewriter, load, store);
    return success();
  }
};

struct IRFFTToLoops final : ThreadedConversion<IRFFTOp> {
  using ThreadedConversion::ThreadedConversion;

  LogicalResult
  matchAndRewrite(IRFFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    Location loc = op.getLoc();
    int64_t n = op.getN(), half = n / 2 + 1;
    if (inType.getShape().back() != half)
      return rewriter.notifyMatchFailure(op, "expected n / 2 + 1 inputs");
    int64_t len = std::min(outType.getShape().back(), n);
    float scale = op.getNorm() == FFTNorm::backward ? 1.0 / double(n) : 1.0;
    OpBuilder &b = rewriter;

    auto load = [&](const Tile &tile) {
      // Lanes of missing rows stay zero.
      zeroLaneBuffers(b, loc, {tile.re, tile.im}, n, 0, tile.threads);
      auto loadCoeff = [&](Value row, Value k) -> std::pair<Value, Value> {
        Value c =
            memref::LoadOp::create(b, loc, tile.input, ValueRange{row, k});
        return {complex::ReOp::create(b, loc, c),
                complex::ImOp::create(b, loc, c)};
      };
      // The imaginary parts of the DC and Nyquist terms are ignored.
      SmallVector<int64_t, 2> selfMirrored = {0};
      if (n % 2 == 0 && n > 1)
        selfMirrored.push_back(n / 2);
      for (int64_t k : selfMirrored) {
        Value kIdx = indexConstant(b, loc, k);
        buildLoop(b, loc, indexConstant(b, loc, 0), tile.valid,
                  [&](Value lane) {
                    Value row = arith::AddIOp::create(b, loc, tile.base, lane);
                    memref::StoreOp::create(b, loc, loadCoeff(row, kIdx).first,
                                            tile.re, ValueRange{kIdx, lane});
                  });
      }
      // X[n - k] = conj(X[k]) completes the Hermitian spectrum.
      buildRowLoop(b, loc, 1, (n + 1) / 2, tile.threads, [&](Value k) {
        Value mirror =
            arith::SubIOp::create(b, loc, indexConstant(b, loc, n), k);
        buildLoop(
            b, loc, indexConstant(b, loc, 0), tile.valid, [&](Value lane) {
              Value row = arith::AddIOp::create(b, loc, tile.base, lane);
              auto [xr, xi] = loadCoeff(row, k);
              memref::StoreOp::create(b, loc, xr, tile.re, ValueRange{k, lane});
              memref::StoreOp::create(b, loc, xi, tile.im, ValueRange{k, lane});
              memref::StoreOp::create(b, loc, xr, tile.re,
                                      ValueRange{mirror, lane});
              memref::StoreOp::create(b, loc, arith::NegFOp::create(b, loc, xi),
                                      tile.im, ValueRange{mirror, lane});
            });
      });
    };
    auto store = [&](const Tile &tile) {
      auto vecType = VectorType::get({kLanes}, b.getF32Type());
      Value scaleVec = arith::ConstantOp::create(
          b, loc, DenseElementsAttr::get(vecType, scale));
      storeLanesToRows(
          b, loc, tile.re, tile.output, tile.base, tile.valid, len,
          [&](Value lanes, Value, Value, Value) -> Value {
            if (scale == 1.0f)
              return lanes;
            return arith::MulFOp::create(b, loc, lanes, scaleVec);
          },
          tile.threads);
    };
    lowerToTiles(op, adaptor.getInput(), n, /*inverse=*/true, threads, rewriter,
                 load, store);
    return success();
  }
};

struct OrchidConvertFFTToLoopsPass
    : public orchid::impl::OrchidConvertFFTToLoopsBase<
          OrchidConvertFFTToLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    WalkResult sizes = module.walk([](Operation *op) {
      std::optional<int64_t> n;
      if (auto rfft = dyn_cast<RFFTOp>(op))
        n = rfft.getN();
      else if (auto irfft = dyn_cast<IRFFTOp>(op))
        n = irfft.getN();
      return n && (failed(verifyStaticShapes(op)) ||
                   failed(fft::verifyFFTSize(op, *n)))
                 ? WalkResult::interrupt()
                 : WalkResult::advance();
    });
    if (sizes.wasInterrupted())
      return signalPassFailure();
    int64_t numThreads = resolveThreads(threads);
    // FFT functions are module-level symbols: create them before the
    // conversion so that patterns only rewrite the op they match.
    module.walk([&](Operation *op) {
      if (auto rfft = dyn_cast<RFFTOp>(op))
        getTileFFT(module, rfft.getN(), getNumRows(rfft.getInput().getType()),
                   /*inverse=*/false, numThreads);
      else if (auto irfft = dyn_cast<IRFFTOp>(op))
        getTileFFT(module, irfft.getN(), getNumRows(irfft.getInput().getType()),
                   /*inverse=*/true, numThreads);
    });

    ConversionTarget target(getContext());
    target.addIllegalOp<RFFTOp, IRFFTOp>();
    RewritePatternSet patterns(&getContext());
    patterns.add<RFFTToLoops, IRFFTToLoops>(&getContext(), numThreads);
    if (failed(convertKernels(module, target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
