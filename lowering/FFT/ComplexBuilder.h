//===- ComplexBuilder.h - Complex arithmetic over arith ---------*- C++ -*-===//
//
// Complex values as pairs of real values (split real and imaginary parts)
// and the straight-line small DFTs of the FFT butterflies, built from arith
// ops on one element type: `f32` for the GPU's scalar threads,
// `vector<16xf32>` for the CPU's 16 lanes. Both targets thus emit the same
// arithmetic; only their loads, stores and loops differ.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_LOWERING_FFT_COMPLEXBUILDER_H
#define ORCHID_LOWERING_FFT_COMPLEXBUILDER_H

#include "lowering/FFT/Tables.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"

namespace mlir {
namespace orchid {
namespace fft {

/// A complex value as its real and imaginary parts.
struct Complex {
  Value re, im;
};

/// Emits complex arithmetic on values of `type` (f32 or a vector of f32) at
/// the insertion point of `b`, every float op with `flags`.
class ComplexBuilder {
public:
  ComplexBuilder(OpBuilder &b, Location loc, Type type,
                 arith::FastMathFlags flags = arith::FastMathFlags::none)
      : b(b), loc(loc), type(type), flags(flags) {}

  Type getType() const { return type; }

  /// `v` as a constant of the element type (a splat for vectors).
  Value constant(double v);
  /// `scalar` (f32) as a value of the element type.
  Value broadcast(Value scalar);

  Value add(Value x, Value y);
  Value sub(Value x, Value y);
  Value mul(Value x, Value y);
  Value neg(Value x);

  Complex add(Complex x, Complex y) {
    return {add(x.re, y.re), add(x.im, y.im)};
  }
  Complex sub(Complex x, Complex y) {
    return {sub(x.re, y.re), sub(x.im, y.im)};
  }
  Complex mul(Complex x, Complex y) {
    return {sub(mul(x.re, y.re), mul(x.im, y.im)),
            add(mul(x.re, y.im), mul(x.im, y.re))};
  }
  Complex conj(Complex x) { return {x.re, neg(x.im)}; }
  /// i x.
  Complex timesI(Complex x) { return {neg(x.im), x.re}; }
  /// x * s for a real constant s.
  Complex scale(Complex x, double s);
  /// x * c, without multiplications by 0 or +-1.
  Complex mulConst(Complex x, CDouble c);

  /// Entry `index` of `table`, broadcast to the element type.
  Complex load(const Table &table, Value index);

  /// Straight-line DFT of v.size() points with exponent sign `sign`:
  /// radix-2 splits for even sizes, the symmetric (j, r - j) form for odd
  /// primes; constant coefficients of 0 and +-1 cost nothing.
  SmallVector<Complex> dft(ArrayRef<Complex> v, int sign);

private:
  OpBuilder &b;
  Location loc;
  Type type;
  arith::FastMathFlags flags;
};

} // namespace fft
} // namespace orchid
} // namespace mlir

#endif // ORCHID_LOWERING_FFT_COMPLEXBUILDER_H
