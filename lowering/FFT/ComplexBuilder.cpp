//===- ComplexBuilder.cpp - Complex arithmetic over arith -----------------===//

#include "lowering/FFT/ComplexBuilder.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::fft;

Value ComplexBuilder::constant(double v) {
  if (auto vecType = dyn_cast<VectorType>(type))
    return arith::ConstantOp::create(b, loc,
                                     DenseElementsAttr::get(vecType, float(v)));
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(v));
}

Value ComplexBuilder::broadcast(Value scalar) {
  if (isa<VectorType>(type))
    return vector::BroadcastOp::create(b, loc, type, scalar);
  return scalar;
}

Value ComplexBuilder::add(Value x, Value y) {
  return arith::AddFOp::create(b, loc, x, y, flags);
}
Value ComplexBuilder::sub(Value x, Value y) {
  return arith::SubFOp::create(b, loc, x, y, flags);
}
Value ComplexBuilder::mul(Value x, Value y) {
  return arith::MulFOp::create(b, loc, x, y, flags);
}
Value ComplexBuilder::neg(Value x) {
  return arith::NegFOp::create(b, loc, x, flags);
}

Complex ComplexBuilder::scale(Complex x, double s) {
  Value f = constant(s);
  return {mul(x.re, f), mul(x.im, f)};
}

Complex ComplexBuilder::mulConst(Complex x, CDouble c) {
  if (c == CDouble(1, 0))
    return x;
  if (c == CDouble(-1, 0))
    return {neg(x.re), neg(x.im)};
  if (c == CDouble(0, 1))
    return {neg(x.im), x.re};
  if (c == CDouble(0, -1))
    return {x.im, neg(x.re)};
  return mul(x, {constant(c.real()), constant(c.imag())});
}

Complex ComplexBuilder::load(const Table &table, Value index) {
  Value re = memref::LoadOp::create(b, loc, table.re, index);
  Value im = memref::LoadOp::create(b, loc, table.im, index);
  return {broadcast(re), broadcast(im)};
}

SmallVector<Complex> ComplexBuilder::dft(ArrayRef<Complex> v, int sign) {
  int64_t r = v.size();
  if (r == 1)
    return SmallVector<Complex>(v);
  SmallVector<Complex> out(r);
  if (r % 2 == 0) {
    SmallVector<Complex> evens, odds;
    for (int64_t j = 0; j < r; j += 2) {
      evens.push_back(v[j]);
      odds.push_back(v[j + 1]);
    }
    SmallVector<Complex> e = dft(evens, sign), o = dft(odds, sign);
    for (int64_t k = 0; k < r / 2; ++k) {
      Complex t = mulConst(o[k], unitRoot(k, r, sign));
      out[k] = add(e[k], t);
      out[k + r / 2] = sub(e[k], t);
    }
    return out;
  }
  // X[k] = A + sign i B and X[r - k] = A - sign i B, with
  // A = v0 + sum_j cos(2 pi j k / r) (v_j + v_{r-j}) and
  // B = sum_j sin(2 pi j k / r) (v_j - v_{r-j}).
  int64_t half = (r - 1) / 2;
  SmallVector<Complex> sums, diffs;
  Complex total = v[0];
  for (int64_t j = 1; j <= half; ++j) {
    sums.push_back(add(v[j], v[r - j]));
    diffs.push_back(sub(v[j], v[r - j]));
    total = add(total, sums.back());
  }
  out[0] = total;
  for (int64_t k = 1; k <= half; ++k) {
    Complex a = v[0];
    Value bRe, bIm;
    for (int64_t j = 1; j <= half; ++j) {
      double angle = 2 * llvm::numbers::pi * double(j * k % r) / double(r);
      Value c = constant(std::cos(angle)), s = constant(std::sin(angle));
      a = add(a, {mul(sums[j - 1].re, c), mul(sums[j - 1].im, c)});
      Value tRe = mul(diffs[j - 1].re, s), tIm = mul(diffs[j - 1].im, s);
      bRe = bRe ? add(bRe, tRe) : tRe;
      bIm = bIm ? add(bIm, tIm) : tIm;
    }
    Complex ib = sign < 0 ? Complex{bIm, neg(bRe)} : Complex{neg(bIm), bRe};
    out[k] = add(a, ib);
    out[r - k] = sub(a, ib);
  }
  return out;
}
