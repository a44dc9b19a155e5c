//===- HoistFilters.cpp - Move filter work into a prepare function --------===//
//
// Implicit filters and their spectra depend only on weights and the
// sequence length. This pass moves that computation out of each function
// `@f` into `@f_prepare`, which takes the weights it reads and returns the
// values `@f` needs (kernel spectra, or kernels). `@f` takes those as
// trailing arguments instead of the filter weights, so that a call of `@f`
// does no filter work. See docs/weights.md for the calling convention.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialect/OrchidOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDHOISTFILTERS
#include "passes/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

/// The values `op` reads: its operands and what its regions capture.
static SetVector<Value> getInputs(Operation *op) {
  SetVector<Value> inputs(op->operand_begin(), op->operand_end());
  for (Region &region : op->getRegions())
    getUsedValuesDefinedAbove(region, inputs);
  return inputs;
}

/// Hoists the filter work of `func` into a new prepare function; fails
/// when there is work to hoist and its name is taken.
static LogicalResult hoistFilters(func::FuncOp func, ModuleOp module) {
  Block &body = func.getBody().front();
  // The weights of the implicit filters; other arguments are activations or
  // weights of the per-call work.
  DenseSet<Value> weights;
  func.walk([&](ImplicitFilterOp op) {
    for (Value v : op->getOperands())
      if (isa<BlockArgument>(v))
        weights.insert(v);
  });
  // Filter ops: implicit filters and the pure ops that read a filter result
  // and otherwise only filter weights and invariants (pure ops that read
  // nothing variable: constants, tensor.empty, fills of them).
  SetVector<Operation *> hoisted;
  SmallVector<Operation *> invariants;
  DenseSet<Value> filterValues, invariantValues;
  for (Operation &op : body.without_terminator()) {
    bool isFilter = isa<ImplicitFilterOp>(op);
    if (!isFilter && !isPure(&op))
      continue;
    SetVector<Value> inputs = getInputs(&op);
    if (llvm::all_of(inputs,
                     [&](Value v) { return invariantValues.contains(v); })) {
      invariants.push_back(&op);
      invariantValues.insert(op.result_begin(), op.result_end());
      continue;
    }
    isFilter |=
        llvm::any_of(inputs,
                     [&](Value v) { return filterValues.contains(v); }) &&
        llvm::all_of(inputs, [&](Value v) {
          return filterValues.contains(v) || invariantValues.contains(v) ||
                 weights.contains(v);
        });
    if (!isFilter)
      continue;
    hoisted.insert(&op);
    filterValues.insert(op.result_begin(), op.result_end());
  }
  // Filters of constant weights stay: they are loop invariants of the
  // function, left to constant folding.
  if (hoisted.empty() || weights.empty())
    return success();
  std::string name = (func.getSymName() + "_prepare").str();
  if (SymbolTable::lookupSymbolIn(module, name))
    return func.emitError("cannot hoist the filters of '")
           << func.getSymName() << "': the module already has a symbol named '"
           << name << "'";

  SetVector<Value> exported;
  llvm::BitVector weightArgs(func.getNumArguments());
  for (Operation *op : hoisted) {
    for (Value v : getInputs(op))
      if (auto arg = dyn_cast<BlockArgument>(v))
        weightArgs.set(arg.getArgNumber());
    for (Value result : op->getResults())
      for (Operation *user : result.getUsers())
        if (!hoisted.contains(body.findAncestorOpInBlock(*user)))
          exported.insert(result);
  }

  // @f_prepare(weights read by the filters) -> exported values.
  OpBuilder b(func);
  SmallVector<Type> argTypes;
  for (unsigned i : weightArgs.set_bits())
    argTypes.push_back(func.getArgument(i).getType());
  auto prepare = func::FuncOp::create(
      b, func.getLoc(), name,
      b.getFunctionType(argTypes, ValueRange(exported.getArrayRef())));
  prepare.setVisibility(func.getVisibility());
  Block *entry = prepare.addEntryBlock();
  IRMapping mapping;
  for (auto [i, arg] : llvm::enumerate(weightArgs.set_bits()))
    mapping.map(func.getArgument(arg), entry->getArgument(i));
  b.setInsertionPointToStart(entry);
  for (Operation *op : invariants)
    b.clone(*op, mapping);
  for (Operation *op : hoisted)
    b.clone(*op, mapping);
  SmallVector<Value> results;
  for (Value v : exported)
    results.push_back(mapping.lookup(v));
  func::ReturnOp::create(b, func.getLoc(), results);
  // Invariants the filters do not read.
  SmallVector<Operation *> cloned;
  for (Operation &op : entry->without_terminator())
    cloned.push_back(&op);
  for (Operation *op : llvm::reverse(cloned))
    if (op->use_empty())
      op->erase();

  // @f takes the exported values as trailing arguments, and no longer the
  // weights only the filters read.
  for (Value v : exported) {
    unsigned index = func.getNumArguments();
    if (failed(func.insertArgument(index, v.getType(), {}, v.getLoc())))
      llvm_unreachable("appending a function argument cannot fail");
    v.replaceAllUsesWith(func.getArgument(index));
  }
  for (Operation *op : llvm::reverse(hoisted))
    op->erase();
  weightArgs.resize(func.getNumArguments());
  for (unsigned i : weightArgs.set_bits())
    if (!func.getArgument(i).use_empty())
      weightArgs.reset(i);
  if (failed(func.eraseArguments(weightArgs)))
    llvm_unreachable("erasing unused function arguments cannot fail");
  return success();
}

namespace {
struct OrchidHoistFiltersPass
    : public orchid::impl::OrchidHoistFiltersBase<OrchidHoistFiltersPass> {
  void runOnOperation() override {
    SmallVector<func::FuncOp> funcs;
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() && func.getBody().hasOneBlock())
        funcs.push_back(func);
    for (func::FuncOp func : funcs) {
      // Rewriting call sites is not supported: a called function keeps its
      // signature.
      if (!SymbolTable::symbolKnownUseEmpty(func, getOperation())) {
        func.emitWarning("not hoisting the filters of a called function");
        continue;
      }
      if (failed(hoistFilters(func, getOperation())))
        return signalPassFailure();
    }
  }
};
} // namespace
