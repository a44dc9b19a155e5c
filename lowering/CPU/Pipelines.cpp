//===- Pipelines.cpp - CPU lowering pipeline ------------------------------===//
//
// orchid ops on tensors -> loops and vectors on buffers -> LLVM dialect.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Pipelines.h"

#include "lowering/CPU/Passes.h"
#include "passes/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/ControlFlow/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Vector/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void orchid::buildOrchidCPUPipeline(OpPassManager &pm,
                                    const CPUPipelineOptions &options,
                                    RouteStage first, RouteStage last) {
  buildOrchidRoute(pm, options.getRouteOptions(), first, last);
  if (last < RouteStage::Target)
    return;
  // Without OpenMP, scf.parallel loops run serially: split for 1 thread.
  int64_t threads = options.parallel ? int64_t(options.threads) : 1;

  // Orchid primitives -> vector kernels on buffers, or linalg on tensors
  // for what the kernels do not handle.
  pm.addPass(createOrchidConvertShortConvToLoops({threads}));
  pm.addPass(createOrchidConvertShortConvToLinalg());
  pm.addPass(createOrchidConvertSpectralConvToLoops({threads}));
  pm.addPass(createOrchidConvertFFTToLoops({threads}));
  // No CSE before bufferization: it would merge the read-only
  // bufferization.to_buffer of kernels that read the same tensor, moving
  // the later kernel's read before in-place writes that bufferization
  // places between them.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createOrchidCheckLowered());

  // Tensors -> buffers; results become caller-allocated out-parameters.
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createOrchidEmitCInterface());

  // Matrix products -> runtime calls; transposes -> register blocks; other
  // structured ops -> loops, parallel over their parallel dimensions;
  // parallel loops -> OpenMP.
  if (options.runtime)
    pm.addPass(createOrchidConvertMatmulToRuntime());
  pm.addPass(createOrchidConvertTransposeToBlocks({threads}));
  if (options.parallel)
    pm.addNestedPass<func::FuncOp>(createConvertLinalgToParallelLoopsPass());
  else
    pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createLowerAffinePass());
  if (options.parallel) {
    pm.addPass(createConvertSCFToOpenMPPass());
    pm.addPass(createOrchidInlineAllocaScopes());
  }
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createConvertVectorToSCFPass());
  pm.addPass(createSCFToControlFlowPass());

  // Everything -> LLVM.
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  FinalizeMemRefToLLVMConversionPassOptions memrefToLLVM;
  memrefToLLVM.useGenericFunctions = options.runtime;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVM));
  // Row <-> lane transposes are 16 x 16 blocks: lower them to the shuffle
  // network made for them rather than to 256 element moves.
  ConvertVectorToLLVMPassOptions vectorToLLVM;
  vectorToLLVM.vectorTransposeLowering =
      vector::VectorTransposeLowering::Shuffle16x16;
  pm.addPass(createConvertVectorToLLVMPass(vectorToLLVM));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertComplexToStandardPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void orchid::registerOrchidCPUDialects(DialectRegistry &registry) {
  registry
      .insert<arith::ArithDialect, bufferization::BufferizationDialect,
              cf::ControlFlowDialect, complex::ComplexDialect,
              func::FuncDialect, linalg::LinalgDialect, LLVM::LLVMDialect,
              math::MathDialect, memref::MemRefDialect, omp::OpenMPDialect,
              scf::SCFDialect, tensor::TensorDialect, vector::VectorDialect>();
  arith::registerBufferizableOpInterfaceExternalModels(registry);
  bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(
      registry);
  cf::registerBufferizableOpInterfaceExternalModels(registry);
  linalg::registerBufferizableOpInterfaceExternalModels(registry);
  scf::registerBufferizableOpInterfaceExternalModels(registry);
  tensor::registerBufferizableOpInterfaceExternalModels(registry);
  vector::registerBufferizableOpInterfaceExternalModels(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  registerOpenMPDialectTranslation(registry);
}

void orchid::registerOrchidCPULowering() {
  registerOrchidCPUPasses();
  PassPipelineRegistration<CPUPipelineOptions>(
      "orchid-cpu-pipeline",
      "Lower orchid ops on tensors, blocks included, to the LLVM dialect "
      "for CPUs",
      [](OpPassManager &pm, const CPUPipelineOptions &options) {
        buildOrchidCPUPipeline(pm, options);
      });
}
