//===- hyena.cpp - The Hyena operator against a library baseline ----------===//
//
// Times the whole Hyena operator of order 2 (in_proj, the causal short
// filter, the gated long convolution with an implicit filter, out_proj) at
// B = 1, L = 8192, D = 768 with Hyena's filter sizes (a 33-feature
// positional embedding, FFN width 64, two inner layers) and a 3-tap short
// filter:
//
// * Orchid: `orchid.hyena` compiled by the CPU pipeline with prepare=1
//   (orchid-hoist-filters); `hyena_prepare` computes the filter spectrum
//   once and the forward call is timed.
// * Baseline: the same computation op by op, as a framework runs it on a
//   CPU: OpenBLAS sgemm for the projections, a direct loop for the short
//   filter, FFTW (batched r2c/c2r, FFTW_MEASURE) for the long convolution
//   with the filter spectrum precomputed once, and elementwise loops, all
//   on the same number of threads.
//
// Both run on the same seeded weights and the outputs must agree. Speed is
// reported, never asserted.
//
//===----------------------------------------------------------------------===//

#include "bench/BenchUtil.h"
#include "tools/lib/reference/BlockReference.h"
#include "tools/lib/runner/Runner.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <cblas.h>
#include <fftw3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <complex>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

using namespace llvm;
using namespace mlir::orchid;
using namespace mlir::orchid::bench;

namespace {

cl::opt<bool> quick("quick", cl::desc("A small shape (L = 1024, D = 128), "
                                      "FFTW_ESTIMATE plans (a smoke run)"));
cl::opt<unsigned> reps("reps", cl::desc("Timed calls (default 3)"),
                       cl::init(3));
cl::opt<unsigned> threads(
    "num-threads",
    cl::desc("Threads for OpenBLAS, FFTW, the baseline's loops and (through "
             "OMP_NUM_THREADS) the generated code; default: all hardware "
             "threads, as the generated code's OpenMP runtime uses"),
    cl::init(0));

using Complex = std::complex<float>;

/// The sizes of the benchmarked operator.
struct Config {
  int64_t b, l, d;
  int64_t embDim = 33, width = 64, numInner = 2, taps = 3;
};

/// The operands of orchid.hyena, in order (docs/weights.md).
enum Operand {
  X,
  InProjWeight,
  InProjBias,
  ShortFilterWeight,
  ShortFilterBias,
  FilterWIn,
  FilterBIn,
  FilterWInner,
  FilterBInner,
  FilterFreq,
  FilterWOut,
  FilterBias,
  OutProjWeight,
  OutProjBias,
  NumOperands
};

/// Seeded operands with PyTorch's default initialisation: uniform in
/// +-1/sqrt(fan_in) (1 for the input and the filter bias), Sin frequencies
/// 1, so that activations keep their scale through the layer.
std::vector<NpyArray> makeOperands(const Config &c) {
  std::mt19937 gen(0);
  auto uniform = [&](std::vector<int64_t> shape, double bound) {
    NpyArray array(DType::F32, std::move(shape));
    std::uniform_real_distribution<float> dist(-bound, bound);
    for (int64_t i = 0; i < array.getNumElements(); ++i)
      array.as<float>()[i] = dist(gen);
    return array;
  };
  double inD = 1 / std::sqrt(double(c.d)), inW = 1 / std::sqrt(double(c.width));
  double inE = 1 / std::sqrt(double(c.embDim)),
         inK = 1 / std::sqrt(double(c.taps));
  std::vector<NpyArray> ops;
  ops.push_back(uniform({c.b, c.l, c.d}, 1.0));
  ops.push_back(uniform({3 * c.d, c.d}, inD));
  ops.push_back(uniform({3 * c.d}, inD));
  ops.push_back(uniform({3 * c.d, c.taps}, inK));
  ops.push_back(uniform({3 * c.d}, inK));
  ops.push_back(uniform({c.width, c.embDim}, inE));
  ops.push_back(uniform({c.width}, inE));
  ops.push_back(uniform({c.numInner, c.width, c.width}, inW));
  ops.push_back(uniform({c.numInner, c.width}, inW));
  NpyArray freq(DType::F32, {c.numInner + 1, c.width});
  std::fill_n(freq.as<float>(), freq.getNumElements(), 1.0f);
  ops.push_back(std::move(freq));
  ops.push_back(uniform({c.d, c.width}, inW));
  ops.push_back(uniform({c.d}, 1.0));
  ops.push_back(uniform({c.d, c.d}, inD));
  ops.push_back(uniform({c.d}, inD));
  return ops;
}

std::string tensorType(const NpyArray &array) {
  std::string type = "tensor<";
  for (int64_t d : array.shape)
    type += std::to_string(d) + "x";
  return type + "f32>";
}

/// `@hyena`: one orchid.hyena op of the operands, trained on length L.
std::string hyenaSource(const std::vector<NpyArray> &ops, int64_t lMax) {
  std::string params, operands, types;
  for (auto [i, op] : llvm::enumerate(ops)) {
    std::string sep = i ? ", " : "";
    params += formatv("{0}%a{1}: {2}", sep, i, tensorType(op)).str();
    operands += formatv("{0}%a{1}", sep, i).str();
    types += sep + tensorType(op);
  }
  std::string result = tensorType(ops[X]);
  return formatv("func.func @hyena({0}) -> {1} {{\n"
                 "  %y = orchid.hyena {2} {{order = 2 : i64, filter = "
                 "#orchid.filter<l_max = {3}>} : ({4}) -> {1}\n"
                 "  return %y : {1}\n}\n",
                 params, result, operands, lMax, types)
      .str();
}

std::vector<double> toDouble(const NpyArray &array) {
  return std::vector<double>(array.as<float>(),
                             array.as<float>() + array.getNumElements());
}

/// Runs `body(begin, end)` on `numThreads` contiguous parts of [0, n).
void parallelFor(int64_t n, unsigned numThreads,
                 function_ref<void(int64_t, int64_t)> body) {
  int64_t chunk = (n + numThreads - 1) / numThreads;
  std::vector<std::thread> pool;
  for (int64_t begin = chunk; begin < n; begin += chunk)
    pool.emplace_back(body, begin, std::min(n, begin + chunk));
  body(0, std::min(n, chunk));
  for (std::thread &t : pool)
    t.join();
}

/// The Hyena operator op by op on library kernels, with the filter
/// spectrum computed once at construction.
class Baseline {
public:
  /// Time per stage of one call: in_proj, transpose and short filter, long
  /// convolution, gating, transpose and out_proj.
  using Stages = std::array<double, 4>;
  static constexpr const char *stageNames[] = {
      "in_proj", "transpose + short filter", "long convolution",
      "gate + transpose + out_proj"};

  Baseline(const Config &c, const std::vector<NpyArray> &ops,
           unsigned numThreads, unsigned flags)
      : c(c), ops(ops), numThreads(numThreads), n(2 * c.l), bins(n / 2 + 1),
        rows(c.b * c.d), z(c.b * c.l * 3 * c.d), u(z.size()), s(z.size()),
        gated(c.b * c.l * c.d), spectrum(c.d * bins),
        padded(fftwf_alloc_real(rows * n)),
        product(fftwf_alloc_complex(rows * bins)) {
    int size = n;
    forward = fftwf_plan_many_dft_r2c(1, &size, rows, padded, nullptr, 1, n,
                                      product, nullptr, 1, bins, flags);
    inverse = fftwf_plan_many_dft_c2r(1, &size, rows, product, nullptr, 1, bins,
                                      padded, nullptr, 1, n, flags);
    computeSpectrum();
  }
  ~Baseline() {
    fftwf_destroy_plan(forward);
    fftwf_destroy_plan(inverse);
    fftwf_free(padded);
    fftwf_free(product);
  }

  void run(const float *x, float *y) {
    Stages times;
    auto start = std::chrono::steady_clock::now();
    auto lap = [&](unsigned stage) {
      auto now = std::chrono::steady_clock::now();
      times[stage] =
          std::chrono::duration<double, std::milli>(now - start).count();
      start = now;
    };
    int64_t bl = c.b * c.l, d = c.d, d3 = 3 * c.d;
    const float *inBias = ops[InProjBias].as<float>();
    const float *shortW = ops[ShortFilterWeight].as<float>();
    const float *shortB = ops[ShortFilterBias].as<float>();
    const float *skip = ops[FilterBias].as<float>();
    const float *outBias = ops[OutProjBias].as<float>();

    // z = x in_proj^T.
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, bl, d3, d, 1.0f, x, d,
                ops[InProjWeight].as<float>(), d, 0.0f, z.data(), d3);
    lap(0);

    // u = (z + bias) as (B, 3D, L), then the causal short filter.
    forTiles(c.b * d3, [&](int64_t r0, int64_t r1) {
      for (int64_t t0 = 0; t0 < c.l; t0 += kTile)
        for (int64_t r = r0; r < r1; ++r) {
          int64_t b = r / d3, ch = r % d3;
          const float *zb = &z[b * c.l * d3 + ch];
          for (int64_t t = t0; t < std::min(c.l, t0 + kTile); ++t)
            u[r * c.l + t] = zb[t * d3] + inBias[ch];
        }
      for (int64_t r = r0; r < r1; ++r) {
        int64_t ch = r % d3;
        const float *ur = &u[r * c.l], *w = shortW + ch * c.taps;
        float *sr = &s[r * c.l];
        for (int64_t t = 0; t < c.l; ++t) {
          float acc = shortB[ch];
          for (int64_t j = std::max<int64_t>(0, c.taps - 1 - t); j < c.taps;
               ++j)
            acc += w[j] * ur[t + j - (c.taps - 1)];
          sr[t] = acc;
        }
      }
    });
    lap(1);

    // v = fftconv(v * x1): zero-padded rfft, product with the filter
    // spectrum, irfft.
    parallelFor(rows, numThreads, [&](int64_t begin, int64_t end) {
      for (int64_t r = begin; r < end; ++r) {
        const float *x1 = channel(r, 1), *v = channel(r, 2);
        float *p = padded + r * n;
        for (int64_t t = 0; t < c.l; ++t)
          p[t] = v[t] * x1[t];
        std::fill(p + c.l, p + n, 0.0f);
      }
    });
    fftwf_execute(forward);
    parallelFor(rows, numThreads, [&](int64_t begin, int64_t end) {
      auto *spec = reinterpret_cast<Complex *>(product);
      for (int64_t r = begin; r < end; ++r) {
        const Complex *k = &spectrum[(r % c.d) * bins];
        for (int64_t j = 0; j < bins; ++j)
          spec[r * bins + j] *= k[j];
      }
    });
    fftwf_execute(inverse);
    lap(2);

    // y = out_proj((conv + skip * v x1) * x0) back in (B, L, D).
    parallelFor(c.b * c.l, numThreads, [&](int64_t begin, int64_t end) {
      for (int64_t row = begin; row < end; ++row)
        std::copy(outBias, outBias + d, y + row * d);
    });
    forTiles(rows, [&](int64_t r0, int64_t r1) {
      float scale = 1.0f / float(n);
      for (int64_t t0 = 0; t0 < c.l; t0 += kTile)
        for (int64_t r = r0; r < r1; ++r) {
          int64_t b = r / c.d, ch = r % c.d;
          const float *x0 = channel(r, 0), *x1 = channel(r, 1),
                      *v = channel(r, 2), *conv = padded + r * n;
          for (int64_t t = t0; t < std::min(c.l, t0 + kTile); ++t)
            gated[(b * c.l + t) * c.d + ch] =
                (conv[t] * scale + skip[ch] * v[t] * x1[t]) * x0[t];
        }
    });
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, bl, d, d, 1.0f,
                gated.data(), d, ops[OutProjWeight].as<float>(), d, 1.0f, y, d);
    lap(3);
    stageLog.push_back(times);
  }

  /// Median time of each stage over the calls so far but the first.
  Stages medianStages() const {
    Stages medians;
    for (unsigned i = 0; i < medians.size(); ++i) {
      std::vector<double> ms;
      for (const Stages &call : llvm::drop_begin(stageLog))
        ms.push_back(call[i]);
      std::sort(ms.begin(), ms.end());
      medians[i] = ms[ms.size() / 2];
    }
    return medians;
  }

private:
  /// Row `r = (b, d)` of split part `part` (x0, x1, v) of the short filter
  /// output.
  const float *channel(int64_t r, int64_t part) const {
    int64_t b = r / c.d, ch = r % c.d;
    return &s[((b * 3 + part) * c.d + ch) * c.l];
  }

  /// Runs `body(r0, r1)` on tiles of `kTile` rows of [0, count), in
  /// parallel; the transposes go through tiles of kTile x kTile elements.
  void forTiles(int64_t count, function_ref<void(int64_t, int64_t)> body) {
    parallelFor((count + kTile - 1) / kTile, numThreads,
                [&](int64_t begin, int64_t end) {
                  for (int64_t tile = begin; tile < end; ++tile)
                    body(tile * kTile, std::min(count, (tile + 1) * kTile));
                });
  }

  /// The spectrum of the implicit filter, from the float64 reference of
  /// the filter network (once per weights, as hyena_prepare).
  void computeSpectrum() {
    ref::FilterWeights w;
    w.embDim = c.embDim;
    w.width = c.width;
    w.numInner = c.numInner;
    w.numFeatures = c.d;
    w.wIn = toDouble(ops[FilterWIn]);
    w.bIn = toDouble(ops[FilterBIn]);
    w.wInner = toDouble(ops[FilterWInner]);
    w.bInner = toDouble(ops[FilterBInner]);
    w.freq = toDouble(ops[FilterFreq]);
    w.wOut = toDouble(ops[FilterWOut]);
    ref::FilterConfig config;
    config.lMax = c.l;
    std::vector<double> h = ref::implicitFilter(w, config, 1, c.d, c.l);
    std::vector<float> k(c.d * n, 0.0f);
    for (int64_t ch = 0; ch < c.d; ++ch)
      for (int64_t t = 0; t < c.l; ++t)
        k[ch * n + t] = h[ch * c.l + t];
    int size = n;
    fftwf_plan plan = fftwf_plan_many_dft_r2c(
        1, &size, c.d, k.data(), nullptr, 1, n,
        reinterpret_cast<fftwf_complex *>(spectrum.data()), nullptr, 1, bins,
        FFTW_ESTIMATE);
    fftwf_execute(plan);
    fftwf_destroy_plan(plan);
  }

  static constexpr int64_t kTile = 64;
  Config c;
  const std::vector<NpyArray> &ops;
  unsigned numThreads;
  int64_t n, bins, rows;
  std::vector<float> z, u, s, gated;
  std::vector<Complex> spectrum;
  float *padded;
  fftwf_complex *product;
  fftwf_plan forward, inverse;
  std::vector<Stages> stageLog;
};

/// Orchid's forward call, compiled with its prepare function; runs the
/// prepare function once.
class OrchidHyena {
public:
  Error compile(const std::string &source, const std::vector<NpyArray> &ops) {
    module = mlir::parseSourceString<mlir::ModuleOp>(source, &context);
    if (!module)
      return createStringError(inconvertibleErrorCode(),
                               "cannot parse the generated module");
    auto func = lookupFunction(*module, "hyena");
    if (!func)
      return func.takeError();
    // The route of orchid-run --prepare: --orchid-cpu-pipeline=prepare=1.
    mlir::orchid::RouteOptions route;
    route.prepare = true;
    auto hoisted = lowerToPrimitives(*target, *module, *func, route);
    if (!hoisted)
      return hoisted.takeError();
    split = std::move(**hoisted);
    auto prepare =
        getSignature(module->lookupSymbol<mlir::func::FuncOp>(split.prepare));
    if (!prepare)
      return prepare.takeError();
    for (const TensorSpec &spec : prepare->results)
      prepared.emplace_back(spec.dtype, spec.shape);
    if (Error error =
            target->lower(*module, route, mlir::orchid::RouteStage::Target,
                          mlir::orchid::RouteStage::Target))
      return error;
    auto loaded = target->load(*module);
    if (!loaded)
      return loaded.takeError();
    executable = std::move(*loaded);

    std::vector<const NpyArray *> weights;
    for (unsigned i : split.prepareArgs)
      weights.push_back(&ops[i]);
    std::vector<NpyArray *> outs;
    for (NpyArray &p : prepared)
      outs.push_back(&p);
    // The first call JIT-compiles the module; time the second.
    if (Error error = executable->call(split.prepare, weights, outs))
      return error;
    auto start = std::chrono::steady_clock::now();
    if (Error error = executable->call(split.prepare, weights, outs))
      return error;
    prepareMs = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start)
                    .count();
    for (unsigned i : split.forwardArgs)
      args.push_back(&ops[i]);
    for (const NpyArray &p : prepared)
      args.push_back(&p);
    return Error::success();
  }

  Error forward(NpyArray &y) { return executable->call("hyena", args, {&y}); }

  double prepareMs = 0;

private:
  mlir::MLIRContext context{makeRegistry()};
  std::unique_ptr<Target> target = createCPUTarget();
  mlir::OwningOpRef<mlir::ModuleOp> module;
  PrepareSplit split;
  std::vector<NpyArray> prepared;
  std::unique_ptr<Executable> executable;
  std::vector<const NpyArray *> args;

  static mlir::DialectRegistry makeRegistry() {
    mlir::DialectRegistry registry;
    registerRunnerDialects(registry);
    return registry;
  }
};

int fail(Error error) {
  errs() << "error: " << toString(std::move(error)) << "\n";
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv, "The Hyena operator: Orchid against OpenBLAS + FFTW\n");
  if (!reps)
    return fail(
        createStringError(inconvertibleErrorCode(), "--reps must be positive"));
  unsigned numThreads =
      threads ? unsigned(threads) : std::thread::hardware_concurrency();
  // Read by the OpenMP runtime when the JIT loads it.
  if (threads)
    setenv("OMP_NUM_THREADS", std::to_string(numThreads).c_str(), 1);
  openblas_set_num_threads(numThreads);
  fftwf_init_threads();
  fftwf_plan_with_nthreads(numThreads);

  Config c = quick ? Config{1, 1024, 128} : Config{1, 8192, 768};
  std::vector<NpyArray> ops = makeOperands(c);

  printMachine(numThreads);
  outs() << "OpenBLAS: " << openblas_get_config() << "; FFTW " << fftwf_version
         << "\n";
  outs() << formatv("Hyena operator of order 2: filter FFN {0} -> {1} with "
                    "{2} inner layers, {3}-tap short filter, FFT size {4}\n",
                    c.embDim, c.width, c.numInner, c.taps, 2 * c.l);
  outs().flush();

  OrchidHyena orchid;
  if (Error error = orchid.compile(hyenaSource(ops, c.l), ops))
    return fail(std::move(error));
  NpyArray yOrchid(DType::F32, {c.b, c.l, c.d});
  Error callError = Error::success();
  Timing orchidMs = timeCalls(
      [&] {
        if (Error error = orchid.forward(yOrchid))
          callError = joinErrors(std::move(callError), std::move(error));
      },
      reps);
  if (callError)
    return fail(std::move(callError));

  Baseline baseline(c, ops, numThreads, quick ? FFTW_ESTIMATE : FFTW_MEASURE);
  NpyArray yBase(DType::F32, {c.b, c.l, c.d});
  Timing baseMs = timeCalls(
      [&] { baseline.run(ops[X].as<float>(), yBase.as<float>()); }, reps);

  double error = relativeL2Error(yOrchid.as<float>(), yBase.as<float>(),
                                 yBase.getNumElements());
  outs() << "Times in ms: median [min, max] of " << reps
         << " calls after a warm-up call; ratio = Orchid / baseline.\n";
  auto describe = [](const Timing &t) {
    return formatv("{0:F1} [{1:F1}, {2:F1}]", t.median, t.min, t.max).str();
  };
  outs() << formatv(" B     L    D | {0,28} | {1,28} | ratio | rel L2\n",
                    "Orchid ms [min, max]", "baseline ms [min, max]");
  outs() << formatv("{0,2} {1,5} {2,4} | {3,28} | {4,28} | {5,5:F2} | {6:E1}\n",
                    c.b, c.l, c.d, describe(orchidMs), describe(baseMs),
                    orchidMs.median / baseMs.median, error);
  outs() << formatv("Orchid hyena_prepare (filter and its spectrum, once per "
                    "weights): {0:F1} ms\n",
                    orchid.prepareMs);
  outs() << "Baseline stages (median ms):";
  Baseline::Stages stages = baseline.medianStages();
  for (unsigned i = 0; i < stages.size(); ++i)
    outs() << formatv(" {0} {1:F1}{2}", Baseline::stageNames[i], stages[i],
                      i + 1 < stages.size() ? "," : "\n");
  outs() << formatv("Peak RSS: {0:F0} MiB\n", peakRssMiB());
  fftwf_cleanup_threads();
  if (error > 1e-4) {
    errs() << "error: the outputs differ (relative L2 error " << error << ")\n";
    return 1;
  }
  return 0;
}
