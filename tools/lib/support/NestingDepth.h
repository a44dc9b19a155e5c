//===- NestingDepth.h - Reject inputs nested too deeply ---------*- C++ -*-===//
//
// MLIR's parser recurses once per nesting level of regions, attributes and
// types and overflows its stack at a few thousand levels (mlir-opt itself
// dies by a signal). The tools measure the nesting of their input before
// parsing it and refuse what is deeper than any real program.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_TOOLS_LIB_SUPPORT_NESTINGDEPTH_H
#define ORCHID_TOOLS_LIB_SUPPORT_NESTINGDEPTH_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstddef>
#include <optional>

namespace mlir {
namespace orchid {

/// The deepest nesting of brackets the tools accept; Orchid's own programs
/// nest fewer than 20 levels.
constexpr unsigned kMaxNestingDepth = 256;

/// The offset in `source` where its brackets ((), [], {}, <>) first nest
/// deeper than `maxDepth`, outside string literals and comments; nothing
/// when they never do.
std::optional<size_t> findDeepNesting(llvm::StringRef source,
                                      unsigned maxDepth = kMaxNestingDepth);

/// An error "<file>:<line>:<col>: ..." when `buffer` nests too deeply.
llvm::Error checkNestingDepth(const llvm::MemoryBuffer &buffer,
                              unsigned maxDepth = kMaxNestingDepth);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_TOOLS_LIB_SUPPORT_NESTINGDEPTH_H
