//===- LinalgToGPU.cpp - Structured ops on buffers to gpu.launch ----------===//
//
// The blocks leave projections, gates, transposes, normalisations and the
// filter networks as linalg ops. Upstream's parallel-loop mapping
// (gpu-map-parallel-loops) gives each loop dimension its own grid
// dimension, whose limits (65535 in y and z, 1024 threads) long sequences
// exceed; here the parallel iteration space is linearised over a 1-D grid
// instead, with reduction dimensions as loops inside each thread.
//
//===----------------------------------------------------------------------===//

#include "lowering/GPU/FFTKernel.h"
#include "lowering/GPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTLINALGTOGPU
#include "lowering/GPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu_fft;

/// Moves the reduction dimensions of `op` after its parallel ones, so that
/// the loop nest starts with one scf.parallel over all parallel dimensions.
static FailureOr<linalg::LinalgOp> reductionsLast(RewriterBase &rewriter,
                                                  linalg::LinalgOp op) {
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<unsigned> order;
  for (auto [i, it] : llvm::enumerate(iterators))
    if (it == utils::IteratorType::parallel)
      order.push_back(i);
  int64_t parallel = order.size();
  for (auto [i, it] : llvm::enumerate(iterators))
    if (it != utils::IteratorType::parallel)
      order.push_back(i);
  bool identity = llvm::all_of(llvm::enumerate(order), [](auto pair) {
    return pair.index() == pair.value();
  });
  if (identity || parallel == 0)
    return op;
  rewriter.setInsertionPoint(op);
  auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
  if (!generic) {
    FailureOr<linalg::GenericOp> generalized =
        linalg::generalizeNamedOp(rewriter, op);
    if (failed(generalized))
      return failure();
    generic = *generalized;
  }
  FailureOr<linalg::GenericOp> interchanged =
      linalg::interchangeGenericOp(rewriter, generic, order);
  if (failed(interchanged))
    return failure();
  return cast<linalg::LinalgOp>(interchanged->getOperation());
}

/// Replaces a host scf.parallel with static bounds and no reductions by a
/// launch of one thread per iteration, in row-major order over the loop's
/// dimensions so that consecutive threads touch consecutive elements.
static LogicalResult parallelToLaunch(RewriterBase &rewriter,
                                      scf::ParallelOp loop, int64_t blockSize) {
  if (loop.getNumReductions() != 0)
    return loop.emitOpError("with reductions has no GPU mapping");
  SmallVector<int64_t> lower, counts, steps;
  for (auto [lb, ub, step] :
       llvm::zip(loop.getLowerBound(), loop.getUpperBound(), loop.getStep())) {
    std::optional<int64_t> l = getConstantIntValue(lb);
    std::optional<int64_t> u = getConstantIntValue(ub);
    std::optional<int64_t> s = getConstantIntValue(step);
    if (!l || !u || !s || *s <= 0)
      return loop.emitOpError("GPU lowering needs static loop bounds");
    lower.push_back(*l);
    steps.push_back(*s);
    counts.push_back(std::max<int64_t>(0, llvm::divideCeil(*u - *l, *s)));
  }
  int64_t total = 1;
  for (int64_t count : counts)
    total *= count;
  Location loc = loop.getLoc();
  if (total == 0) {
    rewriter.eraseOp(loop);
    return success();
  }
  int64_t threads = std::min(blockSize, total);
  int64_t blocks = llvm::divideCeil(total, threads);

  OpBuilder b(loop);
  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  emitLaunch(b, loc, blocks, threads, /*sharedBytes=*/std::nullopt, [&] {
    Value block = gpu::BlockIdOp::create(b, loc, gpu::Dimension::x);
    Value thread = gpu::ThreadIdOp::create(b, loc, gpu::Dimension::x);
    Value id = arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, block, cst(threads)), thread);
    if (total % threads != 0) {
      Value inRange = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                            id, cst(total));
      auto ifOp = scf::IfOp::create(b, loc, inRange);
      b.setInsertionPointToStart(ifOp.thenBlock());
    }
    // Delinearise, innermost dimension fastest.
    IRMapping mapping;
    Value rest = id;
    for (int64_t d = counts.size() - 1; d >= 0; --d) {
      Value index = rest;
      if (d > 0) {
        index = arith::RemUIOp::create(b, loc, rest, cst(counts[d]));
        rest = arith::DivUIOp::create(b, loc, rest, cst(counts[d]));
      }
      if (steps[d] != 1)
        index = arith::MulIOp::create(b, loc, index, cst(steps[d]));
      if (lower[d] != 0)
        index = arith::AddIOp::create(b, loc, index, cst(lower[d]));
      mapping.map(loop.getInductionVars()[d], index);
    }
    for (Operation &op : loop.getBody()->without_terminator())
      b.clone(op, mapping);
  });
  rewriter.eraseOp(loop);
  return success();
}

/// Lowers one structured op on buffers to a launch over its parallel
/// iteration space; an op without parallel dimensions runs on one thread.
static LogicalResult convertToLaunch(RewriterBase &rewriter,
                                     linalg::LinalgOp op, int64_t blockSize) {
  if (!op.hasPureBufferSemantics())
    return op.emitOpError("GPU lowering expects buffers, run bufferization "
                          "first");
  if (op.hasDynamicShape())
    return op.emitOpError("GPU lowering needs static shapes");
  FailureOr<linalg::LinalgOp> ordered = reductionsLast(rewriter, op);
  if (failed(ordered))
    return op.emitOpError("cannot order the loops for the GPU");
  op = *ordered;
  rewriter.setInsertionPoint(op);
  FailureOr<linalg::LinalgLoops> loops =
      linalg::linalgOpToParallelLoops(rewriter, op);
  if (failed(loops) || loops->empty())
    return op.emitOpError("has no GPU mapping");
  rewriter.eraseOp(op);
  Operation *outer = loops->front();
  if (auto parallel = dyn_cast<scf::ParallelOp>(outer))
    return parallelToLaunch(rewriter, parallel, blockSize);
  OpBuilder b(outer);
  emitLaunch(b, outer->getLoc(), 1, 1, /*sharedBytes=*/std::nullopt, [&] {
    outer->moveBefore(b.getInsertionBlock(), b.getInsertionPoint());
  });
  return success();
}

static bool inKernel(Operation *op) {
  return op->getParentOfType<gpu::LaunchOp>() ||
         op->getParentOfType<gpu::GPUFuncOp>();
}

namespace {
struct ConvertLinalgToGPUPass
    : public orchid::impl::OrchidConvertLinalgToGPUBase<
          ConvertLinalgToGPUPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    // Host copies between buffers become copy kernels.
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp op) {
      if (!inKernel(op))
        copies.push_back(op);
    });
    for (memref::CopyOp copy : copies) {
      rewriter.setInsertionPoint(copy);
      rewriter.replaceOpWithNewOp<linalg::CopyOp>(copy, copy.getSource(),
                                                  copy.getTarget());
    }
    SmallVector<linalg::LinalgOp> ops;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (!inKernel(op))
        ops.push_back(op);
    });
    for (linalg::LinalgOp op : ops)
      if (failed(convertToLaunch(rewriter, op, blockSize)))
        return signalPassFailure();
  }
};
} // namespace
