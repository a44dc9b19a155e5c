//===- FFTCodegen.cpp - Generated mixed-radix FFT kernels ----------------===//
//
// Stockham auto-sort FFT (ping-pong buffers, natural order, no bit
// reversal). For sub-length N, stride s and radix r with m = N / r, a stage
// reads a_j = x[q + s (p + j m)], computes b = DFT_r(a) and writes
// y[q + s (r p + k)] = b_k w_N^{p k}. Butterflies are unrolled straight-line
// code whose constant coefficients are folded when they are 0 or +-1.
// Lengths with a prime factor above fft::kMaxButterflyPrime go through
// Bluestein's chirp-z transform on a 2^a 3^b 5^c grid. Lengths from
// kFourStepMinSize on use the four-step algorithm, whose short transforms
// are Stockham ones that fit in cache.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/FFTCodegen.h"

#include "lowering/CPU/LaneTiles.h"
#include "lowering/FFT/ComplexBuilder.h"
#include "lowering/FFT/Plan.h"
#include "lowering/FFT/Tables.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

#include <optional>

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::cpu;
using fft::Complex;
using fft::Table;

namespace {
/// A four-step split n = n1 n2 with n1 <= n2. Short transforms run `block`
/// at a time so that the strided sweeps over the n-row buffers move blocks
/// of adjacent rows rather than single 64-byte rows.
struct FourStepPlan {
  int64_t n1 = 0, n2 = 0;
  /// Adjacent columns (dividing n2) and rows (dividing n1) per block.
  int64_t columnBlock = 1, rowBlock = 1;
  /// Rows of each of the two per-thread buffers: a block of columns and its
  /// ping-pong copy, or a block of rows.
  int64_t bufferRows() const {
    return std::max(columnBlock * n1, rowBlock * n2);
  }
};
} // namespace

/// The four-step plan of n, or std::nullopt when n is transformed by
/// Stockham stages over the whole buffer.
static std::optional<FourStepPlan> getFourStepPlan(int64_t n) {
  if (n < kFourStepMinSize || fft::needsBluestein(n))
    return std::nullopt;
  std::optional<fft::FourStepSplit> split = fft::splitFourStep(n);
  if (!split)
    return std::nullopt;
  // Up to 16 adjacent rows (1 KiB per plane) per strided access, within
  // 2 x 512 KiB of block buffers per thread (larger blocks measured faster
  // at n = 2^20 than buffers that leave room in a 1 MiB L2); a transform
  // larger than that moves alone.
  constexpr int64_t bufferBudgetRows = 4096;
  FourStepPlan plan;
  plan.n1 = split->n1;
  plan.n2 = split->n2;
  plan.columnBlock = std::max<int64_t>(
      1, fft::getFourStepBlock(plan.n2, plan.n1, bufferBudgetRows));
  plan.rowBlock = std::max<int64_t>(
      1, fft::getFourStepBlock(plan.n1, plan.n2, bufferBudgetRows));
  return plan;
}

bool cpu::hasParallelFFT(int64_t n) {
  return getFourStepPlan(fft::planFFT(n).size).has_value();
}

int64_t cpu::getFFTThreads(int64_t n, int64_t items, int64_t threads) {
  return items < threads && hasParallelFFT(n) ? threads : 1;
}

int64_t cpu::getFFTScratchRows(int64_t n, int64_t threads) {
  fft::FFTPlan fftPlan = fft::planFFT(n);
  if (fftPlan.bluestein)
    return fftPlan.size + getFFTScratchRows(fftPlan.size, threads);
  std::optional<FourStepPlan> plan = getFourStepPlan(n);
  if (!plan)
    return n;
  // Serial four-step transforms keep their two buffers after the n-row
  // intermediate; parallel ones allocate them per thread.
  return threads > 1 ? n : n + 2 * plan->bufferRows();
}

namespace {
/// Rows [offset, ...) of a pair of split re/im lane buffers; a null offset
/// is row 0.
struct LaneRef {
  Value re, im;
  Value offset = {};
  bool operator==(const LaneRef &other) const {
    return re == other.re && offset == other.offset;
  }
};

/// Emits vector code for 16-lane FFTs at the builder's insertion point.
class FFTEmitter {
public:
  FFTEmitter(OpBuilder &b, Location loc, ModuleOp module)
      : b(b), loc(loc), module(module),
        vecType(VectorType::get({kLanes}, b.getF32Type())),
        cx(b, loc, vecType, arith::FastMathFlags::contract) {}

  /// Transforms n rows of `x` using getFFTScratchRows(n, threads) rows of
  /// `scratch`; returns where the result is.
  LaneRef transform(LaneRef x, LaneRef scratch, int64_t n, int sign,
                    int64_t threads) {
    if (std::optional<FourStepPlan> plan = getFourStepPlan(n)) {
      fourStep(x, scratch, *plan, sign, threads);
      return x;
    }
    return stockham(x, scratch, n, sign);
  }

  /// Transforms n rows of `x` in place by Bluestein's algorithm: multiply
  /// by the chirp into a zero-padded grid of the plan's size, convolve with
  /// the chirp filter by two transforms of the grid, multiply by the chirp
  /// again. `scratch` holds the grid and the scratch rows of its transforms.
  void bluestein(LaneRef x, LaneRef scratch, int64_t n, int sign,
                 int64_t threads) {
    int64_t m = fft::planFFT(n).size;
    // Named variables rather than a structured binding: the lambdas below
    // capture them.
    std::pair<fft::Table, fft::Table> tables =
        fft::getBluesteinTables(b, loc, module, n, sign);
    const fft::Table &chirp = tables.first, &filter = tables.second;
    LaneRef grid = scratch, other = shift(scratch, index(m));
    forLoop(0, n, [&](Value j) {
      store(grid, j, cx.mul(load(x, j), cx.load(chirp, j)));
    });
    Complex zero{cx.constant(0.0), cx.constant(0.0)};
    forLoop(n, m, [&](Value j) { store(grid, j, zero); });
    LaneRef spectrum = transform(grid, other, m, -1, threads);
    forLoop(0, m, [&](Value k) {
      store(spectrum, k, cx.mul(load(spectrum, k), cx.load(filter, k)));
    });
    // Four-step transforms work in place and use the scratch after the grid.
    LaneRef conv =
        transform(spectrum, spectrum == grid ? other : grid, m, 1, threads);
    forLoop(0, n, [&](Value k) {
      store(x, k, cx.mul(load(conv, k), cx.load(chirp, k)));
    });
  }

  void copy(LaneRef from, LaneRef to, int64_t rows) {
    forLoop(0, rows, [&](Value i) { store(to, i, load(from, i)); });
  }

private:
  /// Transforms n rows of `x` using n rows of `scratch` by Stockham stages
  /// over the whole buffer; returns where the result is.
  LaneRef stockham(LaneRef x, LaneRef scratch, int64_t n, int sign) {
    Table twiddles = fft::getUnitRootTable(b, loc, module, n, n);
    int64_t subLength = n, stride = 1;
    for (int64_t radix : fft::getRadices(n)) {
      emitStage(x, scratch, twiddles, n, subLength, stride, radix, sign);
      std::swap(x, scratch);
      subLength /= radix;
      stride *= radix;
    }
    return x;
  }

  /// Four-step FFT of n = n1 n2 points (Bailey): n2 column transforms of
  /// length n1 over x[j1 n2 + j2], twiddled by w_n^{j2 k1} and stored as
  /// rows of the scratch intermediate, then n1 transforms of its contiguous
  /// rows of length n2, stored transposed: X[k1 + n1 k2]. Short transforms
  /// run in buffers that stay in cache, so the n-row buffers are swept twice
  /// instead of once per radix stage, and they are independent: `threads` > 1
  /// spreads their blocks over threads.
  void fourStep(LaneRef x, LaneRef scratch, const FourStepPlan &plan, int sign,
                int64_t threads) {
    Table twiddles = fft::getFourStepTable(b, loc, module, plan.n1, plan.n2);
    LaneRef buffers = shift(scratch, index(plan.n1 * plan.n2));
    columnSweep(x, scratch, buffers, twiddles, plan, sign, threads);
    rowSweep(x, scratch, buffers, plan, sign, threads);
  }

  /// Columns j2 = j2b + c, c < cb: column c lives in rows [c n1, (c+1) n1)
  /// of the block buffers; their twiddled transforms become rows of
  /// `scratch`.
  void columnSweep(LaneRef x, LaneRef scratch, LaneRef buffers, Table twiddles,
                   const FourStepPlan &plan, int sign, int64_t threads) {
    int64_t n1 = plan.n1, n2 = plan.n2, cb = plan.columnBlock;
    forEachWithBuffers(
        n2 / cb, plan.bufferRows(), buffers, threads,
        [&](Value block, LaneRef a, LaneRef pong) {
          Value j2b = arith::MulIOp::create(b, loc, block, index(cb));
          forLoop(0, n1, [&](Value j1) {
            Value from = affine(j1, n2, j2b);
            for (int64_t c = 0; c < cb; ++c)
              store(a, affine(index(c), n1, j1),
                    load(shift(x, from), index(c)));
          });
          LaneRef columns = transformBlock(a, pong, cb, n1, sign);
          forLoop(0, n1, [&](Value k1) {
            Value to = affine(k1, n2, j2b);
            for (int64_t c = 0; c < cb; ++c) {
              Value j2 = arith::AddIOp::create(b, loc, j2b, index(c));
              Complex w = cx.load(twiddles, affine(j2, n1, k1));
              if (sign > 0)
                w.im = cx.neg(w.im);
              store(shift(scratch, to), index(c),
                    cx.mul(load(columns, affine(index(c), n1, k1)), w));
            }
          });
        });
  }

  /// Rows k1 = k1b + r, r < rb, transformed in place in the intermediate
  /// (or into rows [r n2, (r+1) n2) of the block buffer) and stored
  /// transposed into `x`.
  void rowSweep(LaneRef x, LaneRef scratch, LaneRef buffers,
                const FourStepPlan &plan, int sign, int64_t threads) {
    int64_t n1 = plan.n1, n2 = plan.n2, rb = plan.rowBlock;
    forEachWithBuffers(
        n1 / rb, plan.bufferRows(), buffers, threads,
        [&](Value block, LaneRef a, LaneRef) {
          Value k1b = arith::MulIOp::create(b, loc, block, index(rb));
          LaneRef rows = transformBlock(
              shift(scratch, arith::MulIOp::create(b, loc, k1b, index(n2))), a,
              rb, n2, sign);
          forLoop(0, n2, [&](Value k2) {
            Value to = affine(k2, n1, k1b);
            for (int64_t r = 0; r < rb; ++r)
              store(shift(x, to), index(r),
                    load(rows, affine(index(r), n2, k2)));
          });
        });
  }

  /// Transforms the `count` adjacent n-row signals of `x` using as many rows
  /// of `scratch`, in a loop that keeps the code size of one transform;
  /// returns where the results are.
  LaneRef transformBlock(LaneRef x, LaneRef scratch, int64_t count, int64_t n,
                         int sign) {
    forLoop(0, count, [&](Value i) {
      Value offset = arith::MulIOp::create(b, loc, i, index(n));
      stockham(shift(x, offset), shift(scratch, offset), n, sign);
    });
    // Every signal takes the same number of stages.
    return fft::getRadices(n).size() % 2 ? scratch : x;
  }

  /// Emits `for i in [0, items)` around body(i, a, c), where a and c are
  /// lane buffers of `rows` rows: the first rows of `buffers` when serial,
  /// or buffers allocated once per thread when `threads` > 1 split the items
  /// into chunks across threads.
  void forEachWithBuffers(int64_t items, int64_t rows, LaneRef buffers,
                          int64_t threads,
                          function_ref<void(Value, LaneRef, LaneRef)> body) {
    OpBuilder::InsertionGuard guard(b);
    Value begin = index(0), end = index(items);
    LaneRef a = buffers, c = shift(buffers, index(rows));
    if (threads > 1) {
      std::tie(begin, end) = buildChunkLoop(b, loc, items, threads);
      a = {allocLaneBuffer(b, loc, rows), allocLaneBuffer(b, loc, rows)};
      c = {allocLaneBuffer(b, loc, rows), allocLaneBuffer(b, loc, rows)};
    }
    auto loop = scf::ForOp::create(b, loc, begin, end, index(1));
    b.setInsertionPointToStart(loop.getBody());
    body(loop.getInductionVar(), a, c);
  }

  /// One Stockham stage from `src` to `dst`: for each p < m, the twiddles
  /// w_N^{p k}, then the `stride` butterflies that share them.
  void emitStage(LaneRef src, LaneRef dst, Table twiddles, int64_t n,
                 int64_t subLength, int64_t stride, int64_t radix, int sign) {
    int64_t m = subLength / radix;
    forLoop(0, m, [&](Value p) {
      SmallVector<Complex> w(radix);
      if (m > 1)
        w = loadStageTwiddles(twiddles, p, radix, n / subLength, sign);
      Value inBase = arith::MulIOp::create(b, loc, p, index(stride));
      Value outBase = arith::MulIOp::create(b, loc, p, index(stride * radix));
      forLoop(0, stride, [&](Value q) {
        Value in = arith::AddIOp::create(b, loc, inBase, q);
        Value out = arith::AddIOp::create(b, loc, outBase, q);
        SmallVector<Complex> a;
        for (int64_t j = 0; j < radix; ++j)
          a.push_back(load(
              src, arith::AddIOp::create(b, loc, in, index(stride * j * m))));
        SmallVector<Complex> y = cx.dft(a, sign);
        for (int64_t k = 0; k < radix; ++k) {
          Complex v = (k == 0 || m == 1) ? y[k] : cx.mul(y[k], w[k]);
          store(dst, arith::AddIOp::create(b, loc, out, index(stride * k)), v);
        }
      });
    });
  }

  /// w_N^{p k} = w_n^{p k n / N} for 0 < k < radix, conjugated for inverse
  /// stages; p k < N keeps the index below n.
  SmallVector<Complex> loadStageTwiddles(Table twiddles, Value p, int64_t radix,
                                         int64_t step, int sign) {
    SmallVector<Complex> w(radix);
    for (int64_t k = 1; k < radix; ++k) {
      Value idx = arith::MulIOp::create(b, loc, p, index(k * step));
      Value re = memref::LoadOp::create(b, loc, twiddles.re, idx);
      Value im = memref::LoadOp::create(b, loc, twiddles.im, idx);
      if (sign > 0)
        im = arith::NegFOp::create(b, loc, im);
      w[k] = {cx.broadcast(re), cx.broadcast(im)};
    }
    return w;
  }

  /// `ref` moved down by `rows` rows.
  LaneRef shift(LaneRef ref, Value rows) {
    return {ref.re, ref.im,
            ref.offset ? arith::AddIOp::create(b, loc, ref.offset, rows)
                       : rows};
  }
  /// i * stride + offset.
  Value affine(Value i, int64_t stride, Value offset) {
    return arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, i, index(stride)), offset);
  }
  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }

  Value row(LaneRef ref, Value i) {
    if (!ref.offset)
      return i;
    return arith::AddIOp::create(b, loc, i, ref.offset);
  }
  Complex load(LaneRef ref, Value i) {
    Value r = row(ref, i), c0 = index(0);
    return {vector::LoadOp::create(b, loc, vecType, ref.re, ValueRange{r, c0}),
            vector::LoadOp::create(b, loc, vecType, ref.im, ValueRange{r, c0})};
  }
  void store(LaneRef ref, Value i, Complex v) {
    Value r = row(ref, i), c0 = index(0);
    vector::StoreOp::create(b, loc, v.re, ref.re, ValueRange{r, c0});
    vector::StoreOp::create(b, loc, v.im, ref.im, ValueRange{r, c0});
  }

  /// Emits `for i in [lb, ub)`; a single iteration is emitted inline.
  void forLoop(int64_t lb, int64_t ub, function_ref<void(Value)> body) {
    if (ub <= lb)
      return;
    if (ub - lb == 1) {
      body(index(lb));
      return;
    }
    auto loop = scf::ForOp::create(b, loc, index(lb), index(ub), index(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    body(loop.getInductionVar());
  }

  OpBuilder &b;
  Location loc;
  ModuleOp module;
  VectorType vecType;
  fft::ComplexBuilder cx;
};
} // namespace

func::FuncOp cpu::getOrCreateFFTFunction(ModuleOp module, int64_t n,
                                         bool inverse, int64_t threads) {
  assert((threads == 1 || hasParallelFFT(n)) && "no parallel FFT of this size");
  std::string name = "__orchid_fft_" + std::to_string(n) +
                     (inverse ? "_inv" : "_fwd") + (threads > 1 ? "_par" : "");
  if (auto func = module.lookupSymbol<func::FuncOp>(name))
    return func;
  MLIRContext *ctx = module.getContext();
  Location loc = NameLoc::get(StringAttr::get(ctx, name));
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  Type laneType = getLaneBufferType(ctx);
  auto funcType = FunctionType::get(ctx, SmallVector<Type>(4, laneType), {});
  auto func = func::FuncOp::create(b, loc, name, funcType);
  func.setPrivate();
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);

  FFTEmitter emitter(b, loc, module);
  LaneRef x{entry->getArgument(0), entry->getArgument(1)};
  LaneRef scratch{entry->getArgument(2), entry->getArgument(3)};
  int sign = inverse ? 1 : -1;
  if (fft::needsBluestein(n)) {
    emitter.bluestein(x, scratch, n, sign, threads);
  } else {
    LaneRef result = emitter.transform(x, scratch, n, sign, threads);
    if (!(result == x))
      emitter.copy(result, x, n);
  }
  func::ReturnOp::create(b, loc);
  return func;
}
