//===- KernelBuilder.h - Buffers and launches of GPU kernels ----*- C++ -*-===//
//
// What every GPU conversion needs, FFT or not: the buffers of the op it
// lowers, the gpu.launch it emits and the launch's dynamic shared memory.
// The conversions run before `orchid-move-buffers-to-device`, which places
// every buffer of the function on the device.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_GPU_KERNELBUILDER_H
#define ORCHID_LOWERING_GPU_KERNELBUILDER_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"

#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace mlir {
namespace orchid {
namespace gpu {

/// The buffers of one lowered op. Operands are read in place and results
/// are new allocations, so that consecutive kernels pass data without host
/// round trips.
struct KernelBuffers {
  SmallVector<Value> scratch;

  /// The buffer of `tensor`, read-only.
  Value input(OpBuilder &b, Location loc, Value tensor);
  /// Allocates an uninitialised buffer.
  Value alloc(OpBuilder &b, Location loc, MemRefType type);
  /// Allocates an uninitialised buffer that is freed after the launch.
  Value allocScratch(OpBuilder &b, Location loc, MemRefType type);
  /// Frees the scratch buffers and returns `buffer` as the tensor of `type`
  /// that replaces the lowered op's result.
  Value finish(OpBuilder &b, Location loc, Value buffer, RankedTensorType type);
};

/// Whether `op` is device code: inside a gpu.launch or a gpu.func.
bool isInKernel(Operation *op);

/// Collapses all leading dimensions of an identity-layout memref of rank > 2:
/// `A x B x ... x N` becomes `(A*B*...) x N`; lower ranks are unchanged.
Value collapseToRows(OpBuilder &b, Location loc, Value memref);

/// Emits a gpu.launch of a 1-D grid of `blocks` 1-D blocks of `threads`
/// threads with `sharedBytes` of dynamic shared memory (no operand when
/// absent). `body` emits the kernel from the start of the launch body; the
/// terminator follows it.
void emitLaunch(OpBuilder &b, Location loc, int64_t blocks, int64_t threads,
                std::optional<int64_t> sharedBytes, function_ref<void()> body);

/// The launch's dynamic shared memory as `floats` f32 values.
Value getSharedFloats(OpBuilder &b, Location loc, int64_t floats);

/// CUDA's limit on threads per block.
constexpr int64_t kMaxBlockThreads = 1024;

/// Most taps of a short convolution on the GPU: each tap is unrolled into
/// the kernel's inner loop.
constexpr int64_t kMaxShortConvTaps = 1024;

/// Reports on `root` and fails unless min <= value <= kMaxBlockThreads,
/// `option` the pass option that gave it.
LogicalResult verifyThreadsOption(Operation *root, StringRef option,
                                  int64_t value, int64_t min);

/// Emits "GPU lowering needs static shapes" on the first op of `root` that
/// `isLowered` selects and that has an operand of dynamic shape: the
/// kernels are specialised to their sizes.
LogicalResult verifyStaticShapes(Operation *root,
                                 function_ref<bool(Operation *)> isLowered);

/// Rewrites the ops of `root` that `target` marks illegal with `patterns`
/// and leaves every other op to later passes.
LogicalResult convertKernels(Operation *root, ConversionTarget &target,
                             RewritePatternSet &&patterns);

} // namespace gpu
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_GPU_KERNELBUILDER_H
