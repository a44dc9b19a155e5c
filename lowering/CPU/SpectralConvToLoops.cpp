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

#include <array>

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTSPECTRALCONVTOLOOPS
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::cpu;

/// Independent (batch, 32-channel) tiles of a spectral_conv kernel.
static int64_t getNumTiles(SpectralConvOp op) {
  ArrayRef<int64_t> shape = op.getInput().getType().getShape();
  return shape[0] * llvm::divideCeil(shape[1], 2 * kLanes);
}

/// Whether `op` has a single group of at most 16 channels, whose two-for-one
/// partner would be empty: it then packs pairs of samples instead, into an
/// n/2-point complex FFT.
static bool isPacked(SpectralConvOp op) {
  return op.getInput().getType().getDimSize(1) <= kLanes &&
         op.getN() % 2 == 0 && !op.getWrap();
}

/// Size of the complex FFTs of the kernel of `op`.
static int64_t getTransformSize(SpectralConvOp op) {
  return isPacked(op) ? op.getN() / 2 : op.getN();
}

/// The forward or inverse FFT function of the kernel of `op`.
static func::FuncOp getTileFFT(ModuleOp module, SpectralConvOp op, bool inverse,
                               int64_t threads) {
  int64_t size = getTransformSize(op);
  return getOrCreateFFTFunction(module, size, inverse,
                                getFFTThreads(size, getNumTiles(op), threads));
}

namespace {
/// Loads, stores and (complex) arithmetic on vector<16xf32> rows of split
/// re/im lane buffers, one channel per lane.
struct LaneOps {
  OpBuilder &b;
  Location loc;
  VectorType vecType = VectorType::get({kLanes}, b.getF32Type());
  using Cx = std::pair<Value, Value>;

  Value load(Value buffer, Value row) {
    return vector::LoadOp::create(b, loc, vecType, buffer,
                                  ValueRange{row, indexConstant(b, loc, 0)});
  }
  void store(Value v, Value buffer, Value row) {
    vector::StoreOp::create(b, loc, v, buffer,
                            ValueRange{row, indexConstant(b, loc, 0)});
  }
  Cx load(Value re, Value im, Value row) {
    return {load(re, row), load(im, row)};
  }
  void store(Cx v, Value re, Value im, Value row) {
    store(v.first, re, row);
    store(v.second, im, row);
  }

  Value add(Value x, Value y) {
    return arith::AddFOp::create(b, loc, x, y, arith::FastMathFlags::contract);
  }
  Value sub(Value x, Value y) {
    return arith::SubFOp::create(b, loc, x, y, arith::FastMathFlags::contract);
  }
  Value mul(Value x, Value y) {
    return arith::MulFOp::create(b, loc, x, y, arith::FastMathFlags::contract);
  }
  Value neg(Value x) {
    return arith::NegFOp::create(b, loc, x, arith::FastMathFlags::contract);
  }
  Cx add(Cx x, Cx y) {
    return {add(x.first, y.first), add(x.second, y.second)};
  }
  Cx sub(Cx x, Cx y) {
    return {sub(x.first, y.first), sub(x.second, y.second)};
  }
  Cx mul(Cx x, Cx y) {
    return {sub(mul(x.first, y.first), mul(x.second, y.second)),
            add(mul(x.first, y.second), mul(x.second, y.first))};
  }
  Cx conj(Cx x) { return {x.first, neg(x.second)}; }
  /// i x.
  Cx timesI(Cx x) { return {neg(x.second), x.first}; }
};
} // namespace

/// The spectrum products of a packed tile, in place in `re`/`im`. With
/// m = n/2, Z = FFT_m(u[2t] + i u[2t+1]) and w = exp(-2 pi i / n), the
/// rfft of u is U[k] = E[k] + w^k O[k] with 2E[k] = Z[k] + conj(Z[m-k]) and
/// 2O[k] = (Z[k] - conj(Z[m-k])) / i, and U[m-k] = conj(E[k] - w^k O[k]).
/// For Y = U K, the packed spectrum of y = irfft(Y) is Z'[k] = Ye[k] +
/// i Yo[k] with 2Ye[k] = Y[k] + conj(Y[m-k]) and 2Yo[k] = (Y[k] -
/// conj(Y[m-k])) w^-k, and Z'[m-k] = conj(Ye[k]) + i conj(Yo[k]). The values
/// stored are 4 Z' (the halves are folded into the final scale).
static void emitPackedProducts(OpBuilder &b, Location loc, ModuleOp module,
                               Value re, Value im, Value kre, Value kim,
                               int64_t n, int64_t threads) {
  int64_t m = n / 2;
  LaneOps c{b, loc};
  Value c0 = indexConstant(b, loc, 0);

  // k = 0 pairs the DC term U[0] = E + O with the Nyquist term U[m] = E - O,
  // both real; irfft ignores the imaginary parts of Y there.
  {
    auto [zr, zi] = c.load(re, im, c0);
    Value e2 = c.add(zr, zr), o2 = c.add(zi, zi);
    Value y0 = c.mul(c.add(e2, o2), c.load(kre, c0));
    Value ym = c.mul(c.sub(e2, o2), c.load(kre, indexConstant(b, loc, m)));
    c.store({c.add(y0, ym), c.sub(y0, ym)}, re, im, c0);
  }
  if (m < 2)
    return;
  auto [wRe, wIm] = getUnitRootTable(b, loc, module, n, m / 2 + 1);
  // Pairs (k, m - k) for 0 < k <= m / 2; k = m / 2 pairs with itself.
  buildRowLoop(b, loc, 1, m / 2 + 1, threads, [&](Value k) {
    Value mirror = arith::SubIOp::create(b, loc, indexConstant(b, loc, m), k);
    auto broadcast = [&](Value table) -> Value {
      return vector::BroadcastOp::create(
          b, loc, c.vecType, memref::LoadOp::create(b, loc, table, k));
    };
    LaneOps::Cx w = {broadcast(wRe), broadcast(wIm)};
    LaneOps::Cx zk = c.load(re, im, k), zm = c.conj(c.load(re, im, mirror));
    LaneOps::Cx e2 = c.add(zk, zm);
    LaneOps::Cx o2 = c.timesI(c.sub(zm, zk));
    LaneOps::Cx wo = c.mul(w, o2);
    LaneOps::Cx y = c.mul(c.add(e2, wo), c.load(kre, kim, k));
    LaneOps::Cx ymc =
        c.conj(c.mul(c.conj(c.sub(e2, wo)), c.load(kre, kim, mirror)));
    LaneOps::Cx ye = c.add(y, ymc);
    LaneOps::Cx yo = c.mul(c.sub(y, ymc), c.conj(w));
    // Store the mirror first: for k = m / 2 it is k itself.
    c.store(c.add(c.conj(ye), c.timesI(c.conj(yo))), re, im, mirror);
    c.store(c.add(ye, c.timesI(yo)), re, im, k);
  });
}

namespace {
struct SpectralConvToLoops final : ThreadedConversion<SpectralConvOp> {
  using ThreadedConversion::ThreadedConversion;

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
    func::FuncOp forward = getTileFFT(module, op, /*inverse=*/false, threads);
    func::FuncOp inverse = getTileFFT(module, op, /*inverse=*/true, threads);

    Value input = toReadOnlyBuffer(rewriter, loc, adaptor.getInput());
    Value spectrum = toReadOnlyBuffer(rewriter, loc, adaptor.getSpectrum());
    Value bias = toReadOnlyBuffer(rewriter, loc, adaptor.getBias());
    auto resultType =
        MemRefType::get(inType.getShape(), inType.getElementType());
    Value output = memref::AllocOp::create(rewriter, loc, resultType);

    OpBuilder &b = rewriter;
    LaneOps v{b, loc};
    // Two groups of 16 channels share one complex FFT (two-for-one): group
    // 0 is the real part of the signal, group 1 the imaginary part.
    int64_t tiles = llvm::divideCeil(channels, 2 * kLanes);
    bool packed = isPacked(op);
    int64_t size = getTransformSize(op);
    // When the tiles run one after the other, their FFTs and row loops are
    // split over fftThreads threads.
    int64_t fftThreads = getFFTThreads(size, getNumTiles(op), threads);
    Value c0 = indexConstant(b, loc, 0), c1 = indexConstant(b, loc, 1);
    {
      OpBuilder::InsertionGuard guard(b);
      auto [begin, end] =
          buildChunkLoop(b, loc, batch * tiles, fftThreads > 1 ? 1 : threads);
      // Whole 16-row blocks move between rows and lanes.
      Value re = allocLaneBuffer(b, loc, llvm::alignTo(size, kLanes));
      Value im = allocLaneBuffer(b, loc, llvm::alignTo(size, kLanes));
      int64_t scratchRows = getFFTScratchRows(size, fftThreads);
      Value sre = allocLaneBuffer(b, loc, scratchRows);
      Value sim = allocLaneBuffer(b, loc, scratchRows);
      Value signal[2] = {re, im};
      Value kre[2], kim[2];
      for (int g = 0; g < 2; ++g) {
        kre[g] = allocLaneBuffer(b, loc, half);
        kim[g] = allocLaneBuffer(b, loc, half);
      }
      // Lanes of missing channels keep the spectrum of an earlier tile or
      // these zeros: finite values that only reach lanes nobody stores.
      zeroLaneBuffers(b, loc, {kre[0], kim[0], kre[1], kim[1]}, half);
      auto item = scf::ForOp::create(b, loc, begin, end, c1);
      b.setInsertionPointToStart(item.getBody());
      Value tilesCst = indexConstant(b, loc, tiles);
      Value bIdx =
          arith::DivUIOp::create(b, loc, item.getInductionVar(), tilesCst);
      Value tile =
          arith::RemUIOp::create(b, loc, item.getInductionVar(), tilesCst);
      Value tileBase = arith::MulIOp::create(b, loc, tile,
                                             indexConstant(b, loc, 2 * kLanes));

      // First channel and number of valid channels of each group (the
      // count may be <= 0 for the second group: its loops then do nothing).
      Value base[2], valid[2];
      for (int g = 0; g < 2; ++g) {
        base[g] = arith::AddIOp::create(b, loc, tileBase,
                                        indexConstant(b, loc, g * kLanes));
        valid[g] = getValidLanes(b, loc, base[g], channels);
      }

      // Lane l of group g is channel base[g] + l: row bIdx * D + base[g] + l
      // of the input and output viewed as (B * D) x L.
      Value inputRows = collapseToRows(b, loc, input);
      Value outputRows = collapseToRows(b, loc, output);
      Value batchRow =
          arith::MulIOp::create(b, loc, bIdx, indexConstant(b, loc, channels));
      Value lastRow = arith::AddIOp::create(
          b, loc, batchRow, indexConstant(b, loc, channels - 1));
      Value firstRow[2];
      for (int g = 0; g < 2; ++g)
        firstRow[g] = arith::AddIOp::create(b, loc, batchRow, base[g]);
      // Zero-pad rows [L, n), or [ceil(L / 2), n / 2) of packed pairs.
      if (packed) {
        loadRowPairsIntoLanes(b, loc, inputRows, firstRow[0], lastRow, len, re,
                              im, fftThreads);
        zeroLaneBuffers(b, loc, {re, im}, size,
                        llvm::alignTo(llvm::divideCeil(len, 2), kLanes),
                        fftThreads);
      } else {
        for (int g = 0; g < 2; ++g)
          loadRowsIntoLanes(b, loc, inputRows, firstRow[g], lastRow, len,
                            signal[g], fftThreads);
        zeroLaneBuffers(b, loc, {re, im}, n, llvm::alignTo(len, kLanes),
                        fftThreads);
      }
      // Frequency-major, so that each lane buffer row is written whole
      // while the channels' spectra are read as sequential streams.
      buildRowLoop(b, loc, 0, half, fftThreads, [&](Value k) {
        for (int g = 0; g < 2; ++g) {
          buildLoop(b, loc, c0, valid[g], [&](Value lane) {
            Value d = arith::AddIOp::create(b, loc, base[g], lane);
            SmallVector<Value> idx = {d, k};
            if (batchedSpectrum)
              idx.insert(idx.begin(), bIdx);
            Value c = memref::LoadOp::create(b, loc, spectrum, idx);
            memref::StoreOp::create(b, loc, complex::ReOp::create(b, loc, c),
                                    kre[g], ValueRange{k, lane});
            memref::StoreOp::create(b, loc, complex::ImOp::create(b, loc, c),
                                    kim[g], ValueRange{k, lane});
          });
        }
      });

      func::CallOp::create(b, loc, forward, ValueRange{re, im, sre, sim});
      // With Z = FFT(a + i b): 2A[k] = Z[k] + conj(Z[n-k]) and
      // 2B[k] = (Z[k] - conj(Z[n-k])) / i. The products P = A K_a and
      // Q = B K_b are Hermitian, so Y = P + i Q has Y[k] = P[k] + i Q[k] and
      // Y[n-k] = conj(P[k]) + i conj(Q[k]), and IFFT(Y) = y_a + i y_b.
      auto products = [&](Value k, Value mirror) {
        Value zr = v.load(re, k), zi = v.load(im, k);
        Value mr = v.load(re, mirror), mi = v.load(im, mirror);
        Value ar = v.add(zr, mr), ai = v.sub(zi, mi);
        Value br = v.add(zi, mi), bi = v.sub(mr, zr);
        Value kar = v.load(kre[0], k), kai = v.load(kim[0], k);
        Value kbr = v.load(kre[1], k), kbi = v.load(kim[1], k);
        Value pr = v.sub(v.mul(ar, kar), v.mul(ai, kai));
        Value pi = v.add(v.mul(ar, kai), v.mul(ai, kar));
        Value qr = v.sub(v.mul(br, kbr), v.mul(bi, kbi));
        Value qi = v.add(v.mul(br, kbi), v.mul(bi, kbr));
        return std::array<Value, 4>{pr, pi, qr, qi};
      };
      // DC and Nyquist: irfft ignores the imaginary parts of P and Q there.
      auto selfMirrored = [&](int64_t k) {
        Value kIdx = indexConstant(b, loc, k);
        auto [pr, pi, qr, qi] = products(kIdx, kIdx);
        v.store(pr, re, kIdx);
        v.store(qr, im, kIdx);
      };
      if (packed) {
        emitPackedProducts(b, loc, module, re, im, kre[0], kim[0], n,
                           fftThreads);
      } else {
        selfMirrored(0);
        if (n % 2 == 0 && n > 1)
          selfMirrored(n / 2);
        buildRowLoop(b, loc, 1, (n + 1) / 2, fftThreads, [&](Value k) {
          Value mirror =
              arith::SubIOp::create(b, loc, indexConstant(b, loc, n), k);
          auto [pr, pi, qr, qi] = products(k, mirror);
          v.store(v.sub(pr, qi), re, k);
          v.store(v.add(pi, qr), im, k);
          v.store(v.add(pr, qi), re, mirror);
          v.store(v.sub(qr, pi), im, mirror);
        });
      }
      func::CallOp::create(b, loc, inverse, ValueRange{re, im, sre, sim});

      // y[t] = sum_j z[t + j L] with wrap: fold in lane layout first.
      if (wrap) {
        for (int64_t off = len; off < n; off += len) {
          buildRowLoop(b, loc, 0, std::min(len, n - off), fftThreads,
                       [&](Value t) {
                         Value src = arith::AddIOp::create(
                             b, loc, t, indexConstant(b, loc, off));
                         for (Value plane : signal) {
                           Value head = v.load(plane, t);
                           Value tail = v.load(plane, src);
                           v.store(v.add(head, tail), plane, t);
                         }
                       });
        }
      }
      // 1/n of the inverse transform and 1/2 of A and B (1/4 of the packed
      // spectrum, of an n/2-point transform), then the skip term.
      Value scale = arith::ConstantOp::create(
          b, loc, DenseElementsAttr::get(v.vecType, float(0.5 / double(n))));
      Value zero = arith::ConstantOp::create(
          b, loc, DenseElementsAttr::get(v.vecType, 0.0f));
      for (int g = 0; g < 2; ++g) {
        auto epilogue = [&](Value lanes, Value lane, Value t0, Value mask) {
          Value row = arith::MinSIOp::create(
              b, loc, arith::AddIOp::create(b, loc, firstRow[g], lane),
              lastRow);
          Value channel = arith::SubIOp::create(b, loc, row, batchRow);
          Value skip = vector::BroadcastOp::create(
              b, loc, v.vecType,
              memref::LoadOp::create(b, loc, bias, ValueRange{channel}));
          Value u = vector::MaskedLoadOp::create(
              b, loc, v.vecType, inputRows, ValueRange{row, t0}, mask, zero);
          return v.add(v.mul(lanes, scale), v.mul(skip, u));
        };
        if (packed) {
          storeLanePairsToRows(b, loc, re, im, outputRows, firstRow[g],
                               valid[g], len, epilogue, fftThreads);
          break;
        }
        storeLanesToRows(b, loc, signal[g], outputRows, firstRow[g], valid[g],
                         len, epilogue, fftThreads);
      }
    }
    rewriter.replaceOpWithNewOp<bufferization::ToTensorOp>(op, inType, output,
                                                           /*restrict=*/true);
    return success();
  }
};

struct OrchidConvertSpectralConvToLoopsPass
    : public orchid::impl::OrchidConvertSpectralConvToLoopsBase<
          OrchidConvertSpectralConvToLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    int64_t numThreads = resolveThreads(threads);
    // FFT functions are module-level symbols: create them before the
    // conversion so that patterns only rewrite the op they match.
    module.walk([&](SpectralConvOp op) {
      getTileFFT(module, op, /*inverse=*/false, numThreads);
      getTileFFT(module, op, /*inverse=*/true, numThreads);
    });

    ConversionTarget target(getContext());
    target.addIllegalOp<SpectralConvOp>();
    RewritePatternSet patterns(&getContext());
    patterns.add<SpectralConvToLoops>(&getContext(), numThreads);
    if (failed(convertKernels(module, target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
