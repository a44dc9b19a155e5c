//===- TensorBuilders.h - Tensor-level building blocks ----------*- C++ -*-===//
//
// Small builders shared by the decomposition and expansion passes: every
// block is written once here (a linear layer, an elementwise map, a
// reduction, a LayerNorm, reshapes, a real FFT) so that the passes read as
// the equations they implement. All shapes are static.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_PASSES_TENSORBUILDERS_H
#define ORCHID_PASSES_TENSORBUILDERS_H

#include "dialect/OrchidOps.h"

#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace mlir {
namespace orchid {

/// An operand of an elementwise map or reduction: axis `i` of `value` is
/// indexed by loop dimension `dims[i]`. Empty `dims` means the identity
/// (the value has the rank of the iteration space).
struct MapOperand {
  MapOperand(Value value) : value(value) {}
  MapOperand(Value value, ArrayRef<unsigned> dims) : value(value), dims(dims) {}
  Value value;
  SmallVector<unsigned> dims;
};

/// Computes one scalar from the scalars of the operands.
using ScalarFn = function_ref<Value(OpBuilder &, Location, ValueRange)>;

RankedTensorType getTensorType(Value value);

/// Returns an f32 (or the given float type) scalar constant.
Value buildScalar(OpBuilder &b, Location loc, Type type, double value);

/// Returns a dense constant tensor of `shape` from double-precision values.
Value buildConstant(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                    Type elementType, ArrayRef<double> values);

/// A `linalg.fill` of a new tensor with `value`.
Value buildFilled(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                  Type elementType, double value);

/// A parallel `linalg.generic` over the iteration space `shape` whose
/// result element `fn(operands...)` has type `elementType`.
Value buildMap(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
               Type elementType, ArrayRef<MapOperand> operands, ScalarFn fn);

/// Sums `fn(operands...)` over loop dimension `dim` of the iteration space
/// `shape`; the result has `shape` without `dim`.
Value buildSum(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
               unsigned dim, ArrayRef<MapOperand> operands, ScalarFn fn);

/// `linalg.transpose` of `value` by `perm`.
Value buildTranspose(OpBuilder &b, Location loc, Value value,
                     ArrayRef<int64_t> perm);

/// A linear layer in PyTorch's layout on a `M x K` input: `x W^T (+ bias)`
/// with `weight` `N x K` and `bias` `N` (or null), as `linalg.matmul`.
Value buildLinear(OpBuilder &b, Location loc, Value x, Value weight,
                  Value bias);

/// LayerNorm over axis `dim` of `x` (biased variance, as PyTorch), with
/// per-channel `gamma` and `beta` along that axis.
Value buildLayerNorm(OpBuilder &b, Location loc, Value x, unsigned dim,
                     Value gamma, Value beta, double eps);

/// `tensor.expand_shape` / `tensor.collapse_shape` to `shape`, grouping
/// axes as `reassociation` says.
Value buildExpand(OpBuilder &b, Location loc, Value value,
                  ArrayRef<int64_t> shape,
                  ArrayRef<ReassociationIndices> reassociation);
Value buildCollapse(OpBuilder &b, Location loc, Value value,
                    ArrayRef<ReassociationIndices> reassociation);

/// The slice `[offset, offset + size)` of axis `dim`; with `dropDim` the
/// axis (of size 1) is removed from the result.
Value buildSlice(OpBuilder &b, Location loc, Value value, unsigned dim,
                 int64_t offset, int64_t size, bool dropDim = false);

/// Concatenates `values`, equally shaped but along axis `dim`, along that
/// axis by inserting them into a new tensor (the form bufferization handles
/// directly).
Value buildConcat(OpBuilder &b, Location loc, ArrayRef<Value> values,
                  unsigned dim);

/// Extends axis `dim` of `value` to `size` with trailing zeros.
Value buildZeroExtend(OpBuilder &b, Location loc, Value value, unsigned dim,
                      int64_t size);

/// Reverses axis `dim` of `value`.
Value buildReverse(OpBuilder &b, Location loc, Value value, unsigned dim);

/// Element-wise `a + b`, `a * b` (real or complex) over the iteration space
/// of `lhs`, which `rhs` may broadcast into.
Value buildAdd(OpBuilder &b, Location loc, Value lhs, MapOperand rhs);
Value buildMul(OpBuilder &b, Location loc, Value lhs, MapOperand rhs);

/// `re + i im` from two real tensors of one shape.
Value buildComplex(OpBuilder &b, Location loc, Value re, Value im);

/// The real or imaginary part of a complex tensor.
Value buildRealPart(OpBuilder &b, Location loc, Value value, bool imaginary);

/// `orchid.rfft` of `x` along its innermost axis on `n` points.
Value buildRFFT(OpBuilder &b, Location loc, Value x, int64_t n, FFTNorm norm);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_PASSES_TENSORBUILDERS_H
