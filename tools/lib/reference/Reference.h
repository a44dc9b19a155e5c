//===- Reference.h - Float64 reference implementations ----------*- C++ -*-===//
//
// Straightforward float64 implementations of Orchid's primitives, written
// from the equations in the op descriptions (naive DFTs, direct
// convolutions) so that they share no code or algorithm with the compiler.
// They check generated kernels; speed is not a goal.
//
// All arrays are dense, row-major (C order); the transform or convolution
// axis is the innermost one, the other axes are folded into `rows`.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_TOOLS_LIB_REFERENCE_REFERENCE_H
#define ORCHID_TOOLS_LIB_REFERENCE_REFERENCE_H

#include <complex>
#include <cstdint>
#include <vector>

namespace mlir {
namespace orchid {
namespace ref {

using Complex = std::complex<double>;

/// FFT normalisation, as `orchid.rfft`/`orchid.irfft` (and torch.fft).
enum class Norm { Backward, Forward };

/// Long convolution modes of `orchid.fftconv`.
enum class ConvMode { Causal, Bidirectional, Circular };

/// Padding of `orchid.short_conv`.
enum class Padding { Causal, Centered };

/// `rows x len` real input, zero-padded or truncated to `n` points; returns
/// `rows x (n/2+1)` coefficients `X[k] = s sum_t x[t] e^{-2 pi i k t / n}`,
/// `s = 1` (backward) or `1/n` (forward).
std::vector<Complex> rfft(const std::vector<double> &x, int64_t rows,
                          int64_t len, int64_t n, Norm norm = Norm::Backward);

/// `rows x bins` half spectrum of an `n`-point Hermitian signal (missing
/// coefficients are zero, extra ones ignored); returns the first `m` samples
/// of the inverse transform, `s = 1/n` (backward) or `1` (forward). The
/// imaginary parts of the zero and Nyquist coefficients are ignored.
std::vector<double> irfft(const std::vector<Complex> &x, int64_t rows,
                          int64_t bins, int64_t n, int64_t m,
                          Norm norm = Norm::Backward);

/// `orchid.fftconv` by direct summation: `u` is `B x D x L`, `kernel` is
/// `D x K` (or `B x D x K` with `perBatchKernel`), `bias` is `D`;
/// `y = scale * (k * u) + bias[d] * u`.
std::vector<double> fftconv(const std::vector<double> &u,
                            const std::vector<double> &kernel,
                            const std::vector<double> &bias, int64_t b,
                            int64_t d, int64_t l, int64_t k, ConvMode mode,
                            double scale = 1.0, bool perBatchKernel = false);

/// `orchid.spectral_conv` by naive DFTs: `z = irfft(rfft(u, n) * S, n)`,
/// folded modulo `L` with `wrap`, plus `bias[d] * u`. `spectrum` is
/// `D x (n/2+1)` (or `B x D x (n/2+1)` with `perBatchSpectrum`).
std::vector<double> spectralConv(const std::vector<double> &u,
                                 const std::vector<Complex> &spectrum,
                                 const std::vector<double> &bias, int64_t b,
                                 int64_t d, int64_t l, int64_t n, bool wrap,
                                 bool perBatchSpectrum = false);

/// `orchid.short_conv`: depthwise convolution of `B x C x L` with `weight`
/// `C x K` and `bias` `C`, zero padding `K-1` (causal) or `(K-1)/2`
/// (centered) on the left.
std::vector<double> shortConv(const std::vector<double> &x,
                              const std::vector<double> &weight,
                              const std::vector<double> &bias, int64_t b,
                              int64_t c, int64_t l, int64_t k, Padding padding);

/// `||a - b||_2 / ||b||_2`; the plain norm of `a` when `b` is zero.
double relativeL2Error(const std::vector<double> &a,
                       const std::vector<double> &b);
double relativeL2Error(const std::vector<Complex> &a,
                       const std::vector<Complex> &b);

} // namespace ref
} // namespace orchid
} // namespace mlir

#endif // ORCHID_TOOLS_LIB_REFERENCE_REFERENCE_H
