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

namespace orchid {
namespace ref {

/// Where an implicit filter applies its per-position L1 normalisation.
enum class FilterNorm { None, BeforeModulation, AfterModulation };

/// The hyperparameters of `#orchid.filter`.
struct FilterConfig {
  int64_t lMax = 0;
  double shift = 0.0;
  double target = 1e-2;
  double fastDecayPct = 0.3;
  double slowDecayPct = 1.5;
  FilterNorm normalize = FilterNorm::None;
  /// Positions past `lMax` continue the grid with the same step.
  bool extrapolate = false;
};

/// An implicit filter's FFN: embedding size `embDim`, width `width`,
/// `numInner` inner layers, `numFeatures = (N-1) D` outputs.
struct FilterWeights {
  int64_t embDim = 3, width = 0, numInner = 0, numFeatures = 0;
  std::vector<double> wIn;    // width x embDim
  std::vector<double> bIn;    // width
  std::vector<double> wInner; // numInner x width x width
  std::vector<double> bInner; // numInner x width
  std::vector<double> freq;   // (numInner + 1) x width
  std::vector<double> wOut;   // numFeatures x width
};

/// Hyena's positional embedding `[t, Re z, Im z]`, `len x embDim`.
std::vector<double> positionalEmbedding(int64_t len, int64_t lMax,
                                        int64_t embDim);

/// The implicit filter on `len` positions: `numKernels x channels x len`,
/// kernel `o` channel `d` from feature `d * numKernels + o`. Requires
/// `len <= lMax` unless the config extrapolates.
std::vector<double> implicitFilter(const FilterWeights &weights,
                                   const FilterConfig &config,
                                   int64_t numKernels, int64_t channels,
                                   int64_t len);

enum class ConditionKind { Spectral, Correlation };

/// A conditioning network: the 8 (spectral) or 12 (correlation) tensors of
/// `orchid.condition`, in its order; `kernelSize` of every convolution.
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
/// optional residual long convolution of the input ("sconv").
struct OrchidWeights : BlockWeights {
  ConditionWeights condition;
  bool hasResidual = false;
  FilterWeights residualFilter;     // numFeatures = D
  std::vector<double> residualBias; // D
};

/// The Orchid operator. `mode` picks the transform size `n`: `L` for
/// `Circular` (the reference), `2L` otherwise; every long convolution is
/// `G_n(F_n(v) K)[:L] + b v` with `K = F_n(h) + H`, except spectral
/// conditioning in `Causal` mode, which uses `K = F_n(h + G_n(H)[:L])`.
std::vector<double> orchidBlock(const std::vector<double> &x, int64_t batch,
                                int64_t len, int64_t channels, int64_t order,
                                ConvMode mode, const OrchidWeights &weights,
                                const FilterConfig &filter,
                                const FilterConfig &residualFilter,
                                double eps = 1e-5);

} // namespace ref
} // namespace orchid

#endif // ORCHID_TOOLS_LIB_REFERENCE_BLOCKREFERENCE_H
