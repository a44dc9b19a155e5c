//===- Runner.cpp - Compile and call Orchid functions ---------------------===//

#include "tools/lib/runner/Runner.h"

#include "dialect/OrchidDialect.h"
#include "lowering/CPU/Pipelines.h"
#include "passes/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Verifier.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using llvm::createStringError;
using llvm::inconvertibleErrorCode;

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

static Type specializeType(Type type, int64_t seqLen) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || tensor.hasStaticShape())
    return type;
  SmallVector<int64_t> shape(tensor.getShape());
  for (int64_t &d : shape)
    if (ShapedType::isDynamic(d))
      d = seqLen;
  return tensor.clone(shape);
}

llvm::Error specializeSeqLen(func::FuncOp func, int64_t seqLen) {
  if (seqLen <= 0)
    return makeError("--seq-len must be positive");
  MLIRContext *context = func.getContext();
  context->getOrLoadDialect<tensor::TensorDialect>();
  Block &entry = func.getBody().front();
  OpBuilder builder(context);

  // Static arguments, cast back to their old types for the body.
  builder.setInsertionPointToStart(&entry);
  for (BlockArgument arg : entry.getArguments()) {
    Type old = arg.getType();
    Type type = specializeType(old, seqLen);
    if (type == old)
      continue;
    arg.setType(type);
    auto cast = tensor::CastOp::create(builder, arg.getLoc(), old, arg);
    arg.replaceAllUsesExcept(cast, cast.getOperation());
  }
  SmallVector<Type> results;
  for (Type t : func.getFunctionType().getResults())
    results.push_back(specializeType(t, seqLen));
  func.walk([&](func::ReturnOp ret) {
    builder.setInsertionPoint(ret);
    for (OpOperand &operand : ret->getOpOperands())
      if (operand.get().getType() != results[operand.getOperandNumber()])
        operand.set(tensor::CastOp::create(builder, ret.getLoc(),
                                           results[operand.getOperandNumber()],
                                           operand.get()));
  });
  func.setFunctionType(
      FunctionType::get(context, entry.getArgumentTypes(), results));

  // Orchid ops derive their result sizes from their operands: give them
  // the static operands and results, and let canonicalisation fold the
  // casts into upstream ops (tensor.dim, tensor.empty, linalg).
  func.walk([&](Operation *op) {
    if (op->getName().getDialectNamespace() !=
        mlir::orchid::OrchidDialect::getDialectNamespace())
      return;
    for (OpOperand &operand : op->getOpOperands())
      if (auto cast = operand.get().getDefiningOp<tensor::CastOp>())
        operand.set(cast.getSource());
    builder.setInsertionPointAfter(op);
    for (OpResult result : op->getResults()) {
      Type old = result.getType();
      Type type = specializeType(old, seqLen);
      if (type == old)
        continue;
      result.setType(type);
      auto cast = tensor::CastOp::create(builder, op->getLoc(), old, result);
      result.replaceAllUsesExcept(cast, cast.getOperation());
    }
  });

  CapturedDiagnostics diagnostics(*context);
  PassManager pm(context, func::FuncOp::getOperationName());
  pm.addPass(createCanonicalizerPass());
  if (failed(verify(func)) || failed(pm.run(func)))
    return diagnostics.take("'" + func.getName() +
                            "' is not valid with every dynamic size set to " +
                            llvm::Twine(seqLen));
  return llvm::Error::success();
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

llvm::Expected<PrepareSplit> hoistFilters(ModuleOp module, func::FuncOp func) {
  PrepareSplit split;
  split.prepare = (func.getName() + "_prepare").str();
  if (module.lookupSymbol(split.prepare))
    return makeError("cannot hoist the filters of '" + func.getName() +
                     "': the module already has a symbol named '" +
                     split.prepare + "'");
  // The pass drops the arguments that only the filters read: tag each
  // argument with its index to tell which ones the forward function keeps.
  MLIRContext *context = func.getContext();
  auto tag = StringAttr::get(context, "orchid_run.argument");
  SmallVector<Type> types(func.getArgumentTypes());
  for (unsigned i = 0; i < types.size(); ++i)
    func.setArgAttr(i, tag, IntegerAttr::get(IntegerType::get(context, 64), i));

  CapturedDiagnostics diagnostics(*context);
  PassManager pm(context);
  pm.addPass(mlir::orchid::createOrchidDecompose());
  pm.addPass(mlir::orchid::createOrchidLowerFFTConv());
  pm.addPass(mlir::orchid::createOrchidHoistFilters());
  if (failed(pm.run(module)))
    return diagnostics.take("cannot hoist the filters of '" + func.getName() +
                            "'");
  llvm::BitVector kept(types.size());
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    if (auto index = func.getArgAttrOfType<IntegerAttr>(i, tag)) {
      split.forwardArgs.push_back(index.getInt());
      kept.set(index.getInt());
      func.removeArgAttr(i, tag);
    }
  auto prepare = module.lookupSymbol<func::FuncOp>(split.prepare);
  if (!prepare)
    return diagnostics.take("'" + func.getName() +
                            "' has no filter work to hoist: no implicit "
                            "filter reads weights passed as arguments");
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

  llvm::Error lower(ModuleOp module, bool printAfter) override {
    PassManager pm(module.getContext());
    mlir::orchid::CPUPipelineOptions options;
    options.parallel = parallel;
    options.threads = threads;
    // Blocks become primitives first; the pipeline lowers primitives.
    pm.addPass(mlir::orchid::createOrchidDecompose());
    pm.addPass(mlir::orchid::createOrchidExpandFilters());
    mlir::orchid::buildOrchidCPUPipeline(pm, options);
    CapturedDiagnostics diagnostics(*module.getContext());
    if (failed(pm.run(module)))
      return diagnostics.take("the CPU pipeline failed");
    if (printAfter)
      module.print(llvm::outs());
    return llvm::Error::success();
  }

  llvm::Expected<std::unique_ptr<Executable>> load(ModuleOp module) override {
    // Kernels allocate through the Orchid CPU runtime.
    SmallVector<llvm::StringRef> libs = {ORCHID_CPU_RUNTIME_PATH};
    if (!llvm::sys::fs::exists(libs.front()))
      return llvm::createStringError("cannot find the Orchid CPU runtime " +
                                     libs.front());
    // OpenMP-parallel loops call into libomp; memref copies into the C
    // runner utilities.
    for (llvm::StringRef lib :
         {ORCHID_OMP_LIBRARY, ORCHID_C_RUNNER_UTILS})
      if (llvm::sys::fs::exists(lib))
        libs.push_back(lib);
    // Optimise for the host so that the vectoriser sees its vector width.
    auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
    if (!machineBuilder)
      return machineBuilder.takeError();
    auto machine = machineBuilder->createTargetMachine();
    if (!machine)
      return machine.takeError();
    ExecutionEngineOptions options;
    options.transformer = makeOptimizingTransformer(
        /*optLevel=*/3, /*sizeLevel=*/0, machine->get());
    options.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
    options.sharedLibPaths = libs;
    CapturedDiagnostics diagnostics(*module.getContext());
    auto engine = ExecutionEngine::create(module, options);
    if (!engine)
      return diagnostics.take("cannot JIT the lowered module: " +
                              llvm::toString(engine.takeError()));
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
