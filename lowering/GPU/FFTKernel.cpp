//===- FFTKernel.cpp - Building blocks of the GPU FFT kernels -------------===//

#include "lowering/GPU/FFTKernel.h"

#include "lowering/FFTMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"

#include <cmath>

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu_fft;

//===----------------------------------------------------------------------===//
// Host side
//===----------------------------------------------------------------------===//

Value KernelBuffers::input(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  auto memrefType = MemRefType::get(type.getShape(), type.getElementType());
  return bufferization::ToBufferOp::create(b, loc, memrefType, tensor,
                                           /*read_only=*/true);
}

Value KernelBuffers::alloc(OpBuilder &b, Location loc, MemRefType type) {
  return memref::AllocOp::create(b, loc, type);
}

Value KernelBuffers::allocScratch(OpBuilder &b, Location loc, MemRefType type) {
  Value buffer = alloc(b, loc, type);
  scratch.push_back(buffer);
  return buffer;
}

void KernelBuffers::replaceOp(OpBuilder &b, Location loc, Operation *op,
                              Value buffer, RankedTensorType type) {
  for (Value temporary : scratch)
    memref::DeallocOp::create(b, loc, temporary);
  scratch.clear();
  Value result = bufferization::ToTensorOp::create(b, loc, type, buffer,
                                                   /*restrict=*/true,
                                                   /*writable=*/true);
  op->getResult(0).replaceAllUsesWith(result);
  op->erase();
}

bool gpu_fft::isInKernel(Operation *op) {
  return op->getParentOfType<gpu::LaunchOp>() ||
         op->getParentOfType<gpu::GPUFuncOp>();
}

Value gpu_fft::collapseToRows(OpBuilder &b, Location loc, Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  int64_t rank = type.getRank();
  if (rank <= 2)
    return memref;
  ReassociationIndices leading;
  for (int64_t i = 0; i + 1 < rank; ++i)
    leading.push_back(i);
  SmallVector<ReassociationIndices> groups = {leading, {rank - 1}};
  return memref::CollapseShapeOp::create(b, loc, memref, groups);
}

void gpu_fft::emitLaunch(OpBuilder &b, Location loc, int64_t blocks,
                         int64_t threads, std::optional<int64_t> sharedBytes,
                         function_ref<void()> body) {
  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  Value smem;
  if (sharedBytes)
    smem = arith::ConstantIntOp::create(b, loc, b.getI32Type(), *sharedBytes);
  auto launch = gpu::LaunchOp::create(b, loc, cst(blocks), cst(1), cst(1),
                                      cst(threads), cst(1), cst(1), smem);
  OpBuilder::InsertionGuard guard(b);
  Block &entry = launch.getBody().front();
  b.setInsertionPointToStart(&entry);
  body();
  b.setInsertionPointToEnd(&entry);
  gpu::TerminatorOp::create(b, loc);
}

//===----------------------------------------------------------------------===//
// Planning and twiddles
//===----------------------------------------------------------------------===//

/// Splits n into the given radices, largest first (fewer passes over the
/// row and fewer barriers); returns what is left.
static int64_t factor(int64_t n, ArrayRef<int64_t> radices,
                      SmallVectorImpl<int64_t> &out) {
  for (int64_t radix : radices)
    for (; n % radix == 0; n /= radix)
      out.push_back(radix);
  return n;
}

/// Splits a row too long for shared memory as size = n1 * n2, n1 the
/// product of its smallest prime factors that reaches sqrt(size), with
/// tiles of up to 16 columns and rows that fit in shared memory; leaves the
/// plan alone when no tile fits.
static void planFourStep(FFTPlan &plan, int64_t maxThreads,
                         int64_t maxSharedBytes) {
  SmallVector<int64_t> primes;
  for (int64_t m = plan.size, p = 2; m > 1; ++p)
    for (; m % p == 0; m /= p)
      primes.push_back(p);
  int64_t n1 = 1;
  for (int64_t p : primes)
    if (n1 * n1 < plan.size)
      n1 *= p;
  int64_t n2 = plan.size / n1;
  auto tileFor = [&](int64_t len, int64_t count) -> int64_t {
    for (int64_t tile : {16, 8, 4, 2, 1})
      if (count % tile == 0 && 8 * tile * len <= maxSharedBytes)
        return tile;
    return 0;
  };
  int64_t columnTile = tileFor(n1, n2), rowTile = tileFor(n2, n1);
  if (n2 == 1 || !columnTile || !rowTile)
    return;
  plan.fourStep = true;
  plan.n1 = n1;
  plan.n2 = n2;
  plan.columnTile = columnTile;
  plan.rowTile = rowTile;
  factor(n1, {8, 4, 2, 5, 3, 7, 11, 13}, plan.radices1);
  factor(n2, {8, 4, 2, 5, 3, 7, 11, 13}, plan.radices2);
  // One thread per butterfly of the tile stage with the fewest.
  int64_t columns = columnTile * n1 / *llvm::max_element(plan.radices1);
  int64_t rows = rowTile * n2 / *llvm::max_element(plan.radices2);
  plan.threads = std::min({maxThreads, columns, rows});
}

FFTPlan gpu_fft::planFFT(int64_t n, int64_t maxThreads,
                         int64_t maxSharedBytes) {
  assert(n >= 1 && "FFT of no points");
  FFTPlan plan;
  plan.n = plan.size = n;
  if (factor(n, {8, 4, 2, 5, 3, 7, 11, 13}, plan.radices) != 1) {
    plan.bluestein = true;
    plan.size = getBluesteinSize(n);
    plan.radices.clear();
    factor(plan.size, {8, 4, 2, 5, 3}, plan.radices);
  }
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

/// Returns the private constant table `name` of interleaved (re, im) f32
/// values, creating it in `module` on first use.
static memref::GlobalOp getOrCreateTable(ModuleOp module, StringRef name,
                                         ArrayRef<CDouble> values) {
  if (auto global = module.lookupSymbol<memref::GlobalOp>(name))
    return global;
  SmallVector<float> floats;
  for (CDouble v : values) {
    floats.push_back(static_cast<float>(v.real()));
    floats.push_back(static_cast<float>(v.imag()));
  }
  OpBuilder b(module.getBodyRegion());
  b.setInsertionPointToStart(module.getBody());
  int64_t size = floats.size();
  auto type = MemRefType::get({size}, b.getF32Type());
  auto tensorType = RankedTensorType::get({size}, b.getF32Type());
  return memref::GlobalOp::create(
      b, module.getLoc(), name, b.getStringAttr("private"), type,
      DenseElementsAttr::get(tensorType, ArrayRef<float>(floats)),
      /*constant=*/true, /*alignment=*/b.getI64IntegerAttr(16));
}

FFTTables gpu_fft::getOrCreateFFTTables(ModuleOp module, const FFTPlan &plan) {
  FFTTables tables;
  std::string size = std::to_string(plan.size);
  std::vector<CDouble> twiddles(plan.size);
  for (int64_t k = 0; k < plan.size; ++k)
    twiddles[k] = unitRoot(k, plan.size, -1);
  tables.twiddles =
      getOrCreateTable(module, "__orchid_fft_twiddles_" + size, twiddles);
  if (!plan.bluestein)
    return tables;
  BluesteinConstants constants = getBluesteinConstants(plan.n, -1);
  std::string n = std::to_string(plan.n);
  tables.chirp =
      getOrCreateTable(module, "__orchid_fft_chirp_" + n, constants.chirp);
  tables.filter = getOrCreateTable(module, "__orchid_fft_chirp_filter_" + n,
                                   constants.filterSpectrum);
  return tables;
}

//===----------------------------------------------------------------------===//
// Device side
//===----------------------------------------------------------------------===//

Value gpu_fft::getSharedFloats(OpBuilder &b, Location loc, int64_t floats) {
  auto workgroup = gpu::AddressSpaceAttr::get(
      b.getContext(), gpu::GPUDialect::getWorkgroupAddressSpace());
  auto bytesType = MemRefType::get({ShapedType::kDynamic}, b.getI8Type(),
                                   MemRefLayoutAttrInterface(), workgroup);
  Value raw = gpu::DynamicSharedMemoryOp::create(b, loc, bytesType);
  auto viewType = MemRefType::get({floats}, b.getF32Type(),
                                  MemRefLayoutAttrInterface(), workgroup);
  return memref::ViewOp::create(b, loc, viewType, raw,
                                arith::ConstantIndexOp::create(b, loc, 0),
                                ValueRange());
}

RowPair gpu_fft::getRowPair(OpBuilder &b, Location loc, int64_t rows) {
  Value pair = gpu::BlockIdOp::create(b, loc, gpu::Dimension::x);
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

BlockFFT::BlockFFT(OpBuilder &b, Location loc, const FFTPlan &plan,
                   const FFTTables &tables, Value scratch)
    : b(b), loc(loc), plan(plan) {
  auto get = [&](memref::GlobalOp global) -> Value {
    return memref::GetGlobalOp::create(b, loc, global.getType(),
                                       global.getSymName());
  };
  table = get(tables.twiddles);
  if (plan.bluestein) {
    chirp = get(tables.chirp);
    filter = get(tables.filter);
  }
  tid = gpu::ThreadIdOp::create(b, loc, gpu::Dimension::x);
  threads = constant(plan.threads);
  Value shared;
  if (int64_t bytes = plan.sharedBytes())
    shared = getSharedFloats(b, loc, bytes / 4);
  if (plan.inShared) {
    buffer = shared;
    current = constant(0);
    other = current;
    return;
  }
  tile = shared;
  buffer = scratch;
  Value block = gpu::BlockIdOp::create(b, loc, gpu::Dimension::x);
  current = arith::MulIOp::create(b, loc, block, constant(4 * plan.size));
  other = arith::AddIOp::create(b, loc, current, constant(2 * plan.size));
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

void BlockFFT::forEach(Value count,
                       function_ref<void(OpBuilder &, Value)> body) {
  auto loop = scf::ForOp::create(b, loc, tid, count, threads);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  body(b, loop.getInductionVar());
}

Complex BlockFFT::add(Complex a, Complex c) {
  return {arith::AddFOp::create(b, loc, a.re, c.re),
          arith::AddFOp::create(b, loc, a.im, c.im)};
}

Complex BlockFFT::sub(Complex a, Complex c) {
  return {arith::SubFOp::create(b, loc, a.re, c.re),
          arith::SubFOp::create(b, loc, a.im, c.im)};
}

Complex BlockFFT::mul(Complex a, Complex c) {
  Value rr = arith::MulFOp::create(b, loc, a.re, c.re);
  Value ii = arith::MulFOp::create(b, loc, a.im, c.im);
  Value ri = arith::MulFOp::create(b, loc, a.re, c.im);
  Value ir = arith::MulFOp::create(b, loc, a.im, c.re);
  return {arith::SubFOp::create(b, loc, rr, ii),
          arith::AddFOp::create(b, loc, ri, ir)};
}

Complex BlockFFT::scale(Complex a, double s) {
  Value f = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(s));
  return {arith::MulFOp::create(b, loc, a.re, f),
          arith::MulFOp::create(b, loc, a.im, f)};
}

Complex BlockFFT::conj(Complex a) {
  return {a.re, arith::NegFOp::create(b, loc, a.im)};
}

/// Multiplies by a constant, without arithmetic for 0, +-1 and +-i.
Complex BlockFFT::mulConst(Complex a, double re, double im) {
  auto snap = [](double v) {
    for (double exact : {-1.0, 0.0, 1.0})
      if (std::abs(v - exact) < 1e-12)
        return exact;
    return v;
  };
  re = snap(re);
  im = snap(im);
  if (im == 0.0 && re == 1.0)
    return a;
  if (im == 0.0 && re == -1.0)
    return {arith::NegFOp::create(b, loc, a.re),
            arith::NegFOp::create(b, loc, a.im)};
  if (re == 0.0 && im == 1.0)
    return {arith::NegFOp::create(b, loc, a.im), a.re};
  if (re == 0.0 && im == -1.0)
    return {a.im, arith::NegFOp::create(b, loc, a.re)};
  Value cr = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(re));
  Value ci = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(im));
  return mul(a, {cr, ci});
}

/// A small DFT with constant coefficients: even sizes split recursively
/// (radix 2 butterflies), odd sizes (3, 5, 7, 11, 13) are direct.
SmallVector<Complex> BlockFFT::dft(ArrayRef<Complex> x) {
  int64_t r = x.size();
  if (r == 1)
    return SmallVector<Complex>(x);
  SmallVector<Complex> out(r);
  if (r % 2 == 0) {
    SmallVector<Complex> evenIn, oddIn;
    for (int64_t i = 0; i < r; ++i)
      (i % 2 ? oddIn : evenIn).push_back(x[i]);
    SmallVector<Complex> even = dft(evenIn), odd = dft(oddIn);
    for (int64_t q = 0; q < r / 2; ++q) {
      double angle = -2.0 * M_PI * q / r;
      Complex t = mulConst(odd[q], std::cos(angle), std::sin(angle));
      out[q] = add(even[q], t);
      out[q + r / 2] = sub(even[q], t);
    }
    return out;
  }
  for (int64_t q = 0; q < r; ++q) {
    Complex sum = x[0];
    for (int64_t i = 1; i < r; ++i) {
      double angle = -2.0 * M_PI * static_cast<double>((q * i) % r) / r;
      sum = add(sum, mulConst(x[i], std::cos(angle), std::sin(angle)));
    }
    out[q] = sum;
  }
  return out;
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
      v[i] = mul(v[i], loadTable(table, idx));
    }
  }
  SmallVector<Complex> out = dft(v);
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

Complex BlockFFT::loadTable(Value table, Value index) {
  Value reIdx = arith::MulIOp::create(b, loc, index, constant(2));
  Value imIdx = arith::AddIOp::create(b, loc, reIdx, constant(1));
  return {memref::LoadOp::create(b, loc, table, reIdx),
          memref::LoadOp::create(b, loc, table, imIdx)};
}

void BlockFFT::globalStage(int64_t radix, int64_t span) {
  // Out of place, one butterfly per loop iteration.
  int64_t stride = plan.size / radix;
  forEach(stride, [&](OpBuilder &, Value j) {
    SmallVector<Complex> v;
    for (int64_t i = 0; i < radix; ++i) {
      Value idx = arith::AddIOp::create(b, loc, j, constant(i * stride));
      v.push_back(load(rowAt(current), idx));
    }
    butterfly(j, radix, span, v, rowAt(other), Value());
  });
  gpu::BarrierOp::create(b, loc);
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
    gpu::BarrierOp::create(b, loc);
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
    gpu::BarrierOp::create(b, loc);
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
    forEach(columns * n1, [&](OpBuilder &, Value e) {
      auto [j1, c] = divRem(e, columns);
      Value from = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, j1, constant(n2)),
          arith::AddIOp::create(b, loc, c0, c));
      Value to = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, c, constant(n1)), j1);
      store(shared, to, load(x, from));
    });
    gpu::BarrierOp::create(b, loc);
    sharedStages(shared, n1, columns, plan.radices1);
    forEach(columns * n1, [&](OpBuilder &, Value e) {
      auto [k1, c] = divRem(e, columns);
      Value column = arith::AddIOp::create(b, loc, c0, c);
      Value from = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, c, constant(n1)), k1);
      Value to = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, k1, constant(n2)), column);
      // column * k1 < n1 n2: no reduction modulo the table size.
      Complex w = loadTable(table, arith::MulIOp::create(b, loc, column, k1));
      store(x, to, mul(load(shared, from), w));
    });
    gpu::BarrierOp::create(b, loc);
  });

  // Rows r0 + r, r < rows, copied contiguously; consecutive threads write
  // consecutive rows' bins.
  overTiles(n1 / rows, rows, [&](Value r0) {
    Value base = arith::MulIOp::create(b, loc, r0, constant(n2));
    forEach(rows * n2, [&](OpBuilder &, Value e) {
      store(shared, e, load(x, arith::AddIOp::create(b, loc, base, e)));
    });
    gpu::BarrierOp::create(b, loc);
    sharedStages(shared, n2, rows, plan.radices2);
    forEach(rows * n2, [&](OpBuilder &, Value e) {
      auto [k2, r] = divRem(e, rows);
      Value from = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, r, constant(n2)), k2);
      Value to = arith::AddIOp::create(
          b, loc, arith::AddIOp::create(b, loc, r0, r),
          arith::MulIOp::create(b, loc, k2, constant(n1)));
      store(y, to, load(shared, from));
    });
    gpu::BarrierOp::create(b, loc);
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
  Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
  forEach(plan.size, [&](OpBuilder &, Value j) {
    Value inRow = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, j,
                                        constant(plan.n));
    auto ifOp = scf::IfOp::create(b, loc, inRow, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    write(j, mul(read(j), loadTable(chirp, j)));
    b.setInsertionPointToStart(ifOp.elseBlock());
    write(j, {zero, zero});
  });
  gpu::BarrierOp::create(b, loc);
  stages();
  forEach(plan.size, [&](OpBuilder &, Value k) {
    write(k, conj(mul(read(k), loadTable(filter, k))));
  });
  gpu::BarrierOp::create(b, loc);
  stages();
  forEach(plan.n, [&](OpBuilder &, Value k) {
    write(k, mul(conj(read(k)), loadTable(chirp, k)));
  });
  gpu::BarrierOp::create(b, loc);
}

void BlockFFT::forward() {
  gpu::BarrierOp::create(b, loc);
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
  Complex zk = read(k), zm = conj(read(m));
  Complex x1 = scale(add(zk, zm), 0.5);
  Complex d = scale(sub(zk, zm), 0.5);
  // d / i = -i d.
  Complex x2 = {d.im, arith::NegFOp::create(b, loc, d.re)};
  return {x1, x2};
}

void BlockFFT::writeInverseInput(Value k, Value m, Complex x1, Complex x2,
                                 double s) {
  Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
  Value selfPaired =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, k, m);
  x1.im = arith::SelectOp::create(b, loc, selfPaired, zero, x1.im);
  x2.im = arith::SelectOp::create(b, loc, selfPaired, zero, x2.im);
  // Y[k] = X1 + i X2; Y[m] = conj X1 + i conj X2.
  Complex yk = {arith::SubFOp::create(b, loc, x1.re, x2.im),
                arith::AddFOp::create(b, loc, x1.im, x2.re)};
  Complex ym = {arith::AddFOp::create(b, loc, x1.re, x2.im),
                arith::SubFOp::create(b, loc, x2.re, x1.im)};
  write(m, scale(conj(ym), s));
  write(k, scale(conj(yk), s));
}
