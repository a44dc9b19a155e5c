//===- BlockReference.h - Float64 Hyena and Orchid blocks -------*- C++ -*-===//
//
// Float64 references of the implicit filter, Orchid's conditioning networks
// and the whole Hyena and Orchid operators, written from the equations of
// the reference modules (direct convolutions, naive DFTs) to check the
// compiled blocks.
//
// Weights use PyTorch's layouts (`out x in` linear layers, `C x K`
// depthwise convolutions); see docs/weights.md. Arrays are dense row-major.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_TOOLS_LIB_REFERENCE_BLOCKREFERENCE_H
#define ORCHID_TOOLS_LIB_REFERENCE_BLOCKREFERENCE_H

#include "tools/lib/reference/Reference.h"

#include <cstdint>
#include <vector>

namespace mlir {
namespace orchid {
namespace ref {

/// Where an implicit filter applies its per-position L1 normalisation.
enum class FilterNorm { None, BeforeModulation, AfterModulation };

/// What a filter does for lengths above `lMax`.
enum class GridPolicy {
  /// Undefined: an error.
  Reject,
  /// Positions past `lMax` continue the grid with the same step.
  Extrapolate,
  /// Kernels have `lMax` taps and are zero beyond (Orchid).
  ZeroPad
};

/// The hyperparameters of `#orchid.filter`.
struct FilterConfig {
  int64_t lMax = 0;
  double shift = 0.0;
  double target = 1e-2;
  double fastDecayPct = 0.3;
  double slowDecayPct = 1.5;
  /// Apply the exponential modulation at all.
  bool modulate = true;
  /// The skip term of the convolutions: off multiplies the bias by 0.
  bool bias = true;
  /// Sin layers compute `sin(wMod * freq * x)`.
  double wMod = 1.0;
  FilterNorm normalize = FilterNorm::None;
  GridPolicy grid = GridPolicy::Reject;
};

/// An implicit filter's FFN: embedding size `embDim`, width `width`,
/// `numInner` inner layers, `numFeatures = (N-1) D` outputs, and the
/// filter's stored state, each empty when the formula is to be used.
struct FilterWeights {
  int64_t embDim = 3, width = 0, numInner = 0, numFeatures = 0;
  std::vector<double> wIn;    // width x embDim
  std::vector<double> bIn;    // width
  std::vector<double> wInner; // numInner x width x width
  std::vector<double> bInner; // numInner x width
  std::vector<double> freq;   // (numInner + 1) x width
  std::vector<double> wOut;   // numFeatures x width
  std::vector<double> z;      // lMax x embDim, or empty
  std::vector<double> deltas; // numFeatures, or empty
};

/// Hyena's positional embedding `[t, Re z, Im z]`, `len x embDim`.
std::vector<double> positionalEmbedding(int64_t len, int64_t lMax,
                                        int64_t embDim);

/// The implicit filter on `len` positions: `numKernels x channels x len`,
/// kernel `o` channel `d` from feature `d * numKernels + o`. Requires
/// `len <= lMax` unless the config extrapolates (without a stored `z`) or
/// zero-pads (zero beyond `lMax` taps).
std::vector<double> implicitFilter(const FilterWeights &weights,
                                   const FilterConfig &config,
                                   int64_t numKernels, int64_t channels,
                                   int64_t len);

enum class ConditionKind { Spectral, Correlation };

/// A conditioning network: the 8 (spectral) or 12 (correlation) tensors of
/// `orchid.condition`, in its order (the correlation's frequency
/// convolution weight is `2C x 2 x K`); `kernelSize` of every convolution.
struct ConditionWeights {
  ConditionKind kind = ConditionKind::Spectral;
  int64_t kernelSize = 3;
  std::vector<std::vector<double>> tensors;
};

/// The conditioning network on `a` (`B x L x D`) with transforms of `n`
/// points: the spectrum `B x (numKernels D) x (n/2+1)`.
std::vector<Complex> condition(const std::vector<double> &a, int64_t batch,
                               int64_t len, int64_t channels,
                               int64_t numKernels, int64_t n,
                               const ConditionWeights &weights,
                               double eps = 1e-5);

/// Weights shared by the Hyena and Orchid blocks.
struct BlockWeights {
  std::vector<double> inProjWeight;      // (N+1)D x D
  std::vector<double> inProjBias;        // (N+1)D
  std::vector<double> shortFilterWeight; // (N+1)D x K
  std::vector<double> shortFilterBias;   // (N+1)D
  int64_t shortFilterSize = 3;
  FilterWeights filter;
  std::vector<double> filterBias;    // (N-1)D, interleaved
  std::vector<double> outProjWeight; // D x D
  std::vector<double> outProjBias;   // D
};

/// The Hyena operator of order `order` on `x` (`B x L x D`).
std::vector<double> hyenaBlock(const std::vector<double> &x, int64_t batch,
                               int64_t len, int64_t channels, int64_t order,
                               const BlockWeights &weights,
                               const FilterConfig &filter);

/// Orchid's weights: a Hyena block plus a conditioning network and an
/// optional residual long convolution of the input ("sconv"), with the
/// second FFNs of bidirectional static filters.
struct OrchidWeights : BlockWeights {
  ConditionWeights condition;
  FilterWeights filterReverse; // for Bidirectional
  bool hasResidual = false;
  FilterWeights residualFilter;     // numFeatures = D
  std::vector<double> residualBias; // D
  FilterWeights residualReverse;    // for Bidirectional
};

/// The switches of an Orchid layer that are not filter configurations.
struct OrchidOptions {
  /// `Circular` (the reference: n = L), `Causal` (n = 2L) or
  /// `Bidirectional` (mirrored reverse filters, n = 2L).
  ConvMode mode = ConvMode::Circular;
  /// The conditioning network's own `causal` flag.
  bool causalCondition = true;
  /// The factor of the data-dependent kernel.
  double alphaAdapt = 1.0;
  double eps = 1e-5;
};

/// The Orchid operator. Every long convolution is
/// `G_n(F_n(v) K)[:L] + b v`; the static kernel `h` has L taps (the first
/// min(L, lMax) under zero padding), bidirectional ones `pad(h, (0, L)) +
/// pad(flip(h_rev), (L, 0))` on 2L points. With causal conditioning
/// `K = F_n(h + alpha G_2L(H_2L)[:L])`, otherwise `K = F_n(h) + alpha H_n`.
std::vector<double> orchidBlock(const std::vector<double> &x, int64_t batch,
                                int64_t len, int64_t channels, int64_t order,
                                const OrchidOptions &options,
                                const OrchidWeights &weights,
                                const FilterConfig &filter,
                                const FilterConfig &residualFilter);

} // namespace ref
} // namespace orchid
} // namespace mlir

#endif // ORCHID_TOOLS_LIB_REFERENCE_BLOCKREFERENCE_H
