//===- FFTMath.cpp - Compile-time FFT constants ---------------------------===//

#include "lowering/FFTMath.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::orchid;

CDouble orchid::unitRoot(int64_t k, int64_t r, int sign) {
  k %= r;
  if ((4 * k) % r == 0) {
    static const CDouble quarter[] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    CDouble w = quarter[4 * k / r];
    return sign < 0 ? std::conj(w) : w;
  }
  double angle = sign * 2 * llvm::numbers::pi * double(k) / double(r);
  return {std::cos(angle), std::sin(angle)};
}

std::vector<CDouble> orchid::referenceFFT(const std::vector<CDouble> &x,
                                          int sign) {
  int64_t n = x.size();
  if (n == 1)
    return x;
  int64_t p = 2;
  while (n % p)
    ++p;
  int64_t m = n / p;
  std::vector<std::vector<CDouble>> subs;
  for (int64_t j = 0; j < p; ++j) {
    std::vector<CDouble> sub(m);
    for (int64_t t = 0; t < m; ++t)
      sub[t] = x[t * p + j];
    subs.push_back(referenceFFT(sub, sign));
  }
  std::vector<CDouble> out(n);
  for (int64_t k = 0; k < n; ++k)
    for (int64_t j = 0; j < p; ++j)
      out[k] += unitRoot((j * k) % n, n, sign) * subs[j][k % m];
  return out;
}

int64_t orchid::largestPrimeFactor(int64_t n) {
  int64_t largest = 1;
  for (int64_t p = 2; p * p <= n; ++p)
    while (n % p == 0) {
      largest = p;
      n /= p;
    }
  return n > 1 ? n : largest;
}

int64_t orchid::getBluesteinSize(int64_t n) {
  int64_t m = 2 * n - 1;
  while (largestPrimeFactor(m) > 5)
    ++m;
  return m;
}

BluesteinConstants orchid::getBluesteinConstants(int64_t n, int sign) {
  int64_t m = getBluesteinSize(n);
  BluesteinConstants constants;
  // j^2 is reduced mod 2n for accuracy.
  constants.chirp.resize(n);
  for (int64_t j = 0; j < n; ++j)
    constants.chirp[j] = unitRoot((j * j) % (2 * n), 2 * n, sign);
  std::vector<CDouble> filter(m);
  for (int64_t j = 0; j < n; ++j) {
    filter[j] = std::conj(constants.chirp[j]);
    if (j > 0)
      filter[m - j] = std::conj(constants.chirp[j]);
  }
  constants.filterSpectrum = referenceFFT(filter, -1);
  for (CDouble &v : constants.filterSpectrum)
    v /= double(m);
  return constants;
}
