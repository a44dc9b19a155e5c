//===- LaneTiles.h - Helpers for 16-channel lane tiles -----------*- C++
//-*-===//
//
// The CPU kernels process channels in tiles of kLanes, one channel per
// vector lane. These helpers build the loops that move a tile between the
// row-major tensors (channel-major, time innermost) and lane buffers.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_CPU_LANETILES_H
#define ORCHID_LOWERING_CPU_LANETILES_H

#include "mlir/IR/Builders.h"

namespace mlir {
namespace orchid {
namespace cpu {

/// Emits `scf.for %i = lb to ub step 1` and calls `body` inside it.
void buildLoop(OpBuilder &b, Location loc, Value lb, Value ub,
               function_ref<void(Value)> body);
void buildLoop(OpBuilder &b, Location loc, int64_t lb, int64_t ub,
               function_ref<void(Value)> body);

/// Sets rows [firstRow, rows) of the lane buffers to zero.
void zeroLaneBuffers(OpBuilder &b, Location loc, ValueRange buffers,
                     int64_t rows, int64_t firstRow = 0);

/// Number of channels of the tile starting at `base` that exist:
/// min(kLanes, total - base).
Value getValidLanes(OpBuilder &b, Location loc, Value base, int64_t total);

/// Number of parallel chunks kernels split their tiles into: the hardware
/// threads of the compiling machine, which is the one a JIT runs on.
int64_t getNumWorkers();

/// Emits an `scf.parallel` over min(items, getNumWorkers()) chunks of the
/// work items [0, items), moves the insertion point into its body and
/// returns the chunk's item range [begin, end). Kernels allocate their
/// scratch buffers there, once per chunk rather than once per item: large
/// per-item malloc/free pairs get fresh, page-faulting memory each time.
std::pair<Value, Value> buildChunkLoop(OpBuilder &b, Location loc,
                                       int64_t items);

/// Creates an `index` constant.
Value indexConstant(OpBuilder &b, Location loc, int64_t value);

/// Creates an f32 constant.
Value f32Constant(OpBuilder &b, Location loc, double value);

} // namespace cpu
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_CPU_LANETILES_H
