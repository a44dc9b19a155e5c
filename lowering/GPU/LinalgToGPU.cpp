//===- LinalgToGPU.cpp - Structured ops on buffers to gpu.launch ----------===//
//
// The blocks leave projections, gates, transposes, normalisations and the
// filter networks as linalg ops. Upstream's parallel-loop mapping
// (gpu-map-parallel-loops) gives each loop dimension its own grid
// dimension, whose limits (65535 in y and z, 1024 threads) long sequences
// exceed; here the parallel iteration space is linearised over a 1-D grid
// instead, with reduction dimensions as loops inside each thread that carry
// the partial results in registers.
//
//===----------------------------------------------------------------------===//

#include "lowering/GPU/KernelBuilder.h"
#include "lowering/GPU/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/DialectConversion.h"

#include <functional>

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTLINALGTOGPU
#include "lowering/GPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu;

/// The indices `map` gives for the loop indices `ivs`.
static SmallVector<Value> applyMap(OpBuilder &b, Location loc, AffineMap map,
                                   ArrayRef<Value> ivs) {
  SmallVector<Value> indices;
  for (unsigned i = 0; i < map.getNumResults(); ++i)
    indices.push_back(
        affine::AffineApplyOp::create(b, loc, map.getSubMap({i}), ivs));
  return indices;
}

/// Emits the computation of one parallel point of `op` whose loop indices
/// are `ivs` (reduction entries unset): the reduction dimensions are nested
/// loops carrying the outputs' partial values, stored once at the end.
static void emitPoint(OpBuilder &b, Location loc, linalg::LinalgOp op,
                      SmallVector<Value> ivs, ArrayRef<int64_t> ranges) {
  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  SmallVector<unsigned> reductions;
  op.getReductionDims(reductions);
  // Outputs are indexed by parallel dimensions only.
  for (unsigned d : reductions)
    ivs[d] = cst(0);
  SmallVector<SmallVector<Value>> outIndices;
  SmallVector<Value> partial;
  for (OpOperand &init : op.getDpsInitsMutable()) {
    outIndices.push_back(
        applyMap(b, loc, op.getMatchingIndexingMap(&init), ivs));
    partial.push_back(
        memref::LoadOp::create(b, loc, init.get(), outIndices.back()));
  }

  // The body at the innermost point; returns the yielded values.
  auto body = [&](OpBuilder &b, ArrayRef<Value> acc) {
    IRMapping mapping;
    Block *block = op.getBlock();
    for (OpOperand *input : op.getDpsInputOperands()) {
      Value value = input->get();
      if (isa<MemRefType>(value.getType()))
        value = memref::LoadOp::create(
            b, loc, value,
            applyMap(b, loc, op.getMatchingIndexingMap(input), ivs));
      mapping.map(op.getMatchingBlockArgument(input), value);
    }
    for (auto [init, value] : llvm::zip(op.getDpsInitsMutable(), acc))
      mapping.map(op.getMatchingBlockArgument(&init), value);
    SmallVector<Value> yielded;
    for (Operation &inner : block->without_terminator()) {
      if (auto index = dyn_cast<linalg::IndexOp>(inner)) {
        mapping.map(index.getResult(), ivs[index.getDim()]);
        continue;
      }
      b.clone(inner, mapping);
    }
    for (Value v : block->getTerminator()->getOperands())
      yielded.push_back(mapping.lookupOrDefault(v));
    return yielded;
  };

  std::function<SmallVector<Value>(OpBuilder &, unsigned, ValueRange)> nest =
      [&](OpBuilder &b, unsigned level, ValueRange acc) -> SmallVector<Value> {
    if (level == reductions.size())
      return body(b, SmallVector<Value>(acc));
    unsigned d = reductions[level];
    auto loop = scf::ForOp::create(
        b, loc, cst(0), cst(ranges[d]), cst(1), acc,
        [&](OpBuilder &b, Location, Value iv, ValueRange iterArgs) {
          ivs[d] = iv;
          scf::YieldOp::create(b, loc, nest(b, level + 1, iterArgs));
        });
    return SmallVector<Value>(loop.getResults());
  };
  SmallVector<Value> results = nest(b, 0, partial);
  for (auto [init, value, indices] :
       llvm::zip(op.getDpsInitsMutable(), results, outIndices))
    memref::StoreOp::create(b, loc, value, init.get(), indices);
}

/// Side of the square tiles of a matrix product in shared memory.
constexpr int64_t kMatmulTile = 16;

/// Whether `op` is C += A B on 2-D f32 buffers with static shapes.
static bool isPlainMatmul(linalg::LinalgOp op) {
  auto matmul = dyn_cast<linalg::MatmulOp>(op.getOperation());
  if (!matmul || matmul.hasUserDefinedMaps())
    return false;
  return llvm::all_of(op->getOperands(), [](Value v) {
    auto type = dyn_cast<MemRefType>(v.getType());
    return type && type.getRank() == 2 && type.hasStaticShape() &&
           type.getElementType().isF32();
  });
}

/// C += A B as a tiled kernel: each block computes a kMatmulTile^2 tile of
/// C, one thread per element, and steps through K with a tile of A and one
/// of B in shared memory, so that each element of A and B is read from
/// global memory once per tile rather than once per output.
static void emitTiledMatmul(OpBuilder &b, Location loc, linalg::LinalgOp op) {
  Value lhs = op.getDpsInputOperand(0)->get();
  Value rhs = op.getDpsInputOperand(1)->get();
  Value acc = op.getDpsInitOperand(0)->get();
  ArrayRef<int64_t> lhsShape = cast<MemRefType>(lhs.getType()).getShape();
  int64_t m = lhsShape[0], k = lhsShape[1];
  int64_t n = cast<MemRefType>(rhs.getType()).getShape()[1];
  const int64_t tile = kMatmulTile;
  int64_t tilesN = llvm::divideCeil(n, tile);
  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  // x * scale + y.
  auto mulAdd = [&](OpBuilder &b, Value x, int64_t scale, Value y) -> Value {
    return arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, x, cst(scale)), y);
  };
  auto lessThan = [&](Value a, int64_t bound) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, a,
                                 cst(bound));
  };
  // A[i][j] when (i, j) is inside the matrix, else 0 (indices clamped so
  // that the load stays in bounds).
  auto loadOrZero = [&](Value matrix, Value i, Value j, int64_t rows,
                        int64_t cols) {
    Value inside =
        arith::AndIOp::create(b, loc, lessThan(i, rows), lessThan(j, cols));
    Value ci = arith::MinUIOp::create(b, loc, i, cst(rows - 1));
    Value cj = arith::MinUIOp::create(b, loc, j, cst(cols - 1));
    Value v = memref::LoadOp::create(b, loc, matrix, ValueRange{ci, cj});
    Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
    return arith::SelectOp::create(b, loc, inside, v, zero);
  };

  emitLaunch(
      b, loc, llvm::divideCeil(m, tile) * tilesN, tile * tile,
      /*sharedBytes=*/2 * tile * tile * 4, [&] {
        Value shared = getSharedFloats(b, loc, 2 * tile * tile);
        Value block =
            mlir::gpu::BlockIdOp::create(b, loc, mlir::gpu::Dimension::x);
        Value thread =
            mlir::gpu::ThreadIdOp::create(b, loc, mlir::gpu::Dimension::x);
        Value ty = arith::DivUIOp::create(b, loc, thread, cst(tile));
        Value tx = arith::RemUIOp::create(b, loc, thread, cst(tile));
        Value row = mulAdd(
            b, arith::DivUIOp::create(b, loc, block, cst(tilesN)), tile, ty);
        Value col = mulAdd(
            b, arith::RemUIOp::create(b, loc, block, cst(tilesN)), tile, tx);
        // Tile A at [0, tile^2), tile B after it, both row-major.
        Value aSlot = mulAdd(b, ty, tile, tx);
        Value bSlot = arith::AddIOp::create(b, loc, aSlot, cst(tile * tile));
        Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
        auto steps = scf::ForOp::create(
            b, loc, cst(0), cst(llvm::divideCeil(k, tile)), cst(1),
            ValueRange{zero},
            [&](OpBuilder &b, Location, Value step, ValueRange sum) {
              Value k0 = arith::MulIOp::create(b, loc, step, cst(tile));
              Value ka = arith::AddIOp::create(b, loc, k0, tx);
              Value kb = arith::AddIOp::create(b, loc, k0, ty);
              memref::StoreOp::create(b, loc, loadOrZero(lhs, row, ka, m, k),
                                      shared, aSlot);
              memref::StoreOp::create(b, loc, loadOrZero(rhs, kb, col, k, n),
                                      shared, bSlot);
              mlir::gpu::BarrierOp::create(b, loc);
              auto inner = scf::ForOp::create(
                  b, loc, cst(0), cst(tile), cst(1), sum,
                  [&](OpBuilder &b, Location, Value kk, ValueRange partial) {
                    Value a = memref::LoadOp::create(
                        b, loc, shared, ValueRange{mulAdd(b, ty, tile, kk)});
                    Value bv = memref::LoadOp::create(
                        b, loc, shared,
                        ValueRange{arith::AddIOp::create(
                            b, loc, mulAdd(b, kk, tile, tx),
                            cst(tile * tile))});
                    Value next = arith::AddFOp::create(
                        b, loc, partial[0],
                        arith::MulFOp::create(b, loc, a, bv));
                    scf::YieldOp::create(b, loc, next);
                  });
              mlir::gpu::BarrierOp::create(b, loc);
              scf::YieldOp::create(b, loc, inner.getResults());
            });
        Value inside =
            arith::AndIOp::create(b, loc, lessThan(row, m), lessThan(col, n));
        auto ifOp = scf::IfOp::create(b, loc, inside);
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(ifOp.thenBlock());
        Value old = memref::LoadOp::create(b, loc, acc, ValueRange{row, col});
        memref::StoreOp::create(
            b, loc, arith::AddFOp::create(b, loc, old, steps.getResult(0)), acc,
            ValueRange{row, col});
      });
}

/// Why `op` has no GPU lowering, or success: the launches need buffers,
/// static shapes and outputs indexed by parallel dimensions only.
static LogicalResult verifyLowerable(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics())
    return op.emitOpError("GPU lowering expects buffers, run bufferization "
                          "first");
  if (llvm::any_of(op.getStaticLoopRanges(), ShapedType::isDynamic))
    return op.emitOpError("GPU lowering needs static shapes");
  SmallVector<unsigned> reductions;
  op.getReductionDims(reductions);
  for (OpOperand &init : op.getDpsInitsMutable())
    for (unsigned d : reductions)
      if (op.getMatchingIndexingMap(&init).isFunctionOfDim(d))
        return op.emitOpError("has no GPU mapping: an output is indexed by a "
                              "reduction dimension");
  return success();
}

/// Emits a launch with one thread per point of the parallel iteration space
/// of `op` (of `total` points), innermost parallel dimension fastest so that
/// consecutive threads touch consecutive elements.
static void emitPointwiseLaunch(OpBuilder &b, Location loc, linalg::LinalgOp op,
                                int64_t total, int64_t blockSize) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  SmallVector<unsigned> parallel;
  op.getParallelDims(parallel);
  int64_t threads = std::min(blockSize, total);
  int64_t blocks = llvm::divideCeil(total, threads);
  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  emitLaunch(b, loc, blocks, threads, /*sharedBytes=*/std::nullopt, [&] {
    Value block = mlir::gpu::BlockIdOp::create(b, loc, mlir::gpu::Dimension::x);
    Value thread =
        mlir::gpu::ThreadIdOp::create(b, loc, mlir::gpu::Dimension::x);
    Value id = arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, block, cst(threads)), thread);
    if (total % threads != 0) {
      Value inRange = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                            id, cst(total));
      auto ifOp = scf::IfOp::create(b, loc, inRange);
      b.setInsertionPointToStart(ifOp.thenBlock());
    }
    SmallVector<Value> ivs(ranges.size());
    Value rest = id;
    for (int64_t i = parallel.size() - 1; i >= 0; --i) {
      unsigned d = parallel[i];
      ivs[d] = rest;
      if (i > 0) {
        ivs[d] = arith::RemUIOp::create(b, loc, rest, cst(ranges[d]));
        rest = arith::DivUIOp::create(b, loc, rest, cst(ranges[d]));
      }
    }
    emitPoint(b, loc, op, ivs, ranges);
  });
}

namespace {
/// A host memref.copy becomes a linalg.copy, lowered by LinalgToLaunch.
struct CopyToLinalg final : public OpConversionPattern<memref::CopyOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(memref::CopyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<linalg::CopyOp>(op, adaptor.getSource(),
                                                adaptor.getTarget());
    return success();
  }
};

/// A structured op on buffers becomes a launch: a tiled kernel for a plain
/// matmul, one thread per parallel point otherwise (an op without parallel
/// dimensions runs on one thread), nothing for an empty iteration space.
struct LinalgToLaunch final
    : public OpInterfaceConversionPattern<linalg::LinalgOp> {
  LinalgToLaunch(MLIRContext *context, int64_t blockSize)
      : OpInterfaceConversionPattern(context), blockSize(blockSize) {}

  LogicalResult
  matchAndRewrite(linalg::LinalgOp op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    SmallVector<unsigned> parallel;
    op.getParallelDims(parallel);
    int64_t total = 1;
    for (unsigned d : parallel)
      total *= ranges[d];
    if (total != 0 && !llvm::is_contained(ranges, 0)) {
      if (isPlainMatmul(op))
        emitTiledMatmul(rewriter, op.getLoc(), op);
      else
        emitPointwiseLaunch(rewriter, op.getLoc(), op, total, blockSize);
    }
    rewriter.eraseOp(op);
    return success();
  }

  int64_t blockSize;
};

struct OrchidConvertLinalgToGPUPass
    : public orchid::impl::OrchidConvertLinalgToGPUBase<
          OrchidConvertLinalgToGPUPass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(verifyThreadsOption(getOperation(), "block-size", blockSize,
                                   /*min=*/1)))
      return signalPassFailure();
    WalkResult lowerable = getOperation().walk([](Operation *op) {
      if (isInKernel(op))
        return WalkResult::advance();
      if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
        if (failed(verifyLowerable(linalgOp)))
          return WalkResult::interrupt();
      if (auto copy = dyn_cast<memref::CopyOp>(op))
        if (!copy.getSource().getType().hasStaticShape()) {
          copy.emitOpError("GPU lowering needs static shapes");
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    if (lowerable.wasInterrupted())
      return signalPassFailure();
    // Structured ops and copies outside kernels become kernels.
    ConversionTarget target(getContext());
    auto inKernel = [](Operation *op) { return isInKernel(op); };
    target.addDynamicallyLegalOp<memref::CopyOp>(inKernel);
    target.markUnknownOpDynamicallyLegal([&](Operation *op) {
      return !isa<linalg::LinalgOp>(op) || isInKernel(op);
    });
    RewritePatternSet patterns(&getContext());
    patterns.add<CopyToLinalg>(&getContext());
    patterns.add<LinalgToLaunch>(&getContext(), blockSize);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
