//===- orchid-run.cpp - Run Orchid functions ------------------------------===//
//
// Compiles one function of an .mlir file with the Orchid pipeline, JITs it
// and calls it on .npy or random inputs; optionally checks the results
// against the float64 reference and times repeated calls. Blocks can read
// their weights from a directory of .npy files named as docs/weights.md
// documents them, and can run as a prepare call on the filter weights
// followed by forward calls.
//
//===----------------------------------------------------------------------===//

#include "tools/lib/runner/Runner.h"
#include "tools/orchid-run/BlockCheck.h"
#include "tools/orchid-run/Check.h"

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
#include <optional>
#include <random>

using namespace llvm;
using namespace mlir::orchid;
using mlir::orchid::RouteStage;

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
                    "in order (with --weights, only the block input x)"),
           cl::cat(category));
cl::opt<std::string> weightsDir(
    "weights",
    cl::desc("Read each weight of a Hyena or Orchid block from DIR/<name>.npy, "
             "named as docs/weights.md documents it (--list-weights); the "
             "input comes from --input, or DIR/x.npy without one"),
    cl::value_desc("DIR"), cl::cat(category));
cl::opt<std::string>
    saveInputs("save-inputs",
               cl::desc("Write the arguments of a block, random or read, to "
                        "DIR/<name>.npy, a directory that --weights reads"),
               cl::value_desc("DIR"), cl::cat(category));
cl::opt<bool> listWeights(
    "list-weights",
    cl::desc("Print the documented name and shape of each argument of a "
             "block, with its type, and exit"),
    cl::cat(category));
cl::opt<bool> randomInputs(
    "random",
    cl::desc("Fill the arguments with uniform random values in [-1, 1)"),
    cl::cat(category));
cl::opt<unsigned> seed("seed", cl::desc("Seed for --random"), cl::init(0),
                       cl::cat(category));
cl::opt<int64_t>
    seqLen("seq-len",
           cl::desc("Specialise the function (orchid-specialize-shapes): every "
                    "dynamic dimension other than a batch becomes this length"),
           cl::init(0), cl::cat(category));
cl::opt<int64_t> batch(
    "batch",
    cl::desc("Specialise the function (orchid-specialize-shapes): a dynamic "
             "leading dimension of a rank-3 tensor becomes this batch size"),
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
                          "op (rfft, irfft, fftconv, spectral_conv, "
                          "short_conv, hyena, orchid), on the same inputs")),
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
cl::opt<bool> prepare(
    "prepare",
    cl::desc("Hoist the filter work into FUNCTION_prepare "
             "(--orchid-hoist-filters), call it once on the filter weights, "
             "then call FUNCTION on the other arguments and the prepared "
             "spectra; --bench times only FUNCTION"),
    cl::cat(category));
cl::opt<bool> printIR("print-ir-after-pipeline",
                      cl::desc("Print the module after the lowering pipeline"),
                      cl::cat(category));
cl::opt<std::string> emitLLVM(
    "emit-llvm",
    cl::desc(
        "Write the LLVM IR that the JIT compiles (before its "
        "optimisation) to FILE: what `orchid-opt "
        "--orchid-<target>-pipeline=... | mlir-translate --mlir-to-llvmir` "
        "prints for the same options"),
    cl::value_desc("FILE"), cl::cat(category));
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
cl::opt<unsigned> numThreads(
    "num-threads",
    cl::desc("Threads the compiled kernels split their work for (default: "
             "the hardware threads of this machine)"),
    cl::init(0), cl::cat(category));

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

/// The largest argument or result orchid-run allocates: 4 GiB. A larger
/// one (typically from a huge --seq-len) is refused before anything is
/// allocated or compiled, instead of running the host out of memory.
constexpr int64_t kMaxArrayBytes = int64_t(4) << 30;

/// Fails when an array of type `spec` is larger than kMaxArrayBytes (or
/// its size overflows); `what` names it in the message.
Error checkArraySize(const TensorSpec &spec, const Twine &what) {
  std::optional<int64_t> bytes = getByteSize(spec.dtype, spec.shape);
  if (bytes && *bytes <= kMaxArrayBytes)
    return Error::success();
  std::string size =
      bytes ? std::to_string(*bytes) + " bytes" : "more than 2^63 bytes";
  return createStringError(inconvertibleErrorCode(),
                           what + " " + spec.describe() + " would take " +
                               size + ", more than the limit of " +
                               Twine(kMaxArrayBytes) + " bytes per array");
}

/// Fails unless `array` has the type `spec`; `what` names it in the message.
Error checkArray(const NpyArray &array, const TensorSpec &spec,
                 const Twine &what) {
  if (array.dtype == spec.dtype && array.shape == spec.shape)
    return Error::success();
  return createStringError(inconvertibleErrorCode(),
                           what + " is " + array.describe() +
                               " but the function expects " + spec.describe());
}

/// The arguments of a block from --weights: the documented name of each
/// picks its file.
Expected<std::vector<NpyArray>>
readBlockArguments(const Signature &signature,
                   ArrayRef<BlockOperand> operands) {
  if (randomInputs)
    return createStringError(inconvertibleErrorCode(),
                             "--random and --weights are exclusive");
  if (inputs.size() > 1)
    return createStringError(inconvertibleErrorCode(),
                             "with --weights, --input gives only the block "
                             "input x; " +
                                 Twine(inputs.size()) + " were given");
  std::vector<NpyArray> arrays;
  for (auto [spec, operand] : llvm::zip_equal(signature.inputs, operands)) {
    SmallString<128> path(weightsDir);
    sys::path::append(path, operand.name + ".npy");
    if (operand.name == "x" && !inputs.empty())
      path = inputs.front();
    std::string what = ("'" + operand.name + "' (" + operand.shape + ")").str();
    Expected<NpyArray> array = readNpy(path);
    if (!array)
      return createStringError(inconvertibleErrorCode(),
                               what + ": " + toString(array.takeError()));
    if (Error error = checkArray(*array, spec, what + " from '" + path + "'"))
      return std::move(error);
    arrays.push_back(std::move(*array));
  }
  return arrays;
}

Expected<std::vector<NpyArray>> getInputs(const Signature &signature,
                                          ArrayRef<BlockOperand> operands) {
  if (!weightsDir.empty())
    return readBlockArguments(signature, operands);
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
    if (Error error = checkArray(*array, signature.inputs[i],
                                 "argument " + Twine(i) + " ('" + path + "')"))
      return std::move(error);
    arrays.push_back(std::move(*array));
  }
  return arrays;
}

/// Writes the arguments of a block to --save-inputs in the layout that
/// --weights reads.
Error saveArguments(ArrayRef<NpyArray> args, ArrayRef<BlockOperand> operands) {
  if (std::error_code ec = sys::fs::create_directories(saveInputs))
    return createStringError(ec, "cannot create '" + saveInputs +
                                     "': " + ec.message());
  for (auto [array, operand] : llvm::zip_equal(args, operands)) {
    SmallString<128> path(saveInputs);
    sys::path::append(path, operand.name + ".npy");
    if (Error error = writeNpy(path, array))
      return error;
  }
  return Error::success();
}

/// One run of one function, step by step: the state each step leaves for
/// the next.
class Run {
public:
  Run() : context(makeRegistry()) {
    route.seqLen = seqLen;
    route.batch = batch;
    route.prepare = prepare;
    if (targetKind == TargetKind::CUDA)
      target = createCUDATarget(cudaChip);
    else
      target = createCPUTarget(parallel, numThreads);
  }

  /// Parses the module and keeps only `--function` and what it calls.
  Error loadFunction() {
    auto parsed = parseModule(inputFile, context);
    if (!parsed)
      return parsed.takeError();
    module = std::move(*parsed);
    auto found = lookupFunction(*module, functionName);
    if (!found)
      return found.takeError();
    func = *found;
    name = func.getName().str();
    // Other entry points may have sizes the pipeline rejects: compile only
    // what this function needs.
    for (auto other :
         llvm::make_early_inc_range(module->getOps<mlir::func::FuncOp>()))
      if (other != func &&
          mlir::SymbolTable::symbolKnownUseEmpty(other, *module))
        other.erase();
    return Error::success();
  }

  /// The pipeline's first stage (--seq-len, --batch), then the signature
  /// of the specialised function and, for blocks, its documented names.
  Error specialize() {
    if (Error error = target->lower(*module, route, RouteStage::Specialize,
                                    RouteStage::Specialize))
      return error;
    auto read = getSignature(func);
    if (!read)
      return read.takeError();
    signature = std::move(*read);
    for (auto [i, spec] : llvm::enumerate(signature.inputs))
      if (Error error = checkArraySize(spec, "argument " + Twine(i)))
        return error;
    for (auto [i, spec] : llvm::enumerate(signature.results))
      if (Error error = checkArraySize(spec, "result " + Twine(i)))
        return error;
    if (!listWeights && weightsDir.empty() && saveInputs.empty())
      return Error::success();
    auto blockArgs = getBlockArguments(func);
    if (!blockArgs)
      return blockArgs.takeError();
    operands = std::move(*blockArgs);
    return Error::success();
  }

  /// --list-weights.
  void printWeights() {
    for (auto [spec, operand] : llvm::zip_equal(signature.inputs, operands))
      outs() << operand.name << "\t" << operand.shape << "\t" << spec.describe()
             << "\n";
  }

  /// The arguments, from files or random, and --save-inputs; the float64
  /// reference of the block, on these arguments, for --check.
  Error prepareArguments() {
    auto read = getInputs(signature, operands);
    if (!read)
      return read.takeError();
    args = std::move(*read);
    if (!saveInputs.empty())
      if (Error error = saveArguments(args, operands))
        return error;
    if (!outputFile.empty() && signature.results.size() != 1)
      return createStringError(inconvertibleErrorCode(),
                               "--output needs a function with one result; "
                               "it has " +
                                   Twine(signature.results.size()) +
                                   " (use --output-dir)");
    if (check != CheckKind::Reference)
      return Error::success();
    auto prepared = prepareReferenceCheck(func, args);
    if (!prepared)
      return prepared.takeError();
    reference = std::move(*prepared);
    return Error::success();
  }

  /// The rest of the pipeline: blocks to primitives (with --prepare, the
  /// split into FUNCTION_prepare and FUNCTION), then the target; loads the
  /// result.
  Error compile() {
    auto lowered = lowerToPrimitives(*target, *module, func, route);
    if (!lowered)
      return lowered.takeError();
    split = std::move(*lowered);
    if (split) {
      auto prepareSignature = getSignature(
          module->lookupSymbol<mlir::func::FuncOp>(split->prepare));
      if (!prepareSignature)
        return prepareSignature.takeError();
      for (const TensorSpec &spec : prepareSignature->results) {
        if (Error error = checkArraySize(spec, "a prepared spectrum"))
          return error;
        preparedValues.emplace_back(spec.dtype, spec.shape);
      }
    }
    if (Error error = target->lower(*module, route, RouteStage::Target,
                                    RouteStage::Target))
      return error;
    if (printIR)
      module->print(outs());
    auto loaded = target->load(*module, emitLLVM);
    if (!loaded)
      return loaded.takeError();
    executable = std::move(*loaded);
    for (const TensorSpec &spec : signature.results)
      results.emplace_back(spec.dtype, spec.shape);
    return Error::success();
  }

  /// With --prepare, calls FUNCTION_prepare on the filter weights; sets
  /// the arguments of FUNCTION.
  Error callPrepare() {
    if (!split) {
      for (const NpyArray &a : args)
        forwardArgs.push_back(&a);
      return Error::success();
    }
    std::vector<const NpyArray *> weights;
    for (unsigned i : split->prepareArgs)
      weights.push_back(&args[i]);
    std::vector<NpyArray *> prepared;
    for (NpyArray &p : preparedValues)
      prepared.push_back(&p);
    if (Error error = executable->call(split->prepare, weights, prepared))
      return error;
    for (unsigned i : split->forwardArgs)
      forwardArgs.push_back(&args[i]);
    for (const NpyArray &p : preparedValues)
      forwardArgs.push_back(&p);
    return Error::success();
  }

  /// One call of FUNCTION into the results.
  Error call() {
    std::vector<NpyArray *> outputs;
    for (NpyArray &r : results)
      outputs.push_back(&r);
    return executable->call(name, forwardArgs, outputs);
  }

  /// --bench: times that many more calls.
  Error benchmark() {
    if (!bench)
      return Error::success();
    std::vector<double> ms;
    for (unsigned i = 0; i < bench; ++i) {
      auto start = std::chrono::steady_clock::now();
      if (Error error = call())
        return error;
      std::chrono::duration<double, std::milli> elapsed =
          std::chrono::steady_clock::now() - start;
      ms.push_back(elapsed.count());
    }
    std::sort(ms.begin(), ms.end());
    outs() << format("%s: median %.4f ms, min %.4f ms, max %.4f ms over %u "
                     "calls\n",
                     name.c_str(), ms[ms.size() / 2], ms.front(), ms.back(),
                     unsigned(bench));
    return Error::success();
  }

  /// --output and --output-dir, after --check: results that fail it are
  /// not written.
  Error writeResults() {
    if (!outputFile.empty())
      if (Error error = writeNpy(outputFile, results.front()))
        return error;
    if (outputDir.empty())
      return Error::success();
    if (std::error_code ec = sys::fs::create_directories(outputDir))
      return createStringError(ec, "cannot create '" + outputDir +
                                       "': " + ec.message());
    for (auto [i, result] : llvm::enumerate(results)) {
      SmallString<128> path(outputDir);
      sys::path::append(path, "result" + Twine(i) + ".npy");
      if (Error error = writeNpy(path, result))
        return error;
    }
    return Error::success();
  }

  /// --check: the relative L2 error of result 0 against the reference.
  Error checkResults() {
    if (!reference)
      return Error::success();
    double error = reference(results.front());
    bool ok = error <= tolerance;
    outs() << format("%s: result 0 (%s): relative L2 error %.3e %s %.1e\n",
                     name.c_str(), results.front().describe().c_str(), error,
                     ok ? "<=" : ">", double(tolerance));
    if (!ok)
      return createStringError(inconvertibleErrorCode(),
                               "result 0 differs from the reference");
    return Error::success();
  }

private:
  static mlir::DialectRegistry makeRegistry() {
    mlir::DialectRegistry registry;
    registerRunnerDialects(registry);
    return registry;
  }

  mlir::MLIRContext context;
  mlir::orchid::RouteOptions route;
  std::unique_ptr<Target> target;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  mlir::func::FuncOp func;
  std::string name;
  Signature signature;
  /// The documented names of a block's arguments.
  std::vector<BlockOperand> operands;
  std::vector<NpyArray> args;
  ReferenceCheck reference;
  std::optional<PrepareSplit> split;
  std::vector<NpyArray> preparedValues;
  std::unique_ptr<Executable> executable;
  std::vector<const NpyArray *> forwardArgs;
  std::vector<NpyArray> results;
};

int run() {
  Run run;
  if (Error error = run.loadFunction())
    return fail(std::move(error));
  if (Error error = run.specialize())
    return fail(std::move(error));
  if (listWeights) {
    run.printWeights();
    return 0;
  }
  for (Error (Run::*step)() :
       {&Run::prepareArguments, &Run::compile, &Run::callPrepare, &Run::call,
        &Run::benchmark, &Run::checkResults, &Run::writeResults})
    if (Error error = (run.*step)())
      return fail(std::move(error));
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Orchid JIT runner\n\n"
      "Lowers FUNCTION with the Orchid CPU or GPU pipeline (the passes of\n"
      "orchid-opt --orchid-cpu-pipeline / --orchid-gpu-pipeline with the\n"
      "options seq-len, batch and prepare), JITs it and calls it.\n"
      "Arguments come from --input .npy files (float32, float64 or\n"
      "complex64, C order), from --random or, for a Hyena or Orchid block,\n"
      "from a --weights directory; results can be written with --output,\n"
      "checked with --check and timed with --bench. --prepare computes the\n"
      "filter spectra once, before the timed calls.\n");
  return run();
}
