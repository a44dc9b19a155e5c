//===- SpecializeShapes.cpp - Static sizes for dynamic functions ----------===//
//
// The conversions need static shapes: FFT sizes, tiles and kernels are
// generated for one sequence length and batch. This pass gives the dynamic
// sizes of a function's signature and of its Orchid ops the values asked
// for, and lets canonicalisation carry them to the other ops.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialect/OrchidDialect.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDSPECIALIZESHAPES
#include "passes/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

namespace {
/// The sizes dynamic dimensions get; 0 leaves a dimension dynamic.
struct Sizes {
  int64_t seqLen, batch;

  /// `type` with its dynamic dimensions set: the leading dimension of a
  /// rank-3 tensor is the batch, every other one the sequence length.
  Type apply(Type type) const {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || tensor.hasStaticShape())
      return type;
    SmallVector<int64_t> shape(tensor.getShape());
    for (auto [i, d] : llvm::enumerate(shape)) {
      int64_t size = tensor.getRank() == 3 && i == 0 ? batch : seqLen;
      if (ShapedType::isDynamic(d) && size > 0)
        d = size;
    }
    return tensor.clone(shape);
  }
};

/// Gives `value` the type `type` and the uses other than `except` a cast
/// back to its old type.
void retypeWithCast(OpBuilder &builder, Value value, Type type) {
  Type old = value.getType();
  value.setType(type);
  auto cast = tensor::CastOp::create(builder, value.getLoc(), old, value);
  value.replaceAllUsesExcept(cast, cast.getOperation());
}

/// Rewrites the signature and the Orchid ops of `func`; returns whether
/// anything changed.
bool specialize(func::FuncOp func, const Sizes &sizes) {
  bool changed = false;
  Block &entry = func.getBody().front();
  OpBuilder builder(func.getContext());

  // Static arguments, cast back to their old types for the body.
  builder.setInsertionPointToStart(&entry);
  for (BlockArgument arg : entry.getArguments()) {
    Type type = sizes.apply(arg.getType());
    if (type == arg.getType())
      continue;
    retypeWithCast(builder, arg, type);
    changed = true;
  }
  SmallVector<Type> results;
  for (Type t : func.getFunctionType().getResults())
    results.push_back(sizes.apply(t));
  func.walk([&](func::ReturnOp ret) {
    builder.setInsertionPoint(ret);
    for (OpOperand &operand : ret->getOpOperands()) {
      Type type = results[operand.getOperandNumber()];
      if (operand.get().getType() == type)
        continue;
      operand.set(
          tensor::CastOp::create(builder, ret.getLoc(), type, operand.get()));
      changed = true;
    }
  });
  func.setFunctionType(
      FunctionType::get(func.getContext(), entry.getArgumentTypes(), results));

  // Orchid ops derive their result sizes from their operands: give them
  // the static operands and results; canonicalisation folds the casts into
  // the upstream ops (tensor.dim, tensor.empty, linalg).
  func.walk([&](Operation *op) {
    if (!isa_and_nonnull<OrchidDialect>(op->getDialect()))
      return;
    for (OpOperand &operand : op->getOpOperands())
      if (auto cast = operand.get().getDefiningOp<tensor::CastOp>()) {
        operand.set(cast.getSource());
        changed = true;
      }
    builder.setInsertionPointAfter(op);
    for (OpResult result : op->getResults()) {
      Type type = sizes.apply(result.getType());
      if (type == result.getType())
        continue;
      retypeWithCast(builder, result, type);
      changed = true;
    }
  });
  return changed;
}

struct OrchidSpecializeShapesPass
    : public orchid::impl::OrchidSpecializeShapesBase<
          OrchidSpecializeShapesPass> {
  using OrchidSpecializeShapesBase::OrchidSpecializeShapesBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (seqLen < 0 || batch < 0) {
      bool badLength = seqLen < 0;
      module.emitError() << "orchid-specialize-shapes: "
                         << (badLength ? "seq-len" : "batch")
                         << " must be positive (0 leaves the size dynamic), "
                            "not "
                         << (badLength ? int64_t(seqLen) : int64_t(batch));
      return signalPassFailure();
    }
    Sizes sizes{seqLen, batch};
    OpPassManager canonicalize(func::FuncOp::getOperationName());
    canonicalize.addPass(createCanonicalizerPass());
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      FunctionType before = func.getFunctionType();
      if (!specialize(func, sizes))
        continue;
      if (func.getFunctionType() != before &&
          !SymbolTable::symbolKnownUseEmpty(func, module)) {
        func.emitError("cannot specialise the signature of a called function");
        return signalPassFailure();
      }
      if (failed(verify(func)) || failed(runPipeline(canonicalize, func))) {
        InFlightDiagnostic diag = func.emitError() << "'" << func.getSymName()
                                                   << "' is not valid with";
        if (seqLen > 0)
          diag << " sequence length " << int64_t(seqLen);
        if (seqLen > 0 && batch > 0)
          diag << " and";
        if (batch > 0)
          diag << " batch " << int64_t(batch);
        return signalPassFailure();
      }
    }
  }
};
} // namespace
