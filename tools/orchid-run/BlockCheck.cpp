//===- BlockCheck.cpp - Float64 reference of Hyena and Orchid blocks ------===//
//
// Maps the operands and attributes of the block ops onto the float64
// references in runtime/reference/BlockReference.h.
//
//===----------------------------------------------------------------------===//

#include "tools/orchid-run/BlockCheck.h"

#include "dialect/OrchidOps.h"
#include "runtime/reference/BlockReference.h"

using namespace mlir;
namespace dialect = mlir::orchid;

namespace orchid {

namespace {

using Operands = llvm::ArrayRef<std::vector<double>>;

int64_t dimOf(Value v, unsigned i) {
  return cast<RankedTensorType>(v.getType()).getDimSize(i);
}

ref::FilterConfig toRef(dialect::FilterConfigAttr attr) {
  ref::FilterConfig config;
  config.lMax = attr.getLMax();
  config.shift = attr.getShift().convertToDouble();
  config.target = attr.getTarget().convertToDouble();
  config.fastDecayPct = attr.getFastDecayPct().convertToDouble();
  config.slowDecayPct = attr.getSlowDecayPct().convertToDouble();
  switch (attr.getNormalize()) {
  case dialect::FilterNorm::none:
    config.normalize = ref::FilterNorm::None;
    break;
  case dialect::FilterNorm::before_modulation:
    config.normalize = ref::FilterNorm::BeforeModulation;
    break;
  case dialect::FilterNorm::after_modulation:
    config.normalize = ref::FilterNorm::AfterModulation;
    break;
  }
  config.extrapolate = attr.getGrid() == dialect::GridPolicy::extrapolate;
  return config;
}

/// The six FFN weights of an implicit filter, starting at operand `first`.
ref::FilterWeights filterWeights(Operation *op, Operands operands,
                                 unsigned first) {
  ref::FilterWeights w;
  w.width = dimOf(op->getOperand(first), 0);
  w.embDim = dimOf(op->getOperand(first), 1);
  w.numInner = dimOf(op->getOperand(first + 2), 0);
  w.numFeatures = dimOf(op->getOperand(first + 5), 0);
  w.wIn = operands[first];
  w.bIn = operands[first + 1];
  w.wInner = operands[first + 2];
  w.bInner = operands[first + 3];
  w.freq = operands[first + 4];
  w.wOut = operands[first + 5];
  return w;
}

/// Projections, short filter and the static filter (weights at `filter`,
/// its bias right after them).
ref::BlockWeights blockWeights(Operation *op, Operands operands,
                               unsigned filter) {
  ref::BlockWeights w;
  w.inProjWeight = operands[1];
  w.inProjBias = operands[2];
  w.shortFilterWeight = operands[3];
  w.shortFilterBias = operands[4];
  w.shortFilterSize = dimOf(op->getOperand(3), 1);
  w.filter = filterWeights(op, operands, filter);
  w.filterBias = operands[filter + 6];
  unsigned out = op->getNumOperands() - 2;
  w.outProjWeight = operands[out];
  w.outProjBias = operands[out + 1];
  return w;
}

} // namespace

llvm::Expected<std::vector<double>> evaluateBlockReference(Operation *op,
                                                           Operands operands) {
  Value input = op->getOperand(0);
  int64_t batch = dimOf(input, 0), len = dimOf(input, 1),
          channels = dimOf(input, 2);
  if (auto hyena = dyn_cast<dialect::HyenaOp>(op))
    return ref::hyenaBlock(operands[0], batch, len, channels, hyena.getOrder(),
                           blockWeights(op, operands, 5),
                           toRef(hyena.getFilter()));

  auto block = dyn_cast<dialect::OrchidOp>(op);
  if (!block)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a Hyena or Orchid block");
  unsigned filter = block.getFilterWeights().getBeginOperandIndex();
  unsigned condition = block.getConditionWeights().getBeginOperandIndex();
  unsigned residual = block.getResidualWeights().getBeginOperandIndex();
  ref::OrchidWeights w;
  static_cast<ref::BlockWeights &>(w) = blockWeights(op, operands, filter);
  w.condition.kind = block.getCondition() == dialect::ConditionKind::spectral
                         ? ref::ConditionKind::Spectral
                         : ref::ConditionKind::Correlation;
  w.condition.kernelSize = dimOf(op->getOperand(condition), 1);
  w.condition.tensors.assign(operands.begin() + condition,
                             operands.begin() + residual);
  ref::FilterConfig residualConfig = toRef(block.getFilter());
  if (!block.getResidualWeights().empty()) {
    w.hasResidual = true;
    w.residualFilter = filterWeights(op, operands, residual);
    w.residualBias = operands[residual + 6];
    if (auto attr = block.getResidualFilterAttr())
      residualConfig = toRef(attr);
  }
  ref::ConvMode mode = block.getMode() == dialect::ConvMode::causal
                           ? ref::ConvMode::Causal
                       : block.getMode() == dialect::ConvMode::bidirectional
                           ? ref::ConvMode::Bidirectional
                           : ref::ConvMode::Circular;
  return ref::orchidBlock(operands[0], batch, len, channels, block.getOrder(),
                          mode, w, toRef(block.getFilter()), residualConfig,
                          block.getEps().convertToDouble());
}

} // namespace orchid
