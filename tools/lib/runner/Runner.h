//===- Runner.h - Compile and call Orchid functions -------------*- C++ -*-===//
//
// The part of orchid-run that the benchmarks share: parsing a module,
// checking and specialising a function's signature, and a `Target` that
// lowers the module and calls its functions on host arrays. Only the
// target is device specific.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_TOOLS_LIB_RUNNER_RUNNER_H
#define ORCHID_TOOLS_LIB_RUNNER_RUNNER_H

#include "tools/lib/npy/Npy.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace mlir {
class ExecutionEngine;
} // namespace mlir

namespace orchid {

/// Element type and static shape of one function argument or result.
struct TensorSpec {
  DType dtype;
  std::vector<int64_t> shape;
  /// "2x3xfloat32", as NpyArray::describe.
  std::string describe() const;
};

/// Registers every dialect, interface and translation that Orchid IR and
/// its lowering pipelines use.
void registerRunnerDialects(mlir::DialectRegistry &registry);

/// Parses `path` (an .mlir file, or "-" for stdin).
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
parseModule(llvm::StringRef path, mlir::MLIRContext &context);

/// Looks up the function `name`; with an empty name, the module's only
/// function.
llvm::Expected<mlir::func::FuncOp> lookupFunction(mlir::ModuleOp module,
                                                  llvm::StringRef name);

/// Specialises a function whose only dynamic size is the sequence length:
/// every dynamic dimension of its signature, and of the results of the
/// orchid ops in its body, becomes `seqLen`; casts carry the static shapes
/// to the other ops and canonicalisation folds them.
llvm::Error specializeSeqLen(mlir::func::FuncOp func, int64_t seqLen);

/// The argument and result specs of `func`; fails for non-tensor or
/// dynamically shaped types and element types other than f32, f64 and
/// complex<f32>.
struct Signature {
  std::vector<TensorSpec> inputs, results;
};
llvm::Expected<Signature> getSignature(mlir::func::FuncOp func);

/// How `orchid-hoist-filters` split a function `f` (docs/weights.md):
/// `prepare` computes the prepared values (kernel spectra) from some of
/// f's original arguments, and f keeps the others, followed by the
/// prepared values.
struct PrepareSplit {
  std::string prepare;
  /// Original argument indices, in the order each function takes them.
  std::vector<unsigned> prepareArgs, forwardArgs;
};

/// Decomposes the blocks of `module`, lowers its fftconv ops and hoists the
/// filter work of `func` into `<func>_prepare`. Fails when that name is
/// taken or when `func` has no filter work to hoist.
llvm::Expected<PrepareSplit> hoistFilters(mlir::ModuleOp module,
                                          mlir::func::FuncOp func);

/// A lowered and loaded module.
class Executable {
public:
  virtual ~Executable();
  /// Calls `name` with `inputs`, writing into the caller-allocated
  /// `outputs` (already of the result shapes and types).
  virtual llvm::Error call(llvm::StringRef name,
                           llvm::ArrayRef<const NpyArray *> inputs,
                           llvm::ArrayRef<NpyArray *> outputs) = 0;
};

/// Calls the C interface wrapper `_mlir_ciface_<name>` that `engine` has
/// JIT-compiled, passing a memref descriptor of each of `inputs`, then of
/// each of `outputs`. Every target lowers functions to this convention, so
/// their executables share the marshalling.
llvm::Error invokeCInterface(mlir::ExecutionEngine &engine,
                             llvm::StringRef name,
                             llvm::ArrayRef<const NpyArray *> inputs,
                             llvm::ArrayRef<NpyArray *> outputs);

/// Lowers modules of Orchid ops for one kind of device and loads them.
class Target {
public:
  virtual ~Target();
  /// Lowers `module` in place; `printAfter` prints the result.
  virtual llvm::Error lower(mlir::ModuleOp module, bool printAfter) = 0;
  /// Compiles the lowered `module` to machine code and loads it.
  virtual llvm::Expected<std::unique_ptr<Executable>>
  load(mlir::ModuleOp module) = 0;
};

/// The host CPU, through buildOrchidCPUPipeline and the MLIR
/// ExecutionEngine, with the OpenMP runtime loaded for parallel loops.
/// `threads` is what the kernels split their work for (0: the hardware
/// threads of this machine).
std::unique_ptr<Target> createCPUTarget(bool parallel = true,
                                        int64_t threads = 0);

/// A CUDA GPU of architecture `chip`, through buildOrchidGPUPipeline and
/// the orchid_cuda_runtime library (CudaTarget.cpp).
std::unique_ptr<Target> createCUDATarget(llvm::StringRef chip = "sm_90");

} // namespace orchid

#endif // ORCHID_TOOLS_LIB_RUNNER_RUNNER_H
