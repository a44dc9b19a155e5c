//===- MatmulToRuntime.cpp - linalg.matmul to the runtime's GEMM ----------===//
//
// Rewrites f32 linalg.matmul on buffers into calls of orchid_sgemm, which
// liborchid_cpu_runtime implements with OpenBLAS.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "lowering/CPU/LaneTiles.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDCONVERTMATMULTORUNTIME
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

static constexpr StringLiteral kGemmName = "orchid_sgemm";

/// The operand type of orchid_sgemm: any 2-D f32 strided memref.
static MemRefType getGemmOperandType(MLIRContext *ctx) {
  int64_t dyn = ShapedType::kDynamic;
  return MemRefType::get({dyn, dyn}, Float32Type::get(ctx),
                         StridedLayoutAttr::get(ctx, dyn, {dyn, dyn}));
}

/// Whether `op` computes C += A B on 2-D f32 buffers.
static bool isRuntimeGemm(linalg::MatmulOp op) {
  if (!op.hasPureBufferSemantics() ||
      op.getIndexingMapsArray() !=
          linalg::MatmulOp::getDefaultIndexingMaps(op.getContext()))
    return false;
  return llvm::all_of(op->getOperandTypes(), [](Type type) {
    auto memref = dyn_cast<MemRefType>(type);
    return memref && memref.getRank() == 2 && memref.getElementType().isF32() &&
           memref::CastOp::areCastCompatible(
               memref, getGemmOperandType(type.getContext()));
  });
}

namespace {
struct MatmulToRuntime final : OpConversionPattern<linalg::MatmulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(linalg::MatmulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isRuntimeGemm(op))
      return rewriter.notifyMatchFailure(op, "not an f32 matmul on buffers");
    MemRefType type = getGemmOperandType(getContext());
    SmallVector<Value> operands;
    for (Value operand : adaptor.getOperands())
      operands.push_back(
          memref::CastOp::create(rewriter, op.getLoc(), type, operand));
    rewriter.replaceOpWithNewOp<func::CallOp>(op, kGemmName, TypeRange(),
                                              operands);
    return success();
  }
};

struct OrchidConvertMatmulToRuntimePass
    : public orchid::impl::OrchidConvertMatmulToRuntimeBase<
          OrchidConvertMatmulToRuntimePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool any = false;
    module.walk([&](linalg::MatmulOp op) { any |= isRuntimeGemm(op); });
    if (!any)
      return;
    // Declare the runtime function before the conversion, so that the
    // pattern only rewrites the op it matches.
    if (!SymbolTable::lookupSymbolIn(module, kGemmName)) {
      OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
      MemRefType type = getGemmOperandType(&getContext());
      auto decl = func::FuncOp::create(
          b, module.getLoc(), kGemmName,
          b.getFunctionType(SmallVector<Type>(3, type), {}));
      decl.setPrivate();
      decl->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                    b.getUnitAttr());
    }

    ConversionTarget target(getContext());
    target.addDynamicallyLegalOp<linalg::MatmulOp>(
        [](linalg::MatmulOp op) { return !isRuntimeGemm(op); });
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulToRuntime>(&getContext());
    if (failed(cpu::convertKernels(module, target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
