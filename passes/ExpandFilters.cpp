//===- ExpandFilters.cpp - The orchid-expand-filters pass -----------------===//

#include "passes/ExpandFilters.h"
#include "passes/Passes.h"

#include "dialect/OrchidOps.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDEXPANDFILTERS
#include "passes/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

namespace {
struct OrchidExpandFiltersPass
    : public orchid::impl::OrchidExpandFiltersBase<OrchidExpandFiltersPass> {
  void runOnOperation() override {
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
