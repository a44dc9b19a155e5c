//===- LaneTiles.h - Helpers for 16-channel lane tiles ----------*- C++ -*-===//
//
// The CPU kernels process channels in tiles of kLanes, one channel per
// vector lane. These helpers allocate lane buffers, build the loops that
// move a tile between the row-major tensors (channel-major, time innermost)
// and lane buffers, and split work over threads.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_CPU_LANETILES_H
#define ORCHID_LOWERING_CPU_LANETILES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
namespace orchid {
namespace cpu {

/// Channels processed together, one per vector lane (AVX-512 width).
constexpr int64_t kLanes = 16;

/// Returns the `memref<?x16xf32>` type of lane buffers.
MemRefType getLaneBufferType(MLIRContext *ctx);

/// Allocates a `rows x 16` lane buffer, returned as `memref<?x16xf32>`.
Value allocLaneBuffer(OpBuilder &b, Location loc, int64_t rows);

/// Returns `memref` viewed as a 2-D `[rows, innermost]` matrix: leading
/// dimensions collapsed, a 1-D memref as a single row.
Value viewAsRowMatrix(OpBuilder &b, Location loc, Value memref);

/// Emits `scf.for %i = lb to ub step 1` and calls `body` inside it.
void buildLoop(OpBuilder &b, Location loc, Value lb, Value ub,
               function_ref<void(Value)> body);
void buildLoop(OpBuilder &b, Location loc, int64_t lb, int64_t ub,
               function_ref<void(Value)> body);

/// Emits `for i in [lb, ub)` and calls `body` inside it: an scf.for, or
/// with `threads` > 1 an scf.parallel over that many chunks of the range.
/// Kernels whose tiles run one after the other (see getFFTThreads) split
/// the row loops of each tile this way.
void buildRowLoop(OpBuilder &b, Location loc, int64_t lb, int64_t ub,
                  int64_t threads, function_ref<void(Value)> body);

/// Sets rows [firstRow, rows) of the lane buffers to zero.
void zeroLaneBuffers(OpBuilder &b, Location loc, ValueRange buffers,
                     int64_t rows, int64_t firstRow = 0, int64_t threads = 1);

/// Copies `count` columns of 16 rows of the 2-D row-major `src` into the
/// lanes of `dst`: dst[t][l] = src[min(firstRow + l, lastRow)][t]. Rows
/// past `lastRow` thus repeat it: their lanes hold data nobody reads. Works
/// on 16 x 16 blocks, read as rows and transposed in registers; the rows
/// [count, alignTo(count, 16)) of `dst` (which must exist) become zero.
void loadRowsIntoLanes(OpBuilder &b, Location loc, Value src, Value firstRow,
                       Value lastRow, int64_t count, Value dst,
                       int64_t threads = 1);

/// Computes the value of a row block from the 16 lanes of a time block:
/// (lanes of row `lane` at times [t0, t0 + 16), lane, t0, mask of the valid
/// times) -> values to store.
using RowEpilogue = function_ref<Value(Value, Value, Value, Value)>;

/// The inverse of loadRowsIntoLanes for the first `valid` lanes:
/// dst[firstRow + l][t] = epilogue(src[t][l]...) for t < count, written
/// as masked row blocks. `src` must have alignTo(count, 16) rows.
void storeLanesToRows(OpBuilder &b, Location loc, Value src, Value dst,
                      Value firstRow, Value valid, int64_t count,
                      RowEpilogue epilogue, int64_t threads = 1);

/// loadRowsIntoLanes for pairs of samples: even[t][l] and odd[t][l] get
/// src[min(firstRow + l, lastRow)][2t] and [2t + 1] for 2t (+ 1) < count.
/// Rows [ceil(count / 2), alignTo(ceil(count / 2), 16)) of `even` and `odd`
/// (which must exist) become zero.
void loadRowPairsIntoLanes(OpBuilder &b, Location loc, Value src,
                           Value firstRow, Value lastRow, int64_t count,
                           Value even, Value odd, int64_t threads = 1);

/// The inverse of loadRowPairsIntoLanes for the first `valid` lanes:
/// dst[firstRow + l][2t] and [2t + 1] = epilogue(even[t][l]...) and
/// epilogue(odd[t][l]...) for samples below `count`.
void storeLanePairsToRows(OpBuilder &b, Location loc, Value even, Value odd,
                          Value dst, Value firstRow, Value valid, int64_t count,
                          RowEpilogue epilogue, int64_t threads = 1);

/// Writes the transpose of the 2-D f32 buffer `src` (R x C, unit inner
/// stride) to `dst` (C x R, unit inner stride), in 16 x 16 blocks read as
/// masked rows and transposed in registers; strips of 16 rows are split
/// over `threads` threads.
void transposeMatrix(OpBuilder &b, Location loc, Value src, Value dst,
                     int64_t threads);

/// Number of channels of the tile starting at `base` that exist:
/// min(kLanes, total - base).
Value getValidLanes(OpBuilder &b, Location loc, Value base, int64_t total);

/// The threads kernels are split for: `option` when positive, otherwise
/// the hardware threads of the compiling machine, which is the one a JIT
/// runs on.
int64_t resolveThreads(int64_t option);

/// Emits an `scf.parallel` over min(items, threads) chunks of the work items
/// [0, items), moves the insertion point into its body and returns the
/// chunk's item range [begin, end). Kernels allocate their scratch buffers
/// there, once per chunk rather than once per item: large per-item
/// malloc/free pairs get fresh, page-faulting memory each time. With one
/// thread there is one chunk and no loop.
std::pair<Value, Value> buildChunkLoop(OpBuilder &b, Location loc,
                                       int64_t items, int64_t threads);

/// A conversion pattern of a pass with a `threads` option.
template <typename OpTy> struct ThreadedConversion : OpConversionPattern<OpTy> {
  ThreadedConversion(MLIRContext *context, int64_t threads)
      : OpConversionPattern<OpTy>(context), threads(threads) {}

  /// Threads the generated code splits its work for.
  int64_t threads;
};

/// Reads `tensor` as an identity-layout buffer that the kernel does not
/// write.
Value toReadOnlyBuffer(OpBuilder &b, Location loc, Value tensor);

/// Reports `op` and fails when one of its operands or results has a dynamic
/// size: the FFT conversions plan their tables and tiles for one static
/// shape, and a dynamic one gets orchid-check-lowered's advice instead of a
/// failure to legalize.
LogicalResult verifyStaticShapes(Operation *op);

/// Rewrites the ops in `root` that `target` marks illegal with `patterns`
/// and leaves every other op, other orchid ops included, to later passes.
LogicalResult convertKernels(Operation *root, ConversionTarget &target,
                             RewritePatternSet &&patterns);

/// Creates an `index` constant.
Value indexConstant(OpBuilder &b, Location loc, int64_t value);

/// Creates an f32 constant.
Value f32Constant(OpBuilder &b, Location loc, double value);

} // namespace cpu
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_CPU_LANETILES_H
