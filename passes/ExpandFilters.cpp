//===- ExpandFilters.cpp - The orchid-expand-filters pass -----------------===//

#include "passes/ExpandFilters.h"
#include "passes/Passes.h"

#include "dialect/OrchidOps.h"
#include "lowering/FFT/Plan.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDEXPANDFILTERS
#include "passes/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

/// Reports a filter longer than any transform the lowerings build: its
/// embedding and network are tables of that many rows, computed here.
static LogicalResult verifyFilterSize(Operation *op) {
  if (auto filter = dyn_cast<ImplicitFilterOp>(op)) {
    int64_t len = filter.getOutput().getType().getShape().back();
    if (ShapedType::isDynamic(len) || len <= fft::kMaxFFTSize)
      return success();
    return filter.emitOpError()
           << "filter length " << len << " exceeds the limit of "
           << fft::kMaxFFTSize << " points (kMaxFFTSize)";
  }
  if (auto condition = dyn_cast<ConditionOp>(op))
    return fft::verifyFFTSize(op, condition.getN());
  return success();
}

namespace {
struct OrchidExpandFiltersPass
    : public orchid::impl::OrchidExpandFiltersBase<OrchidExpandFiltersPass> {
  void runOnOperation() override {
    if (getOperation()
            ->walk([](Operation *op) {
              return failed(verifyFilterSize(op)) ? WalkResult::interrupt()
                                                  : WalkResult::advance();
            })
            .wasInterrupted())
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    populateExpandImplicitFilterPatterns(patterns);
    populateExpandConditionPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    // What is left could not be expanded (dynamic shapes, a length beyond
    // l_max with grid = reject): later passes cannot lower it either.
    WalkResult result = getOperation()->walk([](Operation *op) {
      if (!isa<ImplicitFilterOp, ConditionOp>(op))
        return WalkResult::advance();
      op->emitError("cannot expand: needs static shapes and, unless the "
                    "filter's grid is 'extrapolate', a length <= l_max");
      return WalkResult::interrupt();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
