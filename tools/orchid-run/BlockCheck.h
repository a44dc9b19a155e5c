//===- BlockCheck.h - Reference of Hyena and Orchid blocks ------*- C++ -*-===//

#ifndef ORCHID_TOOLS_ORCHID_RUN_BLOCKCHECK_H
#define ORCHID_TOOLS_ORCHID_RUN_BLOCKCHECK_H

#include "mlir/IR/Operation.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace orchid {

/// Evaluates the float64 reference of an `orchid.hyena` or `orchid.orchid`
/// op on `operands` (one dense row-major array per operand, in order).
llvm::Expected<std::vector<double>>
evaluateBlockReference(mlir::Operation *op,
                       llvm::ArrayRef<std::vector<double>> operands);

} // namespace orchid

#endif // ORCHID_TOOLS_ORCHID_RUN_BLOCKCHECK_H
