//===- EntryPoints.h - C entry points of compiled libraries -----*- C++ -*-===//
//
// What orchid-compile adds to the lowered code: a C function per entry that
// takes plain pointers and builds the memref descriptors of the
// `_mlir_ciface_` function, an entry per function that dispatches on the
// sequence length, the manifest a loader reads (runtime/include/orchid/
// manifest.h), and the C header that declares them.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_TOOLS_ORCHID_COMPILE_ENTRYPOINTS_H
#define ORCHID_TOOLS_ORCHID_COMPILE_ENTRYPOINTS_H

#include "tools/lib/runner/Runner.h"

#include "llvm/IR/Module.h"

#include <string>
#include <vector>

namespace mlir {
namespace orchid {

/// One argument or result of an entry point.
struct EntryTensor {
  TensorSpec spec;
  /// As orchid_manifest_tensor::source.
  int64_t source;
};

/// One compiled function at one length: `name` is both its C symbol and the
/// name of the lowered function whose `_mlir_ciface_` wrapper it calls.
struct EntryPoint {
  std::string name, function;
  int64_t seqLen;
  bool isPrepare;
  std::vector<EntryTensor> inputs, outputs;
};

/// Adds the C entry points, the dispatchers and the manifest of `entries`
/// to `module`, which holds their lowered code, and gives every other
/// definition internal linkage so that only those are exported.
llvm::Error addEntryPoints(llvm::Module &module,
                           llvm::ArrayRef<EntryPoint> entries);

/// The C header declaring what addEntryPoints defines; `guard` names its
/// include guard.
std::string writeHeader(llvm::ArrayRef<EntryPoint> entries,
                        llvm::StringRef guard, llvm::StringRef source);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_TOOLS_ORCHID_COMPILE_ENTRYPOINTS_H
