//===- FFTKernel.cpp - The FFT of one row in a GPU thread block -----------===//

#include "lowering/GPU/FFTKernel.h"

#include "lowering/GPU/KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu;
using fft::Complex;

//===----------------------------------------------------------------------===//
// Planning
//===----------------------------------------------------------------------===//

/// Splits a row too long for shared memory by the four-step split of its
/// size, columns the longer factor (n = 131072 = 512 x 256), with tiles of
/// up to 16 columns and rows that fit in shared memory; leaves the plan
/// alone when no tile fits.
static void planFourStep(BlockFFTPlan &plan, int64_t maxThreads,
                         int64_t maxSharedBytes) {
  std::optional<fft::FourStepSplit> split = fft::splitFourStep(plan.size);
  if (!split)
    return;
  int64_t n1 = split->n2, n2 = split->n1;
  // 8 bytes per complex point.
  int64_t budget = maxSharedBytes / 8;
  int64_t columnTile = fft::getFourStepBlock(n2, n1, budget);
  int64_t rowTile = fft::getFourStepBlock(n1, n2, budget);
  if (!columnTile || !rowTile)
    return;
  plan.fourStep = true;
  plan.n1 = n1;
  plan.n2 = n2;
  plan.columnTile = columnTile;
  plan.rowTile = rowTile;
  plan.radices1 = fft::getRadices(n1);
  plan.radices2 = fft::getRadices(n2);
  // One thread per butterfly of the tile stage with the fewest.
  int64_t columns = columnTile * n1 / *llvm::max_element(plan.radices1);
  int64_t rows = rowTile * n2 / *llvm::max_element(plan.radices2);
  plan.threads = std::min({maxThreads, columns, rows});
}

BlockFFTPlan orchid::gpu::planBlockFFT(int64_t n, int64_t maxThreads,
                                       int64_t maxSharedBytes) {
  assert(n >= 1 && "FFT of no points");
  BlockFFTPlan plan;
  static_cast<fft::FFTPlan &>(plan) = fft::planFFT(n);
  plan.inShared = 8 * plan.size <= maxSharedBytes;
  // One thread per butterfly of the largest radix's stage, which has the
  // fewest; stages of smaller radices give each thread several.
  plan.threads = 1;
  if (plan.radices.empty())
    return plan;
  plan.threads =
      std::min(maxThreads, plan.size / *llvm::max_element(plan.radices));
  if (!plan.inShared)
    planFourStep(plan, maxThreads, maxSharedBytes);
  return plan;
}

int64_t orchid::gpu::getUnrolledRounds(const BlockFFTPlan &plan) {
  auto rounds = [&](int64_t len, int64_t batch, ArrayRef<int64_t> radices) {
    int64_t total = 0;
    for (int64_t radix : radices)
      total += llvm::divideCeil(batch * (len / radix), plan.threads);
    return total;
  };
  if (plan.inShared)
    return rounds(plan.size, 1, plan.radices);
  if (plan.fourStep)
    return rounds(plan.n1, plan.columnTile, plan.radices1) +
           rounds(plan.n2, plan.rowTile, plan.radices2);
  return 0;
}

LogicalResult orchid::gpu::verifyBlockFFT(Operation *op, int64_t n,
                                          int64_t maxThreads,
                                          int64_t maxSharedBytes) {
  if (failed(fft::verifyFFTSize(op, n)))
    return failure();
  int64_t rounds =
      getUnrolledRounds(planBlockFFT(n, maxThreads, maxSharedBytes));
  if (rounds <= kMaxUnrolledRounds)
    return success();
  return op->emitOpError() << "needs " << rounds
                           << " unrolled rounds of butterflies with "
                              "max-threads = "
                           << maxThreads << ", more than the limit of "
                           << kMaxUnrolledRounds
                           << " (kMaxUnrolledRounds); raise max-threads";
}

RowPair orchid::gpu::getRowPair(OpBuilder &b, Location loc, int64_t rows) {
  Value pair = mlir::gpu::BlockIdOp::create(b, loc, mlir::gpu::Dimension::x);
  Value row1 = arith::MulIOp::create(b, loc, pair,
                                     arith::ConstantIndexOp::create(b, loc, 2));
  Value next = arith::AddIOp::create(b, loc, row1,
                                     arith::ConstantIndexOp::create(b, loc, 1));
  Value hasRow2 =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, next,
                            arith::ConstantIndexOp::create(b, loc, rows));
  Value row2 = arith::SelectOp::create(b, loc, hasRow2, next, row1);
  return {row1, row2, hasRow2};
}

//===----------------------------------------------------------------------===//
// Device side
//===----------------------------------------------------------------------===//

BlockFFT BlockFFT::create(OpBuilder &b, Location loc, const BlockFFTPlan &plan,
                          ModuleOp module, Value scratch) {
  BlockFFT fft(b, loc, plan);
  fft.twiddles = fft::getUnitRootTable(b, loc, module, plan.size, plan.size);
  if (plan.bluestein)
    std::tie(fft.chirp, fft.filter) =
        fft::getBluesteinTables(b, loc, module, plan.n, -1);
  fft.tid = mlir::gpu::ThreadIdOp::create(b, loc, mlir::gpu::Dimension::x);
  fft.threads = fft.constant(plan.threads);
  Value shared;
  if (int64_t bytes = plan.sharedBytes())
    shared = getSharedFloats(b, loc, bytes / 4);
  if (plan.inShared) {
    fft.buffer = shared;
    fft.current = fft.constant(0);
    fft.other = fft.current;
    return fft;
  }
  fft.tile = shared;
  fft.buffer = scratch;
  Value block = mlir::gpu::BlockIdOp::create(b, loc, mlir::gpu::Dimension::x);
  fft.current =
      arith::MulIOp::create(b, loc, block, fft.constant(4 * plan.size));
  fft.other =
      arith::AddIOp::create(b, loc, fft.current, fft.constant(2 * plan.size));
  return fft;
}

Value BlockFFT::constant(int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Complex BlockFFT::load(const Planes &planes, Value index) {
  Value re = arith::AddIOp::create(b, loc, planes.offset, index);
  Value im = arith::AddIOp::create(b, loc, re, constant(planes.plane));
  return {memref::LoadOp::create(b, loc, planes.buffer, re),
          memref::LoadOp::create(b, loc, planes.buffer, im)};
}

void BlockFFT::store(const Planes &planes, Value index, Complex value) {
  Value re = arith::AddIOp::create(b, loc, planes.offset, index);
  Value im = arith::AddIOp::create(b, loc, re, constant(planes.plane));
  memref::StoreOp::create(b, loc, value.re, planes.buffer, re);
  memref::StoreOp::create(b, loc, value.im, planes.buffer, im);
}

Complex BlockFFT::read(Value index) { return load(rowAt(current), index); }
void BlockFFT::write(Value index, Complex value) {
  store(rowAt(current), index, value);
}

void BlockFFT::forEach(Value count, function_ref<void(Value)> body) {
  auto loop = scf::ForOp::create(b, loc, tid, count, threads);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  body(loop.getInductionVar());
}

/// Stockham stage: butterfly j reads x[j + i n/R] (i < R), multiplies input
/// i by w_{span R}^{i k} with k = j mod span, transforms, and writes output
/// i to ((j - k) R + k) + i span. The output is in natural order after the
/// last stage.
void BlockFFT::butterfly(Value j, int64_t radix, int64_t span,
                         SmallVectorImpl<Complex> &v, const Planes &dst,
                         Value dstBase) {
  Value k = span == 1 ? constant(0)
                      : arith::RemUIOp::create(b, loc, j, constant(span));
  if (span > 1) {
    int64_t step = plan.size / (span * radix);
    Value base = arith::MulIOp::create(b, loc, k, constant(step));
    for (int64_t i = 1; i < radix; ++i) {
      Value idx = arith::MulIOp::create(b, loc, base, constant(i));
      v[i] = cx.mul(v[i], cx.load(twiddles, idx));
    }
  }
  SmallVector<Complex> out = cx.dft(v, -1);
  Value first = j;
  if (span > 1) {
    Value group = arith::SubIOp::create(b, loc, j, k);
    first = arith::MulIOp::create(b, loc, group, constant(radix));
    first = arith::AddIOp::create(b, loc, first, k);
  } else {
    first = arith::MulIOp::create(b, loc, j, constant(radix));
  }
  if (dstBase)
    first = arith::AddIOp::create(b, loc, first, dstBase);
  for (int64_t i = 0; i < radix; ++i) {
    Value idx = arith::AddIOp::create(b, loc, first, constant(i * span));
    store(dst, idx, out[i]);
  }
}

void BlockFFT::globalStage(int64_t radix, int64_t span) {
  // Out of place, one butterfly per loop iteration.
  int64_t stride = plan.size / radix;
  forEach(stride, [&](Value j) {
    SmallVector<Complex> v;
    for (int64_t i = 0; i < radix; ++i) {
      Value idx = arith::AddIOp::create(b, loc, j, constant(i * stride));
      v.push_back(load(rowAt(current), idx));
    }
    butterfly(j, radix, span, v, rowAt(other), Value());
  });
  mlir::gpu::BarrierOp::create(b, loc);
  std::swap(current, other);
}

void BlockFFT::sharedStages(const Planes &tile, int64_t len, int64_t batch,
                            ArrayRef<int64_t> radices) {
  int64_t span = 1;
  for (int64_t radix : radices) {
    // In place: each thread loads all inputs of its butterflies before the
    // barrier and writes after it. When the thread count does not divide
    // the stage's butterflies, the last round is ragged: its loads are
    // clamped to a valid butterfly and the writes of threads past the end
    // are skipped.
    int64_t stride = len / radix, count = batch * stride;
    int64_t rounds = llvm::divideCeil(count, plan.threads);
    SmallVector<SmallVector<Complex>> inputs(rounds);
    SmallVector<Value> js, bases(rounds), valid(rounds);
    for (int64_t t = 0; t < rounds; ++t) {
      Value q = arith::AddIOp::create(b, loc, tid, constant(t * plan.threads));
      if ((t + 1) * plan.threads > count) {
        valid[t] = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, q,
                                         constant(count));
        q = arith::MinUIOp::create(b, loc, q, constant(count - 1));
      }
      // Butterfly j of transform q / stride of the tile.
      Value j = q;
      if (batch > 1) {
        j = arith::RemUIOp::create(b, loc, q, constant(stride));
        Value which = arith::DivUIOp::create(b, loc, q, constant(stride));
        bases[t] = arith::MulIOp::create(b, loc, which, constant(len));
      }
      js.push_back(j);
      Value first = bases[t] ? arith::AddIOp::create(b, loc, bases[t], j) : j;
      for (int64_t i = 0; i < radix; ++i) {
        Value idx = arith::AddIOp::create(b, loc, first, constant(i * stride));
        inputs[t].push_back(load(tile, idx));
      }
    }
    mlir::gpu::BarrierOp::create(b, loc);
    for (int64_t t = 0; t < rounds; ++t) {
      if (!valid[t]) {
        butterfly(js[t], radix, span, inputs[t], tile, bases[t]);
        continue;
      }
      auto ifOp = scf::IfOp::create(b, loc, valid[t]);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      butterfly(js[t], radix, span, inputs[t], tile, bases[t]);
    }
    mlir::gpu::BarrierOp::create(b, loc);
    span *= radix;
  }
}

/// X[k1 + n1 k2] = sum_j2 w_n2^(j2 k2) w_n^(j2 k1) sum_j1 x[j1 n2 + j2]
/// w_n1^(j1 k1): the inner sums are FFTs of the columns of x seen as n1 x n2,
/// done in place; after the twiddles, the outer sums are FFTs of its rows,
/// written transposed into the other buffer. Each FFT runs on a tile in
/// shared memory, so the row in global memory is read and written twice.
void BlockFFT::fourStep() {
  int64_t n1 = plan.n1, n2 = plan.n2;
  int64_t columns = plan.columnTile, rows = plan.rowTile;
  Planes x = rowAt(current), y = rowAt(other);
  Planes shared{tile, constant(0), std::max(columns * n1, rows * n2)};
  auto overTiles = [&](int64_t count, int64_t width,
                       function_ref<void(Value)> body) {
    auto loop =
        scf::ForOp::create(b, loc, constant(0), constant(count), constant(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    body(
        arith::MulIOp::create(b, loc, loop.getInductionVar(), constant(width)));
  };
  auto divRem = [&](Value e, int64_t d) -> std::pair<Value, Value> {
    return {arith::DivUIOp::create(b, loc, e, constant(d)),
            arith::RemUIOp::create(b, loc, e, constant(d))};
  };

  // Columns c0 + c, c < columns; column c is tile row c. Consecutive
  // threads read consecutive columns of a row of x.
  overTiles(n2 / columns, columns, [&](Value c0) {
    forEach(columns * n1, [&](Value e) {
      auto [j1, c] = divRem(e, columns);
      Value from = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, j1, constant(n2)),
          arith::AddIOp::create(b, loc, c0, c));
      Value to = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, c, constant(n1)), j1);
      store(shared, to, load(x, from));
    });
    mlir::gpu::BarrierOp::create(b, loc);
    sharedStages(shared, n1, columns, plan.radices1);
    forEach(columns * n1, [&](Value e) {
      auto [k1, c] = divRem(e, columns);
      Value column = arith::AddIOp::create(b, loc, c0, c);
      Value from = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, c, constant(n1)), k1);
      Value to = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, k1, constant(n2)), column);
      // column * k1 < n1 n2: no reduction modulo the table size.
      Complex w = cx.load(twiddles, arith::MulIOp::create(b, loc, column, k1));
      store(x, to, cx.mul(load(shared, from), w));
    });
    mlir::gpu::BarrierOp::create(b, loc);
  });

  // Rows r0 + r, r < rows, copied contiguously; consecutive threads write
  // consecutive rows' bins.
  overTiles(n1 / rows, rows, [&](Value r0) {
    Value base = arith::MulIOp::create(b, loc, r0, constant(n2));
    forEach(rows * n2, [&](Value e) {
      store(shared, e, load(x, arith::AddIOp::create(b, loc, base, e)));
    });
    mlir::gpu::BarrierOp::create(b, loc);
    sharedStages(shared, n2, rows, plan.radices2);
    forEach(rows * n2, [&](Value e) {
      auto [k2, r] = divRem(e, rows);
      Value from = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, r, constant(n2)), k2);
      Value to = arith::AddIOp::create(
          b, loc, arith::AddIOp::create(b, loc, r0, r),
          arith::MulIOp::create(b, loc, k2, constant(n1)));
      store(y, to, load(shared, from));
    });
    mlir::gpu::BarrierOp::create(b, loc);
  });
  std::swap(current, other);
}

void BlockFFT::stages() {
  if (plan.inShared)
    return sharedStages(rowAt(current), plan.size, 1, plan.radices);
  if (plan.fourStep)
    return fourStep();
  int64_t span = 1;
  for (int64_t radix : plan.radices) {
    globalStage(radix, span);
    span *= radix;
  }
}

/// X[k] = c[k] sum_j (x[j] c[j]) conj(c[k - j]) with the chirp
/// c[j] = exp(-i pi j^2 / n): the sum is a cyclic convolution of `size`
/// points, computed as IDFT(DFT(x c) * DFT(conj c)); the inverse DFT is a
/// forward one between conjugations, its 1/size is in the filter table.
void BlockFFT::bluestein() {
  Value zero = cx.constant(0.0);
  forEach(plan.size, [&](Value j) {
    Value inRow = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, j,
                                        constant(plan.n));
    auto ifOp = scf::IfOp::create(b, loc, inRow, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    write(j, cx.mul(read(j), cx.load(chirp, j)));
    b.setInsertionPointToStart(ifOp.elseBlock());
    write(j, {zero, zero});
  });
  mlir::gpu::BarrierOp::create(b, loc);
  stages();
  forEach(plan.size, [&](Value k) {
    write(k, cx.conj(cx.mul(read(k), cx.load(filter, k))));
  });
  mlir::gpu::BarrierOp::create(b, loc);
  stages();
  forEach(plan.n, [&](Value k) {
    write(k, cx.mul(cx.conj(read(k)), cx.load(chirp, k)));
  });
  mlir::gpu::BarrierOp::create(b, loc);
}

void BlockFFT::forward() {
  mlir::gpu::BarrierOp::create(b, loc);
  if (plan.bluestein)
    return bluestein();
  stages();
}

Value BlockFFT::mirror(Value k) {
  Value isZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, k, constant(0));
  Value m = arith::SubIOp::create(b, loc, constant(plan.n), k);
  return arith::SelectOp::create(b, loc, isZero, constant(0), m);
}

std::pair<Complex, Complex> BlockFFT::splitSpectra(Value k, Value m) {
  Complex zk = read(k), zm = cx.conj(read(m));
  Complex x1 = cx.scale(cx.add(zk, zm), 0.5);
  Complex d = cx.scale(cx.sub(zk, zm), 0.5);
  // d / i = -i d.
  Complex x2 = cx.mulConst(d, {0, -1});
  return {x1, x2};
}

void BlockFFT::writeInverseInput(Value k, Value m, Complex x1, Complex x2,
                                 double s) {
  Value zero = cx.constant(0.0);
  Value selfPaired =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, k, m);
  x1.im = arith::SelectOp::create(b, loc, selfPaired, zero, x1.im);
  x2.im = arith::SelectOp::create(b, loc, selfPaired, zero, x2.im);
  // Y[k] = X1 + i X2; Y[m] = conj X1 + i conj X2.
  Complex yk = {cx.sub(x1.re, x2.im), cx.add(x1.im, x2.re)};
  Complex ym = {cx.add(x1.re, x2.im), cx.sub(x2.re, x1.im)};
  write(m, cx.scale(cx.conj(ym), s));
  write(k, cx.scale(cx.conj(yk), s));
}
