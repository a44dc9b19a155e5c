//===- CPUCodegenTest.cpp - Numerics of the CPU code generator ------------===//
//
// Compiles small modules of orchid ops with the CPU pipeline, runs them with
// the MLIR ExecutionEngine and compares against float64 references written
// here: naive DFTs and direct convolutions.
//
//===----------------------------------------------------------------------===//

#include "dialect/OrchidDialect.h"
#include "lowering/CPU/Pipelines.h"
#include "passes/Passes.h"
#include "tools/lib/runner/Runner.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/TargetSelect.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <random>
#include <string>
#include <vector>

using namespace mlir;

namespace {
using CDouble = std::complex<double>;

/// A ranked memref descriptor as convert-func-to-llvm lays it out.
template <int Rank> struct Descriptor {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[Rank];
  int64_t strides[Rank];
};

template <int Rank>
Descriptor<Rank> describe(void *data, std::array<int64_t, Rank> shape) {
  Descriptor<Rank> d{data, data, 0, {}, {}};
  int64_t stride = 1;
  for (int i = Rank - 1; i >= 0; --i) {
    d.sizes[i] = shape[i];
    d.strides[i] = stride;
    stride *= shape[i];
  }
  return d;
}

std::vector<float> randomVector(size_t size, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v(size);
  for (float &x : v)
    x = dist(gen);
  return v;
}

double relativeError(const std::vector<double> &got,
                     const std::vector<double> &want) {
  double num = 0, den = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    num += (got[i] - want[i]) * (got[i] - want[i]);
    den += want[i] * want[i];
  }
  return std::sqrt(num / std::max(den, 1e-300));
}

/// exp(sign * 2 pi i j / n) for j < n.
std::vector<CDouble> roots(int64_t n, int sign) {
  std::vector<CDouble> w(n);
  for (int64_t j = 0; j < n; ++j)
    w[j] = std::polar(1.0, sign * 2 * M_PI * double(j) / double(n));
  return w;
}

class CPUCodegenTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  }

  CPUCodegenTest() {
    DialectRegistry registry;
    registry.insert<mlir::orchid::OrchidDialect>();
    mlir::orchid::registerOrchidCPUDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  /// Lowers `source` with the CPU pipeline and JITs it.
  std::unique_ptr<ExecutionEngine> compile(const std::string &source,
                                           bool parallel = true) {
    OwningOpRef<ModuleOp> module =
        parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return nullptr;
    PassManager pm(&context);
    mlir::orchid::CPUPipelineOptions options;
    options.parallel = parallel;
    mlir::orchid::buildOrchidCPUPipeline(pm, options);
    if (failed(pm.run(*module)))
      return nullptr;
    auto engine = ::orchid::createCPUJIT(*module);
    if (!engine) {
      ADD_FAILURE() << llvm::toString(engine.takeError());
      return nullptr;
    }
    (*engine)->initialize();
    return std::move(*engine);
  }

  /// Calls `_mlir_ciface_f` with pointers to memref descriptors.
  template <typename... Descs>
  void call(ExecutionEngine &engine, Descs *...descs) {
    auto fn = engine.lookup("_mlir_ciface_f");
    ASSERT_TRUE(bool(fn)) << llvm::toString(fn.takeError());
    reinterpret_cast<void (*)(Descs * ...)> (*fn)(descs...);
  }

  MLIRContext context;
};

//===----------------------------------------------------------------------===//
// rfft / irfft
//===----------------------------------------------------------------------===//

struct FFTCase {
  int64_t rows, n;
};

/// "rows5_n12": names tests and gtest's messages the same way in every run.
std::string caseName(const FFTCase &c) {
  return "rows" + std::to_string(c.rows) + "_n" + std::to_string(c.n);
}
void PrintTo(const FFTCase &c, std::ostream *os) { *os << caseName(c); }

class RFFTTest : public CPUCodegenTest,
                 public ::testing::WithParamInterface<FFTCase> {};

TEST_P(RFFTTest, MatchesNaiveDFT) {
  auto [rows, n] = GetParam();
  int64_t half = n / 2 + 1;
  std::string src =
      "func.func @f(%x: tensor<" + std::to_string(rows) + "x" +
      std::to_string(n) + "xf32>) -> tensor<" + std::to_string(rows) + "x" +
      std::to_string(half) + "xcomplex<f32>> {\n  %y = orchid.rfft %x size " +
      std::to_string(n) + " : tensor<" + std::to_string(rows) + "x" +
      std::to_string(n) + "xf32> -> tensor<" + std::to_string(rows) + "x" +
      std::to_string(half) + "xcomplex<f32>>\n  return %y : tensor<" +
      std::to_string(rows) + "x" + std::to_string(half) + "xcomplex<f32>>\n}\n";
  auto engine = compile(src);
  ASSERT_TRUE(engine);
  std::vector<float> x = randomVector(rows * n, 1);
  std::vector<float> y(rows * half * 2);
  auto in = describe<2>(x.data(), {rows, n});
  auto out = describe<2>(y.data(), {rows, half});
  call(*engine, &in, &out);

  std::vector<CDouble> w = roots(n, -1);
  std::vector<double> got, want;
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t k = 0; k < half; ++k) {
      CDouble acc = 0;
      for (int64_t t = 0; t < n; ++t)
        acc += double(x[r * n + t]) * w[(k * t) % n];
      want.push_back(acc.real());
      want.push_back(acc.imag());
      got.push_back(y[2 * (r * half + k)]);
      got.push_back(y[2 * (r * half + k) + 1]);
    }
  EXPECT_LE(relativeError(got, want), 1e-5);
}

class IRFFTTest : public CPUCodegenTest,
                  public ::testing::WithParamInterface<FFTCase> {};

TEST_P(IRFFTTest, MatchesNaiveInverseDFT) {
  auto [rows, n] = GetParam();
  int64_t half = n / 2 + 1;
  std::string in = "tensor<" + std::to_string(rows) + "x" +
                   std::to_string(half) + "xcomplex<f32>>";
  std::string out =
      "tensor<" + std::to_string(rows) + "x" + std::to_string(n) + "xf32>";
  std::string src = "func.func @f(%x: " + in + ") -> " + out +
                    " {\n  %y = orchid.irfft %x size " + std::to_string(n) +
                    " : " + in + " -> " + out + "\n  return %y : " + out +
                    "\n}\n";
  auto engine = compile(src);
  ASSERT_TRUE(engine);
  std::vector<float> x = randomVector(rows * half * 2, 2);
  std::vector<float> y(rows * n);
  auto inDesc = describe<2>(x.data(), {rows, half});
  auto outDesc = describe<2>(y.data(), {rows, n});
  call(*engine, &inDesc, &outDesc);

  std::vector<CDouble> w = roots(n, 1);
  std::vector<double> got(y.begin(), y.end()), want;
  for (int64_t r = 0; r < rows; ++r) {
    std::vector<CDouble> full(n);
    for (int64_t k = 0; k < half; ++k) {
      CDouble c(x[2 * (r * half + k)], x[2 * (r * half + k) + 1]);
      if (k == 0 || 2 * k == n)
        c = c.real();
      full[k] = c;
      if (k > 0)
        full[n - k] = std::conj(c);
    }
    for (int64_t t = 0; t < n; ++t) {
      CDouble acc = 0;
      for (int64_t k = 0; k < n; ++k)
        acc += full[k] * w[(k * t) % n];
      want.push_back(acc.real() / double(n));
    }
  }
  EXPECT_LE(relativeError(got, want), 1e-5);
}

const FFTCase kFFTCases[] = {{1, 1},    {5, 2},    {16, 7},   {37, 8},
                             {5, 12},   {16, 64},  {5, 1000}, {1, 1024},
                             {1, 8194}, {1, 12289}};
/// The test name of a parameter: its caseName.
struct CaseName {
  template <typename Case>
  std::string operator()(const ::testing::TestParamInfo<Case> &info) const {
    return caseName(info.param);
  }
};

INSTANTIATE_TEST_SUITE_P(Sizes, RFFTTest, ::testing::ValuesIn(kFFTCases),
                         CaseName());
INSTANTIATE_TEST_SUITE_P(Sizes, IRFFTTest, ::testing::ValuesIn(kFFTCases),
                         CaseName());

//===----------------------------------------------------------------------===//
// fftconv (orchid-lower-fftconv + spectral_conv)
//===----------------------------------------------------------------------===//

struct ConvCase {
  int64_t batch, channels, len;
  const char *mode;
  int64_t fftSize; // 0: the default fast size
  bool parallel;
};

/// "B2_D5_L7_causal", then "_n8194" for an explicit transform size and
/// "_serial" without OpenMP.
std::string caseName(const ConvCase &c) {
  std::string name = "B" + std::to_string(c.batch) + "_D" +
                     std::to_string(c.channels) + "_L" + std::to_string(c.len) +
                     "_" + c.mode;
  if (c.fftSize)
    name += "_n" + std::to_string(c.fftSize);
  if (!c.parallel)
    name += "_serial";
  return name;
}
void PrintTo(const ConvCase &c, std::ostream *os) { *os << caseName(c); }

class FFTConvTest : public CPUCodegenTest,
                    public ::testing::WithParamInterface<ConvCase> {};

TEST_P(FFTConvTest, MatchesDirectConvolution) {
  auto [batch, channels, len, mode, fftSize, parallel] = GetParam();
  bool circular = std::string(mode) == "circular";
  std::string u = "tensor<" + std::to_string(batch) + "x" +
                  std::to_string(channels) + "x" + std::to_string(len) +
                  "xf32>";
  std::string k = "tensor<" + std::to_string(channels) + "x" +
                  std::to_string(len) + "xf32>";
  std::string bias = "tensor<" + std::to_string(channels) + "xf32>";
  std::string attrs = circular ? "{scale = 0.5 : f64" : "{";
  if (fftSize)
    attrs += std::string(circular ? ", " : "") +
             "fft_size = " + std::to_string(fftSize) + " : i64";
  attrs += "}";
  std::string src = "func.func @f(%u: " + u + ", %k: " + k + ", %b: " + bias +
                    ") -> " + u + " {\n  %y = orchid.fftconv " + mode +
                    " %u, %k, %b " + attrs + " : " + u + ", " + k + ", " +
                    bias + " -> " + u + "\n  return %y : " + u + "\n}\n";
  auto engine = compile(src, parallel);
  ASSERT_TRUE(engine);
  std::vector<float> x = randomVector(batch * channels * len, 3);
  std::vector<float> h = randomVector(channels * len, 4);
  std::vector<float> b = randomVector(channels, 5);
  std::vector<float> y(x.size());
  auto uDesc = describe<3>(x.data(), {batch, channels, len});
  auto kDesc = describe<2>(h.data(), {channels, len});
  auto bDesc = describe<1>(b.data(), {channels});
  auto yDesc = describe<3>(y.data(), {batch, channels, len});
  call(*engine, &uDesc, &kDesc, &bDesc, &yDesc);

  std::vector<double> got(y.begin(), y.end()), want(y.size());
  for (int64_t bi = 0; bi < batch; ++bi)
    for (int64_t d = 0; d < channels; ++d) {
      const float *ur = &x[(bi * channels + d) * len];
      const float *kr = &h[d * len];
      for (int64_t t = 0; t < len; ++t) {
        double acc = 0;
        if (circular) {
          for (int64_t s = 0; s < len; ++s)
            acc += double(kr[s]) * ur[(t - s + len) % len];
          acc *= 0.5;
        } else {
          for (int64_t s = 0; s <= t; ++s)
            acc += double(kr[s]) * ur[t - s];
        }
        want[(bi * channels + d) * len + t] = acc + double(b[d]) * ur[t];
      }
    }
  EXPECT_LE(relativeError(got, want), 1e-5);
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, FFTConvTest,
    ::testing::Values(ConvCase{1, 1, 1, "causal", 0, true},
                      ConvCase{2, 5, 7, "causal", 0, true},
                      ConvCase{1, 37, 64, "causal", 0, true},
                      ConvCase{3, 20, 30, "causal", 0, true},
                      ConvCase{2, 16, 12, "circular", 0, false},
                      ConvCase{1, 5, 12, "circular", 12, true},
                      ConvCase{1, 16, 1000, "causal", 0, true},
                      ConvCase{1, 5, 4097, "causal", 8194, true},
                      ConvCase{1, 1, 1024, "circular", 0, true}),
    CaseName());

//===----------------------------------------------------------------------===//
// short_conv
//===----------------------------------------------------------------------===//

struct ShortCase {
  int64_t channels, len, taps;
  const char *padding;
};

/// "D5_L7_K3_causal".
std::string caseName(const ShortCase &c) {
  return "D" + std::to_string(c.channels) + "_L" + std::to_string(c.len) +
         "_K" + std::to_string(c.taps) + "_" + c.padding;
}
void PrintTo(const ShortCase &c, std::ostream *os) { *os << caseName(c); }

class ShortConvTest : public CPUCodegenTest,
                      public ::testing::WithParamInterface<ShortCase> {};

TEST_P(ShortConvTest, MatchesDirectConvolution) {
  auto [channels, len, taps, padding] = GetParam();
  int64_t batch = 2;
  bool causal = std::string(padding) == "causal";
  std::string x = "tensor<" + std::to_string(batch) + "x" +
                  std::to_string(channels) + "x" + std::to_string(len) +
                  "xf32>";
  std::string w = "tensor<" + std::to_string(channels) + "x" +
                  std::to_string(taps) + "xf32>";
  std::string bias = "tensor<" + std::to_string(channels) + "xf32>";
  std::string src = "func.func @f(%x: " + x + ", %w: " + w + ", %b: " + bias +
                    ") -> " + x + " {\n  %y = orchid.short_conv " + padding +
                    " %x, %w, %b : " + x + ", " + w + ", " + bias + " -> " + x +
                    "\n  return %y : " + x + "\n}\n";
  auto engine = compile(src);
  ASSERT_TRUE(engine);
  std::vector<float> in = randomVector(batch * channels * len, 6);
  std::vector<float> wt = randomVector(channels * taps, 7);
  std::vector<float> b = randomVector(channels, 8);
  std::vector<float> y(in.size());
  auto xDesc = describe<3>(in.data(), {batch, channels, len});
  auto wDesc = describe<2>(wt.data(), {channels, taps});
  auto bDesc = describe<1>(b.data(), {channels});
  auto yDesc = describe<3>(y.data(), {batch, channels, len});
  call(*engine, &xDesc, &wDesc, &bDesc, &yDesc);

  int64_t pad = causal ? taps - 1 : (taps - 1) / 2;
  std::vector<double> got(y.begin(), y.end()), want;
  for (int64_t bi = 0; bi < batch; ++bi)
    for (int64_t c = 0; c < channels; ++c)
      for (int64_t t = 0; t < len; ++t) {
        double acc = b[c];
        for (int64_t j = 0; j < taps; ++j) {
          int64_t s = t + j - pad;
          if (s >= 0 && s < len)
            acc += double(wt[c * taps + j]) * in[(bi * channels + c) * len + s];
        }
        want.push_back(acc);
      }
  EXPECT_LE(relativeError(got, want), 1e-5);
}

INSTANTIATE_TEST_SUITE_P(Shapes, ShortConvTest,
                         ::testing::Values(ShortCase{5, 7, 3, "causal"},
                                           ShortCase{37, 64, 3, "causal"},
                                           ShortCase{16, 12, 5, "centered"}),
                         CaseName());
} // namespace
