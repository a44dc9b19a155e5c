//===- Check.cpp - Float64 reference of a function ------------------------===//

#include "tools/orchid-run/Check.h"

#include "dialect/OrchidOps.h"
#include "tools/lib/reference/Reference.h"
#include "tools/orchid-run/BlockCheck.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
namespace dialect = mlir::orchid;

namespace mlir {
namespace orchid {

namespace {

llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

std::vector<double> toReal(const NpyArray &a) {
  std::vector<double> v(a.getNumElements());
  for (size_t i = 0; i < v.size(); ++i)
    v[i] = a.dtype == DType::F64 ? a.as<double>()[i] : a.as<float>()[i];
  return v;
}

std::vector<ref::Complex> toComplex(const NpyArray &a) {
  std::vector<ref::Complex> v(a.getNumElements());
  for (size_t i = 0; i < v.size(); ++i)
    v[i] = a.as<std::complex<float>>()[i];
  return v;
}

ReferenceCheck realCheck(std::vector<double> expected) {
  return [expected = std::move(expected)](const NpyArray &out) {
    return ref::relativeL2Error(toReal(out), expected);
  };
}

ReferenceCheck complexCheck(std::vector<ref::Complex> expected) {
  return [expected = std::move(expected)](const NpyArray &out) {
    return ref::relativeL2Error(toComplex(out), expected);
  };
}

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getShape();
}

/// Product of all but the innermost size.
int64_t rows(Value v) {
  int64_t r = 1;
  for (int64_t d : shapeOf(v).drop_back())
    r *= d;
  return r;
}

ref::Norm toRef(dialect::FFTNorm norm) {
  return norm == dialect::FFTNorm::forward ? ref::Norm::Forward
                                           : ref::Norm::Backward;
}

} // namespace

llvm::Expected<ReferenceCheck>
prepareReferenceCheck(func::FuncOp func, ArrayRef<NpyArray> inputs) {
  Block &body = func.getBody().front();
  auto ret = dyn_cast<func::ReturnOp>(body.getTerminator());
  Operation *op = &body.front();
  if (body.getOperations().size() != 2 || !ret || ret.getNumOperands() != 1 ||
      ret.getOperand(0).getDefiningOp() != op)
    return makeError("--check=reference needs a function whose body is a "
                     "single orchid primitive whose result is returned");
  // Each operand must be an argument so that its value is known.
  std::vector<const NpyArray *> args;
  for (Value operand : op->getOperands()) {
    auto arg = dyn_cast<BlockArgument>(operand);
    if (!arg)
      return makeError("--check=reference: operands of '" +
                       op->getName().getStringRef() +
                       "' must be function arguments");
    args.push_back(&inputs[arg.getArgNumber()]);
  }

  if (auto rfft = dyn_cast<dialect::RFFTOp>(op)) {
    Value in = rfft.getInput();
    return complexCheck(ref::rfft(toReal(*args[0]), rows(in),
                                  shapeOf(in).back(), rfft.getN(),
                                  toRef(rfft.getNorm())));
  }
  if (auto irfft = dyn_cast<dialect::IRFFTOp>(op)) {
    Value in = irfft.getInput();
    return realCheck(ref::irfft(
        toComplex(*args[0]), rows(in), shapeOf(in).back(), irfft.getN(),
        shapeOf(irfft.getOutput()).back(), toRef(irfft.getNorm())));
  }
  if (auto conv = dyn_cast<dialect::FFTConvOp>(op)) {
    ArrayRef<int64_t> u = shapeOf(conv.getInput());
    ArrayRef<int64_t> k = shapeOf(conv.getKernel());
    if (u.size() != 3)
      return makeError("--check=reference: expected a B x D x L input");
    ref::ConvMode mode = conv.getMode() == dialect::ConvMode::causal
                             ? ref::ConvMode::Causal
                         : conv.getMode() == dialect::ConvMode::bidirectional
                             ? ref::ConvMode::Bidirectional
                             : ref::ConvMode::Circular;
    return realCheck(ref::fftconv(
        toReal(*args[0]), toReal(*args[1]), toReal(*args[2]), u[0], u[1], u[2],
        k.back(), mode, conv.getScale().convertToDouble(), k.size() == 3));
  }
  if (auto conv = dyn_cast<dialect::SpectralConvOp>(op)) {
    ArrayRef<int64_t> u = shapeOf(conv.getInput());
    if (u.size() != 3)
      return makeError("--check=reference: expected a B x D x L input");
    return realCheck(ref::spectralConv(
        toReal(*args[0]), toComplex(*args[1]), toReal(*args[2]), u[0], u[1],
        u[2], conv.getN(), conv.getWrap(),
        shapeOf(conv.getSpectrum()).size() == 3));
  }
  if (auto conv = dyn_cast<dialect::ShortConvOp>(op)) {
    ArrayRef<int64_t> x = shapeOf(conv.getInput());
    if (x.size() != 3)
      return makeError("--check=reference: expected a B x C x L input");
    ref::Padding padding = conv.getPadding() == dialect::Padding::causal
                               ? ref::Padding::Causal
                               : ref::Padding::Centered;
    return realCheck(ref::shortConv(toReal(*args[0]), toReal(*args[1]),
                                    toReal(*args[2]), x[0], x[1], x[2],
                                    shapeOf(conv.getWeight()).back(), padding));
  }
  if (isa<dialect::HyenaOp, dialect::OrchidOp>(op)) {
    std::vector<std::vector<double>> operands;
    for (const NpyArray *arg : args)
      operands.push_back(toReal(*arg));
    llvm::Expected<std::vector<double>> expected =
        evaluateBlockReference(op, operands);
    if (!expected)
      return expected.takeError();
    return realCheck(std::move(*expected));
  }
  return makeError("--check=reference: no float64 reference for '" +
                   op->getName().getStringRef() + "'");
}

} // namespace orchid
} // namespace mlir
