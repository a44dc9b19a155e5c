//===- InlineAllocaScopes.cpp - Drop alloca scopes without allocas --------===//
//
// convert-scf-to-openmp puts each parallel iteration in a memref.alloca_scope
// that canonicalization keeps when the body has calls; scf-to-cf would then
// split it into an invalid multi-block region. Scopes without a nested
// memref.alloca release nothing and are inlined.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDINLINEALLOCASCOPES
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;

namespace {
struct OrchidInlineAllocaScopesPass
    : public orchid::impl::OrchidInlineAllocaScopesBase<
          OrchidInlineAllocaScopesPass> {
  void runOnOperation() override {
    SmallVector<memref::AllocaScopeOp> scopes;
    getOperation().walk([&](memref::AllocaScopeOp scope) {
      bool hasAlloca =
          scope->walk([](memref::AllocaOp) { return WalkResult::interrupt(); })
              .wasInterrupted();
      if (!hasAlloca && scope.getNumResults() == 0)
        scopes.push_back(scope);
    });
    IRRewriter rewriter(&getContext());
    for (memref::AllocaScopeOp scope : scopes) {
      Block *body = &scope.getBodyRegion().front();
      rewriter.eraseOp(body->getTerminator());
      rewriter.inlineBlockBefore(body, scope);
      rewriter.eraseOp(scope);
    }
  }
};
} // namespace
