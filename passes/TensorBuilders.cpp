//===- TensorBuilders.cpp - Tensor-level building blocks ------------------===//

#include "passes/TensorBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::orchid;

RankedTensorType mlir::orchid::getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

Value mlir::orchid::buildScalar(OpBuilder &b, Location loc, Type type,
                                double value) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

Value mlir::orchid::buildConstant(OpBuilder &b, Location loc,
                                  ArrayRef<int64_t> shape, Type elementType,
                                  ArrayRef<double> values) {
  auto type = RankedTensorType::get(shape, elementType);
  SmallVector<APFloat> elements;
  elements.reserve(values.size());
  auto &semantics = cast<FloatType>(elementType).getFloatSemantics();
  for (double v : values) {
    APFloat f(v);
    bool losesInfo;
    f.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
    elements.push_back(f);
  }
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, elements));
}

Value mlir::orchid::buildFilled(OpBuilder &b, Location loc,
                                ArrayRef<int64_t> shape, Type elementType,
                                double value) {
  Value init = tensor::EmptyOp::create(b, loc, shape, elementType);
  Value scalar = buildScalar(b, loc, elementType, value);
  return linalg::FillOp::create(b, loc, scalar, init).getResult(0);
}

/// The indexing maps of `operands` in an iteration space of rank `rank`.
static SmallVector<AffineMap> getOperandMaps(MLIRContext *ctx, unsigned rank,
                                             ArrayRef<MapOperand> operands) {
  SmallVector<AffineMap> maps;
  for (const MapOperand &operand : operands) {
    if (operand.dims.empty()) {
      maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
      continue;
    }
    SmallVector<AffineExpr> exprs;
    for (unsigned d : operand.dims)
      exprs.push_back(getAffineDimExpr(d, ctx));
    maps.push_back(AffineMap::get(rank, 0, exprs, ctx));
  }
  return maps;
}

Value mlir::orchid::buildMap(OpBuilder &b, Location loc,
                             ArrayRef<int64_t> shape, Type elementType,
                             ArrayRef<MapOperand> operands, ScalarFn fn) {
  unsigned rank = shape.size();
  SmallVector<AffineMap> maps = getOperandMaps(b.getContext(), rank, operands);
  maps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<Value> inputs;
  for (const MapOperand &operand : operands)
    inputs.push_back(operand.value);
  Value init = tensor::EmptyOp::create(b, loc, shape, elementType);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        linalg::YieldOp::create(nb, nloc, fn(nb, nloc, args.drop_back()));
      });
  return generic.getResult(0);
}

Value mlir::orchid::buildSum(OpBuilder &b, Location loc,
                             ArrayRef<int64_t> shape, unsigned dim,
                             ArrayRef<MapOperand> operands, ScalarFn fn) {
  unsigned rank = shape.size();
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = getOperandMaps(ctx, rank, operands);
  SmallVector<AffineExpr> outExprs;
  SmallVector<int64_t> outShape;
  for (unsigned d = 0; d < rank; ++d) {
    if (d == dim)
      continue;
    outExprs.push_back(getAffineDimExpr(d, ctx));
    outShape.push_back(shape[d]);
  }
  maps.push_back(AffineMap::get(rank, 0, outExprs, ctx));
  SmallVector<Value> inputs;
  for (const MapOperand &operand : operands)
    inputs.push_back(operand.value);
  Type elementType = getTensorType(inputs.front()).getElementType();
  Value init = buildFilled(b, loc, outShape, elementType, 0.0);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators[dim] = utils::IteratorType::reduction;
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value term = fn(nb, nloc, args.drop_back());
        linalg::YieldOp::create(
            nb, nloc,
            ValueRange{arith::AddFOp::create(nb, nloc, args.back(), term)});
      });
  return generic.getResult(0);
}

Value mlir::orchid::buildTranspose(OpBuilder &b, Location loc, Value value,
                                   ArrayRef<int64_t> perm) {
  RankedTensorType type = getTensorType(value);
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(type.getDimSize(p));
  Value init = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
  return linalg::TransposeOp::create(b, loc, value, init, perm).getResult()[0];
}

Value mlir::orchid::buildLinear(OpBuilder &b, Location loc, Value x,
                                Value weight, Value bias) {
  RankedTensorType xType = getTensorType(x);
  RankedTensorType wType = getTensorType(weight);
  int64_t rows = xType.getDimSize(0), cols = wType.getDimSize(0);
  Type elementType = xType.getElementType();
  Value weightT = buildTranspose(b, loc, weight, {1, 0});
  Value acc = buildFilled(b, loc, {rows, cols}, elementType, 0.0);
  Value y = linalg::MatmulOp::create(b, loc, TypeRange{acc.getType()},
                                     ValueRange{x, weightT}, ValueRange{acc})
                .getResult(0);
  if (!bias)
    return y;
  return buildMap(b, loc, {rows, cols}, elementType, {{y}, {bias, {1}}},
                  [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                    return arith::AddFOp::create(nb, nloc, args[0], args[1]);
                  });
}

Value mlir::orchid::buildLayerNorm(OpBuilder &b, Location loc, Value x,
                                   unsigned dim, Value gamma, Value beta,
                                   double eps) {
  RankedTensorType type = getTensorType(x);
  ArrayRef<int64_t> shape = type.getShape();
  Type elementType = type.getElementType();
  SmallVector<unsigned> reducedDims;
  for (unsigned d = 0; d < shape.size(); ++d)
    if (d != dim)
      reducedDims.push_back(d);
  Value invCount = buildScalar(b, loc, elementType, 1.0 / shape[dim]);
  auto identity = [](OpBuilder &, Location, ValueRange args) -> Value {
    return args[0];
  };
  Value sum = buildSum(b, loc, shape, dim, {{x}}, identity);
  // Centre first and sum squares of the centred values: more accurate than
  // E[x^2] - E[x]^2 in single precision.
  Value centred =
      buildMap(b, loc, shape, elementType, {{x}, {sum, reducedDims}},
               [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                 Value mean =
                     arith::MulFOp::create(nb, nloc, args[1], invCount);
                 return arith::SubFOp::create(nb, nloc, args[0], mean);
               });
  Value sumSq = buildSum(
      b, loc, shape, dim, {{centred}},
      [](OpBuilder &nb, Location nloc, ValueRange args) {
        return arith::MulFOp::create(nb, nloc, args[0], args[0]).getResult();
      });
  Value epsilon = buildScalar(b, loc, elementType, eps);
  return buildMap(
      b, loc, shape, elementType,
      {{centred}, {sumSq, reducedDims}, {gamma, {dim}}, {beta, {dim}}},
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value var = arith::MulFOp::create(nb, nloc, args[1], invCount);
        Value rstd = math::RsqrtOp::create(
            nb, nloc, arith::AddFOp::create(nb, nloc, var, epsilon));
        Value normed = arith::MulFOp::create(nb, nloc, args[0], rstd);
        return arith::AddFOp::create(
            nb, nloc, arith::MulFOp::create(nb, nloc, normed, args[2]),
            args[3]);
      });
}

Value mlir::orchid::buildExpand(OpBuilder &b, Location loc, Value value,
                                ArrayRef<int64_t> shape,
                                ArrayRef<ReassociationIndices> reassociation) {
  auto type =
      RankedTensorType::get(shape, getTensorType(value).getElementType());
  return tensor::ExpandShapeOp::create(b, loc, type, value, reassociation);
}

Value mlir::orchid::buildCollapse(
    OpBuilder &b, Location loc, Value value,
    ArrayRef<ReassociationIndices> reassociation) {
  return tensor::CollapseShapeOp::create(b, loc, value, reassociation);
}

Value mlir::orchid::buildSlice(OpBuilder &b, Location loc, Value value,
                               unsigned dim, int64_t offset, int64_t size,
                               bool dropDim) {
  RankedTensorType type = getTensorType(value);
  unsigned rank = type.getRank();
  SmallVector<int64_t> offsets(rank, 0), sizes(type.getShape()),
      strides(rank, 1);
  offsets[dim] = offset;
  sizes[dim] = size;
  SmallVector<int64_t> resultShape(sizes);
  if (dropDim)
    resultShape.erase(resultShape.begin() + dim);
  auto resultType = RankedTensorType::get(resultShape, type.getElementType());
  MLIRContext *ctx = b.getContext();
  return tensor::ExtractSliceOp::create(
      b, loc, resultType, value, getAsIndexOpFoldResult(ctx, offsets),
      getAsIndexOpFoldResult(ctx, sizes), getAsIndexOpFoldResult(ctx, strides));
}

Value mlir::orchid::buildConcat(OpBuilder &b, Location loc,
                                ArrayRef<Value> values, unsigned dim) {
  RankedTensorType type = getTensorType(values.front());
  SmallVector<int64_t> shape(type.getShape());
  shape[dim] = 0;
  for (Value value : values)
    shape[dim] += getTensorType(value).getDimSize(dim);
  Value result = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
  unsigned rank = type.getRank();
  SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
  for (Value value : values) {
    ArrayRef<int64_t> sizes = getTensorType(value).getShape();
    result = tensor::InsertSliceOp::create(
        b, loc, value, result, getAsIndexOpFoldResult(b.getContext(), offsets),
        getAsIndexOpFoldResult(b.getContext(), sizes),
        getAsIndexOpFoldResult(b.getContext(), strides));
    offsets[dim] += sizes[dim];
  }
  return result;
}

Value mlir::orchid::buildZeroExtend(OpBuilder &b, Location loc, Value value,
                                    unsigned dim, int64_t size) {
  RankedTensorType type = getTensorType(value);
  int64_t extra = size - type.getDimSize(dim);
  if (extra == 0)
    return value;
  SmallVector<int64_t> shape(type.getShape());
  shape[dim] = extra;
  Value zeros = buildFilled(b, loc, shape, type.getElementType(), 0.0);
  return buildConcat(b, loc, {value, zeros}, dim);
}

Value mlir::orchid::buildReverse(OpBuilder &b, Location loc, Value value,
                                 unsigned dim) {
  RankedTensorType type = getTensorType(value);
  unsigned rank = type.getRank();
  SmallVector<AffineExpr> exprs;
  for (unsigned d = 0; d < rank; ++d)
    exprs.push_back(d == dim ? type.getDimSize(d) - 1 - b.getAffineDimExpr(d)
                             : b.getAffineDimExpr(d));
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, exprs, b.getContext()),
                                 b.getMultiDimIdentityMap(rank)};
  Value init =
      tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, ValueRange{value}, ValueRange{init},
      maps, iterators, [](OpBuilder &nb, Location nloc, ValueRange args) {
        linalg::YieldOp::create(nb, nloc, args[0]);
      });
  return generic.getResult(0);
}

/// Applies `RealOp` or `ComplexOp` element-wise over the shape of `lhs`.
template <typename RealOp, typename ComplexOp>
static Value buildBinary(OpBuilder &b, Location loc, Value lhs,
                         MapOperand rhs) {
  RankedTensorType type = getTensorType(lhs);
  bool isComplex = isa<ComplexType>(type.getElementType());
  return buildMap(b, loc, type.getShape(), type.getElementType(), {{lhs}, rhs},
                  [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                    if (isComplex)
                      return ComplexOp::create(nb, nloc, args[0], args[1]);
                    return RealOp::create(nb, nloc, args[0], args[1]);
                  });
}

Value mlir::orchid::buildAdd(OpBuilder &b, Location loc, Value lhs,
                             MapOperand rhs) {
  return buildBinary<arith::AddFOp, complex::AddOp>(b, loc, lhs, rhs);
}

Value mlir::orchid::buildMul(OpBuilder &b, Location loc, Value lhs,
                             MapOperand rhs) {
  return buildBinary<arith::MulFOp, complex::MulOp>(b, loc, lhs, rhs);
}

Value mlir::orchid::buildComplex(OpBuilder &b, Location loc, Value re,
                                 Value im) {
  RankedTensorType type = getTensorType(re);
  auto complexType = ComplexType::get(type.getElementType());
  return buildMap(b, loc, type.getShape(), complexType, {{re}, {im}},
                  [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                    return complex::CreateOp::create(nb, nloc, complexType,
                                                     args[0], args[1]);
                  });
}

Value mlir::orchid::buildRealPart(OpBuilder &b, Location loc, Value value,
                                  bool imaginary) {
  RankedTensorType type = getTensorType(value);
  Type realType = cast<ComplexType>(type.getElementType()).getElementType();
  return buildMap(b, loc, type.getShape(), realType, {{value}},
                  [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                    if (imaginary)
                      return complex::ImOp::create(nb, nloc, args[0]);
                    return complex::ReOp::create(nb, nloc, args[0]);
                  });
}

Value mlir::orchid::buildRFFT(OpBuilder &b, Location loc, Value x, int64_t n,
                              FFTNorm norm) {
  RankedTensorType type = getTensorType(x);
  SmallVector<int64_t> shape(type.getShape());
  shape.back() = n / 2 + 1;
  auto resultType =
      RankedTensorType::get(shape, ComplexType::get(type.getElementType()));
  return RFFTOp::create(b, loc, resultType, x, b.getI64IntegerAttr(n),
                        FFTNormAttr::get(b.getContext(), norm));
}
