//===- LaneTiles.cpp - Helpers for 16-channel lane tiles ------------------===//

#include "lowering/CPU/LaneTiles.h"

#include "lowering/CPU/FFTCodegen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

#include <thread>

using namespace mlir;
using namespace mlir::orchid;

Value cpu::indexConstant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

Value cpu::f32Constant(OpBuilder &b, Location loc, double value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
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

void cpu::zeroLaneBuffers(OpBuilder &b, Location loc, ValueRange buffers,
                          int64_t rows, int64_t firstRow) {
  auto vecType = VectorType::get({kLanes}, b.getF32Type());
  Value zero =
      arith::ConstantOp::create(b, loc, DenseElementsAttr::get(vecType, 0.0f));
  Value c0 = indexConstant(b, loc, 0);
  buildLoop(b, loc, firstRow, rows, [&](Value i) {
    for (Value buffer : buffers)
      vector::StoreOp::create(b, loc, zero, buffer, ValueRange{i, c0});
  });
}

Value cpu::getValidLanes(OpBuilder &b, Location loc, Value base,
                         int64_t total) {
  Value remaining =
      arith::SubIOp::create(b, loc, indexConstant(b, loc, total), base);
  return arith::MinSIOp::create(b, loc, remaining,
                                indexConstant(b, loc, kLanes));
}

int64_t cpu::getNumWorkers() {
  return std::max(1u, std::thread::hardware_concurrency());
}

std::pair<Value, Value> cpu::buildChunkLoop(OpBuilder &b, Location loc,
                                            int64_t items) {
  int64_t chunks = std::min(items, getNumWorkers());
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
