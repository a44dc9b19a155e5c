//===- BlockReference.cpp - Float64 Hyena and Orchid blocks ---------------===//

#include "tools/lib/reference/BlockReference.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace mlir::orchid::ref;

namespace {
using Vec = std::vector<double>;

/// `x W^T + b` for `x` `rows x in`, `W` `out x in` (b may be empty).
Vec linear(const Vec &x, int64_t rows, int64_t in, const Vec &w, const Vec &b,
           int64_t out) {
  Vec y(rows * out);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t o = 0; o < out; ++o) {
      double acc = b.empty() ? 0.0 : b[o];
      for (int64_t i = 0; i < in; ++i)
        acc += x[r * in + i] * w[o * in + i];
      y[r * out + o] = acc;
    }
  return y;
}

/// Swaps the two inner axes of `batch x rows x cols`.
Vec transpose(const Vec &x, int64_t batch, int64_t rows, int64_t cols) {
  Vec y(x.size());
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        y[(b * cols + c) * rows + r] = x[(b * rows + r) * cols + c];
  return y;
}

/// LayerNorm over the channel axis of `B x C x L`.
Vec layerNorm(const Vec &x, int64_t batch, int64_t channels, int64_t len,
              const Vec &gamma, const Vec &beta, double eps) {
  Vec y(x.size());
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t t = 0; t < len; ++t) {
      auto at = [&](int64_t c) { return (b * channels + c) * len + t; };
      double mean = 0.0, var = 0.0;
      for (int64_t c = 0; c < channels; ++c)
        mean += x[at(c)];
      mean /= channels;
      for (int64_t c = 0; c < channels; ++c)
        var += (x[at(c)] - mean) * (x[at(c)] - mean);
      var /= channels;
      for (int64_t c = 0; c < channels; ++c)
        y[at(c)] =
            (x[at(c)] - mean) / std::sqrt(var + eps) * gamma[c] + beta[c];
    }
  return y;
}

/// Channels `[first, first + count)` of `B x C x L`.
Vec channelSlice(const Vec &x, int64_t batch, int64_t channels, int64_t len,
                 int64_t first, int64_t count) {
  Vec y(batch * count * len);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t c = 0; c < count; ++c)
      for (int64_t t = 0; t < len; ++t)
        y[(b * count + c) * len + t] = x[(b * channels + first + c) * len + t];
  return y;
}

/// Channel `d` of kernel `o` from interleaved features `d * numKernels + o`
/// of `B x (numKernels D) x len`: returns `B x D x len`.
template <typename T>
std::vector<T> deinterleave(const std::vector<T> &x, int64_t batch,
                            int64_t channels, int64_t numKernels, int64_t len,
                            int64_t o) {
  std::vector<T> y(batch * channels * len);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t d = 0; d < channels; ++d)
      for (int64_t t = 0; t < len; ++t)
        y[(b * channels + d) * len + t] =
            x[(b * channels * numKernels + d * numKernels + o) * len + t];
  return y;
}

/// Grouped depthwise convolution, centred, with `ratio` outputs per input
/// channel (output `c` reads input `c / ratio`): `B x (ratio C) x L`.
Vec groupedConv(const Vec &x, int64_t batch, int64_t channels, int64_t len,
                int64_t ratio, const Vec &w, const Vec &bias, int64_t k) {
  Vec repeated(batch * channels * ratio * len);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t c = 0; c < channels * ratio; ++c)
      for (int64_t t = 0; t < len; ++t)
        repeated[(b * channels * ratio + c) * len + t] =
            x[(b * channels + c / ratio) * len + t];
  return shortConv(repeated, w, bias, batch, channels * ratio, len, k,
                   Padding::Centered);
}

double linspace(double first, double last, int64_t count, int64_t i) {
  return count > 1 ? first + (last - first) * double(i) / double(count - 1)
                   : first;
}

/// Divides each row of `rows x cols` by its L1 norm.
void normalizeRows(Vec &h, int64_t rows, int64_t cols) {
  for (int64_t r = 0; r < rows; ++r) {
    double norm = 0.0;
    for (int64_t c = 0; c < cols; ++c)
      norm += std::abs(h[r * cols + c]);
    for (int64_t c = 0; c < cols; ++c)
      h[r * cols + c] /= norm;
  }
}

/// The front of both blocks: `z = in_proj(x)` (`B x L x (N+1)D`) and the
/// short filter of `z^T` (`B x (N+1)D x L`).
struct Projected {
  Vec z, filtered;
};

Projected projectAndFilter(const Vec &x, int64_t batch, int64_t len,
                           int64_t channels, int64_t order,
                           const BlockWeights &w) {
  int64_t width = (order + 1) * channels;
  Projected p;
  p.z = linear(x, batch * len, channels, w.inProjWeight, w.inProjBias, width);
  p.filtered = shortConv(transpose(p.z, batch, len, width), w.shortFilterWeight,
                         w.shortFilterBias, batch, width, len,
                         w.shortFilterSize, Padding::Causal);
  return p;
}

/// Gates and convolutions of both blocks, then the output projection:
/// `v = conv_o(v * x_i)` for `i = N-1 ... 1`, `y = v * x_0 (+ residual)`.
template <typename ConvFn>
Vec gateConvolveProject(const Vec &filtered, const Vec &residual, int64_t batch,
                        int64_t len, int64_t channels, int64_t order,
                        const BlockWeights &w, ConvFn conv) {
  int64_t width = (order + 1) * channels;
  auto part = [&](int64_t i) {
    return channelSlice(filtered, batch, width, len, i * channels, channels);
  };
  auto gate = [](Vec v, const Vec &g) {
    for (size_t j = 0; j < v.size(); ++j)
      v[j] *= g[j];
    return v;
  };
  Vec v = part(order);
  for (int64_t i = order - 1; i >= 1; --i)
    v = conv(gate(v, part(i)), order - 1 - i);
  v = gate(v, part(0));
  for (size_t j = 0; j < residual.size(); ++j)
    v[j] += residual[j];
  return linear(transpose(v, batch, channels, len), batch * len, channels,
                w.outProjWeight, w.outProjBias, channels);
}

/// `G_n(F_n(v) K)[:L] + bias v` for `v` `B x D x L` and a per-batch
/// spectrum `K` `B x D x (n/2+1)`.
Vec spectralConvolve(const Vec &v, const std::vector<Complex> &spectrum,
                     const Vec &bias, int64_t batch, int64_t channels,
                     int64_t len, int64_t n) {
  int64_t rows = batch * channels, bins = n / 2 + 1;
  std::vector<Complex> prod = rfft(v, rows, len, n, Norm::Forward);
  for (size_t j = 0; j < prod.size(); ++j)
    prod[j] *= spectrum[j];
  Vec y = irfft(prod, rows, bins, n, len, Norm::Forward);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t t = 0; t < len; ++t)
      y[r * len + t] += bias[r % channels] * v[r * len + t];
  return y;
}

} // namespace

std::vector<double> mlir::orchid::ref::positionalEmbedding(int64_t len,
                                                           int64_t lMax,
                                                           int64_t embDim) {
  int64_t bands = (embDim - 1) / 2;
  Vec emb(len * embDim);
  for (int64_t i = 0; i < len; ++i) {
    double t = linspace(0.0, 1.0, lMax, i);
    double w = 2.0 * M_PI * double(i) / double(lMax);
    emb[i * embDim] = t;
    for (int64_t k = 0; k < bands; ++k) {
      double f = linspace(1e-4, double(bands - 1), bands, k);
      // z = exp(-i f w).
      emb[i * embDim + 1 + k] = std::cos(f * w);
      emb[i * embDim + 1 + bands + k] = -std::sin(f * w);
    }
  }
  return emb;
}

std::vector<double> mlir::orchid::ref::implicitFilter(
    const FilterWeights &w, const FilterConfig &config, int64_t numKernels,
    int64_t channels, int64_t len) {
  bool stored = !w.z.empty();
  assert((len <= config.lMax || config.grid == GridPolicy::ZeroPad ||
          (config.grid == GridPolicy::Extrapolate && !stored)) &&
         "length above l_max");
  int64_t features = numKernels * channels;
  assert(features == w.numFeatures && "filter output size mismatch");
  // Positions the network is evaluated at; zero-padded kernels are zero
  // beyond l_max taps.
  int64_t rows =
      config.grid == GridPolicy::ZeroPad ? std::min(len, config.lMax) : len;
  auto sinLayer = [&](const Vec &x, int64_t in, const double *weight,
                      const double *bias, const double *freq) {
    Vec y(rows * w.width);
    for (int64_t t = 0; t < rows; ++t)
      for (int64_t j = 0; j < w.width; ++j) {
        double acc = bias[j];
        for (int64_t i = 0; i < in; ++i)
          acc += x[t * in + i] * weight[j * in + i];
        y[t * w.width + j] = std::sin(config.wMod * freq[j] * acc);
      }
    return y;
  };
  Vec emb = stored ? Vec(w.z.begin(), w.z.begin() + rows * w.embDim)
                   : positionalEmbedding(rows, config.lMax, w.embDim);
  Vec h = sinLayer(emb, w.embDim, w.wIn.data(), w.bIn.data(), w.freq.data());
  for (int64_t m = 0; m < w.numInner; ++m)
    h = sinLayer(h, w.width, &w.wInner[m * w.width * w.width],
                 &w.bInner[m * w.width], &w.freq[(m + 1) * w.width]);
  h = linear(h, rows, w.width, w.wOut, {}, features);

  if (config.normalize == FilterNorm::BeforeModulation)
    normalizeRows(h, rows, features);
  if (config.modulate) {
    double logTarget = std::log(config.target);
    for (int64_t t = 0; t < rows; ++t) {
      double time = linspace(0.0, 1.0, config.lMax, t);
      for (int64_t j = 0; j < features; ++j) {
        double delta =
            w.deltas.empty()
                ? linspace(logTarget / config.slowDecayPct,
                           logTarget / config.fastDecayPct, features, j)
                : w.deltas[j];
        h[t * features + j] *= std::exp(-time * std::abs(delta)) + config.shift;
      }
    }
  }
  if (config.normalize == FilterNorm::AfterModulation)
    normalizeRows(h, rows, features);

  Vec kernels(features * len, 0.0);
  for (int64_t t = 0; t < rows; ++t)
    for (int64_t d = 0; d < channels; ++d)
      for (int64_t o = 0; o < numKernels; ++o)
        kernels[(o * channels + d) * len + t] =
            h[t * features + d * numKernels + o];
  return kernels;
}

std::vector<Complex>
mlir::orchid::ref::condition(const std::vector<double> &a, int64_t batch,
                             int64_t len, int64_t channels, int64_t numKernels,
                             int64_t n, const ConditionWeights &w, double eps) {
  const auto &p = w.tensors;
  int64_t out = numKernels * channels, bins = n / 2 + 1;
  int64_t k = w.kernelSize;
  Vec at = transpose(a, batch, len, channels);
  // LN(conv(x)) with the four tensors starting at `first`.
  auto convNorm = [&](const Vec &x, int64_t c, int64_t l, int64_t ratio,
                      size_t first) {
    Vec y = groupedConv(x, batch, c, l, ratio, p[first], p[first + 1], k);
    return layerNorm(y, batch, c * ratio, l, p[first + 2], p[first + 3], eps);
  };
  std::vector<Complex> h(batch * out * bins);
  if (w.kind == ConditionKind::Spectral) {
    std::vector<Complex> spec = rfft(convNorm(at, channels, len, 1, 0),
                                     batch * channels, len, n, Norm::Forward);
    Vec power(spec.size());
    for (size_t j = 0; j < spec.size(); ++j)
      power[j] = std::norm(spec[j]);
    Vec a2 = convNorm(power, channels, bins, 2 * out / channels, 4);
    for (int64_t b = 0; b < batch; ++b)
      for (int64_t c = 0; c < out; ++c)
        for (int64_t f = 0; f < bins; ++f)
          h[(b * out + c) * bins + f] =
              Complex(a2[(b * 2 * out + 2 * c) * bins + f],
                      a2[(b * 2 * out + 2 * c + 1) * bins + f]);
    return h;
  }
  std::vector<Complex> kSpec = rfft(convNorm(at, channels, len, 1, 0),
                                    batch * channels, len, n, Norm::Forward);
  std::vector<Complex> qSpec = rfft(convNorm(at, channels, len, 1, 4),
                                    batch * channels, len, n, Norm::Forward);
  // R = [Re S, Im S] on channels, S = conj(K) Q.
  Vec r(batch * 2 * channels * bins);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t d = 0; d < channels; ++d)
      for (int64_t f = 0; f < bins; ++f) {
        Complex s = std::conj(kSpec[(b * channels + d) * bins + f]) *
                    qSpec[(b * channels + d) * bins + f];
        r[(b * 2 * channels + d) * bins + f] = s.real();
        r[(b * 2 * channels + channels + d) * bins + f] = s.imag();
      }
  // Conv1d(2D, 2C, K, groups = D), weight 2C x 2 x K, centred: output c
  // of group g = c / (2C / D) reads channels 2g and 2g + 1 of R.
  const Vec &w3 = p[8], &b3 = p[9];
  int64_t perGroup = 2 * out / channels, pad = (k - 1) / 2;
  Vec conv3(batch * 2 * out * bins);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t c = 0; c < 2 * out; ++c)
      for (int64_t f = 0; f < bins; ++f) {
        int64_t g = c / perGroup;
        double acc = b3[c];
        for (int64_t i = 0; i < 2; ++i)
          for (int64_t j = 0; j < k; ++j) {
            int64_t src = f + j - pad;
            if (src >= 0 && src < bins)
              acc += w3[(c * 2 + i) * k + j] *
                     r[(b * 2 * channels + 2 * g + i) * bins + src];
          }
        conv3[(b * 2 * out + c) * bins + f] = acc;
      }
  Vec a3 = layerNorm(conv3, batch, 2 * out, bins, p[10], p[11], eps);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t c = 0; c < out; ++c)
      for (int64_t f = 0; f < bins; ++f)
        h[(b * out + c) * bins + f] =
            Complex(a3[(b * 2 * out + c) * bins + f],
                    a3[(b * 2 * out + out + c) * bins + f]);
  return h;
}

std::vector<double> mlir::orchid::ref::hyenaBlock(
    const std::vector<double> &x, int64_t batch, int64_t len, int64_t channels,
    int64_t order, const BlockWeights &w, const FilterConfig &filter) {
  int64_t numKernels = order - 1;
  Projected p = projectAndFilter(x, batch, len, channels, order, w);
  Vec h = implicitFilter(w.filter, filter, numKernels, channels, len);
  auto conv = [&](const Vec &v, int64_t o) {
    Vec kernel(h.begin() + o * channels * len,
               h.begin() + (o + 1) * channels * len);
    Vec bias = deinterleave(w.filterBias, 1, channels, numKernels, 1, o);
    if (!filter.bias)
      bias.assign(bias.size(), 0.0);
    return fftconv(v, kernel, bias, batch, channels, len, len,
                   ConvMode::Causal);
  };
  return gateConvolveProject(p.filtered, {}, batch, len, channels, order, w,
                             conv);
}

/// Kernel `o` (`D x kernelLen`) of the static filter `h` (`numKernels x D
/// x L`) and, when bidirectional, of its reverse `hRev`: `pad(h, (0, L)) +
/// pad(flip(hRev[:taps]), (L, 0))` on 2L points.
static Vec staticKernel(const Vec &h, const Vec &hRev, int64_t channels,
                        int64_t len, int64_t taps, int64_t o,
                        int64_t kernelLen) {
  Vec k(channels * kernelLen, 0.0);
  for (int64_t d = 0; d < channels; ++d) {
    const double *fwd = &h[(o * channels + d) * len];
    for (int64_t t = 0; t < len; ++t)
      k[d * kernelLen + t] = fwd[t];
    if (hRev.empty())
      continue;
    const double *rev = &hRev[(o * channels + d) * len];
    for (int64_t j = 0; j < taps; ++j)
      k[d * kernelLen + len + j] += rev[taps - 1 - j];
  }
  return k;
}

std::vector<double> mlir::orchid::ref::orchidBlock(
    const std::vector<double> &x, int64_t batch, int64_t len, int64_t channels,
    int64_t order, const OrchidOptions &options, const OrchidWeights &w,
    const FilterConfig &filter, const FilterConfig &residualFilter) {
  int64_t numKernels = order - 1;
  bool bidirectional = options.mode == ConvMode::Bidirectional;
  int64_t n = options.mode == ConvMode::Circular ? len : 2 * len;
  int64_t kernelLen = bidirectional ? 2 * len : len;
  int64_t condN = options.causalCondition ? 2 * len : n;
  int64_t width = (order + 1) * channels;
  Projected p = projectAndFilter(x, batch, len, channels, order, w);
  auto taps = [&](const FilterConfig &config) {
    return config.grid == GridPolicy::ZeroPad ? std::min(len, config.lMax)
                                              : len;
  };

  // The conditioning network reads the v part of z, before the short
  // filter, and is applied to each batch element on its own.
  std::vector<Complex> cond;
  for (int64_t b = 0; b < batch; ++b) {
    Vec a(len * channels);
    for (int64_t r = 0; r < len; ++r)
      for (int64_t d = 0; d < channels; ++d)
        a[r * channels + d] = p.z[(b * len + r) * width + order * channels + d];
    std::vector<Complex> hb = condition(a, 1, len, channels, numKernels, condN,
                                        w.condition, options.eps);
    cond.insert(cond.end(), hb.begin(), hb.end());
  }
  int64_t condBins = condN / 2 + 1;
  Vec condKernel;
  if (options.causalCondition)
    condKernel = irfft(cond, batch * numKernels * channels, condBins, condN,
                       len, Norm::Forward);

  Vec h = implicitFilter(w.filter, filter, numKernels, channels, len);
  Vec hRev;
  if (bidirectional)
    hRev = implicitFilter(w.filterReverse, filter, numKernels, channels, len);
  auto conv = [&](const Vec &v, int64_t o) {
    Vec k = staticKernel(h, hRev, channels, len, taps(filter), o, kernelLen);
    Vec kernel(batch * channels * kernelLen);
    for (int64_t b = 0; b < batch; ++b)
      for (size_t j = 0; j < k.size(); ++j)
        kernel[b * k.size() + j] = k[j];
    std::vector<Complex> spectrum;
    if (options.causalCondition) {
      Vec hc = deinterleave(condKernel, batch, channels, numKernels, len, o);
      for (int64_t r = 0; r < batch * channels; ++r)
        for (int64_t t = 0; t < len; ++t)
          kernel[r * kernelLen + t] += options.alphaAdapt * hc[r * len + t];
      spectrum = rfft(kernel, batch * channels, kernelLen, n, Norm::Forward);
    } else {
      spectrum = rfft(kernel, batch * channels, kernelLen, n, Norm::Forward);
      std::vector<Complex> hc =
          deinterleave(cond, batch, channels, numKernels, condBins, o);
      for (size_t j = 0; j < spectrum.size(); ++j)
        spectrum[j] += options.alphaAdapt * hc[j];
    }
    Vec bias = deinterleave(w.filterBias, 1, channels, numKernels, 1, o);
    if (!filter.bias)
      bias.assign(bias.size(), 0.0);
    return spectralConvolve(v, spectrum, bias, batch, channels, len, n);
  };

  Vec residual;
  if (w.hasResidual) {
    Vec hr = implicitFilter(w.residualFilter, residualFilter, 1, channels, len);
    Vec hrRev;
    if (bidirectional)
      hrRev =
          implicitFilter(w.residualReverse, residualFilter, 1, channels, len);
    Vec k = staticKernel(hr, hrRev, channels, len, taps(residualFilter), 0,
                         kernelLen);
    Vec kernel(batch * channels * kernelLen);
    for (int64_t b = 0; b < batch; ++b)
      for (size_t j = 0; j < k.size(); ++j)
        kernel[b * k.size() + j] = k[j];
    std::vector<Complex> spectrum =
        rfft(kernel, batch * channels, kernelLen, n, Norm::Forward);
    Vec bias = w.residualBias;
    if (!residualFilter.bias)
      bias.assign(bias.size(), 0.0);
    residual = spectralConvolve(transpose(x, batch, len, channels), spectrum,
                                bias, batch, channels, len, n);
  }
  return gateConvolveProject(p.filtered, residual, batch, len, channels, order,
                             w, conv);
}
