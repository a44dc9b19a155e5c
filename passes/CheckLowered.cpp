//===- CheckLowered.cpp - Report Orchid ops left after conversion ---------===//

#include "passes/Passes.h"

#include "dialect/OrchidDialect.h"
#include "dialect/OrchidOps.h"

#include "mlir/IR/BuiltinTypes.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCHECKLOWERED
#include "passes/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

static bool hasStaticShapes(Operation *op) {
  auto isStatic = [](Type type) {
    auto shaped = dyn_cast<ShapedType>(type);
    return !shaped || shaped.hasStaticShape();
  };
  return llvm::all_of(op->getOperandTypes(), isStatic) &&
         llvm::all_of(op->getResultTypes(), isStatic);
}

namespace {
struct OrchidCheckLoweredPass
    : public orchid::impl::OrchidCheckLoweredBase<OrchidCheckLoweredPass> {
  void runOnOperation() override {
    bool failed = false;
    getOperation()->walk([&](Operation *op) {
      if (!isa<OrchidDialect>(op->getDialect()))
        return;
      failed = true;
      if (!hasStaticShapes(op))
        op->emitOpError("has dynamic shapes: specialise the function to a "
                        "sequence length first (orchid-run --seq-len)");
      else if (isa<HyenaOp, OrchidOp>(op))
        op->emitOpError("is a block: run orchid-decompose and "
                        "orchid-expand-filters first");
      else if (isa<ImplicitFilterOp, ConditionOp>(op))
        op->emitOpError("computes a filter: run orchid-expand-filters first");
      else
        op->emitOpError("has no lowering on this target");
    });
    if (failed)
      signalPassFailure();
  }
};
} // namespace
