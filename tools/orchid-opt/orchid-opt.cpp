//===- orchid-opt.cpp - Orchid optimizer driver ---------------------------===//
//
// Runs Orchid and upstream passes on .mlir files. Only the dialects and
// passes Orchid uses are registered, which keeps --help readable. Unlike
// mlir-opt, it refuses inputs nested deeply enough to overflow the parser's
// stack, and writes its output file only when every pass succeeded.
//
//===----------------------------------------------------------------------===//

#include "dialect/OrchidDialect.h"
#include "lowering/CPU/Pipelines.h"
#include "lowering/GPU/Pipelines.h"
#include "passes/Passes.h"
#include "tools/lib/support/AtomicFile.h"
#include "tools/lib/support/NestingDepth.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::orchid::OrchidDialect, mlir::arith::ArithDialect,
                  mlir::complex::ComplexDialect, mlir::func::FuncDialect,
                  mlir::linalg::LinalgDialect, mlir::tensor::TensorDialect>();
  mlir::registerTransformsPasses();
  mlir::orchid::registerOrchidPasses();
  mlir::orchid::registerOrchidCPUDialects(registry);
  mlir::orchid::registerOrchidCPULowering();
  mlir::orchid::registerOrchidGPUDialects(registry);
  mlir::orchid::registerOrchidGPULowering();

  llvm::InitLLVM init(argc, argv);
  auto [inputFile, outputFile] = mlir::registerAndParseCLIOptions(
      argc, argv, "Orchid optimizer driver\n", registry);
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();
  if (config.shouldShowDialects() || config.shouldListPasses())
    return mlir::asMainReturnCode(
        mlir::MlirOptMain(argc, argv, inputFile, outputFile, registry));

  auto fail = [](const llvm::Twine &message) {
    llvm::WithColor::error(llvm::errs(), "orchid-opt") << message << "\n";
    return EXIT_FAILURE;
  };
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFile, &message);
  if (!input)
    return fail(message);
  if (llvm::Error error = mlir::orchid::checkNestingDepth(*input)) {
    llvm::errs() << llvm::toString(std::move(error)) << "\n";
    return EXIT_FAILURE;
  }

  std::string result;
  llvm::raw_string_ostream os(result);
  if (failed(mlir::MlirOptMain(os, std::move(input), registry, config)))
    return EXIT_FAILURE;
  if (llvm::Error error = mlir::orchid::writeFileAtomically(
          outputFile, [&](llvm::raw_ostream &out) { out << result; }))
    return fail(llvm::toString(std::move(error)));
  return EXIT_SUCCESS;
}
