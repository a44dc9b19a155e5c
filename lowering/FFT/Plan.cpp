//===- Plan.cpp - How an FFT of a given size is computed ------------------===//

#include "lowering/FFT/Plan.h"

#include <algorithm>

using namespace mlir::orchid;

int64_t fft::largestPrimeFactor(int64_t n) {
  int64_t largest = 1;
  for (int64_t p = 2; p * p <= n; ++p)
    while (n % p == 0) {
      largest = p;
      n /= p;
    }
  return n > 1 ? n : largest;
}

int64_t fft::getFastFFTSize(int64_t minSize) {
  int64_t n = std::max<int64_t>(1, minSize);
  while (largestPrimeFactor(n) > 5)
    ++n;
  return n;
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
  for (int64_t d = 2; d * d <= n; ++d)
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
