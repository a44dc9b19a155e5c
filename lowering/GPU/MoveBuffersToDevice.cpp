//===- MoveBuffersToDevice.cpp - Keep a function's buffers on the GPU -----===//
//
// After bufferization every buffer of a lowered function is either an
// argument, a constant or an allocation. Once the computation is all in
// kernels, the host only moves data at the function's boundary: arguments
// and constants are copied to the device once, every allocation is a device
// allocation, and results are copied back when the function returns.
// Intermediate results stay on the device between kernels.
//
//===----------------------------------------------------------------------===//

#include "lowering/GPU/KernelBuilder.h"
#include "lowering/GPU/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

#include "llvm/ADT/SetVector.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDMOVEBUFFERSTODEVICE
#include "lowering/GPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::gpu;

static Value allocOnDevice(OpBuilder &b, Location loc, MemRefType type,
                           ValueRange dynamicSizes = {},
                           ValueRange symbols = {}) {
  return mlir::gpu::AllocOp::create(b, loc, type, /*asyncToken=*/Type(),
                                    ValueRange(), dynamicSizes, symbols)
      .getMemref();
}

/// Copies the host buffer `host` to a new device buffer and makes every
/// other user of `host` use that buffer.
static void mirrorOnDevice(RewriterBase &b, Location loc, Value host) {
  auto type = cast<MemRefType>(host.getType());
  Value device = allocOnDevice(b, loc, type);
  auto copy =
      mlir::gpu::MemcpyOp::create(b, loc, Type(), ValueRange(), device, host);
  b.replaceAllUsesExcept(host, device, copy);
}

/// The buffers that alias `root` through view-like ops (casts, reshapes,
/// subviews), `root` included.
static SetVector<Value> getAliases(Value root) {
  SetVector<Value> aliases;
  aliases.insert(root);
  for (size_t i = 0; i < aliases.size(); ++i)
    for (Operation *user : aliases[i].getUsers())
      if (auto view = dyn_cast<ViewLikeOpInterface>(user))
        if (view.getViewSource() == aliases[i])
          for (Value result : user->getResults())
            if (isa<MemRefType>(result.getType()))
              aliases.insert(result);
  return aliases;
}

/// Whether a host op may use a device buffer: views and metadata queries
/// do not touch its memory, GPU copies and launches are meant to.
static bool isDeviceAccessAllowed(Operation *op) {
  return isa<ViewLikeOpInterface, memref::DimOp,
             memref::ExtractStridedMetadataOp,
             memref::ExtractAlignedPointerAsIndexOp, mlir::gpu::LaunchOp,
             mlir::gpu::MemcpyOp, mlir::gpu::MemsetOp, mlir::gpu::DeallocOp>(
      op);
}

static LogicalResult moveToDevice(func::FuncOp func) {
  if (func.isExternal())
    return success();
  if (!func.getBody().hasOneBlock())
    return func.emitOpError("GPU lowering expects a single-block body "
                            "(structured control flow)");
  Block &body = func.getBody().front();
  Location loc = func.getLoc();
  IRRewriter b(func.getContext());

  // Allocations become device allocations, freed below after their last
  // use; existing host deallocations are dropped.
  SmallVector<Operation *> hostOps;
  func.walk([&](Operation *op) {
    if (!isInKernel(op))
      hostOps.push_back(op);
  });
  for (Operation *op : hostOps) {
    if (isa<memref::AllocaOp>(op))
      return op->emitOpError("has no GPU lowering: stack buffers cannot be "
                             "placed on the device");
    if (auto dealloc = dyn_cast<memref::DeallocOp>(op)) {
      b.eraseOp(dealloc);
      continue;
    }
    auto alloc = dyn_cast<memref::AllocOp>(op);
    if (!alloc)
      continue;
    b.setInsertionPoint(alloc);
    Value device =
        allocOnDevice(b, alloc.getLoc(), alloc.getType(),
                      alloc.getDynamicSizes(), alloc.getSymbolOperands());
    b.replaceOp(alloc, device);
  }

  // Arguments and constants are copied in once.
  b.setInsertionPointToStart(&body);
  for (BlockArgument arg : func.getArguments())
    if (isa<MemRefType>(arg.getType()) && !arg.use_empty())
      mirrorOnDevice(b, loc, arg);
  SmallVector<memref::GetGlobalOp> globals;
  func.walk([&](memref::GetGlobalOp op) {
    if (!isInKernel(op))
      globals.push_back(op);
  });
  for (memref::GetGlobalOp global : globals) {
    b.setInsertionPointAfter(global);
    mirrorOnDevice(b, global.getLoc(), global.getResult());
  }

  // Results are copied out into host buffers.
  for (auto ret : llvm::make_early_inc_range(body.getOps<func::ReturnOp>())) {
    b.setInsertionPoint(ret);
    for (OpOperand &operand : ret->getOpOperands()) {
      auto type = dyn_cast<MemRefType>(operand.get().getType());
      if (!type)
        continue;
      if (!type.getLayout().isIdentity())
        return ret.emitOpError("GPU lowering expects identity layouts on "
                               "results");
      Value host = memref::AllocOp::create(b, ret.getLoc(), type,
                                           /*dynamicSizes=*/ValueRange());
      mlir::gpu::MemcpyOp::create(b, ret.getLoc(), Type(), ValueRange(), host,
                                  operand.get());
      operand.set(host);
    }
  }

  // Every device buffer is freed after its last use on the host: the op of
  // the allocation's block that contains that use.
  SmallVector<mlir::gpu::AllocOp> allocs;
  func.walk([&](mlir::gpu::AllocOp alloc) {
    if (!isInKernel(alloc))
      allocs.push_back(alloc);
  });
  for (mlir::gpu::AllocOp alloc : allocs) {
    Block *block = alloc->getBlock();
    Operation *last = alloc;
    for (Value alias : getAliases(alloc.getMemref()))
      for (Operation *user : alias.getUsers()) {
        if (!isInKernel(user) && !isDeviceAccessAllowed(user))
          return user->emitOpError("accesses device memory on the host: it "
                                   "has no GPU lowering");
        Operation *ancestor = block->findAncestorOpInBlock(*user);
        if (!ancestor || ancestor->hasTrait<OpTrait::IsTerminator>())
          return user->emitOpError("lets a device buffer escape its block");
        if (last->isBeforeInBlock(ancestor))
          last = ancestor;
      }
    b.setInsertionPointAfter(last);
    mlir::gpu::DeallocOp::create(b, alloc.getLoc(), Type(), ValueRange(),
                                 alloc.getMemref());
  }
  return success();
}

namespace {
struct OrchidMoveBuffersToDevicePass
    : public orchid::impl::OrchidMoveBuffersToDeviceBase<
          OrchidMoveBuffersToDevicePass> {
  using Base::Base;

  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (failed(moveToDevice(func)))
        return signalPassFailure();
  }
};
} // namespace
