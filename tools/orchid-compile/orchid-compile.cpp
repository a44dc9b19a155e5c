//===- orchid-compile.cpp - Compile Orchid functions ahead of time --------===//
//
// Specialises one function of an .mlir file to each requested sequence
// length, lowers it with the CPU pipeline orchid-run uses, and links the
// results into one shared library with C entry points, a manifest that
// liborchid_api reads, and a C header. The library needs only
// liborchid_cpu_runtime and the C, math and OpenMP runtimes: no LLVM.
//
//===----------------------------------------------------------------------===//

#include "tools/lib/runner/Runner.h"
#include "tools/lib/support/AtomicFile.h"
#include "tools/orchid-compile/EntryPoints.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Linker/Linker.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <chrono>
#include <optional>

using namespace llvm;
using namespace mlir::orchid;

namespace {

enum class EmitKind { Library, Object, LLVMIR, MLIR };

cl::OptionCategory category("orchid-compile options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input .mlir file>"),
                               cl::init("-"), cl::cat(category));
cl::list<int64_t> seqLens(
    "seq-len", cl::CommaSeparated, cl::OneOrMore,
    cl::desc("Sequence lengths to compile for, comma separated: each gives "
             "every dynamic size of the function this value"),
    cl::cat(category));
cl::opt<int64_t>
    batch("batch",
          cl::desc("Batch size: a dynamic batch dimension becomes it, and a "
                   "static one must equal it"),
          cl::init(0), cl::cat(category));
cl::opt<std::string>
    functionName("function",
                 cl::desc("Function to compile (default: the only function)"),
                 cl::cat(category));
cl::opt<std::string> targetName("target",
                                cl::desc("Device to compile for: cpu"),
                                cl::init("cpu"), cl::cat(category));
cl::opt<std::string>
    cpuName("cpu", cl::desc("CPU to optimise for (default: this machine's)"),
            cl::cat(category));
cl::opt<std::string> outputFile("o", cl::desc("Output file"), cl::Required,
                                cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> headerFile(
    "header",
    cl::desc("Where to write the C header (default: the output file with "
             "the extension .h)"),
    cl::cat(category));
cl::opt<EmitKind>
    emit("emit", cl::desc("What to write"),
         cl::values(clEnumValN(EmitKind::Library, "lib",
                               "a shared library and its header (default)"),
                    clEnumValN(EmitKind::Object, "obj",
                               "a relocatable object and its header"),
                    clEnumValN(EmitKind::LLVMIR, "llvm", "optimised LLVM IR"),
                    clEnumValN(EmitKind::MLIR, "mlir",
                               "the lowered MLIR of each length")),
         cl::init(EmitKind::Library), cl::cat(category));
cl::opt<bool> prepare(
    "prepare",
    cl::desc("Hoist the filter work into an entry of its own per length, "
             "<function>_L<L>_prepare, as orchid-run --prepare does"),
    cl::cat(category));
cl::opt<bool> parallel("parallel",
                       cl::desc("Run independent rows in parallel (OpenMP)"),
                       cl::init(true), cl::cat(category));
cl::opt<unsigned> numThreads(
    "num-threads",
    cl::desc("Threads the kernels split their work for (default: the "
             "hardware threads of the machine that compiles them)"),
    cl::init(0), cl::cat(category));
cl::opt<std::string> runtimeDir(
    "runtime-dir",
    cl::desc("Directory of liborchid_cpu_runtime to link against (default: "
             "../lib beside this program)"),
    cl::cat(category));

/// Longer sequences need more memory per channel than a machine has; the
/// bound keeps every size computation far from overflowing.
constexpr int64_t kMaxSeqLen = int64_t(1) << 26;

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

int fail(const Twine &message) {
  WithColor::error(errs(), "orchid-compile") << message << "\n";
  return 1;
}

int fail(Error error) { return fail(toString(std::move(error))); }

/// The route's options for one length.
mlir::orchid::RouteOptions getRoute(int64_t seqLen) {
  mlir::orchid::RouteOptions route;
  route.seqLen = seqLen;
  route.batch = batch;
  route.prepare = prepare;
  return route;
}

Error checkBatch(const Signature &signature) {
  if (!batch.getNumOccurrences())
    return Error::success();
  if (batch <= 0)
    return makeError("--batch must be positive");
  if (signature.inputs.empty() || signature.inputs.front().shape.empty() ||
      signature.inputs.front().shape.front() != batch)
    return makeError("--batch=" + Twine(batch) +
                     " differs from the function's batch (the leading "
                     "dimension of its first argument, " +
                     (signature.inputs.empty()
                          ? std::string("absent")
                          : signature.inputs.front().describe()) +
                     ")");
  return Error::success();
}

/// Specialises a copy of `source` to `seqLen` and lowers it; appends its
/// entry points to `entries`.
Expected<mlir::OwningOpRef<mlir::ModuleOp>>
compileLength(mlir::ModuleOp source, int64_t seqLen,
              std::vector<EntryPoint> &entries) {
  mlir::OwningOpRef<mlir::ModuleOp> module = source.clone();
  auto func = lookupFunction(*module, functionName);
  if (!func)
    return func.takeError();
  std::string function = func->getName().str();
  std::string name = function + "_L" + std::to_string(seqLen);
  for (std::string taken : {name, name + "_prepare"})
    if (module->lookupSymbol(taken))
      return makeError("cannot name the entry point '" + taken +
                       "': the module already has a symbol of that name");
  // Other functions may have sizes the pipeline rejects: keep only what
  // this one needs.
  for (auto other :
       llvm::make_early_inc_range(module->getOps<mlir::func::FuncOp>()))
    if (other != *func &&
        mlir::SymbolTable::symbolKnownUseEmpty(other, *module))
      other.erase();
  if (func->getFunctionType().getInputs().empty() ||
      llvm::all_of(func->getFunctionType().getInputs(), [](mlir::Type type) {
        auto shaped = dyn_cast<mlir::ShapedType>(type);
        return !shaped || shaped.hasStaticShape();
      }))
    return makeError("'" + function +
                     "' has no argument of dynamic shape: --seq-len needs a "
                     "function whose sequence length is dynamic (?)");
  if (failed(mlir::SymbolTable::replaceAllSymbolUses(
          *func, mlir::StringAttr::get(module->getContext(), name), *module)))
    return makeError("cannot rename '" + function + "'");
  mlir::SymbolTable::setSymbolName(*func, name);
  // The route orchid-run takes for the CPU, one stage at a time, reading
  // the specialised signature and the prepare split between them.
  using mlir::orchid::RouteStage;
  mlir::orchid::RouteOptions route = getRoute(seqLen);
  std::unique_ptr<mlir::orchid::Target> target =
      createCPUTarget(parallel, numThreads);
  if (Error error = target->lower(*module, route, RouteStage::Specialize,
                                  RouteStage::Specialize))
    return std::move(error);
  auto signature = getSignature(*func);
  if (!signature)
    return signature.takeError();
  if (Error error = checkBatch(*signature))
    return std::move(error);

  // Each tensor of an entry names what it is in the source function.
  EntryPoint forward{name, function, seqLen, false, {}, {}};
  for (auto [i, spec] : llvm::enumerate(signature->results))
    forward.outputs.push_back({spec, int64_t(i)});
  auto lowered = lowerToPrimitives(*target, *module, *func, route);
  if (!lowered)
    return lowered.takeError();
  std::optional<PrepareSplit> &split = *lowered;
  if (!split) {
    for (auto [i, spec] : llvm::enumerate(signature->inputs))
      forward.inputs.push_back({spec, int64_t(i)});
  } else {
    auto prepareSignature =
        getSignature(module->lookupSymbol<mlir::func::FuncOp>(split->prepare));
    if (!prepareSignature)
      return prepareSignature.takeError();
    EntryPoint prep{split->prepare, function, seqLen, true, {}, {}};
    for (unsigned i : split->prepareArgs)
      prep.inputs.push_back({signature->inputs[i], int64_t(i)});
    for (unsigned i : split->forwardArgs)
      forward.inputs.push_back({signature->inputs[i], int64_t(i)});
    // The forward entry reads the prepared values after its arguments.
    for (auto [k, spec] : llvm::enumerate(prepareSignature->results)) {
      prep.outputs.push_back({spec, int64_t(k)});
      forward.inputs.push_back({spec, -int64_t(k) - 1});
    }
    entries.push_back(std::move(prep));
  }
  entries.push_back(std::move(forward));
  if (Error error =
          target->lower(*module, route, RouteStage::Target, RouteStage::Target))
    return std::move(error);
  module->setSymName(name);
  return module;
}

/// Gives every definition of `module` internal linkage except the C
/// interfaces of the entries compiled for the length named `lengthName`
/// (the forward entry's name).
void internalizeExcept(Module &module, ArrayRef<EntryPoint> entries,
                       StringRef lengthName) {
  const EntryPoint *forward = llvm::find_if(
      entries, [&](const EntryPoint &e) { return e.name == lengthName; });
  StringSet<> kept;
  for (const EntryPoint &entry : entries)
    if (entry.seqLen == forward->seqLen)
      kept.insert("_mlir_ciface_" + entry.name);
  auto internalize = [&](GlobalValue &value) {
    if (value.isDeclaration() || value.hasAppendingLinkage() ||
        kept.contains(value.getName()))
      return;
    value.setLinkage(GlobalValue::InternalLinkage);
    if (auto *object = dyn_cast<GlobalObject>(&value))
      object->setComdat(nullptr);
  };
  for (Function &fn : module)
    internalize(fn);
  for (GlobalVariable &global : module.globals())
    internalize(global);
}

/// A machine for this host's triple and `--cpu` (default: this host's CPU
/// and features), emitting position-independent code.
Expected<std::unique_ptr<TargetMachine>> createTargetMachine() {
  Triple triple(sys::getDefaultTargetTriple());
  std::string message;
  const llvm::Target *target = TargetRegistry::lookupTarget(triple, message);
  if (!target)
    return makeError("no LLVM target for " + triple.str() + ": " + message);
  std::string cpu = cpuName.empty() ? sys::getHostCPUName().str() : cpuName;
  SubtargetFeatures features;
  if (cpuName.empty())
    for (const auto &feature : sys::getHostCPUFeatures())
      features.AddFeature(feature.first(), feature.second);
  // Checked on a subtarget of the host's CPU: one of an unknown CPU warns.
  if (!cpuName.empty()) {
    std::unique_ptr<MCSubtargetInfo> host(
        target->createMCSubtargetInfo(triple, sys::getHostCPUName(), ""));
    if (!host || !host->isCPUStringValid(cpu))
      return makeError("unknown --cpu '" + cpu + "' for " + triple.str());
  }
  std::unique_ptr<TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features.getString(), TargetOptions(), Reloc::PIC_,
      std::nullopt, CodeGenOptLevel::Aggressive));
  if (!machine)
    return makeError("cannot create a target machine for " + triple.str());
  return machine;
}

Expected<std::string> emitObject(Module &module, TargetMachine &machine) {
  SmallString<0> object;
  raw_svector_ostream os(object);
  legacy::PassManager pm;
  if (machine.addPassesToEmitFile(pm, os, nullptr, CodeGenFileType::ObjectFile))
    return makeError("the target cannot emit object files");
  pm.run(module);
  return std::string(object.str());
}

/// A temporary file holding `content`, removed when this goes out of scope.
class TempFile {
public:
  static Expected<TempFile> create(StringRef suffix) {
    TempFile file;
    if (std::error_code ec =
            sys::fs::createTemporaryFile("orchid-compile", suffix, file.path))
      return makeError("cannot create a temporary file: " + ec.message());
    return file;
  }
  TempFile() = default;
  TempFile(TempFile &&other) : path(std::move(other.path)) {
    other.path.clear();
  }
  ~TempFile() {
    if (!path.empty())
      sys::fs::remove(path);
  }
  SmallString<128> path;
};

/// Links `object` into a shared library with the C compiler driver CMake
/// found; returns its bytes.
Expected<std::string> linkLibrary(StringRef object) {
  auto objectFile = TempFile::create("o");
  if (!objectFile)
    return objectFile.takeError();
  auto libraryFile = TempFile::create("so");
  if (!libraryFile)
    return libraryFile.takeError();
  auto logFile = TempFile::create("log");
  if (!logFile)
    return logFile.takeError();
  {
    std::error_code ec;
    raw_fd_ostream os(objectFile->path, ec);
    os << object;
    if (ec || (os.close(), os.has_error()))
      return makeError("cannot write '" + objectFile->path + "'");
  }
  SmallString<128> libDir(runtimeDir);
  if (libDir.empty()) {
    libDir = sys::path::parent_path(sys::fs::getMainExecutable(
        nullptr, reinterpret_cast<void *>(&linkLibrary)));
    sys::path::append(libDir, "..", "lib");
  }
  SmallString<128> runtime(libDir);
  sys::path::append(runtime, "liborchid_cpu_runtime.so");
  if (!sys::fs::exists(runtime))
    return makeError("cannot find '" + runtime +
                     "': name its directory with --runtime-dir");
  std::string soname = sys::path::filename(outputFile).str();
  SmallVector<StringRef> args = {
      ORCHID_LINK_DRIVER, "-shared",        "-o",
      libraryFile->path,  objectFile->path, "-Wl,--no-undefined",
      "-Wl,--as-needed"};
  std::string libDirFlag = ("-L" + libDir).str();
  std::string sonameFlag = "-Wl,-soname," + soname;
  args.append({libDirFlag, "-lorchid_cpu_runtime", ORCHID_OMP_LIBRARY, "-lm",
               sonameFlag, "-Wl,-rpath,$ORIGIN"});
  std::optional<StringRef> redirects[] = {std::nullopt, logFile->path,
                                          logFile->path};
  std::string message;
  int rc = sys::ExecuteAndWait(ORCHID_LINK_DRIVER, args, std::nullopt,
                               redirects, 0, 0, &message);
  if (rc != 0) {
    auto log = MemoryBuffer::getFile(logFile->path);
    return makeError("linking the library with " ORCHID_LINK_DRIVER " failed" +
                     (message.empty() ? "" : ": " + message) +
                     (log ? ":\n" + (*log)->getBuffer().rtrim() : ""));
  }
  auto library = MemoryBuffer::getFile(libraryFile->path);
  if (!library)
    return makeError("cannot read the linked library: " +
                     library.getError().message());
  return (*library)->getBuffer().str();
}

/// Writes each (path, content) to a temporary file beside its path and
/// renames them into place only once all are written: a failure leaves
/// every path as it was.
Error writeFilesTogether(ArrayRef<std::pair<std::string, std::string>> files) {
  std::vector<sys::fs::TempFile> temps;
  auto discard = [&](Error error) {
    for (sys::fs::TempFile &temp : temps)
      consumeError(temp.discard());
    return error;
  };
  for (const auto &[path, content] : files) {
    // A device or pipe must not be renamed over.
    sys::fs::file_status status;
    if (!sys::fs::status(path, status) && sys::fs::exists(status) &&
        !sys::fs::is_regular_file(status))
      return discard(makeError("cannot write '" + path +
                               "': it exists and is not a regular file"));
    SmallString<128> model(path);
    model += ".tmp-%%%%%%";
    auto temp = sys::fs::TempFile::create(model);
    if (!temp)
      return discard(makeError("cannot write '" + path +
                               "': " + toString(temp.takeError())));
    temps.push_back(std::move(*temp));
    raw_fd_ostream os(temps.back().FD, /*shouldClose=*/false);
    os << content;
    os.flush();
    if (os.has_error()) {
      std::string message = os.error().message();
      os.clear_error();
      return discard(makeError("cannot write '" + path + "': " + message));
    }
  }
  for (auto [temp, file] : llvm::zip_equal(temps, files))
    if (Error error = temp.keep(file.first))
      return discard(makeError("cannot write '" + file.first +
                               "': " + toString(std::move(error))));
  return Error::success();
}

/// "LIBMODEL_H" for "libmodel.h".
std::string getGuard(StringRef header) {
  std::string guard;
  for (char c : sys::path::filename(header))
    guard += isAlnum(c) ? toUpper(c) : '_';
  if (guard.empty() || isDigit(guard.front()))
    guard = "ORCHID_" + guard;
  return guard;
}

Error checkOptions() {
  if (targetName == "cuda")
    return makeError("--target=cuda is not supported by orchid-compile yet; "
                     "use --target=cpu");
  if (targetName != "cpu")
    return makeError("unknown --target '" + targetName + "' (expected cpu)");
  SmallSet<int64_t, 4> seen;
  for (int64_t seqLen : seqLens) {
    if (seqLen <= 0 || seqLen > kMaxSeqLen)
      return makeError("--seq-len " + Twine(seqLen) +
                       " is out of range: "
                       "lengths must be in [1, " +
                       Twine(kMaxSeqLen) + "]");
    if (!seen.insert(seqLen).second)
      return makeError("--seq-len " + Twine(seqLen) + " is given twice");
  }
  if (outputFile == "-" &&
      (emit == EmitKind::Library || emit == EmitKind::Object))
    return makeError("binary output needs a file name (-o)");
  return Error::success();
}

using Clock = std::chrono::steady_clock;

int printTime(Clock::time_point start, size_t entries, size_t lengths) {
  std::chrono::duration<double> elapsed = Clock::now() - start;
  errs() << format("orchid-compile: compiled %zu entry points for %zu "
                   "lengths in %.2f s\n",
                   entries, lengths, elapsed.count());
  return 0;
}

int run() {
  Clock::time_point start = Clock::now();
  if (Error error = checkOptions())
    return fail(std::move(error));
  mlir::DialectRegistry registry;
  registerRunnerDialects(registry);
  mlir::MLIRContext context(registry);
  auto source = parseModule(inputFile, context);
  if (!source)
    return fail(source.takeError());

  // Errors that do not depend on the length are reported once, plainly.
  if (auto func = lookupFunction(**source, functionName); !func)
    return fail(func.takeError());

  std::vector<EntryPoint> entries;
  std::vector<mlir::OwningOpRef<mlir::ModuleOp>> lowered;
  for (int64_t seqLen : seqLens) {
    auto module = compileLength(**source, seqLen, entries);
    if (!module)
      return fail("at --seq-len " + Twine(seqLen) + ": " +
                  toString(module.takeError()));
    lowered.push_back(std::move(*module));
  }
  if (emit == EmitKind::MLIR) {
    if (Error error =
            mlir::orchid::writeFileAtomically(outputFile, [&](raw_ostream &os) {
              for (auto &module : lowered)
                module->print(os);
            }))
      return fail(std::move(error));
    return printTime(start, entries.size(), lowered.size());
  }

  InitializeNativeTarget();
  InitializeNativeTargetAsmPrinter();
  auto machine = createTargetMachine();
  if (!machine)
    return fail(machine.takeError());
  LLVMContext llvmContext;
  auto library = std::make_unique<Module>("orchid", llvmContext);
  for (auto &module : lowered) {
    std::unique_ptr<Module> part =
        mlir::translateModuleToLLVMIR(*module, llvmContext);
    if (!part)
      return fail("cannot translate the lowered module '" +
                  module->getSymName().value_or("") + "' to LLVM IR");
    // Every definition but the C interfaces of this length's entries is
    // internal, so that the linker renames those that two lengths define
    // (the generated FFTs); the data layout is the target's.
    internalizeExcept(*part, entries, *module->getSymName());
    part->setDataLayout("");
    if (Linker::linkModules(*library, std::move(part)))
      return fail("cannot link the lowered modules");
  }
  library->setDataLayout((*machine)->createDataLayout());
  library->setTargetTriple((*machine)->getTargetTriple());
  if (Error error = addEntryPoints(*library, entries))
    return fail(std::move(error));
  std::string verifyMessage;
  raw_string_ostream verifyStream(verifyMessage);
  if (verifyModule(*library, &verifyStream))
    return fail("the generated LLVM IR is invalid:\n" + verifyMessage);
  if (Error error = mlir::makeOptimizingTransformer(
          /*optLevel=*/3, /*sizeLevel=*/0, machine->get())(library.get()))
    return fail(std::move(error));

  if (emit == EmitKind::LLVMIR) {
    if (Error error = mlir::orchid::writeFileAtomically(
            outputFile, [&](raw_ostream &os) { library->print(os, nullptr); }))
      return fail(std::move(error));
  } else {
    auto object = emitObject(*library, **machine);
    if (!object)
      return fail(object.takeError());
    std::string binary = std::move(*object);
    if (emit == EmitKind::Library) {
      auto linked = linkLibrary(binary);
      if (!linked)
        return fail(linked.takeError());
      binary = std::move(*linked);
    }
    std::string header = headerFile;
    if (header.empty()) {
      SmallString<128> path(outputFile);
      sys::path::replace_extension(path, "h");
      header = path.str().str();
    }
    std::string headerText =
        writeHeader(entries, getGuard(header), sys::path::filename(inputFile));
    if (Error error =
            writeFilesTogether({{outputFile, binary}, {header, headerText}}))
      return fail(std::move(error));
  }
  return printTime(start, entries.size(), lowered.size());
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Orchid ahead-of-time compiler\n\n"
      "Compiles FUNCTION for each --seq-len with the Orchid CPU pipeline\n"
      "into one shared library: entry points <function>_L<L> (and\n"
      "<function>_L<L>_prepare with --prepare) on plain pointers, a\n"
      "dispatcher <function>(seq_len, ...), a manifest for liborchid_api\n"
      "and a C header declaring them.\n");
  return run();
}
