//===- FFTMath.h - Compile-time FFT constants -------------------*- C++ -*-===//
//
// Double-precision arithmetic shared by the CPU and GPU FFT code generators:
// roots of unity, the choice of Bluestein's convolution size and its
// constants. Kernels store these constants as f32 tables, computed here in
// double so that their rounding is the only error they add.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_FFTMATH_H
#define ORCHID_LOWERING_FFTMATH_H

#include <complex>
#include <cstdint>
#include <vector>

namespace mlir {
namespace orchid {

using CDouble = std::complex<double>;

/// exp(sign * 2 pi i k / r), exact when it is 1, -1, i or -i.
CDouble unitRoot(int64_t k, int64_t r, int sign);

/// Mixed-radix DFT with exponent sign `sign`, unnormalised.
std::vector<CDouble> referenceFFT(const std::vector<CDouble> &x, int sign);

/// The largest prime factor of n >= 1 (1 for n = 1).
int64_t largestPrimeFactor(int64_t n);

/// Size of the cyclic convolution that evaluates an n-point Bluestein DFT:
/// the smallest 2^a 3^b 5^c >= 2n - 1.
int64_t getBluesteinSize(int64_t n);

/// Constants of an n-point Bluestein DFT with exponent sign `sign`:
/// X = chirp * IDFT_m(DFT_m(chirp * x) * filterSpectrum), with x zero-padded
/// to m = getBluesteinSize(n) points and the 1/m of the inverse transform
/// folded into filterSpectrum.
struct BluesteinConstants {
  /// exp(sign i pi j^2 / n), j < n.
  std::vector<CDouble> chirp;
  /// DFT_m of the conjugate chirp wrapped around m, divided by m.
  std::vector<CDouble> filterSpectrum;
};
BluesteinConstants getBluesteinConstants(int64_t n, int sign);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_FFTMATH_H
