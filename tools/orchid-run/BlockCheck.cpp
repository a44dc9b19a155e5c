//===- BlockCheck.cpp - Float64 reference of Hyena and Orchid blocks ------===//
//
// Maps the operands and attributes of the block ops onto the float64
// references in tools/lib/reference/BlockReference.h.
//
//===----------------------------------------------------------------------===//

#include "tools/orchid-run/BlockCheck.h"

#include "dialect/OrchidOps.h"
#include "tools/lib/reference/BlockReference.h"

using namespace mlir;
namespace dialect = mlir::orchid;

namespace mlir {
namespace orchid {

namespace {

using Operands = llvm::ArrayRef<std::vector<double>>;

// The operand tables of docs/weights.md, group by group;
// test/Integration/Blocks/weight-names.mlir checks that they agree.
const BlockOperand kHead[] = {{"x", "B x L x D"},
                              {"in_proj_weight", "(N+1)D x D"},
                              {"in_proj_bias", "(N+1)D"},
                              {"short_filter_weight", "(N+1)D x K"},
                              {"short_filter_bias", "(N+1)D"}};
const BlockOperand kFilter[] = {
    {"filter_w_in", "W x E"},        {"filter_b_in", "W"},
    {"filter_w_inner", "M x W x W"}, {"filter_b_inner", "M x W"},
    {"filter_freq", "(M+1) x W"},    {"filter_w_out", "(N-1)D x W"},
    {"filter_bias", "(N-1)D"}};
const BlockOperand kSpectral[] = {
    {"conv1_w", "D x K"},  {"conv1_b", "D"},  {"ln1_g", "D"},  {"ln1_b", "D"},
    {"conv2_w", "2C x K"}, {"conv2_b", "2C"}, {"ln2_g", "2C"}, {"ln2_b", "2C"}};
const BlockOperand kCorrelation[] = {
    {"convk_w", "D x K"}, {"convk_b", "D"},     {"lnk_g", "D"},
    {"lnk_b", "D"},       {"convq_w", "D x K"}, {"convq_b", "D"},
    {"lnq_g", "D"},       {"lnq_b", "D"},       {"conv3_w", "2C x 2 x K"},
    {"conv3_b", "2C"},    {"ln3_g", "2C"},      {"ln3_b", "2C"}};
const BlockOperand kResidual[] = {{"residual_w_in", "W x E"},
                                  {"residual_b_in", "W"},
                                  {"residual_w_inner", "M x W x W"},
                                  {"residual_b_inner", "M x W"},
                                  {"residual_freq", "(M+1) x W"},
                                  {"residual_w_out", "D x W"},
                                  {"residual_bias", "D"}};
const BlockOperand kFilterZ[] = {{"filter_z", "l_max x E"}};
const BlockOperand kFilterDeltas[] = {{"filter_deltas", "(N-1)D"}};
const BlockOperand kFilterReverse[] = {
    {"filter_rev_w_in", "W x E"},        {"filter_rev_b_in", "W"},
    {"filter_rev_w_inner", "M x W x W"}, {"filter_rev_b_inner", "M x W"},
    {"filter_rev_freq", "(M+1) x W"},    {"filter_rev_w_out", "(N-1)D x W"}};
const BlockOperand kResidualZ[] = {{"residual_z", "l_max x E"}};
const BlockOperand kResidualDeltas[] = {{"residual_deltas", "D"}};
const BlockOperand kResidualReverse[] = {
    {"residual_rev_w_in", "W x E"},        {"residual_rev_b_in", "W"},
    {"residual_rev_w_inner", "M x W x W"}, {"residual_rev_b_inner", "M x W"},
    {"residual_rev_freq", "(M+1) x W"},    {"residual_rev_w_out", "D x W"}};
const BlockOperand kOut[] = {{"out_proj_weight", "D x D"},
                             {"out_proj_bias", "D"}};

/// The documented operands of a block op, in operand order. The verifier
/// fixes the size of each group.
std::vector<BlockOperand> getBlockOperands(Operation *op) {
  SmallVector<llvm::ArrayRef<BlockOperand>> groups = {kHead, kFilter};
  if (auto block = dyn_cast<dialect::HyenaOp>(op)) {
    groups.push_back(kOut);
    if (block.getFilterZ())
      groups.push_back(kFilterZ);
    if (block.getFilterDeltas())
      groups.push_back(kFilterDeltas);
  }
  if (auto block = dyn_cast<dialect::OrchidOp>(op)) {
    if (block.getFilterZ())
      groups.push_back(kFilterZ);
    if (block.getFilterDeltas())
      groups.push_back(kFilterDeltas);
    if (!block.getFilterReverse().empty())
      groups.push_back(kFilterReverse);
    if (block.getCondition() == dialect::ConditionKind::spectral)
      groups.push_back(kSpectral);
    else
      groups.push_back(kCorrelation);
    if (!block.getResidualWeights().empty())
      groups.push_back(kResidual);
    if (block.getResidualZ())
      groups.push_back(kResidualZ);
    if (block.getResidualDeltas())
      groups.push_back(kResidualDeltas);
    if (!block.getResidualReverse().empty())
      groups.push_back(kResidualReverse);
    groups.push_back(kOut);
  }
  std::vector<BlockOperand> operands;
  for (llvm::ArrayRef<BlockOperand> group : groups)
    for (const BlockOperand &operand : group)
      operands.push_back(operand);
  assert(operands.size() == op->getNumOperands() && "unverified block op");
  return operands;
}

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
  config.modulate = attr.getModulate();
  config.bias = attr.getBias();
  config.wMod = attr.getWMod().convertToDouble();
  switch (attr.getGrid()) {
  case dialect::GridPolicy::reject:
    config.grid = ref::GridPolicy::Reject;
    break;
  case dialect::GridPolicy::extrapolate:
    config.grid = ref::GridPolicy::Extrapolate;
    break;
  case dialect::GridPolicy::zero_pad:
    config.grid = ref::GridPolicy::ZeroPad;
    break;
  }
  return config;
}

/// The data of the operand `value` of `op` (empty for a null value).
std::vector<double> operandValue(Operation *op, Operands operands,
                                 Value value) {
  if (!value)
    return {};
  for (OpOperand &use : op->getOpOperands())
    if (use.get() == value)
      return operands[use.getOperandNumber()];
  return {};
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

/// Projections, short filter, the static filter (weights at `filter`, its
/// bias right after them) and the output projection (at `out`).
ref::BlockWeights blockWeights(Operation *op, Operands operands,
                               unsigned filter, unsigned out) {
  ref::BlockWeights w;
  w.inProjWeight = operands[1];
  w.inProjBias = operands[2];
  w.shortFilterWeight = operands[3];
  w.shortFilterBias = operands[4];
  w.shortFilterSize = dimOf(op->getOperand(3), 1);
  w.filter = filterWeights(op, operands, filter);
  w.filterBias = operands[filter + 6];
  w.outProjWeight = operands[out];
  w.outProjBias = operands[out + 1];
  return w;
}

} // namespace

llvm::Expected<std::vector<BlockOperand>> getBlockArguments(func::FuncOp func) {
  Block &body = func.getBody().front();
  Operation *op = &body.front();
  if (body.getOperations().size() != 2 ||
      !isa<dialect::HyenaOp, dialect::OrchidOp>(op))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "'" + func.getName() +
            "' is not a block: its body must be a single orchid.hyena or "
            "orchid.orchid op");
  std::vector<BlockOperand> documented = getBlockOperands(op);
  std::vector<BlockOperand> args(func.getNumArguments());
  for (OpOperand &use : llvm::reverse(op->getOpOperands()))
    if (auto arg = dyn_cast<BlockArgument>(use.get()))
      args[arg.getArgNumber()] = documented[use.getOperandNumber()];
  for (auto [i, arg] : llvm::enumerate(args))
    if (arg.name.empty())
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "argument " + llvm::Twine(i) + " of '" + func.getName() +
              "' is not an operand of its " + op->getName().getStringRef());
  return args;
}

llvm::Expected<std::vector<double>> evaluateBlockReference(Operation *op,
                                                           Operands operands) {
  Value input = op->getOperand(0);
  int64_t batch = dimOf(input, 0), len = dimOf(input, 1),
          channels = dimOf(input, 2);
  if (auto hyena = dyn_cast<dialect::HyenaOp>(op)) {
    ref::BlockWeights w = blockWeights(op, operands, 5, 12);
    w.filter.z = operandValue(op, operands, hyena.getFilterZ());
    w.filter.deltas = operandValue(op, operands, hyena.getFilterDeltas());
    return ref::hyenaBlock(operands[0], batch, len, channels, hyena.getOrder(),
                           w, toRef(hyena.getFilter()));
  }

  auto block = dyn_cast<dialect::OrchidOp>(op);
  if (!block)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a Hyena or Orchid block");
  unsigned filter = block.getFilterWeights().getBeginOperandIndex();
  unsigned condition = block.getConditionWeights().getBeginOperandIndex();
  unsigned residual = block.getResidualWeights().getBeginOperandIndex();
  ref::OrchidWeights w;
  static_cast<ref::BlockWeights &>(w) =
      blockWeights(op, operands, filter, op->getNumOperands() - 2);
  w.filter.z = operandValue(op, operands, block.getFilterZ());
  w.filter.deltas = operandValue(op, operands, block.getFilterDeltas());
  if (!block.getFilterReverse().empty()) {
    w.filterReverse = filterWeights(
        op, operands, block.getFilterReverse().getBeginOperandIndex());
    w.filterReverse.z = w.filter.z;
    w.filterReverse.deltas = w.filter.deltas;
  }
  w.condition.kind = block.getCondition() == dialect::ConditionKind::spectral
                         ? ref::ConditionKind::Spectral
                         : ref::ConditionKind::Correlation;
  w.condition.kernelSize =
      cast<RankedTensorType>(op->getOperand(condition).getType())
          .getShape()
          .back();
  w.condition.tensors.assign(operands.begin() + condition,
                             operands.begin() + condition +
                                 block.getConditionWeights().size());
  ref::FilterConfig residualConfig = toRef(block.getFilter());
  if (!block.getResidualWeights().empty()) {
    w.hasResidual = true;
    w.residualFilter = filterWeights(op, operands, residual);
    w.residualFilter.z = operandValue(op, operands, block.getResidualZ());
    w.residualFilter.deltas =
        operandValue(op, operands, block.getResidualDeltas());
    w.residualBias = operands[residual + 6];
    if (!block.getResidualReverse().empty()) {
      w.residualReverse = filterWeights(
          op, operands, block.getResidualReverse().getBeginOperandIndex());
      w.residualReverse.z = w.residualFilter.z;
      w.residualReverse.deltas = w.residualFilter.deltas;
    }
    if (auto attr = block.getResidualFilterAttr())
      residualConfig = toRef(attr);
  }
  ref::OrchidOptions options;
  options.mode = block.getMode() == dialect::ConvMode::causal
                     ? ref::ConvMode::Causal
                 : block.getMode() == dialect::ConvMode::bidirectional
                     ? ref::ConvMode::Bidirectional
                     : ref::ConvMode::Circular;
  options.causalCondition = block.getCausalCondition();
  options.alphaAdapt = block.getAlphaAdapt().convertToDouble();
  options.eps = block.getEps().convertToDouble();
  return ref::orchidBlock(operands[0], batch, len, channels, block.getOrder(),
                          options, w, toRef(block.getFilter()), residualConfig);
}

} // namespace orchid
} // namespace mlir
