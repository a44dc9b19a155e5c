//===- ReferenceTest.cpp - Float64 reference implementations -------------===//

#include "tools/lib/reference/Reference.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace mlir::orchid::ref;

namespace {

std::vector<double> randomVector(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> dist(-1.0, 1.0);
  std::vector<double> v(n);
  for (double &x : v)
    x = dist(gen);
  return v;
}

TEST(Reference, RfftOfImpulseIsFlat) {
  std::vector<double> x = {1.0, 0.0, 0.0, 0.0, 0.0};
  std::vector<Complex> X = rfft(x, 1, 5, 5);
  ASSERT_EQ(X.size(), 3u);
  for (Complex c : X)
    EXPECT_NEAR(std::abs(c - Complex(1.0, 0.0)), 0.0, 1e-15);
}

TEST(Reference, RfftOfCosineHasTwoPeaks) {
  const int64_t n = 16;
  std::vector<double> x(n);
  for (int64_t t = 0; t < n; ++t)
    x[t] = std::cos(2 * M_PI * 3 * t / n);
  std::vector<Complex> X = rfft(x, 1, n, n, Norm::Forward);
  for (int64_t k = 0; k <= n / 2; ++k)
    EXPECT_NEAR(std::abs(X[k]), k == 3 ? 0.5 : 0.0, 1e-14) << "k = " << k;
}

TEST(Reference, RfftZeroPadsAndTruncates) {
  std::vector<double> x = {1.0, 2.0, 3.0};
  // Padded to 4 points: X[2] = 1 - 2 + 3 - 0.
  EXPECT_NEAR(std::abs(rfft(x, 1, 3, 4)[2] - Complex(2.0, 0.0)), 0.0, 1e-14);
  // Truncated to 2 points: X[0] = 1 + 2, X[1] = 1 - 2.
  std::vector<Complex> X = rfft(x, 1, 3, 2);
  EXPECT_NEAR(std::abs(X[0] - Complex(3.0, 0.0)), 0.0, 1e-14);
  EXPECT_NEAR(std::abs(X[1] - Complex(-1.0, 0.0)), 0.0, 1e-14);
}

TEST(Reference, Parseval) {
  for (int64_t n : {1, 2, 7, 8, 33}) {
    std::vector<double> x = randomVector(n, n);
    std::vector<Complex> X = rfft(x, 1, n, n);
    double time = 0.0, freq = 0.0;
    for (double v : x)
      time += v * v;
    for (int64_t k = 0; k <= n / 2; ++k) {
      bool unpaired = k == 0 || 2 * k == n;
      freq += (unpaired ? 1.0 : 2.0) * std::norm(X[k]);
    }
    EXPECT_NEAR(time, freq / n, 1e-12) << "n = " << n;
  }
}

TEST(Reference, IrfftInvertsRfft) {
  for (int64_t n : {1, 2, 5, 12}) {
    for (Norm norm : {Norm::Backward, Norm::Forward}) {
      std::vector<double> x = randomVector(3 * n, n);
      std::vector<Complex> X = rfft(x, 3, n, n, norm);
      std::vector<double> y = irfft(X, 3, n / 2 + 1, n, n, norm);
      EXPECT_LT(relativeL2Error(y, x), 1e-14) << "n = " << n;
    }
  }
}

TEST(Reference, IrfftIgnoresImaginaryDcAndNyquist) {
  std::vector<Complex> X = {{1.0, 5.0}, {0.0, 0.0}, {2.0, -3.0}};
  std::vector<double> y = irfft(X, 1, 3, 4, 4);
  std::vector<double> expected = {0.75, -0.25, 0.75, -0.25};
  EXPECT_LT(relativeL2Error(y, expected), 1e-15);
}

TEST(Reference, ConvolutionOfImpulses) {
  // u = delta at 1, k = delta at 2: causal output is a delta at 3.
  std::vector<double> u(6, 0.0), k(6, 0.0), bias = {0.5};
  u[1] = 1.0;
  k[2] = 1.0;
  std::vector<double> y = fftconv(u, k, bias, 1, 1, 6, 6, ConvMode::Causal);
  std::vector<double> expected = {0, 0.5, 0, 1, 0, 0};
  EXPECT_EQ(y, expected);
  // Circular: a delta at 5 wraps to 1.
  k[2] = 0.0;
  k[4] = 1.0;
  y = fftconv(u, k, bias, 1, 1, 6, 6, ConvMode::Circular, 2.0);
  expected = {0, 0.5, 0, 0, 0, 2};
  EXPECT_EQ(y, expected);
  u[1] = 0.0;
  u[4] = 1.0;
  y = fftconv(u, k, bias, 1, 1, 6, 6, ConvMode::Circular);
  expected = {0, 0, 1, 0, 0.5, 0};
  EXPECT_EQ(y, expected);
}

TEST(Reference, BidirectionalKernelIsCentred) {
  const int64_t l = 4;
  std::vector<double> u = {1, 2, 3, 4}, bias = {0.0};
  // Lag -1 (index L - 2) shifts the signal left by one.
  std::vector<double> k(2 * l - 1, 0.0);
  k[l - 2] = 1.0;
  std::vector<double> y =
      fftconv(u, k, bias, 1, 1, l, 2 * l - 1, ConvMode::Bidirectional);
  std::vector<double> expected = {2, 3, 4, 0};
  EXPECT_EQ(y, expected);
}

TEST(Reference, SpectralConvMatchesDirectConvolution) {
  const int64_t b = 2, d = 3, l = 7;
  std::vector<double> u = randomVector(b * d * l, 1);
  std::vector<double> bias = randomVector(d, 2);
  std::vector<double> k = randomVector(d * l, 3);
  // Causal: n >= 2L - 1, no wrap.
  for (int64_t n : {13, 14, 16}) {
    std::vector<Complex> spectrum = rfft(k, d, l, n);
    EXPECT_LT(
        relativeL2Error(spectralConv(u, spectrum, bias, b, d, l, n, false),
                        fftconv(u, k, bias, b, d, l, l, ConvMode::Causal)),
        1e-13);
    // Wrapping the linear convolution gives the circular one.
    EXPECT_LT(
        relativeL2Error(spectralConv(u, spectrum, bias, b, d, l, n, true),
                        fftconv(u, k, bias, b, d, l, l, ConvMode::Circular)),
        1e-13);
  }
  // Circular with an L-point transform.
  EXPECT_LT(
      relativeL2Error(spectralConv(u, rfft(k, d, l, l), bias, b, d, l, l, true),
                      fftconv(u, k, bias, b, d, l, l, ConvMode::Circular)),
      1e-13);
}

TEST(Reference, PerBatchKernels) {
  const int64_t b = 2, d = 2, l = 5;
  std::vector<double> u = randomVector(b * d * l, 4);
  std::vector<double> bias = randomVector(d, 5);
  std::vector<double> k = randomVector(b * d * l, 6);
  std::vector<double> y =
      fftconv(u, k, bias, b, d, l, l, ConvMode::Causal, 1.0, true);
  std::vector<double> z =
      spectralConv(u, rfft(k, b * d, l, 10), bias, b, d, l, 10, false, true);
  EXPECT_LT(relativeL2Error(z, y), 1e-13);
  // The second batch element uses its own kernel.
  std::vector<double> u1(u.begin() + d * l, u.end());
  std::vector<double> k1(k.begin() + d * l, k.end());
  std::vector<double> y1 = fftconv(u1, k1, bias, 1, d, l, l, ConvMode::Causal);
  EXPECT_LT(
      relativeL2Error(std::vector<double>(y.begin() + d * l, y.end()), y1),
      1e-15);
}

TEST(Reference, ShortConvPadding) {
  std::vector<double> x = {1, 2, 3, 4}, w = {1, 10, 100}, bias = {0.5};
  std::vector<double> causal =
      shortConv(x, w, bias, 1, 1, 4, 3, Padding::Causal);
  std::vector<double> expected = {100.5, 210.5, 321.5, 432.5};
  EXPECT_EQ(causal, expected);
  std::vector<double> centered =
      shortConv(x, w, bias, 1, 1, 4, 3, Padding::Centered);
  expected = {210.5, 321.5, 432.5, 43.5};
  EXPECT_EQ(centered, expected);
}

TEST(Reference, RelativeL2Error) {
  EXPECT_DOUBLE_EQ(
      relativeL2Error(std::vector<double>{3, 4}, std::vector<double>{0, 0}),
      5.0);
  EXPECT_DOUBLE_EQ(
      relativeL2Error(std::vector<double>{1, 1}, std::vector<double>{2, 1}),
      1.0 / std::sqrt(5.0));
}

} // namespace
