//===- FFTCodegen.h - Generated mixed-radix FFT kernels ---------*- C++ -*-===//
//
// Emits FFTs specialised to their size at compile time. Every FFT works on
// 16 independent signals at once, one per lane of a vector<16xf32>, stored as
// split real/imaginary lane buffers `memref<?x16xf32>` (row = sample index).
// The plan, the constant tables and the butterflies come from lowering/FFT;
// this file schedules them over lanes and threads.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_CPU_FFTCODEGEN_H
#define ORCHID_LOWERING_CPU_FFTCODEGEN_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir {
namespace orchid {
namespace cpu {

/// Smallest length transformed by the four-step algorithm: from here on the
/// two n-row lane buffers of a Stockham transform (n * 128 bytes each, 4 MiB
/// together) are several times the L2 cache of current cores (1-2 MiB), and
/// every radix stage streams them from L3 or memory.
constexpr int64_t kFourStepMinSize = 16384;

/// Whether the FFT function of size `n` has a variant that spreads one
/// transform over threads (the four-step algorithm, used directly or for
/// Bluestein's convolution).
bool hasParallelFFT(int64_t n);

/// The threads each n-point FFT of a kernel with `items` independent tiles
/// splits its work over: all of them when there are fewer tiles than
/// threads and the FFT is large enough to split (the tiles then run one
/// after the other), otherwise 1 (the tiles run in parallel).
int64_t getFFTThreads(int64_t n, int64_t items, int64_t threads);

/// Rows of scratch buffer the FFT function of size `n` for `threads`
/// threads needs.
int64_t getFFTScratchRows(int64_t n, int64_t threads = 1);

/// Returns (creating it on first use) a private function
/// `(re, im, scratchRe, scratchIm)` that replaces the 16 lane signals held in
/// rows [0, n) of `re`/`im` by their unnormalised DFT, with exponent sign -1
/// (forward) or +1 (`inverse`). Scratch buffers need
/// getFFTScratchRows(n, threads) rows. With `threads` > 1 (which requires
/// hasParallelFFT(n)) the function splits its work over that many threads
/// with its own scf.parallel loops; call it outside of one.
func::FuncOp getOrCreateFFTFunction(ModuleOp module, int64_t n, bool inverse,
                                    int64_t threads = 1);

} // namespace cpu
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_CPU_FFTCODEGEN_H
