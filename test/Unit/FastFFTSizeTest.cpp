//===- FastFFTSizeTest.cpp - Transform size selection ---------------------===//

#include "passes/Passes.h"

#include <gtest/gtest.h>

using mlir::orchid::getFastFFTSize;

namespace {

bool isFiveSmoothEven(int64_t n) {
  if (n % 2)
    return false;
  for (int64_t p : {2, 3, 5})
    while (n % p == 0)
      n /= p;
  return n == 1;
}

TEST(FastFFTSize, SmallSizes) {
  EXPECT_EQ(getFastFFTSize(1), 2);
  EXPECT_EQ(getFastFFTSize(2), 2);
  EXPECT_EQ(getFastFFTSize(3), 4);
  EXPECT_EQ(getFastFFTSize(7), 8);
  EXPECT_EQ(getFastFFTSize(13), 16);
  EXPECT_EQ(getFastFFTSize(2 * 1000 - 1), 2000);
}

TEST(FastFFTSize, IsMinimalAndFast) {
  for (int64_t m = 1; m < 5000; ++m) {
    int64_t n = getFastFFTSize(m);
    ASSERT_GE(n, m);
    ASSERT_TRUE(isFiveSmoothEven(n)) << n;
    for (int64_t k = m; k < n; ++k)
      ASSERT_FALSE(isFiveSmoothEven(k)) << "missed " << k << " for " << m;
  }
}

} // namespace
