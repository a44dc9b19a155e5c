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

#include <cmath>
#include <random>

using namespace orchid::ref;

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

} // namespace
