//===- Pipelines.h - GPU lowering pipeline ----------------------*- C++ -*-===//

#ifndef ORCHID_LOWERING_GPU_PIPELINES_H
#define ORCHID_LOWERING_GPU_PIPELINES_H

#include "passes/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir {
namespace orchid {

/// The route's options (seq-len, batch, prepare), then the GPU's.
struct GPUPipelineOptions : public RoutePipelineOptions<GPUPipelineOptions> {
  PassOptions::Option<std::string> chip{
      *this, "chip", llvm::cl::desc("SM architecture of the generated code"),
      llvm::cl::init("sm_90")};
  // CUDA 13's ptxas rejects PTX below 8.0 for sm_90 code.
  PassOptions::Option<std::string> features{
      *this, "features", llvm::cl::desc("PTX features (PTX ISA version)"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<std::string> format{
      *this, "format",
      llvm::cl::desc("Kernel object format: fatbin, bin (cubin) or isa (PTX)"),
      llvm::cl::init("fatbin")};
  PassOptions::Option<int> optLevel{
      *this, "opt-level", llvm::cl::desc("Optimization level of NVPTX codegen"),
      llvm::cl::init(3)};
  PassOptions::Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("CUDA toolkit root for ptxas, fatbinary and libdevice "
                     "(default: $CUDA_ROOT, else /usr/local/cuda)"),
      llvm::cl::init("")};
  PassOptions::Option<int64_t> maxSharedMemory{
      *this, "max-shared-memory",
      llvm::cl::desc("Dynamic shared memory per block for FFTs (bytes; "
                     "default: the opt-in limit of `chip`)"),
      llvm::cl::init(-1)};
  PassOptions::Option<int64_t> maxThreads{
      *this, "max-threads",
      llvm::cl::desc("Most threads per FFT block, in [1, 1024]"),
      llvm::cl::init(1024)};
};

/// Lowers a module of Orchid ops on tensors, blocks included, to the LLVM
/// dialect: the route's stages (specialisation when a size is given,
/// blocks to primitives, hoisting when `prepare` is set; buildOrchidRoute),
/// then one gpu.launch per op, kernels compiled to `format` in a
/// gpu.binary, host code calling the mgpu* runtime (runtime/cuda).
/// Intermediate buffers stay on the device; only arguments and results are
/// copied. Public functions `f(tensors...) -> tensors` become
/// `f(args..., outs...)` on host memrefs and carry
/// `llvm.emit_c_interface`, as on the CPU. `first` and `last` select the
/// stages to add, for drivers that inspect the module between them.
void buildOrchidGPUPipeline(OpPassManager &pm,
                            const GPUPipelineOptions &options,
                            RouteStage first = RouteStage::Specialize,
                            RouteStage last = RouteStage::Target);

/// The device-independent first half of buildOrchidGPUPipeline: the
/// route's stages, then every op becomes a gpu.launch on device buffers,
/// in functions on host memrefs with out parameters, before kernel
/// outlining. Of the GPU options only `max-shared-memory`, `chip` (for its
/// default) and `max-threads` matter to it.
void buildOrchidGPUKernelPipeline(OpPassManager &pm,
                                  const GPUPipelineOptions &options);

/// The most dynamic shared memory a block of `chip` can opt in to.
int64_t getMaxSharedMemoryPerBlock(llvm::StringRef chip);

/// Registers `--orchid-gpu-pipeline`, the GPU conversion passes and the
/// upstream bufferization, GPU and GPU-to-NVVM passes it uses.
void registerOrchidGPULowering();

/// Adds the dialects, interfaces and LLVM IR translations the GPU pipeline
/// needs (NVVM target, bufferization models, ConvertToLLVM interfaces).
void registerOrchidGPUDialects(DialectRegistry &registry);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_GPU_PIPELINES_H
