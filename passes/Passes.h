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
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

#include <cstdint>

namespace mlir {
namespace orchid {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

/// The stages of the route from blocks to the LLVM dialect, in the order
/// the CPU and GPU pipelines run them. A driver that inspects the module
/// between stages (orchid-run reads the specialised signature and the
/// prepare split) builds each stage with the same pipeline builder.
enum class RouteStage {
  /// orchid-specialize-shapes, when a size is given.
  Specialize,
  /// Blocks to primitives: orchid-decompose, orchid-lower-fftconv,
  /// orchid-hoist-filters when asked, orchid-expand-filters.
  Primitives,
  /// The target's conversions.
  Target,
};

/// What the target-independent stages do.
struct RouteOptions {
  /// Sizes for orchid-specialize-shapes (0: leave dynamic).
  int64_t seqLen = 0, batch = 0;
  /// Hoist the filter work into `<f>_prepare` functions.
  bool prepare = false;
};

/// Adds the passes of the target-independent stages in [first, last].
void buildOrchidRoute(OpPassManager &pm, const RouteOptions &options,
                      RouteStage first = RouteStage::Specialize,
                      RouteStage last = RouteStage::Primitives);

/// The pipeline options of the target-independent stages, which every
/// target pipeline's options derive from.
template <typename Derived>
struct RoutePipelineOptions : public PassPipelineOptions<Derived> {
  detail::PassOptions::Option<int64_t> seqLen{
      *this, "seq-len",
      llvm::cl::desc("Specialise dynamic sizes to this sequence length "
                     "(orchid-specialize-shapes; 0: leave them dynamic)"),
      llvm::cl::init(0)};
  detail::PassOptions::Option<int64_t> batch{
      *this, "batch",
      llvm::cl::desc("Specialise a dynamic batch dimension to this size "
                     "(orchid-specialize-shapes; 0: leave it dynamic)"),
      llvm::cl::init(0)};
  detail::PassOptions::Option<bool> prepare{
      *this, "prepare",
      llvm::cl::desc("Hoist the filter work of each function f into "
                     "f_prepare (orchid-hoist-filters)"),
      llvm::cl::init(false)};

  RouteOptions getRouteOptions() const {
    RouteOptions options;
    options.seqLen = seqLen;
    options.batch = batch;
    options.prepare = prepare;
    return options;
  }
};

} // namespace orchid
} // namespace mlir

#endif // ORCHID_PASSES_PASSES_H
