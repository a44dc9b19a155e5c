//===- ExpandFilters.h - Filter and conditioning expansion ------*- C++ -*-===//

#ifndef ORCHID_PASSES_EXPANDFILTERS_H
#define ORCHID_PASSES_EXPANDFILTERS_H

#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace orchid {

/// orchid.implicit_filter into linalg/tensor/math/arith ops on tensors.
void populateExpandImplicitFilterPatterns(RewritePatternSet &patterns);

/// orchid.condition into orchid.short_conv, orchid.rfft and linalg ops.
void populateExpandConditionPatterns(RewritePatternSet &patterns);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_PASSES_EXPANDFILTERS_H
