//===- FastFFTSizeTest.cpp - Transform size selection ---------------------===//

#include "lowering/FFT/Plan.h"

#include "llvm/Support/MathExtras.h"

#include <gtest/gtest.h>

using mlir::orchid::fft::getFastFFTSize;

namespace {

bool isFiveSmooth(int64_t n) {
  for (int64_t p : {2, 3, 5})
    while (n % p == 0)
      n /= p;
  return n == 1;
}

TEST(FastFFTSize, SmallSizes) {
  EXPECT_EQ(getFastFFTSize(0), 1);
  EXPECT_EQ(getFastFFTSize(1), 1);
  EXPECT_EQ(getFastFFTSize(7), 8);
  EXPECT_EQ(getFastFFTSize(13), 15);
  EXPECT_EQ(getFastFFTSize(2 * 17 - 1), 36);
  EXPECT_EQ(getFastFFTSize(2 * 1000 - 1), 2000);
}

TEST(FastFFTSize, IsMinimalAndFast) {
  for (int64_t m = 1; m < 5000; ++m) {
    int64_t n = getFastFFTSize(m);
    ASSERT_GE(n, m);
    ASSERT_TRUE(isFiveSmooth(n)) << n;
    for (int64_t k = m; k < n; ++k)
      ASSERT_FALSE(isFiveSmooth(k)) << "missed " << k << " for " << m;
  }
}

// Near 2^62 the search once tested every integer above its argument; the
// enumeration answers at once and never overflows.
TEST(FastFFTSize, LargeSizes) {
  const int64_t top = int64_t(1) << 62;
  EXPECT_EQ(getFastFFTSize(top), top);
  EXPECT_EQ(getFastFFTSize(top - 1), top);
  int64_t n = getFastFFTSize((int64_t(1) << 61) + 1);
  EXPECT_GT(n, int64_t(1) << 61);
  EXPECT_LE(n, top);
  EXPECT_TRUE(isFiveSmooth(n)) << n;
  EXPECT_EQ(getFastFFTSize(4194303), 4194304);
}

// orchid-lower-fftconv takes twice the fast size of ceil(m / 2): the
// smallest even fast size >= m.
TEST(FastFFTSize, TwiceHalfIsSmallestEven) {
  for (int64_t m = 1; m < 5000; ++m) {
    int64_t n = 2 * getFastFFTSize(llvm::divideCeil(m, 2));
    ASSERT_GE(n, m);
    for (int64_t k = m; k < n; ++k)
      ASSERT_FALSE(k % 2 == 0 && isFiveSmooth(k)) << "missed " << k;
  }
}

} // namespace
