//===- BenchUtil.h - Helpers shared by the CPU benchmarks -------*- C++ -*-===//
//
// Timing, memory and machine figures that every benchmark prints the same
// way, so that their tables can be compared.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_BENCH_BENCHUTIL_H
#define ORCHID_BENCH_BENCHUTIL_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <vector>

namespace mlir {
namespace orchid {
namespace bench {

/// Milliseconds per call over a set of timed calls.
struct Timing {
  double median = 0, min = 0, max = 0;
};

/// Times `reps` calls of `f` after one untimed warm-up call (which pays for
/// JIT compilation, page faults and plan caches).
Timing timeCalls(llvm::function_ref<void()> f, unsigned reps);

/// Peak resident set size of the process, in MiB.
double peakRssMiB();

/// Prints the CPU model, its cores and hardware threads, and `threads`, the
/// number of threads the benchmark uses.
void printMachine(unsigned threads);

/// Relative L2 distance of `a` from `b`, accumulated in double precision.
double relativeL2Error(const float *a, const float *b, int64_t n);

} // namespace bench
} // namespace orchid
} // namespace mlir

#endif // ORCHID_BENCH_BENCHUTIL_H
