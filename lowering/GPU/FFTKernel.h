//===- FFTKernel.h - The FFT of one row in a GPU thread block ---*- C++ -*-===//
//
// The device-side mixed-radix Stockham FFT that the GPU conversions emit
// inside a gpu.launch body: one thread block transforms one complex row of
// n points, and the conversions pack two real rows into that complex row.
// The plan, the constant tables and the butterflies come from lowering/FFT;
// this file schedules them over threads, barriers and shared memory.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_GPU_FFTKERNEL_H
#define ORCHID_LOWERING_GPU_FFTKERNEL_H

#include "lowering/FFT/ComplexBuilder.h"
#include "lowering/FFT/Plan.h"
#include "lowering/FFT/Tables.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <algorithm>

namespace mlir {
namespace orchid {
namespace gpu {

/// How one block computes an n-point FFT: the stages of the FFT plan, and
/// where the row lives.
struct BlockFFTPlan : fft::FFTPlan {
  /// Threads per block: at most the butterflies of any stage.
  int64_t threads = 0;
  /// Whether the row lives in dynamic shared memory (else global scratch).
  bool inShared = false;
  /// For a row in global scratch: the four-step algorithm, size = n1 * n2,
  /// with n2 FFTs of n1 points (columns) then n1 FFTs of n2 points (rows),
  /// each in shared memory, `columnTile` columns or `rowTile` rows at a
  /// time. Without it, every stage is a pass over global memory.
  bool fourStep = false;
  int64_t n1 = 0, n2 = 0, columnTile = 0, rowTile = 0;
  SmallVector<int64_t> radices1, radices2;

  /// Dynamic shared memory bytes per block.
  int64_t sharedBytes() const {
    if (inShared)
      return 8 * size;
    return fourStep ? 8 * std::max(columnTile * n1, rowTile * n2) : 0;
  }
  /// Global scratch floats per row: two ping-pong buffers of size complex.
  int64_t scratchFloats() const { return inShared ? 0 : 4 * size; }
};

/// Most rounds of butterflies a generated FFT kernel unrolls, all stages
/// in shared memory together: a stage of `count` butterflies takes
/// ceil(count / threads) rounds, so small thread counts on long rows would
/// otherwise unroll without bound.
constexpr int64_t kMaxUnrolledRounds = 1024;

/// The rounds of butterflies that the shared-memory stages of `plan`
/// unroll.
int64_t getUnrolledRounds(const BlockFFTPlan &plan);

/// Reports on `op` and fails when an n-point FFT cannot be generated for
/// these limits: n above fft::kMaxFFTSize, or a plan that would unroll more
/// than kMaxUnrolledRounds rounds. Checked before any FFT kernel is built.
LogicalResult verifyBlockFFT(Operation *op, int64_t n, int64_t maxThreads,
                             int64_t maxSharedBytes);

/// Plans an FFT of size n >= 1 for blocks of at most `maxThreads` threads
/// and `maxSharedBytes` of dynamic shared memory.
BlockFFTPlan planBlockFFT(int64_t n, int64_t maxThreads,
                          int64_t maxSharedBytes);

/// The two rows (b, d) a block handles: row2 is row1 + 1, or row1 again
/// when that is past the last row (hasRow2 false).
struct RowPair {
  Value row1, row2, hasRow2;
};
RowPair getRowPair(OpBuilder &b, Location loc, int64_t rows);

/// Emits the FFT of one complex row inside a gpu.launch body. The row is
/// stored as two planes (real parts then imaginary parts) in a 1-D f32
/// buffer; `read`/`write` address the current planes, which move between
/// ping-pong buffers on the global-memory path.
class BlockFFT {
public:
  /// Emits what the transforms of the block read: the thread id, the
  /// constant tables of `plan` (created in `module` on first use) and the
  /// row's buffer, dynamic shared memory or `scratch` (global memory).
  static BlockFFT create(OpBuilder &b, Location loc, const BlockFFTPlan &plan,
                         ModuleOp module, Value scratch);

  Value threadId() const { return tid; }
  int64_t getThreads() const { return plan.threads; }
  Value constant(int64_t v);
  /// The complex arithmetic of the kernel, on f32.
  fft::ComplexBuilder &arith() { return cx; }
  fft::Complex read(Value index);
  void write(Value index, fft::Complex value);
  /// Forward FFT of points [0, n) of the current row, in natural order;
  /// ends with a barrier.
  void forward();
  /// Runs `body(i)` for i = tid, tid + threads, ... < count.
  void forEach(Value count, function_ref<void(Value)> body);
  void forEach(int64_t count, function_ref<void(Value)> body) {
    forEach(constant(count), body);
  }

  /// Index of the mirrored bin (n - k) mod n.
  Value mirror(Value k);
  /// Separates the spectra of the two real rows packed in the current
  /// (transformed) row z = x1 + i x2 at bin k, whose mirror is m:
  /// X1 = (Z[k] + conj Z[m]) / 2 and X2 = (Z[k] - conj Z[m]) / 2i.
  std::pair<fft::Complex, fft::Complex> splitSpectra(Value k, Value m);
  /// Writes bins k and m of conj(X1 + i X2) * s, where X1 and X2 are the
  /// Hermitian spectra of two real rows given at bin k; a following forward
  /// FFT then yields conj(x1 + i x2) * n * s. The imaginary parts of
  /// self-paired bins (k == m) are dropped, as irfft does.
  void writeInverseInput(Value k, Value m, fft::Complex x1, fft::Complex x2,
                         double s);

private:
  BlockFFT(OpBuilder &b, Location loc, const BlockFFTPlan &plan)
      : b(b), loc(loc), plan(plan), cx(b, loc, b.getF32Type()) {}

  /// `plane` points of real parts from `offset` in `buffer`, then as many
  /// imaginary parts: a row, or a tile of rows one after the other.
  struct Planes {
    Value buffer, offset;
    int64_t plane;
  };
  Planes rowAt(Value offset) { return {buffer, offset, plan.size}; }
  fft::Complex load(const Planes &planes, Value index);
  void store(const Planes &planes, Value index, fft::Complex value);
  /// In-place stages of `batch` transforms of `len` points stored one
  /// after the other in `tile`, in shared memory.
  void sharedStages(const Planes &tile, int64_t len, int64_t batch,
                    ArrayRef<int64_t> radices);
  /// One out-of-place stage of the current row in global memory.
  void globalStage(int64_t radix, int64_t span);
  void fourStep();
  void stages();
  /// Bluestein's convolution around the stages.
  void bluestein();
  /// Twiddles, small DFT and store into the transform at `dstBase` of `dst`
  /// of the butterfly at index `j` whose inputs are `v`.
  void butterfly(Value j, int64_t radix, int64_t span,
                 SmallVectorImpl<fft::Complex> &v, const Planes &dst,
                 Value dstBase);

  OpBuilder &b;
  Location loc;
  BlockFFTPlan plan;
  fft::ComplexBuilder cx;
  fft::Table twiddles, chirp, filter;
  Value buffer, tile, tid, threads;
  /// Offsets of the current and the other buffer of this row.
  Value current, other;
};

} // namespace gpu
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_GPU_FFTKERNEL_H
