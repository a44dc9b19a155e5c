//===- Check.h - Float64 reference of a function ----------------*- C++ -*-===//

#ifndef ORCHID_TOOLS_ORCHID_RUN_CHECK_H
#define ORCHID_TOOLS_ORCHID_RUN_CHECK_H

#include "tools/lib/npy/Npy.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/Error.h"

#include <functional>

namespace mlir {
namespace orchid {

/// Compares one result with its reference; returns the relative L2 error.
using ReferenceCheck = std::function<double(const NpyArray &)>;

/// Prepares the float64 reference of `func`, whose body must be a single
/// orchid primitive (rfft, irfft, fftconv, spectral_conv, short_conv)
/// applied to the function's arguments and returned. Must run before the
/// function is lowered; the reference is evaluated on `inputs` then.
llvm::Expected<ReferenceCheck>
prepareReferenceCheck(mlir::func::FuncOp func, llvm::ArrayRef<NpyArray> inputs);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_TOOLS_ORCHID_RUN_CHECK_H
