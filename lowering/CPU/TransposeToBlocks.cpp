//===- TransposeToBlocks.cpp - Blocked transposes of innermost dims -------===//
//
// Rewrites linalg.transpose of the two innermost dimensions of f32 buffers
// into loops over 16 x 16 blocks transposed in registers.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "lowering/CPU/LaneTiles.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTTRANSPOSETOBLOCKS
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::cpu;

/// Whether `op` swaps the two innermost dimensions of static f32 buffers
/// with unit inner strides.
static bool isInnerTranspose(linalg::TransposeOp op) {
  if (!op.hasPureBufferSemantics())
    return false;
  ArrayRef<int64_t> perm = op.getPermutation();
  int64_t rank = perm.size();
  if (rank < 2 || perm[rank - 1] != rank - 2 || perm[rank - 2] != rank - 1)
    return false;
  for (int64_t i = 0; i < rank - 2; ++i)
    if (perm[i] != i)
      return false;
  return llvm::all_of(op->getOperandTypes(), [](Type type) {
    auto memref = cast<MemRefType>(type);
    return memref.getElementType().isF32() && memref.hasStaticShape() &&
           memref.isLastDimUnitStride();
  });
}

/// The 2-D matrix at `indices` of the leading dimensions of `memref`.
static Value getMatrix(OpBuilder &b, Location loc, Value memref,
                       ValueRange indices) {
  auto type = cast<MemRefType>(memref.getType());
  int64_t rank = type.getRank();
  if (rank == 2)
    return memref;
  SmallVector<OpFoldResult> offsets(indices.begin(), indices.end());
  SmallVector<OpFoldResult> sizes(rank - 2, b.getIndexAttr(1));
  offsets.append(2, b.getIndexAttr(0));
  sizes.push_back(b.getIndexAttr(type.getDimSize(rank - 2)));
  sizes.push_back(b.getIndexAttr(type.getDimSize(rank - 1)));
  SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
  auto matrixType = memref::SubViewOp::inferRankReducedResultType(
      type.getShape().take_back(2), type, offsets, sizes, strides);
  return memref::SubViewOp::create(b, loc, cast<MemRefType>(matrixType), memref,
                                   offsets, sizes, strides);
}

namespace {
struct TransposeToBlocks final : ThreadedConversion<linalg::TransposeOp> {
  using ThreadedConversion::ThreadedConversion;

  LogicalResult
  matchAndRewrite(linalg::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isInnerTranspose(op))
      return rewriter.notifyMatchFailure(op, "not an inner f32 transpose");
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), init = adaptor.getInit();
    ArrayRef<int64_t> leading =
        cast<MemRefType>(input.getType()).getShape().drop_back(2);
    // Loops over the leading dimensions, one matrix per iteration.
    std::function<void(SmallVector<Value>)> emit =
        [&](SmallVector<Value> indices) {
          if (indices.size() == leading.size()) {
            Value from = getMatrix(rewriter, loc, input, indices);
            Value to = getMatrix(rewriter, loc, init, indices);
            transposeMatrix(rewriter, loc, from, to, threads);
            return;
          }
          buildLoop(rewriter, loc, 0, leading[indices.size()], [&](Value i) {
            SmallVector<Value> inner = indices;
            inner.push_back(i);
            emit(inner);
          });
        };
    emit({});
    rewriter.eraseOp(op);
    return success();
  }
};

struct OrchidConvertTransposeToBlocksPass
    : public orchid::impl::OrchidConvertTransposeToBlocksBase<
          OrchidConvertTransposeToBlocksPass> {
  using Base::Base;

  void runOnOperation() override {
    ConversionTarget target(getContext());
    target.addDynamicallyLegalOp<linalg::TransposeOp>(
        [](linalg::TransposeOp op) { return !isInnerTranspose(op); });
    RewritePatternSet patterns(&getContext());
    patterns.add<TransposeToBlocks>(&getContext(), resolveThreads(threads));
    if (failed(convertKernels(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
