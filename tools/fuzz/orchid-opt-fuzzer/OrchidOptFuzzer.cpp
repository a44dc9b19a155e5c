//===- OrchidOptFuzzer.cpp - Fuzz parsing, verification and pipelines -----===//
//
// Parses each input as an .mlir module with the dialects orchid-opt
// registers, verifies it and, when it is valid, runs one route of the
// compiler on it (`-route=front|cpu|gpu`, after `-ignore_remaining_args=1`
// on libFuzzer's command line): the target-independent stages only, the
// whole CPU pipeline, or the whole GPU pipeline to PTX text.
// Diagnostics are expected; a signal, a hang or an out-of-memory is a bug.
//
//===----------------------------------------------------------------------===//

#include "dialect/OrchidDialect.h"
#include "lowering/CPU/Pipelines.h"
#include "lowering/GPU/Pipelines.h"
#include "passes/Passes.h"
#include "tools/lib/support/NestingDepth.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/FuzzMutate/FuzzerCLI.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

namespace {

enum class Route { Front, CPU, GPU };

llvm::cl::opt<Route> route(
    "route", llvm::cl::desc("What runs on each valid module"),
    llvm::cl::values(clEnumValN(Route::Front, "front",
                                "orchid-decompose and orchid-expand-filters"),
                     clEnumValN(Route::CPU, "cpu",
                                "then --orchid-cpu-pipeline"),
                     clEnumValN(Route::GPU, "gpu",
                                "then --orchid-gpu-pipeline=\"format=isa\"")),
    llvm::cl::init(Route::CPU));

DialectRegistry &getRegistry() {
  static DialectRegistry registry = [] {
    DialectRegistry r;
    r.insert<orchid::OrchidDialect, arith::ArithDialect,
             complex::ComplexDialect, func::FuncDialect, linalg::LinalgDialect,
             tensor::TensorDialect>();
    orchid::registerOrchidCPUDialects(r);
    orchid::registerOrchidGPUDialects(r);
    return r;
  }();
  return registry;
}

void buildRoute(PassManager &pm) {
  if (route == Route::Front) {
    orchid::buildOrchidRoute(pm, orchid::RouteOptions());
  } else if (route == Route::CPU) {
    orchid::CPUPipelineOptions options;
    orchid::buildOrchidCPUPipeline(pm, options);
  } else if (route == Route::GPU) {
    orchid::GPUPipelineOptions options;
    options.format = "isa";
    orchid::buildOrchidGPUPipeline(pm, options);
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
  llvm::parseFuzzerCLOpts(*argc, *argv);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto buffer = llvm::MemoryBuffer::getMemBufferCopy(
      llvm::StringRef(reinterpret_cast<const char *>(data), size), "input");
  if (llvm::Error e = mlir::orchid::checkNestingDepth(*buffer)) {
    llvm::consumeError(std::move(e));
    return 0;
  }
  MLIRContext context(getRegistry(), MLIRContext::Threading::DISABLED);
  context.printOpOnDiagnostic(false);
  ScopedDiagnosticHandler quiet(&context,
                                [](Diagnostic &) { return success(); });
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module || failed(verify(*module)))
    return 0;
  PassManager pm(&context);
  buildRoute(pm);
  (void)pm.run(*module);
  return 0;
}
