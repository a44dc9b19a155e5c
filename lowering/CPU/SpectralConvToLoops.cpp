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
#include "lowering/FFT/ComplexBuilder.h"
#include "lowering/FFT/Plan.h"
#include "lowering/FFT/Tables.h"

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
using fft::Complex;

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
/// Loads and stores of vector<16xf32> rows of lane buffers, one channel per
/// lane.
struct LaneRows {
  OpBuilder &b;
  Location loc;
  VectorType vecType = VectorType::get({kLanes}, b.getF32Type());

  Value load(Value buffer, Value row) {
    return vector::LoadOp::create(b, loc, vecType, buffer,
                                  ValueRange{row, indexConstant(b, loc, 0)});
  }
  void store(Value v, Value buffer, Value row) {
    vector::StoreOp::create(b, loc, v, buffer,
                            ValueRange{row, indexConstant(b, loc, 0)});
  }
  Complex load(Value re, Value im, Value row) {
    return {load(re, row), load(im, row)};
  }
  void store(Complex v, Value re, Value im, Value row) {
    store(v.re, re, row);
    store(v.im, im, row);
  }
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
  LaneRows v{b, loc};
  fft::ComplexBuilder c(b, loc, v.vecType, arith::FastMathFlags::contract);
  Value c0 = indexConstant(b, loc, 0);

  // k = 0 pairs the DC term U[0] = E + O with the Nyquist term U[m] = E - O,
  // both real; irfft ignores the imaginary parts of Y there.
  {
    auto [zr, zi] = v.load(re, im, c0);
    Value e2 = c.add(zr, zr), o2 = c.add(zi, zi);
    Value y0 = c.mul(c.add(e2, o2), v.load(kre, c0));
    Value ym = c.mul(c.sub(e2, o2), v.load(kre, indexConstant(b, loc, m)));
    v.store({c.add(y0, ym), c.sub(y0, ym)}, re, im, c0);
  }
  if (m < 2)
    return;
  fft::Table roots = fft::getUnitRootTable(b, loc, module, n, m / 2 + 1);
  // Pairs (k, m - k) for 0 < k <= m / 2; k = m / 2 pairs with itself.
  buildRowLoop(b, loc, 1, m / 2 + 1, threads, [&](Value k) {
    Value mirror = arith::SubIOp::create(b, loc, indexConstant(b, loc, m), k);
    auto broadcast = [&](Value table) -> Value {
      return c.broadcast(memref::LoadOp::create(b, loc, table, k));
    };
    Complex w = {broadcast(roots.re), broadcast(roots.im)};
    Complex zk = v.load(re, im, k), zm = c.conj(v.load(re, im, mirror));
    Complex e2 = c.add(zk, zm);
    Complex o2 = c.timesI(c.sub(zm, zk));
    Complex wo = c.mul(w, o2);
    Complex y = c.mul(c.add(e2, wo), v.load(kre, kim, k));
    Complex ymc =
        c.conj(c.mul(c.conj(c.sub(e2, wo)), v.load(kre, kim, mirror)));
    Complex ye = c.add(y, ymc);
    Complex yo = c.mul(c.sub(y, ymc), c.conj(w));
    // Store the mirror first: for k = m / 2 it is k itself.
    v.store(c.add(c.conj(ye), c.timesI(c.conj(yo))), re, im, mirror);
    v.store(c.add(ye, c.timesI(yo)), re, im, k);
  });
}

namespace {
/// Emits the kernel of one spectral_conv, step by step. Two groups of 16
/// channels share one complex FFT (two-for-one): group 0 is the real part
/// of the signal, group 1 the imaginary part; a packed kernel (isPacked)
/// has one group whose sample pairs fill the complex FFT instead.
class SpectralConvKernel {
public:
  SpectralConvKernel(OpBuilder &b, SpectralConvOp op, int64_t threads)
      : b(b), loc(op.getLoc()), op(op),
        module(op->getParentOfType<ModuleOp>()), v{b, loc},
        cx(b, loc, v.vecType, arith::FastMathFlags::contract),
        channels(op.getInput().getType().getDimSize(1)),
        len(op.getInput().getType().getDimSize(2)), n(op.getN()),
        half(n / 2 + 1), packed(isPacked(op)), size(getTransformSize(op)),
        threads(threads),
        fftThreads(getFFTThreads(size, getNumTiles(op), threads)) {}

  /// Emits the kernel on `input`, `spectrum` and `bias`; returns the output
  /// buffer.
  Value emit(Value input, Value spectrum, Value bias) {
    func::FuncOp forward = getTileFFT(module, op, /*inverse=*/false, threads);
    func::FuncOp inverse = getTileFFT(module, op, /*inverse=*/true, threads);
    this->input = toReadOnlyBuffer(b, loc, input);
    this->spectrum = toReadOnlyBuffer(b, loc, spectrum);
    this->bias = toReadOnlyBuffer(b, loc, bias);
    RankedTensorType inType = op.getInput().getType();
    Value output = memref::AllocOp::create(
        b, loc, MemRefType::get(inType.getShape(), inType.getElementType()));
    c0 = indexConstant(b, loc, 0);
    Value c1 = indexConstant(b, loc, 1);
    OpBuilder::InsertionGuard guard(b);
    int64_t tiles = llvm::divideCeil(channels, 2 * kLanes);
    auto [begin, end] = buildChunkLoop(b, loc, inType.getDimSize(0) * tiles,
                                       fftThreads > 1 ? 1 : threads);
    allocateBuffers();
    auto item = scf::ForOp::create(b, loc, begin, end, c1);
    b.setInsertionPointToStart(item.getBody());
    locateTile(item.getInductionVar(), tiles, output);
    loadTile();
    copySpectrum();
    func::CallOp::create(b, loc, forward, ValueRange{re, im, sre, sim});
    multiplySpectra();
    func::CallOp::create(b, loc, inverse, ValueRange{re, im, sre, sim});
    if (op.getWrap())
      fold();
    storeTile();
    return output;
  }

private:
  /// The per-thread lane buffers: the signal (whole 16-row blocks move
  /// between rows and lanes), the FFT scratch and the kernel spectra.
  void allocateBuffers() {
    re = allocLaneBuffer(b, loc, llvm::alignTo(size, kLanes));
    im = allocLaneBuffer(b, loc, llvm::alignTo(size, kLanes));
    int64_t scratchRows = getFFTScratchRows(size, fftThreads);
    sre = allocLaneBuffer(b, loc, scratchRows);
    sim = allocLaneBuffer(b, loc, scratchRows);
    for (int g = 0; g < 2; ++g) {
      kre[g] = allocLaneBuffer(b, loc, half);
      kim[g] = allocLaneBuffer(b, loc, half);
    }
    // Lanes of missing channels keep the spectrum of an earlier tile or
    // these zeros: finite values that only reach lanes nobody stores.
    zeroLaneBuffers(b, loc, {kre[0], kim[0], kre[1], kim[1]}, half);
  }

  /// The batch, channels and rows of work item `index`: lane l of group g
  /// is channel base[g] + l, row bIdx * D + base[g] + l of the input and
  /// output viewed as (B * D) x L.
  void locateTile(Value index, int64_t tiles, Value output) {
    Value tilesCst = indexConstant(b, loc, tiles);
    bIdx = arith::DivUIOp::create(b, loc, index, tilesCst);
    Value tile = arith::RemUIOp::create(b, loc, index, tilesCst);
    Value tileBase =
        arith::MulIOp::create(b, loc, tile, indexConstant(b, loc, 2 * kLanes));
    // The count may be <= 0 for the second group: its loops then do
    // nothing.
    for (int g = 0; g < 2; ++g) {
      base[g] = arith::AddIOp::create(b, loc, tileBase,
                                      indexConstant(b, loc, g * kLanes));
      valid[g] = getValidLanes(b, loc, base[g], channels);
    }
    inputRows = viewAsRowMatrix(b, loc, input);
    outputRows = viewAsRowMatrix(b, loc, output);
    batchRow =
        arith::MulIOp::create(b, loc, bIdx, indexConstant(b, loc, channels));
    lastRow = arith::AddIOp::create(b, loc, batchRow,
                                    indexConstant(b, loc, channels - 1));
    for (int g = 0; g < 2; ++g)
      firstRow[g] = arith::AddIOp::create(b, loc, batchRow, base[g]);
  }

  /// The tile's input rows into the lanes, zero-padded to [L, n), or to
  /// [ceil(L / 2), n / 2) for packed pairs.
  void loadTile() {
    if (packed) {
      loadRowPairsIntoLanes(b, loc, inputRows, firstRow[0], lastRow, len, re,
                            im, fftThreads);
      zeroLaneBuffers(b, loc, {re, im}, size,
                      llvm::alignTo(llvm::divideCeil(len, 2), kLanes),
                      fftThreads);
      return;
    }
    Value signal[2] = {re, im};
    for (int g = 0; g < 2; ++g)
      loadRowsIntoLanes(b, loc, inputRows, firstRow[g], lastRow, len, signal[g],
                        fftThreads);
    zeroLaneBuffers(b, loc, {re, im}, n, llvm::alignTo(len, kLanes),
                    fftThreads);
  }

  /// The kernel spectra of the tile's channels into lane buffers,
  /// frequency-major, so that each lane buffer row is written whole while
  /// the channels' spectra are read as sequential streams.
  void copySpectrum() {
    bool batchedSpectrum = op.getSpectrum().getType().getRank() == 3;
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
  }

  /// With Z = FFT(a + i b): 2A[k] = Z[k] + conj(Z[n-k]) and
  /// 2B[k] = (Z[k] - conj(Z[n-k])) / i. Returns the products P = A K_a and
  /// Q = B K_b.
  std::pair<Complex, Complex> products(Value k, Value mirror) {
    Value zr = v.load(re, k), zi = v.load(im, k);
    Value mr = v.load(re, mirror), mi = v.load(im, mirror);
    Value ar = cx.add(zr, mr), ai = cx.sub(zi, mi);
    Value br = cx.add(zi, mi), bi = cx.sub(mr, zr);
    Value kar = v.load(kre[0], k), kai = v.load(kim[0], k);
    Value kbr = v.load(kre[1], k), kbi = v.load(kim[1], k);
    Complex p = cx.mul({ar, ai}, {kar, kai});
    Complex q = cx.mul({br, bi}, {kbr, kbi});
    return {p, q};
  }

  /// The spectrum of the result in place of the signal's. P and Q are
  /// Hermitian, so Y = P + i Q has Y[k] = P[k] + i Q[k] and
  /// Y[n-k] = conj(P[k]) + i conj(Q[k]), and IFFT(Y) = y_a + i y_b.
  void multiplySpectra() {
    if (packed) {
      emitPackedProducts(b, loc, module, re, im, kre[0], kim[0], n, fftThreads);
      return;
    }
    // DC and Nyquist: irfft ignores the imaginary parts of P and Q there.
    auto selfMirrored = [&](int64_t k) {
      Value kIdx = indexConstant(b, loc, k);
      auto [p, q] = products(kIdx, kIdx);
      v.store(p.re, re, kIdx);
      v.store(q.re, im, kIdx);
    };
    selfMirrored(0);
    if (n % 2 == 0 && n > 1)
      selfMirrored(n / 2);
    buildRowLoop(b, loc, 1, (n + 1) / 2, fftThreads, [&](Value k) {
      Value mirror = arith::SubIOp::create(b, loc, indexConstant(b, loc, n), k);
      auto [p, q] = products(k, mirror);
      v.store(cx.sub(p.re, q.im), re, k);
      v.store(cx.add(p.im, q.re), im, k);
      v.store(cx.add(p.re, q.im), re, mirror);
      v.store(cx.sub(q.re, p.im), im, mirror);
    });
  }

  /// y[t] = sum_j z[t + j L] for wrap, in lane layout.
  void fold() {
    Value signal[2] = {re, im};
    for (int64_t off = len; off < n; off += len) {
      buildRowLoop(b, loc, 0, std::min(len, n - off), fftThreads, [&](Value t) {
        Value src =
            arith::AddIOp::create(b, loc, t, indexConstant(b, loc, off));
        for (Value plane : signal) {
          Value head = v.load(plane, t);
          Value tail = v.load(plane, src);
          v.store(cx.add(head, tail), plane, t);
        }
      });
    }
  }

  /// The tile's lanes to its output rows, scaled by the 1/n of the inverse
  /// transform and the 1/2 of A and B (1/4 of the packed spectrum, of an
  /// n/2-point transform), plus the skip term.
  void storeTile() {
    Value scale = cx.constant(0.5 / double(n));
    Value zero = cx.constant(0.0);
    Value signal[2] = {re, im};
    for (int g = 0; g < 2; ++g) {
      auto epilogue = [&](Value lanes, Value lane, Value t0, Value mask) {
        Value row = arith::MinSIOp::create(
            b, loc, arith::AddIOp::create(b, loc, firstRow[g], lane), lastRow);
        Value channel = arith::SubIOp::create(b, loc, row, batchRow);
        Value skip = cx.broadcast(
            memref::LoadOp::create(b, loc, bias, ValueRange{channel}));
        Value u = vector::MaskedLoadOp::create(b, loc, v.vecType, inputRows,
                                               ValueRange{row, t0}, mask, zero);
        return cx.add(cx.mul(lanes, scale), cx.mul(skip, u));
      };
      if (packed) {
        storeLanePairsToRows(b, loc, re, im, outputRows, firstRow[g], valid[g],
                             len, epilogue, fftThreads);
        return;
      }
      storeLanesToRows(b, loc, signal[g], outputRows, firstRow[g], valid[g],
                       len, epilogue, fftThreads);
    }
  }

  OpBuilder &b;
  Location loc;
  SpectralConvOp op;
  ModuleOp module;
  LaneRows v;
  fft::ComplexBuilder cx;
  int64_t channels, len, n, half;
  bool packed;
  /// Size of the complex FFTs.
  int64_t size;
  /// Threads of the kernel, and of each FFT and row loop when the tiles
  /// run one after the other.
  int64_t threads, fftThreads;

  Value input, spectrum, bias, c0;
  Value re, im, sre, sim, kre[2], kim[2];
  Value bIdx, base[2], valid[2];
  Value inputRows, outputRows, batchRow, lastRow, firstRow[2];
};

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
    if (!op.getWrap() && op.getN() < inType.getDimSize(2))
      return rewriter.notifyMatchFailure(op, "transform shorter than input");
    SpectralConvKernel kernel(rewriter, op, threads);
    Value output = kernel.emit(adaptor.getInput(), adaptor.getSpectrum(),
                               adaptor.getBias());
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
    WalkResult sizes = module.walk([](SpectralConvOp op) {
      return failed(verifyStaticShapes(op)) ||
                     failed(fft::verifyFFTSize(op, op.getN()))
                 ? WalkResult::interrupt()
                 : WalkResult::advance();
    });
    if (sizes.wasInterrupted())
      return signalPassFailure();
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
