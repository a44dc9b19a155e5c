//===- CudaTarget.cpp - Run Orchid functions on a CUDA GPU ----------------===//
//
// Lowers with --orchid-gpu-pipeline (kernels compiled to a fatbin at
// lowering time) and JITs the host code with the orchid_cuda_runtime
// library providing the mgpu* functions. The runtime is asked first
// whether a driver and a device exist, so that a machine without a GPU
// gets one clear error; errors of the runtime during a call are returned
// as the call's error.
//
//===----------------------------------------------------------------------===//

#include "tools/lib/runner/Runner.h"

#include "lowering/GPU/Pipelines.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/TargetSelect.h"

using namespace mlir;
using llvm::createStringError;
using llvm::inconvertibleErrorCode;

namespace mlir {
namespace orchid {
namespace {

/// The runtime's status functions, resolved from the loaded library.
struct RuntimeStatus {
  bool (*isAvailable)() = nullptr;
  const char *(*lastError)() = nullptr;
  void (*clearError)() = nullptr;
  void (*setVerbose)(bool) = nullptr;
};

llvm::Error runtimeError(const RuntimeStatus &status, llvm::StringRef what) {
  const char *message = status.lastError();
  if (!message)
    return llvm::Error::success();
  llvm::Error error =
      createStringError(inconvertibleErrorCode(), what + ": " + message);
  status.clearError();
  return error;
}

class CUDAExecutable : public Executable {
public:
  CUDAExecutable(std::unique_ptr<ExecutionEngine> engine, RuntimeStatus status)
      : engine(std::move(engine)), status(status) {}

  llvm::Error call(llvm::StringRef name,
                   llvm::ArrayRef<const NpyArray *> inputs,
                   llvm::ArrayRef<NpyArray *> outputs) override {
    if (llvm::Error error = invokeCInterface(*engine, name, inputs, outputs))
      return error;
    return runtimeError(status, "CUDA error in " + name.str());
  }

private:
  std::unique_ptr<ExecutionEngine> engine;
  RuntimeStatus status;
};

class CUDATarget : public Target {
public:
  explicit CUDATarget(llvm::StringRef chip) : chip(chip) {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  }

  llvm::Error lower(ModuleOp module, const mlir::orchid::RouteOptions &route,
                    mlir::orchid::RouteStage first,
                    mlir::orchid::RouteStage last) override {
    DialectRegistry registry;
    mlir::orchid::registerOrchidGPUDialects(registry);
    module.getContext()->appendDialectRegistry(registry);
    mlir::orchid::GPUPipelineOptions options;
    options.seqLen = route.seqLen;
    options.batch = route.batch;
    options.prepare = route.prepare;
    options.chip = chip;
    PassManager pm(module.getContext());
    mlir::orchid::buildOrchidGPUPipeline(pm, options, first, last);
    if (failed(pm.run(module)))
      return createStringError(inconvertibleErrorCode(),
                               "the GPU pipeline failed");
    return llvm::Error::success();
  }

  llvm::Expected<std::unique_ptr<Executable>>
  load(ModuleOp module, llvm::StringRef emitLLVM) override {
    std::string error;
    auto library = llvm::sys::DynamicLibrary::getPermanentLibrary(
        ORCHID_CUDA_RUNTIME_PATH, &error);
    if (!library.isValid())
      return createStringError(inconvertibleErrorCode(),
                               "cannot load the CUDA runtime: " + error);
    RuntimeStatus status;
    status.isAvailable = reinterpret_cast<bool (*)()>(
        library.getAddressOfSymbol("orchidCudaIsAvailable"));
    status.lastError = reinterpret_cast<const char *(*)()>(
        library.getAddressOfSymbol("orchidCudaGetLastError"));
    status.clearError = reinterpret_cast<void (*)()>(
        library.getAddressOfSymbol("orchidCudaClearError"));
    status.setVerbose = reinterpret_cast<void (*)(bool)>(
        library.getAddressOfSymbol("orchidCudaSetVerbose"));
    if (!status.isAvailable || !status.lastError || !status.clearError ||
        !status.setVerbose)
      return createStringError(inconvertibleErrorCode(),
                               "the CUDA runtime library is incomplete");
    // Errors are returned to the caller rather than printed.
    status.setVerbose(false);

    // The host code compiles without a device; its constructors, which
    // load the kernels, need one.
    JITOptions options;
    options.sharedLibs = {ORCHID_CUDA_RUNTIME_PATH, ORCHID_C_RUNNER_UTILS};
    options.emitLLVM = emitLLVM.str();
    auto engine = createJIT(module, options);
    if (!engine)
      return engine.takeError();
    if (!status.isAvailable())
      return runtimeError(status, "no usable CUDA GPU");
    // Runs the constructors that load the kernel modules.
    (*engine)->initialize();
    if (llvm::Error error = runtimeError(status, "cannot load the kernels"))
      return std::move(error);
    return std::make_unique<CUDAExecutable>(std::move(*engine), status);
  }

private:
  std::string chip;
};

} // namespace

std::unique_ptr<Target> createCUDATarget(llvm::StringRef chip) {
  return std::make_unique<CUDATarget>(chip);
}

} // namespace orchid
} // namespace mlir
