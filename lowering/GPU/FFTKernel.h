//===- FFTKernel.h - Building blocks of the GPU FFT kernels -----*- C++ -*-===//
//
// Host-side helpers that give an op's tensors buffers and emit the launch, and
// the device-side mixed-radix Stockham FFT that the GPU conversions emit inside
// a gpu.launch body. One thread block transforms one complex row of n points;
// the conversions pack two real rows into that complex row.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_GPU_FFTKERNEL_H
#define ORCHID_LOWERING_GPU_FFTKERNEL_H

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <optional>

namespace mlir {
namespace orchid {
namespace gpu_fft {

//===----------------------------------------------------------------------===//
// Host side
//===----------------------------------------------------------------------===//

/// The buffers of one lowered op. Operands are read in place and results
/// are new allocations: `orchid-move-buffers-to-device` later places every
/// buffer of the function on the device, so that consecutive kernels pass
/// data without host round trips.
struct KernelBuffers {
  SmallVector<Value> scratch;

  /// The buffer of `tensor`, read-only.
  Value input(OpBuilder &b, Location loc, Value tensor);
  /// Allocates an uninitialised buffer.
  Value alloc(OpBuilder &b, Location loc, MemRefType type);
  /// Allocates an uninitialised buffer that is freed after the launch.
  Value allocScratch(OpBuilder &b, Location loc, MemRefType type);
  /// Ends the lowering of `op`: its single result becomes the tensor of
  /// `buffer` of `type`, the scratch buffers are freed and `op` is erased.
  void replaceOp(OpBuilder &b, Location loc, Operation *op, Value buffer,
                 RankedTensorType type);
};

/// Whether `op` is device code: inside a gpu.launch or a gpu.func.
bool isInKernel(Operation *op);

/// Collapses all leading dimensions of an identity-layout memref of rank > 2:
/// `A x B x ... x N` becomes `(A*B*...) x N`.
Value collapseToRows(OpBuilder &b, Location loc, Value memref);

/// Emits a gpu.launch of a 1-D grid of `blocks` 1-D blocks of `threads`
/// threads with `sharedBytes` of dynamic shared memory (no operand when
/// absent). `body` emits the kernel from the start of the launch body; the
/// terminator follows it.
void emitLaunch(OpBuilder &b, Location loc, int64_t blocks, int64_t threads,
                std::optional<int64_t> sharedBytes, function_ref<void()> body);

//===----------------------------------------------------------------------===//
// Device side
//===----------------------------------------------------------------------===//

/// The launch's dynamic shared memory as `floats` f32 values.
Value getSharedFloats(OpBuilder &b, Location loc, int64_t floats);

/// How an n-point FFT is computed by one block. Sizes whose prime factors
/// are at most 13 run as Stockham stages of those radices; other sizes go
/// through Bluestein's algorithm, a cyclic convolution of `size` =
/// getBluesteinSize(n) points computed by two FFTs of that size.
struct FFTPlan {
  int64_t n = 0;
  /// Points of the row buffer and of the stages: n, or Bluestein's size.
  int64_t size = 0;
  bool bluestein = false;
  /// Radices of `size`, in stage order.
  SmallVector<int64_t> radices;
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

/// Plans an FFT of size n >= 1.
FFTPlan planFFT(int64_t n, int64_t maxThreads, int64_t maxSharedBytes);

/// The constant tables a plan reads, as interleaved (re, im) f32 values
/// computed in double precision: the forward twiddles exp(-2 pi i k / size)
/// and, for Bluestein's algorithm, its chirp and filter spectrum.
struct FFTTables {
  memref::GlobalOp twiddles, chirp, filter;
};

/// Returns the tables of `plan`, creating the memref.globals in `module` on
/// first use.
FFTTables getOrCreateFFTTables(ModuleOp module, const FFTPlan &plan);

/// The two rows (b, d) a block handles: row2 is row1 + 1, or row1 again
/// when that is past the last row (hasRow2 false).
struct RowPair {
  Value row1, row2, hasRow2;
};
RowPair getRowPair(OpBuilder &b, Location loc, int64_t rows);

/// A complex value as two f32 scalars.
struct Complex {
  Value re, im;
};

/// Emits the FFT of one complex row inside a gpu.launch body. The row is
/// stored as two planes (real parts then imaginary parts) in a 1-D f32
/// buffer; `read`/`write` address the current planes, which move between
/// ping-pong buffers on the global-memory path.
class BlockFFT {
public:
  /// `scratch` is the global scratch buffer (global-memory path only).
  BlockFFT(OpBuilder &b, Location loc, const FFTPlan &plan,
           const FFTTables &tables, Value scratch);

  Value threadId() const { return tid; }
  Value constant(int64_t v);
  Complex read(Value index);
  void write(Value index, Complex value);
  /// Forward FFT of points [0, n) of the current row, in natural order;
  /// ends with a barrier.
  void forward();
  /// Runs `body(i)` for i = tid, tid + threads, ... < count.
  void forEach(Value count, function_ref<void(OpBuilder &, Value)> body);
  void forEach(int64_t count, function_ref<void(OpBuilder &, Value)> body) {
    forEach(constant(count), body);
  }

  // Complex arithmetic on f32 pairs.
  Complex add(Complex a, Complex c);
  Complex sub(Complex a, Complex c);
  Complex mul(Complex a, Complex c);
  Complex scale(Complex a, double s);
  Complex conj(Complex a);

  /// Index of the mirrored bin (n - k) mod n.
  Value mirror(Value k);
  /// Separates the spectra of the two real rows packed in the current
  /// (transformed) row z = x1 + i x2 at bin k, whose mirror is m:
  /// X1 = (Z[k] + conj Z[m]) / 2 and X2 = (Z[k] - conj Z[m]) / 2i.
  std::pair<Complex, Complex> splitSpectra(Value k, Value m);
  /// Writes bins k and m of conj(X1 + i X2) * s, where X1 and X2 are the
  /// Hermitian spectra of two real rows given at bin k; a following forward
  /// FFT then yields conj(x1 + i x2) * n * s. The imaginary parts of
  /// self-paired bins (k == m) are dropped, as irfft does.
  void writeInverseInput(Value k, Value m, Complex x1, Complex x2, double s);

private:
  /// `plane` points of real parts from `offset` in `buffer`, then as many
  /// imaginary parts: a row, or a tile of rows one after the other.
  struct Planes {
    Value buffer, offset;
    int64_t plane;
  };
  Planes rowAt(Value offset) { return {buffer, offset, plan.size}; }
  Complex load(const Planes &planes, Value index);
  void store(const Planes &planes, Value index, Complex value);
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
  Complex loadTable(Value table, Value index);
  /// Twiddles, small DFT and store into the transform at `dstBase` of `dst`
  /// of the butterfly at index `j` whose inputs are `v`.
  void butterfly(Value j, int64_t radix, int64_t span,
                 SmallVectorImpl<Complex> &v, const Planes &dst, Value dstBase);
  SmallVector<Complex> dft(ArrayRef<Complex> x);
  Complex mulConst(Complex a, double re, double im);

  OpBuilder &b;
  Location loc;
  FFTPlan plan;
  Value table, chirp, filter, buffer, tile, tid, threads;
  /// Offsets of the current and the other buffer of this row.
  Value current, other;
};

} // namespace gpu_fft
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_GPU_FFTKERNEL_H
