//===- Passes.h - Orchid GPU conversion passes ------------------*- C++ -*-===//

#ifndef ORCHID_LOWERING_GPU_PASSES_H
#define ORCHID_LOWERING_GPU_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
namespace orchid {

#define GEN_PASS_DECL
#include "lowering/GPU/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "lowering/GPU/Passes.h.inc"

} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_GPU_PASSES_H
