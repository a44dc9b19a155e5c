//===- BlockReferenceTest.cpp - Float64 Hyena and Orchid blocks -----------===//
//
// Properties of the block references that follow from the equations and
// could fail: reductions to known convolutions, prefix structure of the
// implicit filter, shift invariance of the conditioning features, and the
// order in which kernels are applied.
//
//===----------------------------------------------------------------------===//

#include "tools/lib/reference/BlockReference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace mlir::orchid::ref;

namespace {

using Vec = std::vector<double>;

Vec randomVector(size_t n, unsigned seed, double scale = 1.0) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> dist(-scale, scale);
  Vec v(n);
  for (double &x : v)
    x = dist(gen);
  return v;
}

FilterWeights randomFilter(int64_t numFeatures, unsigned seed) {
  FilterWeights w;
  w.embDim = 5;
  w.width = 8;
  w.numInner = 2;
  w.numFeatures = numFeatures;
  w.wIn = randomVector(w.width * w.embDim, seed);
  w.bIn = randomVector(w.width, seed + 1);
  w.wInner = randomVector(w.numInner * w.width * w.width, seed + 2);
  w.bInner = randomVector(w.numInner * w.width, seed + 3);
  w.freq = Vec((w.numInner + 1) * w.width, 1.0);
  w.wOut = randomVector(numFeatures * w.width, seed + 4);
  return w;
}

/// Weights that make a block compute `out = conv chain of x` with gates of
/// one: in_proj passes x to v, gates are a constant 1 (bias), the short
/// filter is the identity tap, out_proj is the identity. `gateScale`
/// instead makes gate x_1 equal to `1 + gateScale * x` (order >= 3).
BlockWeights identityBlock(int64_t channels, int64_t order, unsigned seed,
                           double gateScale = 0.0) {
  int64_t width = (order + 1) * channels;
  BlockWeights w;
  w.inProjWeight.assign(width * channels, 0.0);
  w.inProjBias.assign(width, 1.0);
  for (int64_t d = 0; d < channels; ++d) {
    w.inProjWeight[(order * channels + d) * channels + d] = 1.0;
    w.inProjBias[order * channels + d] = 0.0;
    if (order >= 3)
      w.inProjWeight[(channels + d) * channels + d] = gateScale;
  }
  w.shortFilterSize = 3;
  w.shortFilterWeight.assign(width * 3, 0.0);
  for (int64_t c = 0; c < width; ++c)
    w.shortFilterWeight[c * 3 + 2] = 1.0;
  w.shortFilterBias.assign(width, 0.0);
  w.filter = randomFilter((order - 1) * channels, seed);
  w.filterBias = randomVector((order - 1) * channels, seed + 10);
  w.outProjWeight.assign(channels * channels, 0.0);
  for (int64_t d = 0; d < channels; ++d)
    w.outProjWeight[d * channels + d] = 1.0;
  w.outProjBias.assign(channels, 0.0);
  return w;
}

/// `scale * (k * u)[t] + bias u[t]` on `D x L` by direct summation, causal
/// or circular.
Vec convolve(const Vec &u, const Vec &k, const Vec &bias, int64_t channels,
             int64_t len, bool circular, double scale) {
  Vec y(u.size());
  for (int64_t d = 0; d < channels; ++d)
    for (int64_t t = 0; t < len; ++t) {
      double acc = 0.0;
      for (int64_t s = 0; s < len; ++s) {
        int64_t j = t - s;
        if (j < 0 && !circular)
          continue;
        acc += k[d * len + s] * u[d * len + (j + len) % len];
      }
      y[d * len + t] = scale * acc + bias[d] * u[d * len + t];
    }
  return y;
}

/// `B x L x D` to `B x D x L` and back.
Vec swapInner(const Vec &x, int64_t batch, int64_t rows, int64_t cols) {
  Vec y(x.size());
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        y[(b * cols + c) * rows + r] = x[(b * rows + r) * cols + c];
  return y;
}

/// Kernel `o`'s skip bias out of interleaved features.
Vec kernelBias(const Vec &bias, int64_t channels, int64_t numKernels,
               int64_t o) {
  Vec b(channels);
  for (int64_t d = 0; d < channels; ++d)
    b[d] = bias[d * numKernels + o];
  return b;
}

Vec kernelOf(const Vec &h, int64_t channels, int64_t len, int64_t o) {
  return Vec(h.begin() + o * channels * len,
             h.begin() + (o + 1) * channels * len);
}

TEST(BlockReference, EmbeddingMatchesDefinition) {
  // E = 5: two bands with f = [1e-4, 1]; z = exp(-i f w).
  Vec emb = positionalEmbedding(4, 8, 5);
  double w = 2 * M_PI * 3 / 8;
  EXPECT_NEAR(emb[3 * 5 + 0], 3.0 / 7.0, 1e-15);
  EXPECT_NEAR(emb[3 * 5 + 2], std::cos(w), 1e-15);
  EXPECT_NEAR(emb[3 * 5 + 4], -std::sin(w), 1e-15);
  EXPECT_NEAR(emb[3 * 5 + 1], std::cos(1e-4 * w), 1e-15);
}

TEST(BlockReference, FilterForLIsPrefixOfFilterForLMax) {
  const int64_t lMax = 12, channels = 3, numKernels = 2;
  FilterWeights w = randomFilter(numKernels * channels, 1);
  for (FilterNorm norm : {FilterNorm::None, FilterNorm::BeforeModulation,
                          FilterNorm::AfterModulation}) {
    FilterConfig config;
    config.lMax = lMax;
    config.normalize = norm;
    config.shift = 0.05;
    Vec full = implicitFilter(w, config, numKernels, channels, lMax);
    Vec part = implicitFilter(w, config, numKernels, channels, 7);
    for (int64_t o = 0; o < numKernels; ++o)
      for (int64_t d = 0; d < channels; ++d)
        for (int64_t t = 0; t < 7; ++t)
          ASSERT_EQ(part[(o * channels + d) * 7 + t],
                    full[(o * channels + d) * lMax + t]);
  }
}

TEST(BlockReference, FilterNormalisationIsPerPosition) {
  const int64_t channels = 3, numKernels = 2, len = 6;
  FilterWeights w = randomFilter(numKernels * channels, 2);
  FilterConfig config;
  config.lMax = len;
  config.normalize = FilterNorm::AfterModulation;
  Vec h = implicitFilter(w, config, numKernels, channels, len);
  for (int64_t t = 0; t < len; ++t) {
    double norm = 0.0;
    for (int64_t j = 0; j < numKernels * channels; ++j)
      norm += std::abs(h[j * len + t]);
    EXPECT_NEAR(norm, 1.0, 1e-12) << "t = " << t;
  }
}

TEST(BlockReference, ExtrapolationExtendsTheGrid) {
  const int64_t channels = 2;
  FilterWeights w = randomFilter(channels, 3);
  FilterConfig config;
  config.lMax = 5;
  config.grid = GridPolicy::Extrapolate;
  Vec longer = implicitFilter(w, config, 1, channels, 9);
  Vec inside = implicitFilter(w, config, 1, channels, 5);
  for (int64_t d = 0; d < channels; ++d)
    for (int64_t t = 0; t < 5; ++t)
      EXPECT_EQ(longer[d * 9 + t], inside[d * 5 + t]);
}

TEST(BlockReference, HyenaWithIdentityWeightsIsACausalConvolution) {
  const int64_t batch = 2, len = 7, channels = 3;
  BlockWeights w = identityBlock(channels, 2, 4);
  FilterConfig config;
  config.lMax = 16;
  Vec x = randomVector(batch * len * channels, 5);
  Vec y = hyenaBlock(x, batch, len, channels, 2, w, config);
  Vec h = implicitFilter(w.filter, config, 1, channels, len);
  Vec xt = swapInner(x, batch, len, channels);
  for (int64_t b = 0; b < batch; ++b) {
    Vec u(xt.begin() + b * channels * len,
          xt.begin() + (b + 1) * channels * len);
    Vec expected = convolve(u, h, w.filterBias, channels, len, false, 1.0);
    for (int64_t d = 0; d < channels; ++d)
      for (int64_t t = 0; t < len; ++t)
        EXPECT_NEAR(y[(b * len + t) * channels + d], expected[d * len + t],
                    1e-12);
  }
}

TEST(BlockReference, HyenaOrder3AppliesKernelZeroFirst) {
  const int64_t len = 6, channels = 2, numKernels = 2;
  const double gateScale = 0.7;
  BlockWeights w = identityBlock(channels, 3, 6, gateScale);
  FilterConfig config;
  config.lMax = len;
  Vec x = randomVector(len * channels, 7);
  Vec y = hyenaBlock(x, 1, len, channels, 3, w, config);

  // v = x; v = conv_0(v * x_2); v = conv_1(v * x_1); y = v * x_0 with
  // x_2 = x_0 = 1 and x_1 = 1 + gateScale x.
  Vec h = implicitFilter(w.filter, config, numKernels, channels, len);
  Vec u = swapInner(x, 1, len, channels);
  auto chain = [&](int64_t first, int64_t second) {
    Vec v = convolve(u, kernelOf(h, channels, len, first),
                     kernelBias(w.filterBias, channels, numKernels, first),
                     channels, len, false, 1.0);
    for (size_t j = 0; j < v.size(); ++j)
      v[j] *= 1.0 + gateScale * u[j];
    return convolve(v, kernelOf(h, channels, len, second),
                    kernelBias(w.filterBias, channels, numKernels, second),
                    channels, len, false, 1.0);
  };
  Vec expected = chain(0, 1), swapped = chain(1, 0);
  Vec yt = swapInner(y, 1, len, channels);
  EXPECT_LT(relativeL2Error(yt, expected), 1e-12);
  EXPECT_GT(relativeL2Error(yt, swapped), 1e-3);
}

ConditionWeights randomCondition(ConditionKind kind, int64_t channels,
                                 int64_t numKernels, unsigned seed,
                                 bool centreTapOnly) {
  ConditionWeights w;
  w.kind = kind;
  w.kernelSize = 3;
  int64_t out = numKernels * channels;
  std::vector<int64_t> sizes =
      kind == ConditionKind::Spectral
          ? std::vector<int64_t>{channels, 2 * out}
          : std::vector<int64_t>{channels, channels, 2 * out};
  for (size_t g = 0; g < sizes.size(); ++g) {
    int64_t c = sizes[g];
    // The correlation's frequency conv reads two channels a group.
    bool grouped = kind == ConditionKind::Correlation && g + 1 == sizes.size();
    Vec conv = randomVector(c * 3 * (grouped ? 2 : 1), seed + 4 * g);
    // The last group convolves along frequency and may keep all taps.
    if (centreTapOnly && g + 1 < sizes.size())
      for (int64_t i = 0; i < c; ++i)
        conv[i * 3] = conv[i * 3 + 2] = 0.0;
    w.tensors.push_back(conv);
    w.tensors.push_back(randomVector(c, seed + 4 * g + 1));
    Vec gamma = randomVector(c, seed + 4 * g + 2);
    for (double &v : gamma)
      v += 1.5;
    w.tensors.push_back(gamma);
    w.tensors.push_back(randomVector(c, seed + 4 * g + 3));
  }
  return w;
}

/// Circularly shifting the input in time leaves the conditioning kernel's
/// spectrum unchanged when the time-domain convolutions are pointwise and
/// the transform is circular (n = L): |F(a)|^2 and conj(F(k)) F(q) are
/// shift-invariant.
TEST(BlockReference, ConditioningIsShiftInvariant) {
  const int64_t batch = 2, len = 9, channels = 3;
  for (ConditionKind kind :
       {ConditionKind::Spectral, ConditionKind::Correlation}) {
    for (int64_t numKernels : {1, 2}) {
      ConditionWeights w =
          randomCondition(kind, channels, numKernels, 11, true);
      Vec a = randomVector(batch * len * channels, 12);
      Vec shifted(a.size());
      for (int64_t b = 0; b < batch; ++b)
        for (int64_t t = 0; t < len; ++t)
          for (int64_t d = 0; d < channels; ++d)
            shifted[(b * len + (t + 4) % len) * channels + d] =
                a[(b * len + t) * channels + d];
      std::vector<Complex> h =
          condition(a, batch, len, channels, numKernels, len, w);
      std::vector<Complex> hs =
          condition(shifted, batch, len, channels, numKernels, len, w);
      ASSERT_EQ(h.size(),
                size_t(batch * numKernels * channels * (len / 2 + 1)));
      EXPECT_LT(relativeL2Error(hs, h), 1e-12);

      // A centred conv with side taps sees the zero padding: the shift
      // then changes the features, so the check above is not vacuous.
      ConditionWeights wide =
          randomCondition(kind, channels, numKernels, 11, false);
      std::vector<Complex> g =
          condition(a, batch, len, channels, numKernels, len, wide);
      std::vector<Complex> gs =
          condition(shifted, batch, len, channels, numKernels, len, wide);
      EXPECT_GT(relativeL2Error(gs, g), 1e-6);
    }
  }
}

/// With the last LayerNorm's scale and shift at zero the conditioning
/// kernel vanishes and Orchid reduces to Hyena's gating around the
/// reference's 1/n-scaled convolution: circular on L points, or causal on
/// 2L.
TEST(BlockReference, OrchidWithoutConditioningIsAScaledConvolution) {
  const int64_t batch = 2, len = 7, channels = 2;
  for (ConditionKind kind :
       {ConditionKind::Spectral, ConditionKind::Correlation}) {
    for (ConvMode mode : {ConvMode::Circular, ConvMode::Causal}) {
      OrchidWeights w;
      static_cast<BlockWeights &>(w) = identityBlock(channels, 2, 20);
      w.condition = randomCondition(kind, channels, 1, 21, false);
      w.condition.tensors[w.condition.tensors.size() - 2].assign(2 * channels,
                                                                 0.0);
      w.condition.tensors.back().assign(2 * channels, 0.0);
      FilterConfig config;
      config.lMax = len;
      config.normalize = FilterNorm::AfterModulation;
      Vec x = randomVector(batch * len * channels, 22);
      OrchidOptions options;
      options.mode = mode;
      Vec y =
          orchidBlock(x, batch, len, channels, 2, options, w, config, config);

      bool circular = mode == ConvMode::Circular;
      double scale = 1.0 / (circular ? len : 2 * len);
      Vec h = implicitFilter(w.filter, config, 1, channels, len);
      Vec xt = swapInner(x, batch, len, channels);
      Vec yt = swapInner(y, batch, len, channels);
      for (int64_t b = 0; b < batch; ++b) {
        Vec u(xt.begin() + b * channels * len,
              xt.begin() + (b + 1) * channels * len);
        Vec got(yt.begin() + b * channels * len,
                yt.begin() + (b + 1) * channels * len);
        Vec expected =
            convolve(u, h, w.filterBias, channels, len, circular, scale);
        EXPECT_LT(relativeL2Error(got, expected), 1e-12);
      }
    }
  }
}

/// The residual long convolution adds the circular 1/L-scaled convolution
/// of the input itself.
TEST(BlockReference, OrchidResidualConvolvesTheInput) {
  const int64_t len = 6, channels = 2;
  OrchidWeights w;
  static_cast<BlockWeights &>(w) = identityBlock(channels, 2, 30);
  w.condition =
      randomCondition(ConditionKind::Spectral, channels, 1, 31, false);
  FilterConfig config;
  config.lMax = len;
  Vec x = randomVector(len * channels, 32);
  OrchidOptions options;
  Vec base = orchidBlock(x, 1, len, channels, 2, options, w, config, config);
  w.hasResidual = true;
  w.residualFilter = randomFilter(channels, 33);
  w.residualBias = randomVector(channels, 34);
  Vec y = orchidBlock(x, 1, len, channels, 2, options, w, config, config);
  Vec hr = implicitFilter(w.residualFilter, config, 1, channels, len);
  Vec expected = convolve(swapInner(x, 1, len, channels), hr, w.residualBias,
                          channels, len, true, 1.0 / len);
  Vec diff = swapInner(y, 1, len, channels);
  Vec baseT = swapInner(base, 1, len, channels);
  for (size_t j = 0; j < diff.size(); ++j)
    diff[j] -= baseT[j];
  EXPECT_LT(relativeL2Error(diff, expected), 1e-12);
}

//===----------------------------------------------------------------------===//
// The switches and the stored state of the original modules
//===----------------------------------------------------------------------===//

/// A stored z equal to the formula changes nothing; a perturbed one is
/// read, only its first L rows for length L.
TEST(BlockReferenceSwitches, StoredEmbeddingIsUsedAsStored) {
  const int64_t lMax = 10, channels = 2, numKernels = 2, len = 6;
  FilterWeights w = randomFilter(numKernels * channels, 40);
  FilterConfig config;
  config.lMax = lMax;
  Vec formula = implicitFilter(w, config, numKernels, channels, len);
  FilterWeights stored = w;
  stored.z = positionalEmbedding(lMax, lMax, w.embDim);
  EXPECT_EQ(implicitFilter(stored, config, numKernels, channels, len), formula);

  // Rows past L do not matter; a change of row 3 does.
  for (int64_t j = len * w.embDim; j < lMax * w.embDim; ++j)
    stored.z[j] += 0.5;
  EXPECT_EQ(implicitFilter(stored, config, numKernels, channels, len), formula);
  stored.z[3 * w.embDim + 1] += 1e-3;
  Vec perturbed = implicitFilter(stored, config, numKernels, channels, len);
  for (int64_t j = 0; j < numKernels * channels; ++j) {
    EXPECT_EQ(perturbed[j * len + 2], formula[j * len + 2]);
    EXPECT_NE(perturbed[j * len + 3], formula[j * len + 3]);
  }
}

/// Stored deltas replace the linspace; the window uses their magnitude.
TEST(BlockReferenceSwitches, StoredDeltasAreUsedByMagnitude) {
  const int64_t lMax = 8, channels = 3, numKernels = 1, len = 8;
  FilterWeights w = randomFilter(channels, 41);
  FilterConfig config;
  config.lMax = lMax;
  config.shift = 0.1;
  Vec formula = implicitFilter(w, config, numKernels, channels, len);
  FilterWeights stored = w;
  double logTarget = std::log(config.target);
  for (int64_t j = 0; j < channels; ++j)
    stored.deltas.push_back(
        -(logTarget / config.slowDecayPct +
          (logTarget / config.fastDecayPct - logTarget / config.slowDecayPct) *
              double(j) / double(channels - 1)));
  EXPECT_LT(
      relativeL2Error(implicitFilter(stored, config, numKernels, channels, len),
                      formula),
      1e-14);
  // h(t) (exp(-t |delta|) + shift) for a trained delta of channel 1.
  stored.deltas[1] = 2.5;
  Vec h = implicitFilter(stored, config, numKernels, channels, len);
  FilterConfig flat = config;
  flat.modulate = false;
  Vec raw = implicitFilter(w, flat, numKernels, channels, len);
  for (int64_t t = 0; t < len; ++t) {
    double time = double(t) / double(lMax - 1);
    EXPECT_NEAR(h[1 * len + t],
                raw[1 * len + t] * (std::exp(-2.5 * time) + 0.1), 1e-14);
    EXPECT_EQ(h[0 * len + t], formula[0 * len + t]);
  }
}

/// modulate = false is the FFN alone: a window of one everywhere, as
/// zero stored rates and no shift give.
TEST(BlockReferenceSwitches, UnmodulatedFilterIsTheNetwork) {
  const int64_t lMax = 9, channels = 2, numKernels = 2, len = 9;
  FilterWeights w = randomFilter(numKernels * channels, 42);
  FilterConfig config;
  config.lMax = lMax;
  config.modulate = false;
  config.shift = 0.3; // ignored without the modulation
  FilterWeights zeroRates = w;
  zeroRates.deltas.assign(numKernels * channels, 0.0);
  FilterConfig window;
  window.lMax = lMax;
  Vec unmodulated = implicitFilter(w, config, numKernels, channels, len);
  EXPECT_EQ(unmodulated,
            implicitFilter(zeroRates, window, numKernels, channels, len));
  EXPECT_GT(relativeL2Error(unmodulated, implicitFilter(w, window, numKernels,
                                                        channels, len)),
            1e-3);
}

/// Sin's w_mod multiplies the learned frequencies.
TEST(BlockReferenceSwitches, WModScalesTheFrequencies) {
  const int64_t lMax = 7, channels = 2;
  FilterWeights w = randomFilter(channels, 43);
  w.freq = randomVector(w.freq.size(), 44, 2.0);
  FilterConfig config;
  config.lMax = lMax;
  config.wMod = 10.0;
  FilterWeights scaled = w;
  for (double &f : scaled.freq)
    f *= 10.0;
  FilterConfig plain;
  plain.lMax = lMax;
  EXPECT_LT(relativeL2Error(implicitFilter(w, config, 1, channels, lMax),
                            implicitFilter(scaled, plain, 1, channels, lMax)),
            1e-13);
}

/// Both originals normalise the modulated kernel: each position of the
/// result has unit L1 norm across features and is the modulated kernel
/// divided by that norm.
TEST(BlockReferenceSwitches, NormalisationFollowsTheModulation) {
  const int64_t lMax = 6, channels = 2, numKernels = 2, len = 6;
  FilterWeights w = randomFilter(numKernels * channels, 45);
  FilterConfig config;
  config.lMax = lMax;
  Vec modulated = implicitFilter(w, config, numKernels, channels, len);
  config.normalize = FilterNorm::AfterModulation;
  Vec after = implicitFilter(w, config, numKernels, channels, len);
  config.normalize = FilterNorm::BeforeModulation;
  Vec before = implicitFilter(w, config, numKernels, channels, len);
  for (int64_t t = 0; t < len; ++t) {
    double norm = 0.0;
    for (int64_t j = 0; j < numKernels * channels; ++j)
      norm += std::abs(modulated[j * len + t]);
    for (int64_t j = 0; j < numKernels * channels; ++j)
      EXPECT_NEAR(after[j * len + t], modulated[j * len + t] / norm, 1e-14);
  }
  EXPECT_GT(relativeL2Error(before, after), 1e-3);
}

/// grid = zero_pad: for L > l_max the kernels are those of l_max, then
/// zeros; a stored z of l_max rows suffices.
TEST(BlockReferenceSwitches, ZeroPaddedKernelsStopAtLMax) {
  const int64_t lMax = 5, channels = 2, numKernels = 2, len = 9;
  FilterWeights w = randomFilter(numKernels * channels, 46);
  w.z = randomVector(lMax * w.embDim, 47);
  FilterConfig config;
  config.lMax = lMax;
  config.grid = GridPolicy::ZeroPad;
  config.normalize = FilterNorm::AfterModulation;
  Vec inside = implicitFilter(w, config, numKernels, channels, lMax);
  Vec longer = implicitFilter(w, config, numKernels, channels, len);
  for (int64_t j = 0; j < numKernels * channels; ++j)
    for (int64_t t = 0; t < len; ++t)
      EXPECT_EQ(longer[j * len + t], t < lMax ? inside[j * lMax + t] : 0.0);
}

/// HyenaFilter(bias = False) keeps its bias tensor but multiplies it by 0.
TEST(BlockReferenceSwitches, HyenaBiasSwitchZeroesTheSkipTerm) {
  const int64_t batch = 2, len = 9, channels = 3;
  BlockWeights w = identityBlock(channels, 2, 48);
  FilterConfig config;
  config.lMax = 16;
  config.bias = false;
  Vec x = randomVector(batch * len * channels, 49);
  Vec y = hyenaBlock(x, batch, len, channels, 2, w, config);
  BlockWeights zeroBias = w;
  zeroBias.filterBias.assign(zeroBias.filterBias.size(), 0.0);
  FilterConfig on = config;
  on.bias = true;
  EXPECT_EQ(y, hyenaBlock(x, batch, len, channels, 2, zeroBias, on));
  EXPECT_GT(relativeL2Error(y, hyenaBlock(x, batch, len, channels, 2, w, on)),
            1e-3);
}

/// LayerNorm over the channels of `C x F`, unit gain, no shift.
Vec plainLayerNorm(const Vec &x, int64_t channels, int64_t len, double eps) {
  Vec y(x.size());
  for (int64_t f = 0; f < len; ++f) {
    double mean = 0.0, var = 0.0;
    for (int64_t c = 0; c < channels; ++c)
      mean += x[c * len + f] / channels;
    for (int64_t c = 0; c < channels; ++c)
      var += (x[c * len + f] - mean) * (x[c * len + f] - mean) / channels;
    for (int64_t c = 0; c < channels; ++c)
      y[c * len + f] = (x[c * len + f] - mean) / std::sqrt(var + eps);
  }
  return y;
}

/// The correlation network's frequency conv is Conv1d(2D, 2D, K, groups =
/// D) over R = [Re S, Im S]: output 2g + j reads R channels 2g and 2g + 1.
/// With identity key and query networks, a centre-tap conv3 of weights
/// (1, 2) per group and plain LayerNorms, H follows from S directly.
TEST(BlockReferenceSwitches, CorrelationFrequencyConvIsGrouped) {
  const int64_t len = 6, channels = 4, n = 2 * len, bins = n / 2 + 1;
  const double eps = 1e-5;
  ConditionWeights w;
  w.kind = ConditionKind::Correlation;
  w.kernelSize = 3;
  Vec identity(channels * 3, 0.0);
  for (int64_t d = 0; d < channels; ++d)
    identity[d * 3 + 1] = 1.0;
  Vec zeros(channels, 0.0), ones(channels, 1.0), shiftQ(channels, 0.25);
  w.tensors = {identity, zeros, ones, zeros, identity, zeros, ones, shiftQ};
  Vec conv3(2 * channels * 2 * 3, 0.0);
  for (int64_t c = 0; c < 2 * channels; ++c) {
    conv3[(c * 2 + 0) * 3 + 1] = 1.0;
    conv3[(c * 2 + 1) * 3 + 1] = 2.0;
  }
  w.tensors.push_back(conv3);
  w.tensors.push_back(Vec(2 * channels, 0.0));
  w.tensors.push_back(Vec(2 * channels, 1.0));
  w.tensors.push_back(Vec(2 * channels, 0.0));
  Vec a = randomVector(len * channels, 50);
  std::vector<Complex> h = condition(a, 1, len, channels, 1, n, w, eps);

  // k = LN(a), q = LN(a) + 0.25 along channels, both D x L.
  Vec at = swapInner(a, 1, len, channels);
  Vec k = plainLayerNorm(at, channels, len, eps), q = k;
  for (double &v : q)
    v += 0.25;
  std::vector<Complex> kf = rfft(k, channels, len, n, Norm::Forward);
  std::vector<Complex> qf = rfft(q, channels, len, n, Norm::Forward);
  Vec r(2 * channels * bins);
  for (int64_t d = 0; d < channels; ++d)
    for (int64_t f = 0; f < bins; ++f) {
      Complex sv = std::conj(kf[d * bins + f]) * qf[d * bins + f];
      r[d * bins + f] = sv.real();
      r[(channels + d) * bins + f] = sv.imag();
    }
  Vec a3(2 * channels * bins);
  for (int64_t c = 0; c < 2 * channels; ++c)
    for (int64_t f = 0; f < bins; ++f)
      a3[c * bins + f] =
          r[(2 * (c / 2)) * bins + f] + 2.0 * r[(2 * (c / 2) + 1) * bins + f];
  a3 = plainLayerNorm(a3, 2 * channels, bins, eps);
  std::vector<Complex> expected(channels * bins);
  for (int64_t d = 0; d < channels; ++d)
    for (int64_t f = 0; f < bins; ++f)
      expected[d * bins + f] =
          Complex(a3[d * bins + f], a3[(channels + d) * bins + f]);
  EXPECT_LT(relativeL2Error(h, expected), 1e-12);
}

/// An Orchid block with identity weights (v = x, gates of one), so that
/// its output is its convolution of x, for B = 3 batch elements.
struct OrchidCase {
  int64_t batch = 3, len = 7, channels = 2;
  OrchidWeights w;
  Vec x;
  FilterConfig config;
  OrchidCase(ConditionKind kind, unsigned seed) {
    static_cast<BlockWeights &>(w) = identityBlock(channels, 2, seed);
    w.condition = randomCondition(kind, channels, 1, seed + 1, false);
    x = randomVector(batch * len * channels, seed + 2);
    config.lMax = len;
    config.normalize = FilterNorm::AfterModulation;
  }
  /// `x`'s channels of batch element b, `D x L`.
  Vec input(int64_t b) const {
    Vec xt = swapInner(x, batch, len, channels);
    return Vec(xt.begin() + b * channels * len,
               xt.begin() + (b + 1) * channels * len);
  }
  /// The conditioning spectrum of batch element b on n points, `D x bins`.
  std::vector<Complex> cond(int64_t b, int64_t n) const {
    Vec a(x.begin() + b * len * channels, x.begin() + (b + 1) * len * channels);
    return condition(a, 1, len, channels, 1, n, w.condition);
  }
};

/// The conditioning network's causal flag (the reference's default): H on
/// 2L points, back to time, its first L taps scaled by alpha_adapt and
/// added to the static kernel; then the circular L-point convolution.
/// Each batch element has its own kernel, for either kind.
TEST(BlockReferenceSwitches, CausalConditioningAddsTimeDomainTaps) {
  for (ConditionKind kind :
       {ConditionKind::Spectral, ConditionKind::Correlation}) {
    OrchidCase c(kind, 51);
    OrchidOptions options;
    options.alphaAdapt = 0.6;
    Vec y = orchidBlock(c.x, c.batch, c.len, c.channels, 2, options, c.w,
                        c.config, c.config);
    Vec h = implicitFilter(c.w.filter, c.config, 1, c.channels, c.len);
    Vec yt = swapInner(y, c.batch, c.len, c.channels);
    for (int64_t b = 0; b < c.batch; ++b) {
      int64_t n = 2 * c.len;
      Vec hc =
          irfft(c.cond(b, n), c.channels, n / 2 + 1, n, c.len, Norm::Forward);
      Vec k = h;
      for (size_t j = 0; j < k.size(); ++j)
        k[j] += 0.6 * hc[j];
      Vec expected = convolve(c.input(b), k, c.w.filterBias, c.channels, c.len,
                              true, 1.0 / c.len);
      Vec got(yt.begin() + b * c.channels * c.len,
              yt.begin() + (b + 1) * c.channels * c.len);
      EXPECT_LT(relativeL2Error(got, expected), 1e-12);
    }
  }
}

/// causal = False: H on the convolution's L points, scaled by alpha_adapt,
/// added to the static kernel's spectrum.
TEST(BlockReferenceSwitches, NonCausalConditioningAddsSpectra) {
  for (ConditionKind kind :
       {ConditionKind::Spectral, ConditionKind::Correlation}) {
    OrchidCase c(kind, 52);
    OrchidOptions options;
    options.causalCondition = false;
    options.alphaAdapt = 1.7;
    Vec y = orchidBlock(c.x, c.batch, c.len, c.channels, 2, options, c.w,
                        c.config, c.config);
    Vec h = implicitFilter(c.w.filter, c.config, 1, c.channels, c.len);
    Vec yt = swapInner(y, c.batch, c.len, c.channels);
    int64_t n = c.len, bins = n / 2 + 1;
    for (int64_t b = 0; b < c.batch; ++b) {
      std::vector<Complex> spec = rfft(h, c.channels, c.len, n, Norm::Forward);
      std::vector<Complex> hc = c.cond(b, n);
      Vec u = c.input(b);
      std::vector<Complex> uf = rfft(u, c.channels, c.len, n, Norm::Forward);
      for (size_t j = 0; j < spec.size(); ++j)
        uf[j] *= spec[j] + 1.7 * hc[j];
      Vec expected = irfft(uf, c.channels, bins, n, c.len, Norm::Forward);
      for (int64_t d = 0; d < c.channels; ++d)
        for (int64_t t = 0; t < c.len; ++t)
          expected[d * c.len + t] += c.w.filterBias[d] * u[d * c.len + t];
      Vec got(yt.begin() + b * c.channels * c.len,
              yt.begin() + (b + 1) * c.channels * c.len);
      EXPECT_LT(relativeL2Error(got, expected), 1e-12);
    }
  }
}

/// Bidirectional static filters, by direct summation: with T = min(L,
/// l_max) taps, pad(k_fwd, (0, L)) + pad(flip(k_rev), (L, 0)) on 2L points
/// puts k_fwd[s] at lag s and k_rev[T - 1 - j] at lag -(L - j), and the
/// 2L-point transform pair scales the convolution by 1 / (2L). The residual
/// convolution is bidirectional too. The conditioning kernel is zeroed.
TEST(BlockReferenceSwitches, BidirectionalKernelsMirrorTheReverseFilter) {
  for (int64_t lMax : {7, 4}) {
    OrchidCase c(ConditionKind::Spectral, 53);
    c.w.condition.tensors[6].assign(2 * c.channels, 0.0);
    c.w.condition.tensors[7].assign(2 * c.channels, 0.0);
    c.config.lMax = lMax;
    c.config.grid = GridPolicy::ZeroPad;
    c.w.filterReverse = randomFilter(c.channels, 54);
    c.w.hasResidual = true;
    c.w.residualFilter = randomFilter(c.channels, 55);
    c.w.residualReverse = randomFilter(c.channels, 56);
    c.w.residualBias = randomVector(c.channels, 57);
    OrchidOptions options;
    options.mode = ConvMode::Bidirectional;
    Vec y = orchidBlock(c.x, c.batch, c.len, c.channels, 2, options, c.w,
                        c.config, c.config);
    int64_t len = c.len, taps = std::min(len, lMax);
    auto mirrored = [&](const FilterWeights &fwd, const FilterWeights &rev,
                        const Vec &bias, const Vec &u) {
      Vec kf = implicitFilter(fwd, c.config, 1, c.channels, len);
      Vec kr = implicitFilter(rev, c.config, 1, c.channels, len);
      Vec out(u.size());
      for (int64_t d = 0; d < c.channels; ++d)
        for (int64_t t = 0; t < len; ++t) {
          double acc = 0.0;
          for (int64_t s = 0; s <= t; ++s)
            acc += kf[d * len + s] * u[d * len + t - s];
          for (int64_t j = 0; j < taps; ++j) {
            int64_t src = t + len - j; // lag -(L - j)
            if (src < len)
              acc += kr[d * len + taps - 1 - j] * u[d * len + src];
          }
          out[d * len + t] = acc / (2.0 * len) + bias[d] * u[d * len + t];
        }
      return out;
    };
    Vec yt = swapInner(y, c.batch, len, c.channels);
    for (int64_t b = 0; b < c.batch; ++b) {
      Vec u = c.input(b);
      Vec expected = mirrored(c.w.filter, c.w.filterReverse, c.w.filterBias, u);
      Vec res = mirrored(c.w.residualFilter, c.w.residualReverse,
                         c.w.residualBias, u);
      for (size_t j = 0; j < expected.size(); ++j)
        expected[j] += res[j];
      Vec got(yt.begin() + b * c.channels * len,
              yt.begin() + (b + 1) * c.channels * len);
      EXPECT_LT(relativeL2Error(got, expected), 1e-12) << "l_max = " << lMax;
    }
  }
}

/// The residual filter's bias switch zeroes only its own skip term.
TEST(BlockReferenceSwitches, OrchidResidualBiasSwitch) {
  OrchidCase c(ConditionKind::Correlation, 58);
  c.w.hasResidual = true;
  c.w.residualFilter = randomFilter(c.channels, 59);
  c.w.residualBias = randomVector(c.channels, 60);
  FilterConfig residual = c.config;
  residual.bias = false;
  OrchidOptions options;
  Vec y = orchidBlock(c.x, c.batch, c.len, c.channels, 2, options, c.w,
                      c.config, residual);
  OrchidWeights zeroed = c.w;
  zeroed.residualBias.assign(c.channels, 0.0);
  EXPECT_EQ(y, orchidBlock(c.x, c.batch, c.len, c.channels, 2, options, zeroed,
                           c.config, c.config));
}

} // namespace
