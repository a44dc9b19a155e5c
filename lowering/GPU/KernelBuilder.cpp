//===- KernelBuilder.cpp - Buffers and launches of GPU kernels ------------===//

#include "lowering/GPU/KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu;

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

Value KernelBuffers::finish(OpBuilder &b, Location loc, Value buffer,
                            RankedTensorType type) {
  for (Value temporary : scratch)
    memref::DeallocOp::create(b, loc, temporary);
  scratch.clear();
  return bufferization::ToTensorOp::create(b, loc, type, buffer,
                                           /*restrict=*/true,
                                           /*writable=*/true);
}

bool orchid::gpu::isInKernel(Operation *op) {
  return op->getParentOfType<mlir::gpu::LaunchOp>() ||
         op->getParentOfType<mlir::gpu::GPUFuncOp>();
}

Value orchid::gpu::collapseToRows(OpBuilder &b, Location loc, Value memref) {
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

void orchid::gpu::emitLaunch(OpBuilder &b, Location loc, int64_t blocks,
                             int64_t threads,
                             std::optional<int64_t> sharedBytes,
                             function_ref<void()> body) {
  auto cst = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  Value smem;
  if (sharedBytes)
    smem = arith::ConstantIntOp::create(b, loc, b.getI32Type(), *sharedBytes);
  auto launch = mlir::gpu::LaunchOp::create(b, loc, cst(blocks), cst(1), cst(1),
                                            cst(threads), cst(1), cst(1), smem);
  OpBuilder::InsertionGuard guard(b);
  Block &entry = launch.getBody().front();
  b.setInsertionPointToStart(&entry);
  body();
  b.setInsertionPointToEnd(&entry);
  mlir::gpu::TerminatorOp::create(b, loc);
}

Value orchid::gpu::getSharedFloats(OpBuilder &b, Location loc, int64_t floats) {
  auto workgroup = mlir::gpu::AddressSpaceAttr::get(
      b.getContext(), mlir::gpu::GPUDialect::getWorkgroupAddressSpace());
  auto bytesType = MemRefType::get({ShapedType::kDynamic}, b.getI8Type(),
                                   MemRefLayoutAttrInterface(), workgroup);
  Value raw = mlir::gpu::DynamicSharedMemoryOp::create(b, loc, bytesType);
  auto viewType = MemRefType::get({floats}, b.getF32Type(),
                                  MemRefLayoutAttrInterface(), workgroup);
  return memref::ViewOp::create(b, loc, viewType, raw,
                                arith::ConstantIndexOp::create(b, loc, 0),
                                ValueRange());
}

LogicalResult
orchid::gpu::verifyStaticShapes(Operation *root,
                                function_ref<bool(Operation *)> isLowered) {
  WalkResult result = root->walk([&](Operation *op) {
    if (!isLowered(op))
      return WalkResult::advance();
    for (Type type : op->getOperandTypes())
      if (auto shaped = dyn_cast<ShapedType>(type);
          shaped && !shaped.hasStaticShape()) {
        op->emitOpError("GPU lowering needs static shapes");
        return WalkResult::interrupt();
      }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

LogicalResult orchid::gpu::verifyThreadsOption(Operation *root,
                                               StringRef option, int64_t value,
                                               int64_t min) {
  if (value >= min && value <= kMaxBlockThreads)
    return success();
  return root->emitError() << "option '" << option << "' must lie in [" << min
                           << ", " << kMaxBlockThreads << "], got " << value;
}

LogicalResult orchid::gpu::convertKernels(Operation *root,
                                          ConversionTarget &target,
                                          RewritePatternSet &&patterns) {
  target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
  return applyPartialConversion(root, target, std::move(patterns));
}
