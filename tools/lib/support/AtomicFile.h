//===- AtomicFile.h - Write output files all or nothing ---------*- C++ -*-===//
//
// Tools write each result to a temporary file beside the destination and
// rename it into place only once it is complete, so a failure (a full disk,
// a failed check, a crash) never leaves a partial or a stale result.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_TOOLS_LIB_SUPPORT_ATOMICFILE_H
#define ORCHID_TOOLS_LIB_SUPPORT_ATOMICFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir {
namespace orchid {

/// Calls `write` on a stream and makes what it wrote the content of `path`.
/// A regular file (or a new one) is replaced atomically, through a temporary
/// file in the same directory that is removed on failure; "-" is stdout, and
/// other existing files (devices, pipes) are written directly. Write errors,
/// including those of a full device, are returned, never fatal.
llvm::Error
writeFileAtomically(llvm::StringRef path,
                    llvm::function_ref<void(llvm::raw_ostream &)> write);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_TOOLS_LIB_SUPPORT_ATOMICFILE_H
