//===- FFTCodegen.cpp - Generated mixed-radix FFT kernels ----------------===//
//
// Stockham auto-sort FFT (ping-pong buffers, natural order, no bit
// reversal). For sub-length N, stride s and radix r with m = N / r, a stage
// reads a_j = x[q + s (p + j m)], computes b = DFT_r(a) and writes
// y[q + s (r p + k)] = b_k w_N^{p k}. Butterflies are unrolled straight-line
// code whose constant coefficients are folded when they are 0 or +-1.
// Lengths with a prime factor above kMaxButterflyPrime go through Bluestein's
// chirp-z transform on a 2^a 3^b 5^c grid. Lengths from kFourStepMinSize on
// use the four-step algorithm, whose short transforms are Stockham ones that
// fit in cache. Twiddles, chirps and the chirp filter spectrum are computed
// in double precision and rounded once to f32.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/FFTCodegen.h"

#include "lowering/CPU/LaneTiles.h"
#include "lowering/FFTMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/Support/MathExtras.h"
#include <complex>
#include <optional>

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::cpu;

bool cpu::needsBluestein(int64_t n) {
  return largestPrimeFactor(n) > kMaxButterflyPrime;
}

SmallVector<int64_t> cpu::getRadices(int64_t n) {
  SmallVector<int64_t> radices;
  if (needsBluestein(n))
    return radices;
  for (int64_t r : {8, 4, 2, 5, 3})
    for (; n % r == 0; n /= r)
      radices.push_back(r);
  for (int64_t p = 7; n > 1; p += 2)
    for (; n % p == 0; n /= p)
      radices.push_back(p);
  return radices;
}

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

/// Largest divisor of n up to `limit` (at least 1).
static int64_t largestDivisorUpTo(int64_t n, int64_t limit) {
  for (int64_t d = std::min(n, limit); d > 1; --d)
    if (n % d == 0)
      return d;
  return 1;
}

/// The four-step split of n, or std::nullopt when n is transformed by
/// Stockham stages over the whole buffer.
static std::optional<FourStepPlan> getFourStepPlan(int64_t n) {
  if (n < kFourStepMinSize || needsBluestein(n))
    return std::nullopt;
  FourStepPlan plan;
  for (int64_t d = 2; d * d <= n; ++d)
    if (n % d == 0)
      plan.n1 = d;
  if (!plan.n1)
    return std::nullopt;
  plan.n2 = n / plan.n1;
  // Up to 16 adjacent rows (1 KiB per plane) per strided access, within
  // 2 x 512 KiB of block buffers per thread (larger blocks measured faster
  // at n = 2^20 than buffers that leave room in a 1 MiB L2).
  constexpr int64_t maxBlock = 16, bufferBudgetRows = 4096;
  plan.columnBlock = largestDivisorUpTo(
      plan.n2, std::clamp<int64_t>(bufferBudgetRows / plan.n1, 1, maxBlock));
  plan.rowBlock = largestDivisorUpTo(
      plan.n1, std::clamp<int64_t>(bufferBudgetRows / plan.n2, 1, maxBlock));
  return plan;
}

/// Size of the transform that does the work of an n-point FFT.
static int64_t getInnerSize(int64_t n) {
  return needsBluestein(n) ? getBluesteinSize(n) : n;
}

bool cpu::hasParallelFFT(int64_t n) {
  return getFourStepPlan(getInnerSize(n)).has_value();
}

int64_t cpu::getFFTScratchRows(int64_t n, int64_t threads) {
  if (needsBluestein(n)) {
    int64_t m = getBluesteinSize(n);
    return m + getFFTScratchRows(m, threads);
  }
  std::optional<FourStepPlan> plan = getFourStepPlan(n);
  if (!plan)
    return n;
  // Serial four-step transforms keep their two buffers after the n-row
  // intermediate; parallel ones allocate them per thread.
  return threads > 1 ? n : n + 2 * plan->bufferRows();
}

MemRefType cpu::getLaneBufferType(MLIRContext *ctx) {
  return MemRefType::get({ShapedType::kDynamic, kLanes}, Float32Type::get(ctx));
}

Value cpu::allocLaneBuffer(OpBuilder &b, Location loc, int64_t rows) {
  auto type = MemRefType::get({rows, kLanes}, b.getF32Type());
  Value alloc = memref::AllocOp::create(b, loc, type, b.getI64IntegerAttr(64));
  return memref::CastOp::create(b, loc, getLaneBufferType(b.getContext()),
                                alloc);
}

Value cpu::collapseToRows(OpBuilder &b, Location loc, Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  int64_t rank = type.getRank();
  if (rank == 2)
    return memref;
  if (rank == 1) {
    auto rowType =
        MemRefType::get({1, type.getDimSize(0)}, type.getElementType());
    return memref::ExpandShapeOp::create(b, loc, rowType, memref,
                                         {ReassociationIndices{0, 1}});
  }
  ReassociationIndices leading;
  for (int64_t i = 0; i < rank - 1; ++i)
    leading.push_back(i);
  return memref::CollapseShapeOp::create(
      b, loc, memref, {leading, ReassociationIndices{rank - 1}});
}

/// Returns a `memref.get_global` of a private constant f32 table, creating
/// the global on first use.
static Value getConstantTable(OpBuilder &b, Location loc, ModuleOp module,
                              StringRef name, ArrayRef<float> values) {
  auto type = MemRefType::get({int64_t(values.size())}, b.getF32Type());
  if (!SymbolTable::lookupSymbolIn(module, name)) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    auto tensorType = RankedTensorType::get(type.getShape(), b.getF32Type());
    memref::GlobalOp::create(b, loc, name, b.getStringAttr("private"), type,
                             DenseElementsAttr::get(tensorType, values),
                             /*constant=*/true, b.getI64IntegerAttr(64));
  }
  return memref::GetGlobalOp::create(b, loc, type, name);
}

std::pair<Value, Value> cpu::getUnitRootTable(OpBuilder &b, Location loc,
                                              ModuleOp module, int64_t n,
                                              int64_t count) {
  SmallVector<float> re, im;
  for (int64_t k = 0; k < count; ++k) {
    CDouble w = unitRoot(k, n, -1);
    re.push_back(float(w.real()));
    im.push_back(float(w.imag()));
  }
  std::string name =
      "__orchid_unit_roots_" + std::to_string(n) + "_" + std::to_string(count);
  return {getConstantTable(b, loc, module, name + "_re", re),
          getConstantTable(b, loc, module, name + "_im", im)};
}

namespace {
/// A complex value held in two vector<16xf32> (one channel per lane).
struct Cx {
  Value re, im;
};

/// Rows [offset, ...) of a pair of split re/im lane buffers; a null offset
/// is row 0.
struct LaneRef {
  Value re, im;
  Value offset = {};
  bool operator==(const LaneRef &other) const {
    return re == other.re && offset == other.offset;
  }
};

/// A complex constant table (split planes) in memory.
struct Table {
  Value re, im;
};

/// Emits vector code for 16-lane FFTs at the builder's insertion point.
class FFTEmitter {
public:
  FFTEmitter(OpBuilder &b, Location loc, ModuleOp module)
      : b(b), loc(loc), module(module),
        vecType(VectorType::get({kLanes}, b.getF32Type())) {}

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

  /// Transforms n rows of `x` using n rows of `scratch` by Stockham stages
  /// over the whole buffer; returns where the result is.
  LaneRef stockham(LaneRef x, LaneRef scratch, int64_t n, int sign) {
    Table twiddles = getTwiddles(n);
    int64_t subLength = n, stride = 1;
    for (int64_t radix : getRadices(n)) {
      emitStage(x, scratch, twiddles, n, subLength, stride, radix, sign);
      std::swap(x, scratch);
      subLength /= radix;
      stride *= radix;
    }
    return x;
  }

  /// Transforms n rows of `x` in place by Bluestein's algorithm; `scratch`
  /// holds a grid of the fast convolution size and the scratch rows of its
  /// transforms.
  void bluestein(LaneRef x, LaneRef scratch, int64_t n, int sign,
                 int64_t threads) {
    int64_t m = getBluesteinSize(n);
    std::string suffix = std::to_string(n) + (sign < 0 ? "_fwd" : "_inv");
    BluesteinConstants constants = getBluesteinConstants(n, sign);
    const std::vector<CDouble> &chirp = constants.chirp;
    const std::vector<CDouble> &filterSpectrum = constants.filterSpectrum;
    Table chirpTable = getTable("__orchid_chirp_" + suffix, chirp);
    Table filterTable =
        getTable("__orchid_chirp_filter_" + suffix, filterSpectrum);

    LaneRef grid = scratch, other = shift(scratch, index(m));
    forLoop(0, n, [&](Value j) {
      store(grid, j, mul(load(x, j), loadConstant(chirpTable, j)));
    });
    Cx zero{splat(0.0), splat(0.0)};
    forLoop(n, m, [&](Value j) { store(grid, j, zero); });
    LaneRef spectrum = transform(grid, other, m, -1, threads);
    forLoop(0, m, [&](Value k) {
      store(spectrum, k, mul(load(spectrum, k), loadConstant(filterTable, k)));
    });
    // Four-step transforms work in place and use the scratch after the grid.
    LaneRef conv =
        transform(spectrum, spectrum == grid ? other : grid, m, 1, threads);
    forLoop(0, n, [&](Value k) {
      store(x, k, mul(load(conv, k), loadConstant(chirpTable, k)));
    });
  }

  void copy(LaneRef from, LaneRef to, int64_t rows) {
    forLoop(0, rows, [&](Value i) { store(to, i, load(from, i)); });
  }

private:
  /// Four-step FFT of n = n1 n2 points (Bailey): n2 column transforms of
  /// length n1 over x[j1 n2 + j2], twiddled by w_n^{j2 k1} and stored as
  /// rows of the scratch intermediate, then n1 transforms of its contiguous
  /// rows of length n2, stored transposed: X[k1 + n1 k2]. Short transforms
  /// run in buffers that stay in cache, so the n-row buffers are swept twice
  /// instead of once per radix stage, and they are independent: `threads` > 1
  /// spreads their blocks over threads.
  void fourStep(LaneRef x, LaneRef scratch, const FourStepPlan &plan, int sign,
                int64_t threads) {
    int64_t n1 = plan.n1, n2 = plan.n2, n = n1 * n2;
    int64_t cb = plan.columnBlock, rb = plan.rowBlock;
    std::vector<CDouble> values(n);
    for (int64_t j2 = 0; j2 < n2; ++j2)
      for (int64_t k1 = 0; k1 < n1; ++k1)
        values[j2 * n1 + k1] = unitRoot(j2 * k1, n, -1);
    Table twiddles =
        getTable("__orchid_four_step_twiddle_" + std::to_string(n), values);
    LaneRef buffers = shift(scratch, index(n));

    // Columns j2 = j2b + c, c < cb: column c lives in rows [c n1, (c+1) n1)
    // of the block buffers.
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
              Cx w = loadConstant(twiddles, affine(j2, n1, k1));
              if (sign > 0)
                w.im = negf(w.im);
              store(shift(scratch, to), index(c),
                    mul(load(columns, affine(index(c), n1, k1)), w));
            }
          });
        });
    // Rows k1 = k1b + r, r < rb, transformed in place in the intermediate
    // (or into rows [r n2, (r+1) n2) of the block buffer).
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
    return getRadices(n).size() % 2 ? scratch : x;
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
  Value splat(double v) {
    return arith::ConstantOp::create(b, loc,
                                     DenseElementsAttr::get(vecType, float(v)));
  }
  arith::FastMathFlags fm() { return arith::FastMathFlags::contract; }
  Value addf(Value x, Value y) {
    return arith::AddFOp::create(b, loc, x, y, fm());
  }
  Value subf(Value x, Value y) {
    return arith::SubFOp::create(b, loc, x, y, fm());
  }
  Value mulf(Value x, Value y) {
    return arith::MulFOp::create(b, loc, x, y, fm());
  }
  Value negf(Value x) { return arith::NegFOp::create(b, loc, x, fm()); }
  Cx add(Cx x, Cx y) { return {addf(x.re, y.re), addf(x.im, y.im)}; }
  Cx sub(Cx x, Cx y) { return {subf(x.re, y.re), subf(x.im, y.im)}; }
  Cx mul(Cx x, Cx y) {
    return {subf(mulf(x.re, y.re), mulf(x.im, y.im)),
            addf(mulf(x.re, y.im), mulf(x.im, y.re))};
  }
  /// x * c, without multiplications by 0 or +-1.
  Cx mulConst(Cx x, CDouble c) {
    if (c == CDouble(1, 0))
      return x;
    if (c == CDouble(-1, 0))
      return {negf(x.re), negf(x.im)};
    if (c == CDouble(0, 1))
      return {negf(x.im), x.re};
    if (c == CDouble(0, -1))
      return {x.im, negf(x.re)};
    return mul(x, {splat(c.real()), splat(c.imag())});
  }

  Value row(LaneRef ref, Value i) {
    if (!ref.offset)
      return i;
    return arith::AddIOp::create(b, loc, i, ref.offset);
  }
  Cx load(LaneRef ref, Value i) {
    Value r = row(ref, i), c0 = index(0);
    return {vector::LoadOp::create(b, loc, vecType, ref.re, ValueRange{r, c0}),
            vector::LoadOp::create(b, loc, vecType, ref.im, ValueRange{r, c0})};
  }
  void store(LaneRef ref, Value i, Cx v) {
    Value r = row(ref, i), c0 = index(0);
    vector::StoreOp::create(b, loc, v.re, ref.re, ValueRange{r, c0});
    vector::StoreOp::create(b, loc, v.im, ref.im, ValueRange{r, c0});
  }
  Cx loadConstant(Table table, Value i) {
    Value re = memref::LoadOp::create(b, loc, table.re, i);
    Value im = memref::LoadOp::create(b, loc, table.im, i);
    return {vector::BroadcastOp::create(b, loc, vecType, re),
            vector::BroadcastOp::create(b, loc, vecType, im)};
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

  Table getTable(const std::string &name, ArrayRef<CDouble> values) {
    SmallVector<float> re, im;
    for (CDouble v : values) {
      re.push_back(float(v.real()));
      im.push_back(float(v.imag()));
    }
    return {getConstantTable(b, loc, module, name + "_re", re),
            getConstantTable(b, loc, module, name + "_im", im)};
  }
  /// w_n^j = exp(-2 pi i j / n) for j < n; inverse stages conjugate it.
  Table getTwiddles(int64_t n) {
    std::vector<CDouble> values(n);
    for (int64_t j = 0; j < n; ++j)
      values[j] = unitRoot(j, n, -1);
    return getTable("__orchid_twiddle_" + std::to_string(n), values);
  }

  /// Straight-line DFT of v.size() points: radix-2 splits for even sizes,
  /// the symmetric (j, r - j) form for odd primes.
  SmallVector<Cx> butterfly(ArrayRef<Cx> v, int sign) {
    int64_t r = v.size();
    if (r == 1)
      return SmallVector<Cx>(v);
    SmallVector<Cx> out(r);
    if (r % 2 == 0) {
      SmallVector<Cx> evens, odds;
      for (int64_t j = 0; j < r; j += 2) {
        evens.push_back(v[j]);
        odds.push_back(v[j + 1]);
      }
      SmallVector<Cx> e = butterfly(evens, sign), o = butterfly(odds, sign);
      for (int64_t k = 0; k < r / 2; ++k) {
        Cx t = mulConst(o[k], unitRoot(k, r, sign));
        out[k] = add(e[k], t);
        out[k + r / 2] = sub(e[k], t);
      }
      return out;
    }
    int64_t half = (r - 1) / 2;
    SmallVector<Cx> sums, diffs;
    Cx total = v[0];
    for (int64_t j = 1; j <= half; ++j) {
      sums.push_back(add(v[j], v[r - j]));
      diffs.push_back(sub(v[j], v[r - j]));
      total = add(total, sums.back());
    }
    out[0] = total;
    for (int64_t k = 1; k <= half; ++k) {
      Cx a = v[0];
      Value bRe, bIm;
      for (int64_t j = 1; j <= half; ++j) {
        double angle = 2 * llvm::numbers::pi * double(j * k % r) / double(r);
        Value c = splat(std::cos(angle)), s = splat(std::sin(angle));
        a = add(a, {mulf(sums[j - 1].re, c), mulf(sums[j - 1].im, c)});
        Value tRe = mulf(diffs[j - 1].re, s), tIm = mulf(diffs[j - 1].im, s);
        bRe = bRe ? addf(bRe, tRe) : tRe;
        bIm = bIm ? addf(bIm, tIm) : tIm;
      }
      // sign * i * B
      Cx ib = sign < 0 ? Cx{bIm, negf(bRe)} : Cx{negf(bIm), bRe};
      out[k] = add(a, ib);
      out[r - k] = sub(a, ib);
    }
    return out;
  }

  void emitStage(LaneRef src, LaneRef dst, Table twiddles, int64_t n,
                 int64_t subLength, int64_t stride, int64_t radix, int sign) {
    int64_t m = subLength / radix;
    int64_t twiddleStep = n / subLength;
    forLoop(0, m, [&](Value p) {
      // w_N^{p k} = w_n^{p k n / N}; p k < N keeps the index below n.
      SmallVector<Cx> w(radix);
      if (m > 1) {
        for (int64_t k = 1; k < radix; ++k) {
          Value idx = arith::MulIOp::create(b, loc, p, index(k * twiddleStep));
          Value re = memref::LoadOp::create(b, loc, twiddles.re, idx);
          Value im = memref::LoadOp::create(b, loc, twiddles.im, idx);
          if (sign > 0)
            im = arith::NegFOp::create(b, loc, im);
          w[k] = {vector::BroadcastOp::create(b, loc, vecType, re),
                  vector::BroadcastOp::create(b, loc, vecType, im)};
        }
      }
      Value inBase = arith::MulIOp::create(b, loc, p, index(stride));
      Value outBase = arith::MulIOp::create(b, loc, p, index(stride * radix));
      forLoop(0, stride, [&](Value q) {
        Value in = arith::AddIOp::create(b, loc, inBase, q);
        Value out = arith::AddIOp::create(b, loc, outBase, q);
        SmallVector<Cx> a;
        for (int64_t j = 0; j < radix; ++j)
          a.push_back(load(
              src, arith::AddIOp::create(b, loc, in, index(stride * j * m))));
        SmallVector<Cx> y = butterfly(a, sign);
        for (int64_t k = 0; k < radix; ++k) {
          Cx v = (k == 0 || m == 1) ? y[k] : mul(y[k], w[k]);
          store(dst, arith::AddIOp::create(b, loc, out, index(stride * k)), v);
        }
      });
    });
  }

  OpBuilder &b;
  Location loc;
  ModuleOp module;
  VectorType vecType;
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
  if (needsBluestein(n)) {
    emitter.bluestein(x, scratch, n, sign, threads);
  } else {
    LaneRef result = emitter.transform(x, scratch, n, sign, threads);
    if (!(result == x))
      emitter.copy(result, x, n);
  }
  func::ReturnOp::create(b, loc);
  return func;
}
