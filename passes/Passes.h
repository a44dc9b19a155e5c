//===- Passes.h - Orchid transformation passes ------------------*- C++ -*-===//

#ifndef ORCHID_PASSES_PASSES_H
#define ORCHID_PASSES_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

#include <cstdint>

namespace mlir {
namespace orchid {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

} // namespace orchid
} // namespace mlir

#endif // ORCHID_PASSES_PASSES_H
