//===- EntryPoints.cpp - C entry points of compiled libraries -------------===//

#include "tools/orchid-compile/EntryPoints.h"

#include "orchid/manifest.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"

using namespace llvm;

namespace mlir {
namespace orchid {

// This file builds LLVM IR, not MLIR: its Type and Value are LLVM's.
using llvm::FunctionType;
using llvm::IntegerType;
using llvm::Type;
using llvm::Value;

static Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

static int64_t getDTypeCode(DType dtype) {
  switch (dtype) {
  case DType::F32:
    return ORCHID_DTYPE_F32;
  case DType::F64:
    return ORCHID_DTYPE_F64;
  case DType::C64:
    return ORCHID_DTYPE_C64;
  }
  llvm_unreachable("unknown dtype");
}

static StringRef getCType(DType dtype) {
  return dtype == DType::F64 ? "double" : "float";
}

/// The type of a ranked memref descriptor: allocated and aligned pointers,
/// offset, sizes, strides.
static StructType *getDescriptorType(LLVMContext &context, unsigned rank) {
  Type *ptr = PointerType::getUnqual(context);
  Type *i64 = Type::getInt64Ty(context);
  if (rank == 0)
    return StructType::get(context, {ptr, ptr, i64});
  ArrayType *sizes = ArrayType::get(i64, rank);
  return StructType::get(context, {ptr, ptr, i64, sizes, sizes});
}

/// Fills a descriptor of a contiguous row-major buffer `data`.
static Value *buildDescriptor(IRBuilder<> &b, Value *data,
                              ArrayRef<int64_t> shape) {
  StructType *type = getDescriptorType(b.getContext(), shape.size());
  Value *desc = b.CreateAlloca(type);
  b.CreateStore(data, b.CreateStructGEP(type, desc, 0));
  b.CreateStore(data, b.CreateStructGEP(type, desc, 1));
  b.CreateStore(b.getInt64(0), b.CreateStructGEP(type, desc, 2));
  int64_t stride = 1;
  for (int64_t i = shape.size() - 1; i >= 0; --i) {
    b.CreateStore(
        b.getInt64(shape[i]),
        b.CreateInBoundsGEP(type, desc,
                            {b.getInt32(0), b.getInt32(3), b.getInt32(i)}));
    b.CreateStore(
        b.getInt64(stride),
        b.CreateInBoundsGEP(type, desc,
                            {b.getInt32(0), b.getInt32(4), b.getInt32(i)}));
    stride *= shape[i];
  }
  return desc;
}

/// `int32_t name(ptr inputs..., ptr outputs...)`: checks for null pointers
/// and calls `_mlir_ciface_<name>`, renamed from the lowered `name`.
static Expected<Function *> buildEntry(Module &module,
                                       const EntryPoint &entry) {
  LLVMContext &context = module.getContext();
  Function *ciface = module.getFunction("_mlir_ciface_" + entry.name);
  size_t numArgs = entry.inputs.size() + entry.outputs.size();
  if (!ciface || ciface->arg_size() != numArgs ||
      !ciface->getReturnType()->isVoidTy())
    return makeError("the lowered module has no C interface '_mlir_ciface_" +
                     entry.name + "' with " + Twine(numArgs) +
                     " descriptor arguments");
  // The lowered function of that name takes expanded descriptors; it is
  // internal from now on, and the name is the C entry's.
  if (Function *lowered = module.getFunction(entry.name))
    lowered->setName(entry.name + ".memref");

  Type *ptr = PointerType::getUnqual(context);
  auto *type = FunctionType::get(Type::getInt32Ty(context),
                                 SmallVector<Type *>(numArgs, ptr), false);
  Function *fn =
      Function::Create(type, GlobalValue::ExternalLinkage, entry.name, module);
  auto *body = BasicBlock::Create(context, "entry", fn);
  auto *null = BasicBlock::Create(context, "null", fn);
  auto *call = BasicBlock::Create(context, "call", fn);
  IRBuilder<> b(body);
  Value *anyNull = b.getFalse();
  for (Argument &arg : fn->args())
    anyNull = b.CreateOr(anyNull, b.CreateIsNull(&arg));
  b.CreateCondBr(anyNull, null, call);
  b.SetInsertPoint(null);
  b.CreateRet(b.getInt32(ORCHID_ENTRY_NULL_POINTER));
  b.SetInsertPoint(call);
  SmallVector<Value *> descriptors;
  unsigned i = 0;
  for (const auto *side : {&entry.inputs, &entry.outputs})
    for (const EntryTensor &tensor : *side)
      descriptors.push_back(
          buildDescriptor(b, fn->getArg(i++), tensor.spec.shape));
  b.CreateCall(ciface, descriptors);
  b.CreateRet(b.getInt32(ORCHID_ENTRY_OK));
  return fn;
}

/// `int32_t name.invoke(ptr args)`: the manifest's uniform way to call the
/// entry `fn`, one pointer per argument in `args`.
static Function *buildInvoke(Module &module, Function *fn) {
  LLVMContext &context = module.getContext();
  Type *ptr = PointerType::getUnqual(context);
  auto *type = FunctionType::get(Type::getInt32Ty(context), {ptr}, false);
  Function *invoke = Function::Create(type, GlobalValue::InternalLinkage,
                                      fn->getName() + ".invoke", module);
  IRBuilder<> b(BasicBlock::Create(context, "entry", invoke));
  SmallVector<Value *> args;
  for (unsigned i = 0; i < fn->arg_size(); ++i)
    args.push_back(b.CreateLoad(
        ptr, b.CreateConstInBoundsGEP1_64(ptr, invoke->getArg(0), i)));
  b.CreateRet(b.CreateCall(fn, args));
  return invoke;
}

/// `int32_t name(i64 seq_len, ptr args...)`: calls the entry of `seq_len`.
static void buildDispatcher(Module &module, StringRef name,
                            ArrayRef<std::pair<int64_t, Function *>> cases) {
  LLVMContext &context = module.getContext();
  Function *first = cases.front().second;
  SmallVector<Type *> params = {Type::getInt64Ty(context)};
  params.append(first->arg_size(), PointerType::getUnqual(context));
  auto *type = FunctionType::get(Type::getInt32Ty(context), params, false);
  Function *fn =
      Function::Create(type, GlobalValue::ExternalLinkage, name, module);
  auto *body = BasicBlock::Create(context, "entry", fn);
  auto *unknown = BasicBlock::Create(context, "unknown", fn);
  IRBuilder<> b(body);
  SwitchInst *select = b.CreateSwitch(fn->getArg(0), unknown, cases.size());
  b.SetInsertPoint(unknown);
  b.CreateRet(b.getInt32(ORCHID_ENTRY_UNKNOWN_LENGTH));
  SmallVector<Value *> args;
  for (unsigned i = 1; i < fn->arg_size(); ++i)
    args.push_back(fn->getArg(i));
  for (auto [seqLen, callee] : cases) {
    auto *block = BasicBlock::Create(context, "L" + Twine(seqLen), fn);
    select->addCase(b.getInt64(seqLen), block);
    b.SetInsertPoint(block);
    b.CreateRet(b.CreateCall(callee, args));
  }
}

static Constant *makePrivateConstant(Module &module, Constant *init,
                                     const Twine &name) {
  return new GlobalVariable(module, init->getType(), /*isConstant=*/true,
                            GlobalValue::PrivateLinkage, init, name);
}

static Constant *makeString(Module &module, StringRef text) {
  return makePrivateConstant(
      module, ConstantDataArray::getString(module.getContext(), text),
      "orchid.str");
}

/// The manifest tensors of one side of an entry, as a private array.
static Constant *makeTensors(Module &module, ArrayRef<EntryTensor> tensors,
                             StructType *tensorType) {
  LLVMContext &context = module.getContext();
  Type *i64 = Type::getInt64Ty(context);
  auto *ptr = PointerType::getUnqual(context);
  if (tensors.empty())
    return ConstantPointerNull::get(ptr);
  SmallVector<Constant *> elements;
  for (const EntryTensor &tensor : tensors) {
    const std::vector<int64_t> &shape = tensor.spec.shape;
    Constant *shapeArray =
        shape.empty()
            ? static_cast<Constant *>(ConstantPointerNull::get(ptr))
            : makePrivateConstant(module,
                                  ConstantDataArray::get(context, shape),
                                  "orchid.shape");
    elements.push_back(ConstantStruct::get(
        tensorType, {ConstantInt::get(i64, getDTypeCode(tensor.spec.dtype)),
                     ConstantInt::get(i64, shape.size()), shapeArray,
                     ConstantInt::get(i64, tensor.source)}));
  }
  return makePrivateConstant(
      module,
      ConstantArray::get(ArrayType::get(tensorType, elements.size()), elements),
      "orchid.tensors");
}

/// The `orchid_manifest` global of manifest.h.
static void buildManifest(Module &module, ArrayRef<EntryPoint> entries,
                          ArrayRef<Function *> invokes) {
  LLVMContext &context = module.getContext();
  Type *i64 = Type::getInt64Ty(context);
  Type *ptr = PointerType::getUnqual(context);
  auto *tensorType = StructType::get(context, {i64, i64, ptr, i64});
  auto *entryType =
      StructType::get(context, {ptr, ptr, i64, i64, i64, i64, ptr, ptr, ptr});
  SmallVector<Constant *> rows;
  for (auto [entry, invoke] : llvm::zip_equal(entries, invokes))
    rows.push_back(ConstantStruct::get(
        entryType,
        {makeString(module, entry.name), makeString(module, entry.function),
         ConstantInt::get(i64, entry.seqLen),
         ConstantInt::get(i64, entry.isPrepare ? ORCHID_ENTRY_PREPARE
                                               : ORCHID_ENTRY_FORWARD),
         ConstantInt::get(i64, entry.inputs.size()),
         ConstantInt::get(i64, entry.outputs.size()),
         makeTensors(module, entry.inputs, tensorType),
         makeTensors(module, entry.outputs, tensorType), invoke}));
  Constant *table = makePrivateConstant(
      module, ConstantArray::get(ArrayType::get(entryType, rows.size()), rows),
      "orchid.entries");
  auto *manifestType = StructType::get(context, {i64, i64, i64, ptr});
  auto *manifest = new GlobalVariable(
      module, manifestType, /*isConstant=*/true, GlobalValue::ExternalLinkage,
      ConstantStruct::get(
          manifestType, {ConstantInt::get(i64, int64_t(ORCHID_MANIFEST_MAGIC)),
                         ConstantInt::get(i64, ORCHID_MANIFEST_VERSION),
                         ConstantInt::get(i64, rows.size()), table}),
      ORCHID_MANIFEST_SYMBOL);
  manifest->setAlignment(Align(8));
}

Error addEntryPoints(Module &module, ArrayRef<EntryPoint> entries) {
  // Only the entry points, the dispatchers and the manifest are exported.
  for (Function &fn : module)
    if (!fn.isDeclaration())
      fn.setLinkage(GlobalValue::InternalLinkage);
  for (GlobalVariable &global : module.globals())
    if (!global.isDeclaration() && !global.hasAppendingLinkage())
      global.setLinkage(GlobalValue::InternalLinkage);

  SmallVector<Function *> fns, invokes;
  MapVector<std::pair<StringRef, unsigned>,
            SmallVector<std::pair<int64_t, Function *>>>
      groups;
  for (const EntryPoint &entry : entries) {
    Expected<Function *> fn = buildEntry(module, entry);
    if (!fn)
      return fn.takeError();
    fns.push_back(*fn);
    invokes.push_back(buildInvoke(module, *fn));
    groups[{entry.function, entry.isPrepare}].push_back({entry.seqLen, *fn});
  }
  for (auto &[key, cases] : groups) {
    std::string name = key.first.str() + (key.second ? "_prepare" : "");
    if (module.getNamedValue(name))
      return makeError("cannot name the dispatcher '" + name +
                       "': the module already defines that symbol");
    buildDispatcher(module, name, cases);
  }
  if (module.getNamedValue(ORCHID_MANIFEST_SYMBOL))
    return makeError("the module already defines '" ORCHID_MANIFEST_SYMBOL "'");
  buildManifest(module, entries, invokes);
  return Error::success();
}

/// "const float *in0 /* 1x1000x8 float32 */" and the like.
static std::string describeParams(const EntryPoint &entry, bool shapes) {
  std::string text;
  raw_string_ostream os(text);
  auto param = [&](const EntryTensor &tensor, bool isInput, size_t index) {
    if (!text.empty())
      os << ",\n    ";
    os << (isInput ? "const " : "") << getCType(tensor.spec.dtype) << " *"
       << (isInput ? "in" : "out") << index;
    if (shapes)
      os << " /* " << tensor.spec.describe() << " */";
  };
  for (auto [i, tensor] : llvm::enumerate(entry.inputs))
    param(tensor, true, i);
  for (auto [i, tensor] : llvm::enumerate(entry.outputs))
    param(tensor, false, i);
  return text;
}

std::string writeHeader(ArrayRef<EntryPoint> entries, StringRef guard,
                        StringRef source) {
  std::string text;
  raw_string_ostream os(text);
  os << "/* Entry points of a library built by orchid-compile from " << source
     << ".\n"
     << " * Each takes one contiguous row-major buffer per input, then per\n"
     << " * output (complex64: interleaved float pairs), and returns 0, "
     << ORCHID_ENTRY_NULL_POINTER << " for\n"
     << " * a null pointer or " << ORCHID_ENTRY_UNKNOWN_LENGTH
     << " for a length that was not compiled. */\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include <stdint.h>\n\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
     << "/* The table liborchid_api reads (orchid/manifest.h). */\n"
     << "extern const struct orchid_manifest " ORCHID_MANIFEST_SYMBOL ";\n\n";
  MapVector<std::pair<StringRef, unsigned>, const EntryPoint *> dispatchers;
  for (const EntryPoint &entry : entries) {
    os << "/* " << entry.function << (entry.isPrepare ? " (prepare)" : "")
       << " at L = " << entry.seqLen << ". */\n"
       << "int32_t " << entry.name << "(\n    " << describeParams(entry, true)
       << ");\n\n";
    dispatchers.insert({{entry.function, entry.isPrepare}, &entry});
  }
  for (auto &[key, entry] : dispatchers) {
    os << "/* " << key.first << (key.second ? "_prepare" : "")
       << " at any compiled length, with the shapes of that length. */\n"
       << "int32_t " << key.first << (key.second ? "_prepare" : "")
       << "(\n    int64_t seq_len";
    std::string params = describeParams(*entry, false);
    os << (params.empty() ? "" : ",\n    ") << params << ");\n\n";
  }
  os << "#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << " */\n";
  return text;
}

} // namespace orchid
} // namespace mlir
