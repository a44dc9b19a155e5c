//===- Pipelines.cpp - GPU lowering pipeline ------------------------------===//
//
// The pass order follows upstream's gpu-lower-to-nvvm-pipeline
// (mlir/lib/Dialect/GPU/Pipelines/GPUToNVVMPipeline.cpp), preceded by the
// Orchid conversions and bufferization, with our target options and an
// explicit CUDA toolkit for gpu-module-to-binary.
//
//===----------------------------------------------------------------------===//

#include "lowering/GPU/Pipelines.h"

#include "lowering/CPU/Passes.h"
#include "lowering/GPU/KernelBuilder.h"
#include "lowering/GPU/Passes.h"
#include "passes/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ComplexToLLVM/ComplexToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/NVVMToLLVM/NVVMToLLVM.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/LLVMIR/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/Transforms/AllocationOpInterfaceImpl.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVM/NVVM/Target.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/FileSystem.h"

#include <cstdlib>

using namespace mlir;
using namespace mlir::orchid;

int64_t mlir::orchid::getMaxSharedMemoryPerBlock(StringRef chip) {
  unsigned sm = 0;
  if (!chip.consume_front("sm_") ||
      chip.take_while(llvm::isDigit).getAsInteger(10, sm))
    return 48 * 1024;
  // CUDA C Programming Guide, "Technical Specifications per Compute
  // Capability": maximum shared memory per thread block (opt-in).
  if (sm >= 90)
    return 227 * 1024;
  if (sm == 80 || sm == 87)
    return 163 * 1024;
  if (sm >= 86)
    return 99 * 1024;
  if (sm >= 75)
    return 64 * 1024;
  return 48 * 1024;
}

/// Orchid primitives and linalg ops on tensors to gpu.launch ops on device
/// buffers.
static void addKernelPasses(OpPassManager &pm,
                            const GPUPipelineOptions &options) {
  int64_t shared = options.maxSharedMemory >= 0
                       ? static_cast<int64_t>(options.maxSharedMemory)
                       : getMaxSharedMemoryPerBlock(options.chip);
  OrchidConvertFFTToGPUOptions fftOptions;
  fftOptions.maxSharedMemory = shared;
  fftOptions.maxThreads = options.maxThreads;
  pm.addPass(createOrchidConvertFFTToGPU(fftOptions));
  OrchidConvertSpectralConvToGPUOptions convOptions;
  convOptions.maxSharedMemory = shared;
  convOptions.maxThreads = options.maxThreads;
  pm.addPass(createOrchidConvertSpectralConvToGPU(convOptions));
  pm.addNestedPass<func::FuncOp>(createOrchidConvertShortConvToGPU());
  pm.addPass(createOrchidCheckLowered());
  // Chains of elementwise ops (gates, biases, modulation) become one kernel
  // each, one pass over memory.
  pm.addPass(createLinalgElementwiseOpFusionPass());

  // Tensors to memrefs; the remaining structured ops to kernels; buffers on
  // the device; results become caller-allocated out parameters. No CSE
  // before bufferization (see the CPU pipeline).
  bufferization::OneShotBufferizePassOptions bufferizeOptions;
  bufferizeOptions.bufferizeFunctionBoundaries = true;
  bufferizeOptions.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferizeOptions));
  pm.addNestedPass<func::FuncOp>(createOrchidConvertLinalgToGPU());
  pm.addPass(createOrchidMoveBuffersToDevice());
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.modifyPublicFunctions = true;
  outParams.hoistStaticAllocs = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addPass(createCanonicalizerPass());
}

void mlir::orchid::buildOrchidGPUKernelPipeline(
    OpPassManager &pm, const GPUPipelineOptions &options) {
  buildOrchidRoute(pm, options.getRouteOptions());
  addKernelPasses(pm, options);
}

void mlir::orchid::buildOrchidGPUPipeline(OpPassManager &pm,
                                          const GPUPipelineOptions &options,
                                          RouteStage first, RouteStage last) {
  buildOrchidRoute(pm, options.getRouteOptions(), first, last);
  if (last < RouteStage::Target)
    return;
  addKernelPasses(pm, options);
  // The JIT calls the C wrappers `_mlir_ciface_<f>`.
  pm.addPass(createOrchidEmitCInterface());

  // Common part of gpu-lower-to-nvvm-pipeline.
  pm.addPass(createGpuKernelOutliningPass());
  // gpu-to-llvm lowers only asynchronous copies and allocations.
  pm.addNestedPass<func::FuncOp>(createGpuAsyncRegionPass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertNVVMToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  GpuNVVMAttachTargetOptions target;
  target.chip = options.chip;
  target.features = options.features;
  target.optLevel = options.optLevel;
  pm.addPass(createGpuNVVMAttachTarget(target));
  pm.addPass(createLowerAffinePass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  // Kernels to NVVM.
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(createStripDebugInfoPass());
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(createConvertGpuOpsToNVVMOps());
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(
      LLVM::createNVVMOptimizeForTargetPass());
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(createCanonicalizerPass());
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(createCSEPass());
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(
      createReconcileUnrealizedCastsPass());

  // Host code and kernel serialization.
  pm.addPass(createGpuToLLVMConversionPass());
  GpuModuleToBinaryPassOptions binary;
  binary.compilationTarget = options.format;
  binary.toolkitPath = options.toolkit;
  if (binary.toolkitPath.empty()) {
    const char *root = std::getenv("CUDA_ROOT");
    binary.toolkitPath = root && *root ? root : "/usr/local/cuda";
  }
  pm.addPass(createGpuModuleToBinaryPass(binary));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

/// Rejects options that the pipeline's passes would only warn about or
/// report without failing: gpu-module-to-binary prints an unknown `format`
/// and goes on, and a missing toolkit is only noticed, if at all, when
/// ptxas is needed.
static LogicalResult
verifyGPUPipelineOptions(const GPUPipelineOptions &options,
                         function_ref<LogicalResult(const Twine &)> error) {
  static constexpr StringRef formats[] = {"fatbin", "fatbinary", "bin",
                                          "binary", "isa",       "assembly",
                                          "llvm",   "offloading"};
  StringRef format = options.format.getValue();
  if (!llvm::is_contained(formats, format))
    return error("unknown kernel format '" + format +
                 "': expected fatbin, bin, isa or llvm");
  StringRef toolkit = options.toolkit.getValue();
  if (!toolkit.empty() && !llvm::sys::fs::is_directory(toolkit))
    return error("CUDA toolkit '" + toolkit + "' is not a directory");
  int64_t maxThreads = options.maxThreads;
  if (maxThreads < 1 || maxThreads > orchid::gpu::kMaxBlockThreads)
    return error("max-threads must lie in [1, " +
                 Twine(orchid::gpu::kMaxBlockThreads) + "], got " +
                 Twine(maxThreads));
  return success();
}

/// Registers the pipeline `build` under `arg`, its options checked first.
static void registerGPUPipeline(
    StringRef arg, StringRef description,
    std::function<void(OpPassManager &, const GPUPipelineOptions &)> build) {
  registerPassPipeline(
      arg, description,
      [build](OpPassManager &pm, StringRef text,
              function_ref<LogicalResult(const Twine &)> error) {
        GPUPipelineOptions options;
        if (failed(options.parseFromString(text)) ||
            failed(verifyGPUPipelineOptions(options, error)))
          return failure();
        build(pm, options);
        return success();
      },
      [](function_ref<void(const detail::PassOptions &)> handler) {
        handler(GPUPipelineOptions());
      });
}

void mlir::orchid::registerOrchidGPULowering() {
  registerOrchidGPUPasses();
  // The upstream passes of the pipeline, to run and test it piecewise.
  bufferization::registerBufferizationPasses();
  registerLinalgElementwiseOpFusionPass();
  registerGPUPasses();
  registerConvertGpuOpsToNVVMOps();
  registerGPUPipeline(
      "orchid-gpu-pipeline",
      "Lower Orchid ops on tensors, blocks included, to CUDA kernels in a "
      "gpu.binary and host code in the LLVM dialect",
      [](OpPassManager &pm, const GPUPipelineOptions &options) {
        buildOrchidGPUPipeline(pm, options);
      });
  registerGPUPipeline(
      "orchid-gpu-kernel-pipeline",
      "The first half of --orchid-gpu-pipeline: Orchid and linalg ops on "
      "tensors to gpu.launch ops on device buffers, before outlining",
      buildOrchidGPUKernelPipeline);
}

void mlir::orchid::registerOrchidGPUDialects(DialectRegistry &registry) {
  registry
      .insert<arith::ArithDialect, bufferization::BufferizationDialect,
              cf::ControlFlowDialect, complex::ComplexDialect,
              func::FuncDialect, mlir::gpu::GPUDialect, linalg::LinalgDialect,
              LLVM::LLVMDialect, math::MathDialect, memref::MemRefDialect,
              NVVM::NVVMDialect, scf::SCFDialect, tensor::TensorDialect>();
  NVVM::registerNVVMTargetInterfaceExternalModels(registry);
  registerLLVMDialectTranslation(registry);
  registerNVVMDialectTranslation(registry);
  registerGPUDialectTranslation(registry);
  mlir::gpu::registerOffloadingLLVMTranslationInterfaceExternalModels(registry);
  arith::registerConvertArithToLLVMInterface(registry);
  cf::registerConvertControlFlowToLLVMInterface(registry);
  registerConvertComplexToLLVMInterface(registry);
  registerConvertFuncToLLVMInterface(registry);
  index::registerConvertIndexToLLVMInterface(registry);
  registerConvertMathToLLVMInterface(registry);
  registerConvertMemRefToLLVMInterface(registry);
  registerConvertNVVMToLLVMInterface(registry);
  arith::registerBufferizableOpInterfaceExternalModels(registry);
  bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(
      registry);
  linalg::registerBufferizableOpInterfaceExternalModels(registry);
  // Lets buffer-results-to-out-params write results in place.
  memref::registerAllocationOpInterfaceExternalModels(registry);
  scf::registerBufferizableOpInterfaceExternalModels(registry);
  tensor::registerBufferizableOpInterfaceExternalModels(registry);
}
