//===- Runner.cpp - Compile and call Orchid functions ---------------------===//

#include "tools/lib/runner/Runner.h"

#include "dialect/OrchidDialect.h"
#include "lowering/CPU/Pipelines.h"
#include "passes/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>

using namespace mlir;
using llvm::createStringError;
using llvm::inconvertibleErrorCode;

namespace mlir {
namespace orchid {

static llvm::Error makeError(const llvm::Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

/// Collects the diagnostics of a failed step so that they can be returned
/// as an llvm::Error instead of being printed on the spot.
namespace {
class CapturedDiagnostics {
public:
  explicit CapturedDiagnostics(MLIRContext &context)
      : os(text), handler(&context, [this](Diagnostic &diag) {
          printLocation(diag.getLocation());
          os << diag << "\n";
          for (Diagnostic &note : diag.getNotes()) {
            printLocation(note.getLocation());
            os << "note: " << note << "\n";
          }
          return success();
        }) {}
  llvm::Error take(const llvm::Twine &what) {
    return makeError(
        what + (text.empty() ? "" : ":\n" + llvm::StringRef(text).rtrim()));
  }

private:
  /// "file:line:col: ", as compilers print it.
  void printLocation(Location loc) {
    if (auto file = dyn_cast<FileLineColLoc>(loc))
      os << file.getFilename().getValue() << ":" << file.getLine() << ":"
         << file.getColumn() << ": ";
    else if (!isa<UnknownLoc>(loc))
      os << loc << ": ";
  }

  std::string text;
  llvm::raw_string_ostream os;
  ScopedDiagnosticHandler handler;
};
} // namespace

std::string TensorSpec::describe() const {
  std::string s;
  for (int64_t d : shape)
    s += std::to_string(d) + "x";
  return s + getDTypeName(dtype).str();
}

void registerRunnerDialects(DialectRegistry &registry) {
  registry.insert<mlir::orchid::OrchidDialect>();
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registerAllToLLVMIRTranslations(registry);
}

llvm::Expected<OwningOpRef<ModuleOp>> parseModule(llvm::StringRef path,
                                                  MLIRContext &context) {
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> file = openInputFile(path, &message);
  if (!file)
    return makeError(message);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  CapturedDiagnostics diagnostics(context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return diagnostics.take("cannot parse '" + path + "'");
  return module;
}

llvm::Expected<func::FuncOp> lookupFunction(ModuleOp module,
                                            llvm::StringRef name) {
  if (!name.empty()) {
    if (auto func = module.lookupSymbol<func::FuncOp>(name))
      if (!func.isExternal())
        return func;
    return makeError("no function named '" + name + "' in the module");
  }
  SmallVector<func::FuncOp> funcs;
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isExternal())
      funcs.push_back(func);
  if (funcs.size() != 1)
    return makeError("the module has " + llvm::Twine(funcs.size()) +
                     " functions: name one with --function");
  return funcs.front();
}

static llvm::Expected<TensorSpec> getSpec(Type type, llvm::StringRef what) {
  std::string typeText;
  llvm::raw_string_ostream(typeText) << type;
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return makeError(what + " has unsupported type " + typeText +
                     " (expected a ranked tensor)");
  if (!tensor.hasStaticShape())
    return makeError(what + " has dynamic shape " + typeText +
                     ": specialise it with --seq-len");
  TensorSpec spec;
  Type element = tensor.getElementType();
  auto complexType = dyn_cast<ComplexType>(element);
  if (element.isF32())
    spec.dtype = DType::F32;
  else if (element.isF64())
    spec.dtype = DType::F64;
  else if (complexType && complexType.getElementType().isF32())
    spec.dtype = DType::C64;
  else
    return makeError(what + " has unsupported element type in " + typeText +
                     " (expected f32, f64 or complex<f32>)");
  spec.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
  return spec;
}

llvm::Expected<Signature> getSignature(func::FuncOp func) {
  Signature signature;
  FunctionType type = func.getFunctionType();
  for (auto [i, t] : llvm::enumerate(type.getInputs())) {
    auto spec = getSpec(t, "argument " + std::to_string(i));
    if (!spec)
      return spec.takeError();
    signature.inputs.push_back(*spec);
  }
  for (auto [i, t] : llvm::enumerate(type.getResults())) {
    auto spec = getSpec(t, "result " + std::to_string(i));
    if (!spec)
      return spec.takeError();
    signature.results.push_back(*spec);
  }
  return signature;
}

llvm::Expected<std::optional<PrepareSplit>>
lowerToPrimitives(Target &target, ModuleOp module, func::FuncOp func,
                  const mlir::orchid::RouteOptions &route) {
  using mlir::orchid::RouteStage;
  if (!route.prepare) {
    if (llvm::Error error = target.lower(module, route, RouteStage::Primitives,
                                         RouteStage::Primitives))
      return std::move(error);
    return std::nullopt;
  }
  // The hoisting pass drops the arguments that only the filters read: tag
  // each argument with its index to tell which ones the forward function
  // keeps.
  PrepareSplit split;
  split.prepare = (func.getName() + "_prepare").str();
  MLIRContext *context = func.getContext();
  auto tag = StringAttr::get(context, "orchid_run.argument");
  SmallVector<Type> types(func.getArgumentTypes());
  for (unsigned i = 0; i < types.size(); ++i)
    func.setArgAttr(i, tag, IntegerAttr::get(IntegerType::get(context, 64), i));
  if (llvm::Error error = target.lower(module, route, RouteStage::Primitives,
                                       RouteStage::Primitives))
    return std::move(error);
  llvm::BitVector kept(types.size());
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    if (auto index = func.getArgAttrOfType<IntegerAttr>(i, tag)) {
      split.forwardArgs.push_back(index.getInt());
      kept.set(index.getInt());
      func.removeArgAttr(i, tag);
    }
  auto prepare = module.lookupSymbol<func::FuncOp>(split.prepare);
  if (!prepare)
    return makeError("'" + func.getName() +
                     "' has no filter work to hoist: no implicit filter reads "
                     "weights passed as arguments");
  // The prepare function takes the arguments only the filters read, in
  // their order.
  for (unsigned i : kept.flip().set_bits())
    split.prepareArgs.push_back(i);
  bool matches = split.prepareArgs.size() == prepare.getNumArguments();
  for (auto [i, arg] : llvm::enumerate(split.prepareArgs))
    matches = matches && prepare.getArgumentTypes()[i] == types[arg];
  if (!matches)
    return makeError("cannot tell which arguments of '" + func.getName() +
                     "' '" + split.prepare + "' takes");
  return split;
}

llvm::Expected<std::unique_ptr<ExecutionEngine>>
createJIT(ModuleOp module, const JITOptions &options) {
  std::unique_ptr<llvm::TargetMachine> machine;
  if (options.tuneForHost) {
    auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
    if (!machineBuilder)
      return machineBuilder.takeError();
    auto created = machineBuilder->createTargetMachine();
    if (!created)
      return created.takeError();
    machine = std::move(*created);
  }
  std::unique_ptr<llvm::ToolOutputFile> emitted;
  if (!options.emitLLVM.empty()) {
    std::string message;
    emitted = openOutputFile(options.emitLLVM, &message);
    if (!emitted)
      return makeError(message);
  }
  // ExecutionEngineOptions holds function_refs: what they call lives here
  // until the engine is created, which runs both.
  std::function<llvm::Error(llvm::Module *)> optimize =
      makeOptimizingTransformer(options.optLevel, /*sizeLevel=*/0,
                                machine.get());
  auto translate = [&](Operation *op, llvm::LLVMContext &context) {
    std::unique_ptr<llvm::Module> llvmModule =
        translateModuleToLLVMIR(op, context);
    if (llvmModule && emitted)
      llvmModule->print(emitted->os(), nullptr);
    return llvmModule;
  };
  SmallVector<llvm::StringRef> libs;
  for (const std::string &lib : options.sharedLibs)
    if (llvm::sys::fs::exists(lib))
      libs.push_back(lib);
  ExecutionEngineOptions engineOptions;
  engineOptions.llvmModuleBuilder = translate;
  engineOptions.transformer = optimize;
  if (options.tuneForHost)
    engineOptions.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  engineOptions.sharedLibPaths = libs;
  engineOptions.enablePerfNotificationListener = false;
  CapturedDiagnostics diagnostics(*module.getContext());
  auto engine = ExecutionEngine::create(module, engineOptions);
  if (!engine)
    return diagnostics.take("cannot JIT the lowered module: " +
                            llvm::toString(engine.takeError()));
  if (emitted) {
    emitted->keep();
    if (emitted->os().has_error())
      return makeError("cannot write '" + options.emitLLVM + "'");
  }
  return std::move(*engine);
}

llvm::Expected<std::unique_ptr<ExecutionEngine>>
createCPUJIT(ModuleOp module, llvm::StringRef emitLLVM) {
  JITOptions options;
  options.optLevel = 3;
  options.tuneForHost = true;
  // Kernels allocate through the Orchid CPU runtime; OpenMP-parallel loops
  // call into libomp; memref copies into the C runner utilities.
  if (!llvm::sys::fs::exists(ORCHID_CPU_RUNTIME_PATH))
    return makeError("cannot find the Orchid CPU runtime " +
                     llvm::Twine(ORCHID_CPU_RUNTIME_PATH));
  options.sharedLibs = {ORCHID_CPU_RUNTIME_PATH, ORCHID_OMP_LIBRARY,
                        ORCHID_C_RUNNER_UTILS};
  options.emitLLVM = emitLLVM.str();
  return createJIT(module, options);
}

Executable::~Executable() = default;
Target::~Target() = default;

/// A ranked memref descriptor (StridedMemRefType<T, N>) of any rank:
/// allocated and aligned pointers, offset, sizes, strides.
static std::vector<int64_t> makeDescriptor(void *data,
                                           llvm::ArrayRef<int64_t> shape) {
  std::vector<int64_t> desc(3 + 2 * shape.size());
  desc[0] = desc[1] = reinterpret_cast<intptr_t>(data);
  desc[2] = 0;
  int64_t stride = 1;
  for (int64_t i = shape.size() - 1; i >= 0; --i) {
    desc[3 + i] = shape[i];
    desc[3 + shape.size() + i] = stride;
    stride *= shape[i];
  }
  return desc;
}

llvm::Error invokeCInterface(ExecutionEngine &engine, llvm::StringRef name,
                             llvm::ArrayRef<const NpyArray *> inputs,
                             llvm::ArrayRef<NpyArray *> outputs) {
  // The C interface takes one descriptor pointer per input, then per
  // output; the packed wrapper takes a pointer to each of those.
  std::vector<std::vector<int64_t>> descriptors;
  for (const NpyArray *in : inputs)
    descriptors.push_back(
        makeDescriptor(const_cast<char *>(in->data.data()), in->shape));
  for (NpyArray *out : outputs)
    descriptors.push_back(makeDescriptor(out->data.data(), out->shape));
  std::vector<void *> pointers, args;
  for (auto &desc : descriptors)
    pointers.push_back(desc.data());
  for (void *&p : pointers)
    args.push_back(&p);
  return engine.invokePacked(("_mlir_ciface_" + name).str(), args);
}

namespace {

class CPUExecutable : public Executable {
public:
  explicit CPUExecutable(std::unique_ptr<ExecutionEngine> engine)
      : engine(std::move(engine)) {}

  llvm::Error call(llvm::StringRef name,
                   llvm::ArrayRef<const NpyArray *> inputs,
                   llvm::ArrayRef<NpyArray *> outputs) override {
    return invokeCInterface(*engine, name, inputs, outputs);
  }

private:
  std::unique_ptr<ExecutionEngine> engine;
};

class CPUTarget : public Target {
public:
  CPUTarget(bool parallel, int64_t threads)
      : parallel(parallel), threads(threads) {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  }

  llvm::Error lower(ModuleOp module, const mlir::orchid::RouteOptions &route,
                    mlir::orchid::RouteStage first,
                    mlir::orchid::RouteStage last) override {
    mlir::orchid::CPUPipelineOptions options;
    options.seqLen = route.seqLen;
    options.batch = route.batch;
    options.prepare = route.prepare;
    options.parallel = parallel;
    options.threads = threads;
    PassManager pm(module.getContext());
    mlir::orchid::buildOrchidCPUPipeline(pm, options, first, last);
    CapturedDiagnostics diagnostics(*module.getContext());
    if (failed(pm.run(module)))
      return diagnostics.take("the CPU pipeline failed");
    return llvm::Error::success();
  }

  llvm::Expected<std::unique_ptr<Executable>>
  load(ModuleOp module, llvm::StringRef emitLLVM) override {
    auto engine = createCPUJIT(module, emitLLVM);
    if (!engine)
      return engine.takeError();
    (*engine)->initialize();
    return std::make_unique<CPUExecutable>(std::move(*engine));
  }

private:
  bool parallel;
  int64_t threads;
};

} // namespace

std::unique_ptr<Target> createCPUTarget(bool parallel, int64_t threads) {
  return std::make_unique<CPUTarget>(parallel, threads);
}

} // namespace orchid
} // namespace mlir
