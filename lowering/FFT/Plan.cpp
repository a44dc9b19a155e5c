//===- Plan.cpp - How an FFT of a given size is computed ------------------===//

#include "lowering/FFT/Plan.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <algorithm>
#include <cassert>

using namespace mlir::orchid;

mlir::LogicalResult fft::verifyFFTSize(Operation *op, int64_t n) {
  if (n <= kMaxFFTSize)
    return success();
  return op->emitOpError() << "transform size n = " << n
                           << " exceeds the limit of " << kMaxFFTSize
                           << " points (kMaxFFTSize)";
}

int64_t fft::largestPrimeFactor(int64_t n) {
  int64_t largest = 1;
  // p <= n / p rather than p * p <= n, which overflows for n near 2^63.
  for (int64_t p = 2; p <= n / p; ++p)
    while (n % p == 0) {
      largest = p;
      n /= p;
    }
  return n > 1 ? n : largest;
}

int64_t fft::getFastFFTSize(int64_t minSize) {
  assert(minSize <= (int64_t(1) << 62) && "no 64-bit fast size above 2^62");
  // Enumerate the 2^a 3^b 5^c: a few thousand candidates at most, where a
  // search through the integers above minSize would take ages near 2^62.
  int64_t target = std::max<int64_t>(1, minSize);
  int64_t best = int64_t(1) << 62;
  for (int64_t p5 = 1; p5 < best; p5 *= 5) {
    for (int64_t p35 = p5; p35 < best; p35 *= 3) {
      int64_t n = p35;
      while (n < target)
        n *= 2;
      best = std::min(best, n);
      if (!llvm::checkedMul(p35, int64_t(3)))
        break;
    }
    if (!llvm::checkedMul(p5, int64_t(5)))
      break;
  }
  return best;
}

bool fft::needsBluestein(int64_t n) {
  return largestPrimeFactor(n) > kMaxButterflyPrime;
}

llvm::SmallVector<int64_t> fft::getRadices(int64_t n) {
  llvm::SmallVector<int64_t> radices;
  if (needsBluestein(n))
    return radices;
  for (int64_t r : {8, 4, 2, 5, 3})
    for (; n % r == 0; n /= r)
      radices.push_back(r);
  for (int64_t p = 7; n > 1; p += 2)
    for (; n % p == 0; n /= p)
      radices.push_back(p);
  return radices;
}

fft::FFTPlan fft::planFFT(int64_t n) {
  FFTPlan plan;
  plan.n = plan.size = n;
  plan.bluestein = needsBluestein(n);
  if (plan.bluestein)
    plan.size = getFastFFTSize(2 * n - 1);
  plan.radices = getRadices(plan.size);
  return plan;
}

std::optional<fft::FourStepSplit> fft::splitFourStep(int64_t n) {
  FourStepSplit split;
  for (int64_t d = 2; d <= n / d; ++d)
    if (n % d == 0)
      split.n1 = d;
  if (!split.n1)
    return std::nullopt;
  split.n2 = n / split.n1;
  return split;
}

int64_t fft::getFourStepBlock(int64_t count, int64_t length, int64_t budget,
                              int64_t maxBlock) {
  for (int64_t d = std::min({count, maxBlock, budget / length}); d >= 1; --d)
    if (count % d == 0)
      return d;
  return 0;
}
