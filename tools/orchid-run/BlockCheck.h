//===- BlockCheck.h - Reference of Hyena and Orchid blocks ------*- C++ -*-===//

#ifndef ORCHID_TOOLS_ORCHID_RUN_BLOCKCHECK_H
#define ORCHID_TOOLS_ORCHID_RUN_BLOCKCHECK_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Operation.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace mlir {
namespace orchid {

/// One operand of a block as docs/weights.md documents it: its name (and
/// that of its .npy file) and its shape in the notation there.
struct BlockOperand {
  llvm::StringRef name;
  llvm::StringRef shape;
};

/// For a function whose body is a single `orchid.hyena` or `orchid.orchid`
/// op, the documented operand that each argument is passed as (the first
/// one, for an argument passed twice).
llvm::Expected<std::vector<BlockOperand>>
getBlockArguments(mlir::func::FuncOp func);

/// Evaluates the float64 reference of an `orchid.hyena` or `orchid.orchid`
/// op on `operands` (one dense row-major array per operand, in order).
llvm::Expected<std::vector<double>>
evaluateBlockReference(mlir::Operation *op,
                       llvm::ArrayRef<std::vector<double>> operands);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_TOOLS_ORCHID_RUN_BLOCKCHECK_H
