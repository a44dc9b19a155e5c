//===- Tables.h - Constant tables of the generated FFTs ---------*- C++ -*-===//
//
// The constants the FFT kernels read from memory: twiddles, the factors of
// the four-step algorithm and the chirps of Bluestein's algorithm. They are
// computed in double precision, exact when they are 1, -1, i or -i, and
// rounded once to f32, so that their rounding is the only error they add.
// Every table is a pair of private constant `memref.global`s of the same
// length, one per plane: `__orchid_fft_<what>_re` and `__orchid_fft_<what>_im`.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_FFT_TABLES_H
#define ORCHID_LOWERING_FFT_TABLES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <complex>
#include <cstdint>
#include <vector>

namespace mlir {
namespace orchid {
namespace fft {

using CDouble = std::complex<double>;

/// exp(sign * 2 pi i k / r), exact when it is 1, -1, i or -i.
CDouble unitRoot(int64_t k, int64_t r, int sign);

/// Mixed-radix DFT with exponent sign `sign`, unnormalised.
std::vector<CDouble> referenceFFT(const std::vector<CDouble> &x, int sign);

/// Constants of an n-point Bluestein DFT with exponent sign `sign`:
/// X = chirp * IDFT_m(DFT_m(chirp * x) * filterSpectrum), with x zero-padded
/// to the m = planFFT(n).size points of its grid and the 1/m of the inverse
/// transform folded into filterSpectrum.
struct BluesteinConstants {
  /// exp(sign i pi j^2 / n), j < n.
  std::vector<CDouble> chirp;
  /// DFT_m of the conjugate chirp wrapped around m, divided by m.
  std::vector<CDouble> filterSpectrum;
};
BluesteinConstants getBluesteinConstants(int64_t n, int sign);

/// A complex table in memory: `memref.get_global`s of its two planes.
struct Table {
  Value re, im;
};

/// w_n^k = exp(-2 pi i k / n) for k < count (`__orchid_fft_roots_<n>_<count>`):
/// the twiddles of the n-point Stockham stages when count = n.
Table getUnitRootTable(OpBuilder &b, Location loc, ModuleOp module, int64_t n,
                       int64_t count);

/// The twiddles w_n^(j2 k1) of a four-step transform of n = n1 n2 points,
/// at index j2 n1 + k1 (`__orchid_fft_four_step_<n1>x<n2>`), in the order a
/// sweep over blocks of columns reads them.
Table getFourStepTable(OpBuilder &b, Location loc, ModuleOp module, int64_t n1,
                       int64_t n2);

/// The chirp and filter spectrum of an n-point Bluestein DFT with exponent
/// sign `sign` (`__orchid_fft_chirp_<n>_{fwd,inv}` and
/// `__orchid_fft_chirp_filter_<n>_{fwd,inv}`).
std::pair<Table, Table> getBluesteinTables(OpBuilder &b, Location loc,
                                           ModuleOp module, int64_t n,
                                           int sign);

} // namespace fft
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_FFT_TABLES_H
