//===- orchid-opt.cpp - Orchid optimizer driver ---------------------------===//
//
// Runs Orchid and upstream passes on .mlir files. Only the dialects and
// passes Orchid uses are registered, which keeps --help readable.
//
//===----------------------------------------------------------------------===//

#include "dialect/OrchidDialect.h"
#include "lowering/CPU/Pipelines.h"
#include "lowering/GPU/Pipelines.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

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
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Orchid optimizer driver\n", registry));
}
