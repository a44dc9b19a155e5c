//===- Runner.h - Compile and call Orchid functions -------------*- C++ -*-===//
//
// The part of orchid-run that the benchmarks and tests share: parsing a
// module, reading a function's signature, a `Target` that lowers the module
// with its pipeline and calls its functions on host arrays, and the JIT
// setup. Only the target is device specific.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_TOOLS_LIB_RUNNER_RUNNER_H
#define ORCHID_TOOLS_LIB_RUNNER_RUNNER_H

#include "tools/lib/npy/Npy.h"

#include "passes/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>

namespace mlir {
class ExecutionEngine;
} // namespace mlir

namespace mlir {
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

class Target;

/// Runs the stage of `target`'s pipeline that turns blocks into primitives
/// (orchid-decompose ... orchid-expand-filters) on `module`. With
/// `route.prepare` it hoists the filter work, and returns how `func` was
/// split; it fails when `func` has no filter work to hoist.
llvm::Expected<std::optional<PrepareSplit>>
lowerToPrimitives(Target &target, mlir::ModuleOp module,
                  mlir::func::FuncOp func,
                  const mlir::orchid::RouteOptions &route);

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

/// How the JIT compiles a lowered module (createJIT).
struct JITOptions {
  /// Level of the LLVM IR optimisation passes.
  unsigned optLevel = 2;
  /// Optimise and generate code for the host CPU (its vector width) at the
  /// aggressive code generation level, rather than for a generic target.
  bool tuneForHost = false;
  /// Libraries whose symbols the compiled code calls; those that do not
  /// exist are skipped.
  std::vector<std::string> sharedLibs;
  /// Write the LLVM IR that the lowered module translates to, which the JIT
  /// then optimises and compiles, to this file ("-": stdout); as
  /// `mlir-translate --mlir-to-llvmir` prints it.
  std::string emitLLVM;
};

/// JIT-compiles `module`, in the LLVM dialect. No file is left behind: the
/// perf listener, which writes a jitdump file per run under
/// ~/.debug/jit (or $JITDUMPDIR), is off.
llvm::Expected<std::unique_ptr<mlir::ExecutionEngine>>
createJIT(mlir::ModuleOp module, const JITOptions &options);

/// createJIT as the CPU target calls it for modules of
/// buildOrchidCPUPipeline: tuned for the host, with the Orchid CPU runtime,
/// the OpenMP runtime and the C runner utilities loaded.
llvm::Expected<std::unique_ptr<mlir::ExecutionEngine>>
createCPUJIT(mlir::ModuleOp module, llvm::StringRef emitLLVM = "");

/// Lowers modules of Orchid ops for one kind of device and loads them.
class Target {
public:
  virtual ~Target();
  /// Runs the stages [first, last] of the target's pipeline, with the
  /// route's options `route`, on `module`: the same passes as
  /// `orchid-opt --orchid-<target>-pipeline` with these options.
  virtual llvm::Error
  lower(mlir::ModuleOp module, const mlir::orchid::RouteOptions &route,
        mlir::orchid::RouteStage first = mlir::orchid::RouteStage::Specialize,
        mlir::orchid::RouteStage last = mlir::orchid::RouteStage::Target) = 0;
  /// Compiles the lowered `module` to machine code and loads it;
  /// `emitLLVM` as in JITOptions.
  virtual llvm::Expected<std::unique_ptr<Executable>>
  load(mlir::ModuleOp module, llvm::StringRef emitLLVM = "") = 0;
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
} // namespace mlir

#endif // ORCHID_TOOLS_LIB_RUNNER_RUNNER_H
