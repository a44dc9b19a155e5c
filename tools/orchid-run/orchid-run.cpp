//===- orchid-run.cpp - Run Orchid functions ------------------------------===//
//
// Compiles one function of an .mlir file with the Orchid pipeline, JITs it
// and calls it on .npy or random inputs; optionally checks the results
// against the float64 reference and times repeated calls.
//
//===----------------------------------------------------------------------===//

#include "tools/orchid-run/Check.h"
#include "tools/orchid-run/Runner.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <complex>
#include <random>

using namespace llvm;
using namespace orchid;

namespace {

enum class CheckKind { None, Reference };

cl::OptionCategory category("orchid-run options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input .mlir file>"),
                               cl::init("-"), cl::cat(category));
cl::opt<std::string>
    functionName("function",
                 cl::desc("Function to run (default: the only function)"),
                 cl::cat(category));
cl::list<std::string>
    inputs("input",
           cl::desc("An argument as an .npy file; repeat once per argument, "
                    "in order"),
           cl::cat(category));
cl::opt<bool> randomInputs(
    "random",
    cl::desc("Fill the arguments with uniform random values in [-1, 1)"),
    cl::cat(category));
cl::opt<unsigned> seed("seed", cl::desc("Seed for --random"), cl::init(0),
                       cl::cat(category));
cl::opt<int64_t>
    seqLen("seq-len",
           cl::desc("Specialise the function: every dynamic dimension of every "
                    "tensor in its signature and body becomes this length"),
           cl::init(0), cl::cat(category));
cl::opt<std::string>
    outputFile("output",
               cl::desc("Write the (single) result to this .npy file"),
               cl::cat(category));
cl::opt<std::string> outputDir("output-dir",
                               cl::desc("Write result i to DIR/result<i>.npy"),
                               cl::cat(category));
cl::opt<CheckKind> check(
    "check", cl::desc("Compare the results with a float64 reference"),
    cl::values(clEnumValN(CheckKind::None, "none", "no check (default)"),
               clEnumValN(CheckKind::Reference, "reference",
                          "the reference of the function's single orchid "
                          "primitive (rfft, irfft, fftconv, spectral_conv, "
                          "short_conv), on the same inputs")),
    cl::init(CheckKind::None), cl::cat(category));
cl::opt<double> tolerance(
    "tolerance",
    cl::desc("Largest relative L2 error --check accepts (default 1e-5)"),
    cl::init(1e-5), cl::cat(category));
cl::opt<unsigned>
    bench("bench",
          cl::desc("Time this many calls after a warm-up call and print the "
                   "median, minimum and maximum in milliseconds"),
          cl::init(0), cl::cat(category));
cl::opt<bool> printIR("print-ir-after-pipeline",
                      cl::desc("Print the module after the lowering pipeline"),
                      cl::cat(category));
enum class TargetKind { CPU, CUDA };
cl::opt<TargetKind>
    targetKind("target", cl::desc("Device to run on"),
               cl::values(clEnumValN(TargetKind::CPU, "cpu", "the host CPU"),
                          clEnumValN(TargetKind::CUDA, "cuda", "a CUDA GPU")),
               cl::init(TargetKind::CPU), cl::cat(category));
cl::opt<std::string> cudaChip("cuda-chip",
                              cl::desc("SM architecture for --target=cuda"),
                              cl::init("sm_90"), cl::cat(category));
cl::opt<bool> parallel("parallel",
                       cl::desc("Run independent rows in parallel (OpenMP)"),
                       cl::init(true), cl::cat(category));

int fail(const Twine &message) {
  WithColor::error(errs(), "orchid-run") << message << "\n";
  return 1;
}

int fail(Error error) { return fail(toString(std::move(error))); }

NpyArray randomArray(const TensorSpec &spec, std::mt19937_64 &gen) {
  std::uniform_real_distribution<double> dist(-1.0, 1.0);
  NpyArray array(spec.dtype, spec.shape);
  int64_t n = array.getNumElements();
  for (int64_t i = 0; i < n; ++i) {
    switch (spec.dtype) {
    case DType::F32:
      array.as<float>()[i] = dist(gen);
      break;
    case DType::F64:
      array.as<double>()[i] = dist(gen);
      break;
    case DType::C64:
      array.as<std::complex<float>>()[i] = {float(dist(gen)), float(dist(gen))};
      break;
    }
  }
  return array;
}

Expected<std::vector<NpyArray>> getInputs(const Signature &signature) {
  std::vector<NpyArray> arrays;
  if (randomInputs) {
    if (!inputs.empty())
      return createStringError(inconvertibleErrorCode(),
                               "--random and --input are exclusive");
    std::mt19937_64 gen(seed);
    for (const TensorSpec &spec : signature.inputs)
      arrays.push_back(randomArray(spec, gen));
    return arrays;
  }
  if (inputs.size() != signature.inputs.size())
    return createStringError(inconvertibleErrorCode(),
                             "the function takes " +
                                 Twine(signature.inputs.size()) +
                                 " arguments but " + Twine(inputs.size()) +
                                 " --input files were given (or use --random)");
  for (auto [i, path] : llvm::enumerate(inputs)) {
    Expected<NpyArray> array = readNpy(path);
    if (!array)
      return array.takeError();
    const TensorSpec &spec = signature.inputs[i];
    if (array->dtype != spec.dtype || array->shape != spec.shape)
      return createStringError(
          inconvertibleErrorCode(),
          "argument " + Twine(i) + " ('" + path + "') is " + array->describe() +
              " but the function expects " + spec.describe());
    arrays.push_back(std::move(*array));
  }
  return arrays;
}

int run() {
  mlir::DialectRegistry registry;
  registerRunnerDialects(registry);
  mlir::MLIRContext context(registry);

  auto module = parseModule(inputFile, context);
  if (!module)
    return fail(module.takeError());
  auto func = lookupFunction(**module, functionName);
  if (!func)
    return fail(func.takeError());
  std::string name = func->getName().str();
  // Other entry points may have unspecialised sizes the pipeline rejects:
  // compile only what this function needs.
  for (auto other :
       llvm::make_early_inc_range((*module)->getOps<mlir::func::FuncOp>()))
    if (other != *func &&
        mlir::SymbolTable::symbolKnownUseEmpty(other, **module))
      other.erase();
  if (seqLen.getNumOccurrences())
    if (Error error = specializeSeqLen(*func, seqLen))
      return fail(std::move(error));
  auto signature = getSignature(*func);
  if (!signature)
    return fail(signature.takeError());
  auto args = getInputs(*signature);
  if (!args)
    return fail(args.takeError());
  if (!outputFile.empty() && signature->results.size() != 1)
    return fail("--output needs a function with one result; it has " +
                Twine(signature->results.size()) + " (use --output-dir)");

  ReferenceCheck reference;
  if (check == CheckKind::Reference) {
    auto prepared = prepareReferenceCheck(*func, *args);
    if (!prepared)
      return fail(prepared.takeError());
    reference = std::move(*prepared);
  }

  std::unique_ptr<Target> target = targetKind == TargetKind::CUDA
                                       ? createCUDATarget(cudaChip)
                                       : createCPUTarget(parallel);
  if (Error error = target->lower(**module, printIR))
    return fail(std::move(error));
  auto executable = target->load(**module);
  if (!executable)
    return fail(executable.takeError());

  std::vector<NpyArray> results;
  for (const TensorSpec &spec : signature->results)
    results.emplace_back(spec.dtype, spec.shape);
  std::vector<const NpyArray *> argPtrs;
  for (const NpyArray &a : *args)
    argPtrs.push_back(&a);
  std::vector<NpyArray *> resultPtrs;
  for (NpyArray &r : results)
    resultPtrs.push_back(&r);
  auto call = [&] { return (*executable)->call(name, argPtrs, resultPtrs); };
  if (Error error = call())
    return fail(std::move(error));

  if (bench) {
    std::vector<double> ms;
    for (unsigned i = 0; i < bench; ++i) {
      auto start = std::chrono::steady_clock::now();
      if (Error error = call())
        return fail(std::move(error));
      std::chrono::duration<double, std::milli> elapsed =
          std::chrono::steady_clock::now() - start;
      ms.push_back(elapsed.count());
    }
    std::sort(ms.begin(), ms.end());
    outs() << format("%s: median %.4f ms, min %.4f ms, max %.4f ms over %u "
                     "calls\n",
                     name.c_str(), ms[ms.size() / 2], ms.front(), ms.back(),
                     unsigned(bench));
  }

  if (!outputFile.empty())
    if (Error error = writeNpy(outputFile, results.front()))
      return fail(std::move(error));
  if (!outputDir.empty()) {
    if (std::error_code ec = sys::fs::create_directories(outputDir))
      return fail("cannot create '" + outputDir + "': " + ec.message());
    for (auto [i, result] : llvm::enumerate(results)) {
      SmallString<128> path(outputDir);
      sys::path::append(path, "result" + Twine(i) + ".npy");
      if (Error error = writeNpy(path, result))
        return fail(std::move(error));
    }
  }

  if (reference) {
    double error = reference(results.front());
    bool ok = error <= tolerance;
    outs() << format("%s: result 0 (%s): relative L2 error %.3e %s %.1e\n",
                     name.c_str(), results.front().describe().c_str(), error,
                     ok ? "<=" : ">", double(tolerance));
    if (!ok)
      return fail("result 0 differs from the reference");
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Orchid JIT runner\n\n"
      "Lowers FUNCTION with the Orchid CPU pipeline, JITs it and calls it.\n"
      "Arguments come from --input .npy files (float32, float64 or\n"
      "complex64, C order) or from --random; results can be written with\n"
      "--output, checked with --check and timed with --bench.\n");
  return run();
}
