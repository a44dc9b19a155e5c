//===- FFTCodegen.h - Generated mixed-radix FFT kernels ----------*- C++
//-*-===//
//
// Emits FFTs specialised to their size at compile time. Every FFT works on
// 16 independent signals at once, one per lane of a vector<16xf32>, stored as
// split real/imaginary planes `memref<?x16xf32>` (row = sample index).
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_CPU_FFTCODEGEN_H
#define ORCHID_LOWERING_CPU_FFTCODEGEN_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir {
namespace orchid {
namespace cpu {

/// Channels processed together, one per vector lane (AVX-512 width).
constexpr int64_t kLanes = 16;

/// Largest odd prime factor handled by a generated butterfly; lengths with a
/// larger prime factor use Bluestein's algorithm.
constexpr int64_t kMaxButterflyPrime = 13;

/// Radices of the Stockham stages for `n`, or an empty list when `n` needs
/// Bluestein's algorithm (and for n = 1).
SmallVector<int64_t> getRadices(int64_t n);

/// Whether `n` has a prime factor above kMaxButterflyPrime.
bool needsBluestein(int64_t n);

/// Smallest length transformed by the four-step algorithm: from here on the
/// two n-row lane buffers of a Stockham transform (n * 128 bytes each, 4 MiB
/// together) are several times the L2 cache of current cores (1-2 MiB), and
/// every radix stage streams them from L3 or memory.
constexpr int64_t kFourStepMinSize = 16384;

/// Whether the FFT function of size `n` has a variant that spreads one
/// transform over threads (the four-step algorithm, used directly or for
/// Bluestein's convolution).
bool hasParallelFFT(int64_t n);

/// Rows of scratch buffer the FFT function of size `n` for `threads`
/// threads needs.
int64_t getFFTScratchRows(int64_t n, int64_t threads = 1);

/// Returns the `memref<?x16xf32>` type of lane buffers.
MemRefType getLaneBufferType(MLIRContext *ctx);

/// Returns (creating it on first use) a private function
/// `(re, im, scratchRe, scratchIm)` that replaces the 16 lane signals held in
/// rows [0, n) of `re`/`im` by their unnormalised DFT, with exponent sign -1
/// (forward) or +1 (`inverse`). Scratch buffers need
/// getFFTScratchRows(n, threads) rows. With `threads` > 1 (which requires
/// hasParallelFFT(n)) the function splits its work over that many threads
/// with its own scf.parallel loops; call it outside of one.
func::FuncOp getOrCreateFFTFunction(ModuleOp module, int64_t n, bool inverse,
                                    int64_t threads = 1);

/// Returns `memref.get_global`s of the real and imaginary parts of
/// w_n^k = exp(-2 pi i k / n) for k < count, computed in double precision.
std::pair<Value, Value> getUnitRootTable(OpBuilder &b, Location loc,
                                         ModuleOp module, int64_t n,
                                         int64_t count);

/// Allocates a `rows x 16` lane buffer, returned as `memref<?x16xf32>`.
Value allocLaneBuffer(OpBuilder &b, Location loc, int64_t rows);

/// Returns a memref of the same elements viewed as 2-D `[rows, innermost]`.
Value collapseToRows(OpBuilder &b, Location loc, Value memref);

} // namespace cpu
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_CPU_FFTCODEGEN_H
