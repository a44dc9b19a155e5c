//===- Pipelines.h - CPU lowering pipeline ----------------------*- C++ -*-===//

#ifndef ORCHID_LOWERING_CPU_PIPELINES_H
#define ORCHID_LOWERING_CPU_PIPELINES_H

#include "passes/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir {
namespace orchid {

/// The route's options (seq-len, batch, prepare), then the CPU's.
struct CPUPipelineOptions : public RoutePipelineOptions<CPUPipelineOptions> {
  PassOptions::Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("Run independent rows in parallel (OpenMP)"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> threads{
      *this, "threads",
      llvm::cl::desc("Threads the kernels split their work for (0: the "
                     "hardware threads of this machine)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> runtime{
      *this, "runtime",
      llvm::cl::desc("Call liborchid_cpu_runtime: its allocation functions, "
                     "which keep large scratch buffers between calls, rather "
                     "than malloc/free, and its GEMM for f32 matmuls rather "
                     "than loops"),
      llvm::cl::init(true)};
};

/// Lowers a module of Orchid ops on tensors, blocks included, to the LLVM
/// dialect: the route's stages (specialisation when a size is given,
/// blocks to primitives, hoisting when `prepare` is set; buildOrchidRoute),
/// then the CPU conversions. Public functions `f(tensors...) -> tensors`
/// become `f(args..., outs...)` on identity-layout memrefs (results turned
/// into caller-allocated out parameters) and carry `llvm.emit_c_interface`,
/// so a JIT can call `_mlir_ciface_f` with StridedMemRefType descriptors.
/// `first` and `last` select the stages to add, for drivers that inspect
/// the module between them.
void buildOrchidCPUPipeline(OpPassManager &pm,
                            const CPUPipelineOptions &options,
                            RouteStage first = RouteStage::Specialize,
                            RouteStage last = RouteStage::Target);

/// Registers `--orchid-cpu-pipeline` and the CPU conversion passes.
void registerOrchidCPULowering();

/// Adds what running the pipeline and translating its output needs: the
/// dialects it produces, the bufferization models of the upstream dialects
/// and the LLVM IR translations (builtin, LLVM, OpenMP).
void registerOrchidCPUDialects(DialectRegistry &registry);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_CPU_PIPELINES_H
