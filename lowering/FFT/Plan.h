//===- Plan.h - How an FFT of a given size is computed ----------*- C++ -*-===//
//
// The size arithmetic that the CPU and GPU FFT code generators share: the
// fast transform sizes, the radices of the Stockham stages, when Bluestein's
// algorithm takes over and on which grid, and the four-step split of long
// transforms into blocks of short ones that fit an on-chip memory budget.
// Nothing here builds IR; each target schedules the plan its own way.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_FFT_PLAN_H
#define ORCHID_LOWERING_FFT_PLAN_H

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace mlir {
namespace orchid {
namespace fft {

/// The longest transform the code generators build: 2^22 points, twice the
/// grid of a causal convolution of L = 2^20 samples. Longer transforms
/// would need tables and unrolled stages of hundreds of megabytes and
/// compile for minutes; Bluestein's grid for n <= kMaxFFTSize points stays
/// below 4 * kMaxFFTSize.
constexpr int64_t kMaxFFTSize = int64_t(1) << 22;

/// Reports on `op` and fails when an n-point transform is longer than
/// kMaxFFTSize. Every conversion that plans an FFT checks its sizes with
/// this first, so that no planner or generator sees a longer one.
LogicalResult verifyFFTSize(Operation *op, int64_t n);

/// Largest odd prime factor handled by a generated butterfly; lengths with a
/// larger prime factor use Bluestein's algorithm.
constexpr int64_t kMaxButterflyPrime = 13;

/// The largest prime factor of n >= 1 (1 for n = 1).
int64_t largestPrimeFactor(int64_t n);

/// The smallest n >= minSize (and >= 1) whose only prime factors are 2, 3
/// and 5: the sizes the generated FFTs transform fastest. minSize must be
/// at most 2^62 (itself such a size), so that the result fits in 64 bits.
int64_t getFastFFTSize(int64_t minSize);

/// Whether `n` has a prime factor above kMaxButterflyPrime.
bool needsBluestein(int64_t n);

/// Radices of the Stockham stages of `n`, in stage order (8, 4, 2, 5, 3,
/// then 7, 11, 13: large radices first, for fewer passes over the data), or
/// an empty list when `n` needs Bluestein's algorithm (and for n = 1).
llvm::SmallVector<int64_t> getRadices(int64_t n);

/// How an n-point DFT is computed: Stockham stages of `radices` over `size`
/// points, which is n itself, or for Bluestein's algorithm the grid of the
/// cyclic convolution, the fast size >= 2n - 1, transformed twice.
struct FFTPlan {
  int64_t n = 0;
  int64_t size = 0;
  bool bluestein = false;
  llvm::SmallVector<int64_t> radices;
};
FFTPlan planFFT(int64_t n);

/// A four-step split n = n1 * n2 with n1 <= n2, n1 the largest divisor of n
/// up to sqrt(n): the most balanced one, so that both short transforms are
/// as short as they can be.
struct FourStepSplit {
  int64_t n1 = 0, n2 = 0;
};
/// The split of n, or std::nullopt when n is prime (or 1).
std::optional<FourStepSplit> splitFourStep(int64_t n);

/// Short transforms of `length` points moved together through on-chip
/// memory during a four-step sweep over `count` of them: the largest divisor
/// of `count` up to `maxBlock` whose block fits in `budget` points, or 0
/// when not even one transform fits.
int64_t getFourStepBlock(int64_t count, int64_t length, int64_t budget,
                         int64_t maxBlock = 16);

} // namespace fft
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_FFT_PLAN_H
