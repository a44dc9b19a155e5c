//===- LaneTiles.cpp - Helpers for 16-channel lane tiles ------------------===//

#include "lowering/CPU/LaneTiles.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

#include <thread>

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::cpu;

Value cpu::indexConstant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

Value cpu::f32Constant(OpBuilder &b, Location loc, double value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
}

MemRefType cpu::getLaneBufferType(MLIRContext *ctx) {
  return MemRefType::get({ShapedType::kDynamic, kLanes}, Float32Type::get(ctx));
}

Value cpu::allocLaneBuffer(OpBuilder &b, Location loc, int64_t rows) {
  auto type = MemRefType::get({rows, kLanes}, b.getF32Type());
  Value alloc = memref::AllocOp::create(b, loc, type, b.getI64IntegerAttr(64));
  return memref::CastOp::create(b, loc, getLaneBufferType(b.getContext()),
                                alloc);
}

Value cpu::viewAsRowMatrix(OpBuilder &b, Location loc, Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  int64_t rank = type.getRank();
  if (rank == 2)
    return memref;
  if (rank == 1) {
    auto rowType =
        MemRefType::get({1, type.getDimSize(0)}, type.getElementType());
    return memref::ExpandShapeOp::create(b, loc, rowType, memref,
                                         {ReassociationIndices{0, 1}});
  }
  ReassociationIndices leading;
  for (int64_t i = 0; i < rank - 1; ++i)
    leading.push_back(i);
  return memref::CollapseShapeOp::create(
      b, loc, memref, {leading, ReassociationIndices{rank - 1}});
}

void cpu::buildLoop(OpBuilder &b, Location loc, Value lb, Value ub,
                    function_ref<void(Value)> body) {
  auto loop = scf::ForOp::create(b, loc, lb, ub, indexConstant(b, loc, 1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  body(loop.getInductionVar());
}

void cpu::buildLoop(OpBuilder &b, Location loc, int64_t lb, int64_t ub,
                    function_ref<void(Value)> body) {
  if (ub <= lb)
    return;
  buildLoop(b, loc, indexConstant(b, loc, lb), indexConstant(b, loc, ub), body);
}

void cpu::buildRowLoop(OpBuilder &b, Location loc, int64_t lb, int64_t ub,
                       int64_t threads, function_ref<void(Value)> body) {
  if (threads <= 1 || ub - lb <= 1) {
    buildLoop(b, loc, lb, ub, body);
    return;
  }
  OpBuilder::InsertionGuard guard(b);
  auto [begin, end] = buildChunkLoop(b, loc, ub - lb, threads);
  Value offset = indexConstant(b, loc, lb);
  buildLoop(b, loc, arith::AddIOp::create(b, loc, begin, offset),
            arith::AddIOp::create(b, loc, end, offset), body);
}

void cpu::zeroLaneBuffers(OpBuilder &b, Location loc, ValueRange buffers,
                          int64_t rows, int64_t firstRow, int64_t threads) {
  auto vecType = VectorType::get({kLanes}, b.getF32Type());
  Value zero =
      arith::ConstantOp::create(b, loc, DenseElementsAttr::get(vecType, 0.0f));
  Value c0 = indexConstant(b, loc, 0);
  buildRowLoop(b, loc, firstRow, rows, threads, [&](Value i) {
    for (Value buffer : buffers)
      vector::StoreOp::create(b, loc, zero, buffer, ValueRange{i, c0});
  });
}

/// Emits `for t0 = 0 to count step kLanes` and calls `body` with t0 and the
/// mask of the times t0 + j < count.
static void buildBlockLoop(OpBuilder &b, Location loc, int64_t count,
                           int64_t threads,
                           function_ref<void(Value, Value)> body) {
  auto maskType = VectorType::get({kLanes}, b.getI1Type());
  buildRowLoop(
      b, loc, 0, llvm::divideCeil(count, kLanes), threads, [&](Value block) {
        Value t0 =
            arith::MulIOp::create(b, loc, block, indexConstant(b, loc, kLanes));
        Value left =
            arith::SubIOp::create(b, loc, indexConstant(b, loc, count), t0);
        body(t0,
             vector::CreateMaskOp::create(b, loc, maskType, ValueRange{left}));
      });
}

/// Transposes the 16 x 16 block whose rows are `rows`; returns its rows.
static SmallVector<Value> transposeBlock(OpBuilder &b, Location loc,
                                         ArrayRef<Value> rows) {
  auto blockType = VectorType::get({kLanes, kLanes}, b.getF32Type());
  Value block = arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(blockType, 0.0f));
  for (auto [i, row] : llvm::enumerate(rows))
    block = vector::InsertOp::create(b, loc, row, block, int64_t(i));
  Value transposed =
      vector::TransposeOp::create(b, loc, block, ArrayRef<int64_t>{1, 0});
  SmallVector<Value> result;
  for (int64_t i = 0; i < kLanes; ++i)
    result.push_back(vector::ExtractOp::create(b, loc, transposed, i));
  return result;
}

/// Loads src[min(firstRow + i, lastRow)][col, col + 16) for i < 16, masked
/// to `mask` (zeros elsewhere): rows past the end repeat the last one.
static SmallVector<Value> loadRowBlock(OpBuilder &b, Location loc, Value src,
                                       Value firstRow, Value lastRow, Value col,
                                       Value mask) {
  auto vecType = VectorType::get({kLanes}, b.getF32Type());
  Value zero =
      arith::ConstantOp::create(b, loc, DenseElementsAttr::get(vecType, 0.0f));
  SmallVector<Value> rows;
  for (int64_t i = 0; i < kLanes; ++i) {
    Value row = arith::MinSIOp::create(
        b, loc,
        arith::AddIOp::create(b, loc, firstRow, indexConstant(b, loc, i)),
        lastRow);
    rows.push_back(vector::MaskedLoadOp::create(
        b, loc, vecType, src, ValueRange{row, col}, mask, zero));
  }
  return rows;
}

/// Loads rows [first, first + 16) of the lane buffer `src`.
static SmallVector<Value> loadLaneRows(OpBuilder &b, Location loc, Value src,
                                       Value first) {
  auto vecType = VectorType::get({kLanes}, b.getF32Type());
  Value c0 = indexConstant(b, loc, 0);
  SmallVector<Value> rows;
  for (int64_t j = 0; j < kLanes; ++j) {
    Value row = arith::AddIOp::create(b, loc, first, indexConstant(b, loc, j));
    rows.push_back(
        vector::LoadOp::create(b, loc, vecType, src, ValueRange{row, c0}));
  }
  return rows;
}

/// Stores epilogue(values[i], i, col, mask), or values[i] without an
/// epilogue, to dst[firstRow + i][col, ...) for i < valid, masked to
/// `count` columns; other rows store nothing, at an in-bounds row.
static void storeRowBlock(OpBuilder &b, Location loc, ArrayRef<Value> values,
                          Value dst, Value firstRow, Value valid, Value col,
                          Value count, RowEpilogue epilogue) {
  auto maskType = VectorType::get({kLanes}, b.getI1Type());
  Value c0 = indexConstant(b, loc, 0);
  Value lastRow =
      indexConstant(b, loc, cast<MemRefType>(dst.getType()).getDimSize(0) - 1);
  for (auto [i, value] : llvm::enumerate(values)) {
    Value index = indexConstant(b, loc, i);
    Value isValid =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, index, valid);
    Value mask = vector::CreateMaskOp::create(
        b, loc, maskType,
        ValueRange{arith::SelectOp::create(b, loc, isValid, count, c0)});
    Value row = arith::MinSIOp::create(
        b, loc, arith::AddIOp::create(b, loc, firstRow, index), lastRow);
    vector::MaskedStoreOp::create(b, loc, dst, ValueRange{row, col}, mask,
                                  epilogue ? epilogue(value, index, col, mask)
                                           : value);
  }
}

void cpu::loadRowsIntoLanes(OpBuilder &b, Location loc, Value src,
                            Value firstRow, Value lastRow, int64_t count,
                            Value dst, int64_t threads) {
  Value c0 = indexConstant(b, loc, 0);
  buildBlockLoop(b, loc, count, threads, [&](Value t0, Value mask) {
    SmallVector<Value> rows =
        loadRowBlock(b, loc, src, firstRow, lastRow, t0, mask);
    for (auto [j, lanes] : llvm::enumerate(transposeBlock(b, loc, rows))) {
      Value t = arith::AddIOp::create(b, loc, t0, indexConstant(b, loc, j));
      vector::StoreOp::create(b, loc, lanes, dst, ValueRange{t, c0});
    }
  });
}

/// Shuffles of two 16-lane vectors: the even and odd lanes of their
/// concatenation, or the interleaving of their first or second halves.
static SmallVector<int64_t> pairShuffleMask(int64_t kind) {
  SmallVector<int64_t> mask;
  for (int64_t i = 0; i < kLanes; ++i)
    mask.push_back(kind < 2
                       ? 2 * i + kind
                       : (kind - 2) * kLanes / 2 + i / 2 + (i % 2) * kLanes);
  return mask;
}

void cpu::loadRowPairsIntoLanes(OpBuilder &b, Location loc, Value src,
                                Value firstRow, Value lastRow, int64_t count,
                                Value even, Value odd, int64_t threads) {
  auto maskType = VectorType::get({kLanes}, b.getI1Type());
  Value c0 = indexConstant(b, loc, 0);
  Value countCst = indexConstant(b, loc, count);
  buildBlockLoop(
      b, loc, llvm::divideCeil(count, 2), threads, [&](Value p0, Value) {
        // Samples [t0, t0 + 32): two row blocks; a second one wholly past
        // the end reads nothing, at an in-bounds column.
        Value t0 = arith::MulIOp::create(b, loc, p0, indexConstant(b, loc, 2));
        Value t1 =
            arith::AddIOp::create(b, loc, t0, indexConstant(b, loc, kLanes));
        auto maskFrom = [&](Value t) {
          return vector::CreateMaskOp::create(
              b, loc, maskType,
              ValueRange{arith::SubIOp::create(b, loc, countCst, t)});
        };
        SmallVector<Value> first =
            loadRowBlock(b, loc, src, firstRow, lastRow, t0, maskFrom(t0));
        SmallVector<Value> second =
            loadRowBlock(b, loc, src, firstRow, lastRow,
                         arith::MinSIOp::create(
                             b, loc, t1, indexConstant(b, loc, count - 1)),
                         maskFrom(t1));
        Value buffers[2] = {even, odd};
        for (auto [parity, dst] : llvm::enumerate(buffers)) {
          SmallVector<Value> samples;
          for (int64_t l = 0; l < kLanes; ++l)
            samples.push_back(vector::ShuffleOp::create(
                b, loc, first[l], second[l], pairShuffleMask(parity)));
          for (auto [j, lanes] :
               llvm::enumerate(transposeBlock(b, loc, samples))) {
            Value p =
                arith::AddIOp::create(b, loc, p0, indexConstant(b, loc, j));
            vector::StoreOp::create(b, loc, lanes, dst, ValueRange{p, c0});
          }
        }
      });
}

void cpu::storeLanePairsToRows(OpBuilder &b, Location loc, Value even,
                               Value odd, Value dst, Value firstRow,
                               Value valid, int64_t count, RowEpilogue epilogue,
                               int64_t threads) {
  Value countCst = indexConstant(b, loc, count);
  buildBlockLoop(
      b, loc, llvm::divideCeil(count, 2), threads, [&](Value p0, Value) {
        SmallVector<Value> lanesOf[2];
        Value buffers[2] = {even, odd};
        for (int64_t parity = 0; parity < 2; ++parity)
          lanesOf[parity] =
              transposeBlock(b, loc, loadLaneRows(b, loc, buffers[parity], p0));
        Value t0 = arith::MulIOp::create(b, loc, p0, indexConstant(b, loc, 2));
        for (int64_t half = 0; half < 2; ++half) {
          // Samples [t, t + 16); a block wholly past the end stores
          // nothing, at an in-bounds column.
          Value t = arith::AddIOp::create(b, loc, t0,
                                          indexConstant(b, loc, half * kLanes));
          SmallVector<Value> samples;
          for (int64_t l = 0; l < kLanes; ++l)
            samples.push_back(
                vector::ShuffleOp::create(b, loc, lanesOf[0][l], lanesOf[1][l],
                                          pairShuffleMask(2 + half)));
          storeRowBlock(b, loc, samples, dst, firstRow, valid,
                        arith::MinSIOp::create(
                            b, loc, t, indexConstant(b, loc, count - 1)),
                        arith::SubIOp::create(b, loc, countCst, t), epilogue);
        }
      });
}

void cpu::storeLanesToRows(OpBuilder &b, Location loc, Value src, Value dst,
                           Value firstRow, Value valid, int64_t count,
                           RowEpilogue epilogue, int64_t threads) {
  Value countCst = indexConstant(b, loc, count);
  buildBlockLoop(b, loc, count, threads, [&](Value t0, Value) {
    storeRowBlock(b, loc, transposeBlock(b, loc, loadLaneRows(b, loc, src, t0)),
                  dst, firstRow, valid, t0,
                  arith::SubIOp::create(b, loc, countCst, t0), epilogue);
  });
}

void cpu::transposeMatrix(OpBuilder &b, Location loc, Value src, Value dst,
                          int64_t threads) {
  auto type = cast<MemRefType>(src.getType());
  int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
  Value lastRow = indexConstant(b, loc, rows - 1);
  // Strips of 16 source rows, each a row of 16 x 16 blocks.
  buildBlockLoop(b, loc, rows, threads, [&](Value r0, Value) {
    Value rowsLeft =
        arith::SubIOp::create(b, loc, indexConstant(b, loc, rows), r0);
    buildBlockLoop(b, loc, cols, 1, [&](Value col0, Value colMask) {
      SmallVector<Value> block =
          loadRowBlock(b, loc, src, r0, lastRow, col0, colMask);
      Value colsLeft =
          arith::SubIOp::create(b, loc, indexConstant(b, loc, cols), col0);
      storeRowBlock(b, loc, transposeBlock(b, loc, block), dst, col0, colsLeft,
                    r0, rowsLeft, nullptr);
    });
  });
}

Value cpu::getValidLanes(OpBuilder &b, Location loc, Value base,
                         int64_t total) {
  Value remaining =
      arith::SubIOp::create(b, loc, indexConstant(b, loc, total), base);
  return arith::MinSIOp::create(b, loc, remaining,
                                indexConstant(b, loc, kLanes));
}

int64_t cpu::resolveThreads(int64_t option) {
  if (option > 0)
    return option;
  return std::max(1u, std::thread::hardware_concurrency());
}

std::pair<Value, Value> cpu::buildChunkLoop(OpBuilder &b, Location loc,
                                            int64_t items, int64_t threads) {
  int64_t chunks = std::min(items, threads);
  if (chunks <= 1)
    return {indexConstant(b, loc, 0), indexConstant(b, loc, items)};
  auto loop =
      scf::ParallelOp::create(b, loc, ValueRange{indexConstant(b, loc, 0)},
                              ValueRange{indexConstant(b, loc, chunks)},
                              ValueRange{indexConstant(b, loc, 1)});
  b.setInsertionPoint(loop.getBody()->getTerminator());
  Value chunk = loop.getInductionVars()[0];
  Value itemsCst = indexConstant(b, loc, items);
  Value chunksCst = indexConstant(b, loc, chunks);
  auto boundary = [&](Value c) {
    return arith::DivUIOp::create(
        b, loc, arith::MulIOp::create(b, loc, c, itemsCst), chunksCst);
  };
  Value next = arith::AddIOp::create(b, loc, chunk, indexConstant(b, loc, 1));
  return {boundary(chunk), boundary(next)};
}

Value cpu::toReadOnlyBuffer(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  auto memrefType = MemRefType::get(type.getShape(), type.getElementType());
  return bufferization::ToBufferOp::create(b, loc, memrefType, tensor,
                                           b.getUnitAttr());
}

LogicalResult cpu::verifyStaticShapes(Operation *op) {
  auto isStatic = [](Type type) {
    auto shaped = dyn_cast<ShapedType>(type);
    return !shaped || shaped.hasStaticShape();
  };
  if (llvm::all_of(op->getOperandTypes(), isStatic) &&
      llvm::all_of(op->getResultTypes(), isStatic))
    return success();
  return op->emitOpError("has dynamic shapes: specialise the function to a "
                         "sequence length first (orchid-run --seq-len)");
}

LogicalResult cpu::convertKernels(Operation *root, ConversionTarget &target,
                                  RewritePatternSet &&patterns) {
  target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
  ConversionConfig config;
  config.allowPatternRollback = false;
  return applyPartialConversion(root, target, std::move(patterns), config);
}
