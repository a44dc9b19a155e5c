//===- Reference.cpp - Float64 reference implementations ------------------===//

#include "tools/lib/reference/Reference.h"

#include <cassert>
#include <cmath>

namespace mlir {
namespace orchid {
namespace ref {

namespace {

/// `exp(-2 pi i j / n)` for `j < n`, each from its own cos/sin so that the
/// table is accurate to the last bit; DFT indices are taken modulo `n`.
std::vector<Complex> twiddles(int64_t n) {
  std::vector<Complex> w(n);
  for (int64_t j = 0; j < n; ++j) {
    double angle = -2.0 * M_PI * static_cast<double>(j) / n;
    w[j] = Complex(std::cos(angle), std::sin(angle));
  }
  return w;
}

} // namespace

std::vector<Complex> rfft(const std::vector<double> &x, int64_t rows,
                          int64_t len, int64_t n, Norm norm) {
  assert(static_cast<int64_t>(x.size()) == rows * len && n > 0);
  int64_t bins = n / 2 + 1;
  int64_t used = std::min(len, n);
  double s = norm == Norm::Forward ? 1.0 / n : 1.0;
  std::vector<Complex> w = twiddles(n);
  std::vector<Complex> out(rows * bins);
  for (int64_t r = 0; r < rows; ++r) {
    const double *row = x.data() + r * len;
    for (int64_t k = 0; k < bins; ++k) {
      Complex acc = 0.0;
      int64_t idx = 0; // k * t mod n
      for (int64_t t = 0; t < used; ++t) {
        acc += row[t] * w[idx];
        idx += k;
        if (idx >= n)
          idx -= n;
      }
      out[r * bins + k] = s * acc;
    }
  }
  return out;
}

std::vector<double> irfft(const std::vector<Complex> &x, int64_t rows,
                          int64_t bins, int64_t n, int64_t m, Norm norm) {
  assert(static_cast<int64_t>(x.size()) == rows * bins && n > 0);
  int64_t used = std::min(bins, n / 2 + 1);
  double s = norm == Norm::Backward ? 1.0 / n : 1.0;
  std::vector<Complex> w = twiddles(n);
  std::vector<double> out(rows * m, 0.0);
  for (int64_t r = 0; r < rows; ++r) {
    const Complex *row = x.data() + r * bins;
    for (int64_t t = 0; t < std::min(m, n); ++t) {
      // Sum over the full spectrum X[n - k] = conj(X[k]): each coefficient
      // strictly between 0 and n/2 appears twice, as 2 Re(X[k] e^{+...}).
      double acc = used > 0 ? row[0].real() : 0.0;
      int64_t idx = t % n; // k * t mod n, for k = 1
      int64_t step = idx;
      for (int64_t k = 1; k < used; ++k) {
        Complex e = std::conj(w[idx]);
        if (2 * k == n)
          acc += row[k].real() * e.real();
        else
          acc += 2.0 * (row[k] * e).real();
        idx += step;
        if (idx >= n)
          idx -= n;
      }
      out[r * m + t] = s * acc;
    }
  }
  return out;
}

std::vector<double> fftconv(const std::vector<double> &u,
                            const std::vector<double> &kernel,
                            const std::vector<double> &bias, int64_t b,
                            int64_t d, int64_t l, int64_t k, ConvMode mode,
                            double scale, bool perBatchKernel) {
  assert(static_cast<int64_t>(u.size()) == b * d * l);
  assert(static_cast<int64_t>(kernel.size()) ==
         (perBatchKernel ? b : 1) * d * k);
  assert(static_cast<int64_t>(bias.size()) == d);
  std::vector<double> y(u.size());
  for (int64_t bi = 0; bi < b; ++bi) {
    for (int64_t di = 0; di < d; ++di) {
      const double *row = u.data() + (bi * d + di) * l;
      const double *ker =
          kernel.data() + ((perBatchKernel ? bi * d : 0) + di) * k;
      double *out = y.data() + (bi * d + di) * l;
      for (int64_t t = 0; t < l; ++t) {
        double acc = 0.0;
        switch (mode) {
        case ConvMode::Causal:
          for (int64_t s = 0; s <= t && s < k; ++s)
            acc += ker[s] * row[t - s];
          break;
        case ConvMode::Bidirectional:
          // Kernel index j holds lag s = j - (L - 1).
          for (int64_t s = t - (l - 1); s <= t; ++s) {
            int64_t j = s + l - 1;
            if (j >= 0 && j < k)
              acc += ker[j] * row[t - s];
          }
          break;
        case ConvMode::Circular:
          for (int64_t s = 0; s < k; ++s)
            acc += ker[s] * row[((t - s) % l + l) % l];
          break;
        }
        out[t] = scale * acc + bias[di] * row[t];
      }
    }
  }
  return y;
}

std::vector<double> spectralConv(const std::vector<double> &u,
                                 const std::vector<Complex> &spectrum,
                                 const std::vector<double> &bias, int64_t b,
                                 int64_t d, int64_t l, int64_t n, bool wrap,
                                 bool perBatchSpectrum) {
  int64_t bins = n / 2 + 1;
  assert(static_cast<int64_t>(u.size()) == b * d * l);
  assert(static_cast<int64_t>(spectrum.size()) ==
         (perBatchSpectrum ? b : 1) * d * bins);
  std::vector<Complex> x = rfft(u, b * d, l, n);
  for (int64_t bi = 0; bi < b; ++bi)
    for (int64_t di = 0; di < d; ++di)
      for (int64_t k = 0; k < bins; ++k)
        x[(bi * d + di) * bins + k] *=
            spectrum[((perBatchSpectrum ? bi * d : 0) + di) * bins + k];
  std::vector<double> z = irfft(x, b * d, bins, n, n);
  std::vector<double> y(u.size());
  for (int64_t r = 0; r < b * d; ++r) {
    for (int64_t t = 0; t < l; ++t) {
      double acc = 0.0;
      if (wrap) {
        for (int64_t j = t; j < n; j += l)
          acc += z[r * n + j];
      } else if (t < n) {
        acc = z[r * n + t];
      }
      y[r * l + t] = acc + bias[r % d] * u[r * l + t];
    }
  }
  return y;
}

std::vector<double> shortConv(const std::vector<double> &x,
                              const std::vector<double> &weight,
                              const std::vector<double> &bias, int64_t b,
                              int64_t c, int64_t l, int64_t k,
                              Padding padding) {
  assert(static_cast<int64_t>(x.size()) == b * c * l);
  assert(static_cast<int64_t>(weight.size()) == c * k);
  assert(static_cast<int64_t>(bias.size()) == c);
  int64_t p = padding == Padding::Causal ? k - 1 : (k - 1) / 2;
  std::vector<double> y(x.size());
  for (int64_t r = 0; r < b * c; ++r) {
    int64_t ci = r % c;
    for (int64_t t = 0; t < l; ++t) {
      double acc = bias[ci];
      for (int64_t j = 0; j < k; ++j) {
        int64_t src = t + j - p;
        if (src >= 0 && src < l)
          acc += weight[ci * k + j] * x[r * l + src];
      }
      y[r * l + t] = acc;
    }
  }
  return y;
}

namespace {
template <typename T>
double relativeL2ErrorImpl(const std::vector<T> &a, const std::vector<T> &b) {
  assert(a.size() == b.size());
  double diff = 0.0, ref = 0.0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff += std::norm(a[i] - b[i]);
    ref += std::norm(b[i]);
  }
  return ref > 0.0 ? std::sqrt(diff / ref) : std::sqrt(diff);
}
} // namespace

double relativeL2Error(const std::vector<double> &a,
                       const std::vector<double> &b) {
  return relativeL2ErrorImpl(a, b);
}

double relativeL2Error(const std::vector<Complex> &a,
                       const std::vector<Complex> &b) {
  return relativeL2ErrorImpl(a, b);
}

} // namespace ref
} // namespace orchid
} // namespace mlir
