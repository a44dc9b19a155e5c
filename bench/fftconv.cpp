//===- fftconv.cpp - Generated FFT convolution against FFTW ---------------===//
//
// Times the causal FFT convolution y = irfft(rfft(u, 2L) * K)[:L] + bias*u
// as compiled by the Orchid CPU pipeline (orchid.spectral_conv through
// OrchidRunner, as orchid-run runs it) and as FFTW computes it (batched
// r2c/c2r plans, FFTW_MEASURE, the same thread count), with the filter
// spectrum K precomputed for both. Checks that they agree and prints a
// table. Speed is reported, never asserted.
//
//===----------------------------------------------------------------------===//

#include "bench/BenchUtil.h"
#include "tools/lib/runner/Runner.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <fftw3.h>

#include <cmath>
#include <complex>
#include <random>
#include <thread>

using namespace llvm;
using namespace mlir::orchid;
using namespace mlir::orchid::bench;

namespace {

cl::opt<bool> quick("quick",
                    cl::desc("Only the small shapes, FFTW_ESTIMATE plans and "
                             "fewer repetitions (a smoke run)"));
cl::opt<int> only("only", cl::desc("Run only the shape with this index"),
                  cl::init(-1));
cl::opt<unsigned> reps("reps", cl::desc("Timed calls per shape"), cl::init(7));
cl::opt<unsigned>
    threads("fftw-threads",
            cl::desc("Threads for FFTW (default: all hardware threads, as the "
                     "generated kernel's OpenMP runtime uses)"),
            cl::init(0));

struct Shape {
  int64_t b, d, l;
};

using Complex = std::complex<float>;

/// FFTW's version of the pipeline on B*D rows.
class FFTWConv {
public:
  FFTWConv(const Shape &s, int64_t n, unsigned flags)
      : s(s), n(n), bins(n / 2 + 1), rows(s.b * s.d),
        padded(fftwf_alloc_real(rows * n)),
        spectrum(fftwf_alloc_complex(rows * bins)) {
    int size = n;
    forward = fftwf_plan_many_dft_r2c(1, &size, rows, padded, nullptr, 1, n,
                                      spectrum, nullptr, 1, bins, flags);
    inverse = fftwf_plan_many_dft_c2r(1, &size, rows, spectrum, nullptr, 1,
                                      bins, padded, nullptr, 1, n, flags);
  }
  ~FFTWConv() {
    fftwf_destroy_plan(forward);
    fftwf_destroy_plan(inverse);
    fftwf_free(padded);
    fftwf_free(spectrum);
  }

  /// `filter` is D x bins, already divided by n.
  void run(const float *u, const Complex *filter, const float *bias, float *y) {
    for (int64_t r = 0; r < rows; ++r) {
      std::copy(u + r * s.l, u + (r + 1) * s.l, padded + r * n);
      std::fill(padded + r * n + s.l, padded + (r + 1) * n, 0.0f);
    }
    fftwf_execute(forward);
    auto *x = reinterpret_cast<Complex *>(spectrum);
    for (int64_t r = 0; r < rows; ++r) {
      const Complex *k = filter + (r % s.d) * bins;
      for (int64_t j = 0; j < bins; ++j)
        x[r * bins + j] *= k[j];
    }
    fftwf_execute(inverse);
    for (int64_t r = 0; r < rows; ++r) {
      float skip = bias[r % s.d];
      for (int64_t t = 0; t < s.l; ++t)
        y[r * s.l + t] = padded[r * n + t] + skip * u[r * s.l + t];
    }
  }

private:
  Shape s;
  int64_t n, bins, rows;
  float *padded;
  fftwf_complex *spectrum;
  fftwf_plan forward, inverse;
};

std::string kernelSource(const Shape &s, int64_t n) {
  std::string u = formatv("tensor<{0}x{1}x{2}xf32>", s.b, s.d, s.l).str();
  std::string k = formatv("tensor<{0}x{1}xcomplex<f32>>", s.d, n / 2 + 1).str();
  std::string b = formatv("tensor<{0}xf32>", s.d).str();
  return formatv("func.func @conv(%u: {0}, %k: {1}, %b: {2}) -> {0} {{\n"
                 "  %y = orchid.spectral_conv %u, %k, %b size {3} : {0}, "
                 "{1}, {2} -> {0}\n"
                 "  return %y : {0}\n}\n",
                 u, k, b, n)
      .str();
}

/// Runs one shape; returns false when the outputs disagree.
bool runShape(const Shape &s, Target &target, mlir::MLIRContext &context,
              unsigned flags) {
  int64_t n = 2 * s.l, bins = n / 2 + 1, rows = s.b * s.d;
  std::mt19937 gen(0);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  NpyArray u(DType::F32, {s.b, s.d, s.l});
  NpyArray bias(DType::F32, {s.d});
  NpyArray filter(DType::C64, {s.d, bins});
  for (int64_t i = 0; i < u.getNumElements(); ++i)
    u.as<float>()[i] = dist(gen);
  for (int64_t i = 0; i < s.d; ++i)
    bias.as<float>()[i] = dist(gen);
  {
    // The filter spectrum, once per weights: rfft(k, n) / n, shared by both.
    std::vector<float> k(s.d * n, 0.0f);
    for (int64_t dd = 0; dd < s.d; ++dd)
      for (int64_t t = 0; t < s.l; ++t)
        k[dd * n + t] = dist(gen) / std::sqrt(float(s.l));
    int size = n;
    fftwf_plan plan = fftwf_plan_many_dft_r2c(
        1, &size, s.d, k.data(), nullptr, 1, n,
        reinterpret_cast<fftwf_complex *>(filter.data.data()), nullptr, 1, bins,
        FFTW_ESTIMATE);
    fftwf_execute(plan);
    fftwf_destroy_plan(plan);
  }
  // orchid.spectral_conv applies irfft's 1/n itself; FFTW's c2r does not.
  std::vector<Complex> scaled(filter.as<Complex>(),
                              filter.as<Complex>() + s.d * bins);
  for (Complex &c : scaled)
    c /= float(n);

  auto module =
      mlir::parseSourceString<mlir::ModuleOp>(kernelSource(s, n), &context);
  if (!module)
    return false;
  if (Error error = target.lower(*module, mlir::orchid::RouteOptions())) {
    errs() << toString(std::move(error)) << "\n";
    return false;
  }
  auto executable = target.load(*module);
  if (!executable) {
    errs() << toString(executable.takeError()) << "\n";
    return false;
  }
  NpyArray yOrchid(DType::F32, {s.b, s.d, s.l});
  std::vector<float> yFFTW(rows * s.l);
  std::vector<const NpyArray *> args = {&u, &filter, &bias};
  std::vector<NpyArray *> results = {&yOrchid};
  bool callFailed = false;
  Timing orchid = timeCalls(
      [&] {
        if (Error error = (*executable)->call("conv", args, results)) {
          errs() << toString(std::move(error)) << "\n";
          callFailed = true;
        }
      },
      reps);
  if (callFailed)
    return false;

  FFTWConv fftw(s, n, flags);
  Timing base = timeCalls(
      [&] {
        fftw.run(u.as<float>(), scaled.data(), bias.as<float>(), yFFTW.data());
      },
      reps);
  double error = relativeL2Error(yOrchid.as<float>(), yFFTW.data(), rows * s.l);

  // Two real FFTs of n points per row, 2.5 n log2 n flops each.
  double gflop = rows * 2 * 2.5 * n * std::log2(double(n)) * 1e-9;
  outs() << formatv("{0,2} {1,6} {2,8} | {3,9:F3} [{4:F3}, {5:F3}] | "
                    "{6,9:F3} [{7:F3}, {8:F3}] | {9,5:F2} | {10,6:F1} "
                    "{11,6:F1} | {12,7:F0} | {13:E1}\n",
                    s.b, s.d, s.l, orchid.median, orchid.min, orchid.max,
                    base.median, base.min, base.max,
                    orchid.median / base.median, gflop / (orchid.median * 1e-3),
                    gflop / (base.median * 1e-3), peakRssMiB(), error);
  outs().flush();
  if (error > 1e-5) {
    errs() << "error: the outputs differ (relative L2 error " << error << ")\n";
    return false;
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Causal FFT convolution: Orchid's generated kernel against FFTW\n");
  unsigned nthreads =
      threads ? unsigned(threads) : std::thread::hardware_concurrency();
  fftwf_init_threads();
  fftwf_plan_with_nthreads(nthreads);

  std::vector<Shape> shapes = {{1, 768, 1024},  {1, 768, 4096},
                               {1, 768, 16384}, {1, 768, 65536},
                               {8, 256, 8192},  {1, 16, 1 << 20}};
  if (quick)
    shapes.resize(2);

  mlir::DialectRegistry registry;
  registerRunnerDialects(registry);
  mlir::MLIRContext context(registry);
  std::unique_ptr<Target> target = createCPUTarget();

  printMachine(nthreads);
  outs() << "Times in ms: median [min, max] of " << reps
         << " calls. GFLOP/s counts 2.5 n log2 n per real FFT, 2 per row.\n";
  outs() << " B      D        L |  orchid ms [min, max] |    fftw ms "
            "[min, max] | ratio | GFLOP/s orchid fftw | RSS MiB | rel L2\n";
  bool ok = true;
  for (auto [i, s] : llvm::enumerate(shapes))
    if (only < 0 || only == int(i))
      ok &= runShape(s, *target, context, quick ? FFTW_ESTIMATE : FFTW_MEASURE);
  fftwf_cleanup_threads();
  return ok ? 0 : 1;
}
