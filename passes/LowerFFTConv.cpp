//===- LowerFFTConv.cpp - Split fftconv into kernel and input work --------===//
//
// orchid.fftconv mixes work that depends only on the kernel (padding,
// rotation, scaling, its FFT) with work on every input. This pass makes the
// split explicit: the kernel becomes an orchid.rfft spectrum, and the input
// side an orchid.spectral_conv, so that later passes can hoist or fold the
// spectrum.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialect/OrchidOps.h"
#include "lowering/FFT/Plan.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDLOWERFFTCONV
#include "passes/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;
using namespace mlir::orchid;

/// The grid of an exact linear convolution of `seqLen` samples: the
/// smallest even fast size >= 2 seqLen - 1. Even, so that a real transform
/// of one channel packs its sample pairs into a complex FFT of half the size.
static int64_t getConvolutionSize(int64_t seqLen) {
  return 2 * fft::getFastFFTSize(llvm::divideCeil(2 * seqLen - 1, 2));
}

/// Returns `value` multiplied elementwise by the constant `factor`.
static Value scaleTensor(OpBuilder &b, Location loc, Value value,
                         double factor) {
  auto type = cast<RankedTensorType>(value.getType());
  Value init = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, value), type.getElementType());
  Value cst = arith::ConstantOp::create(
      b, loc, b.getFloatAttr(type.getElementType(), factor));
  SmallVector<AffineMap> maps(2, b.getMultiDimIdentityMap(type.getRank()));
  SmallVector<utils::IteratorType> iterators(type.getRank(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{type}, ValueRange{value}, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value prod = arith::MulFOp::create(nb, nloc, args[0], cst);
        linalg::YieldOp::create(nb, nloc, prod);
      });
  return generic.getResult(0);
}

/// Places a centred bidirectional kernel (innermost size 2L - 1, centre at
/// L - 1) on an n-point circular grid: taps for lags 0..L-1 at indices
/// 0..L-1, taps for lags -(L-1)..-1 at indices n-(L-1)..n-1, zeros between.
static Value rotateBidirectionalKernel(OpBuilder &b, Location loc, Value kernel,
                                       int64_t seqLen, int64_t n) {
  auto type = cast<RankedTensorType>(kernel.getType());
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, kernel);
  SmallVector<OpFoldResult> gridSizes = sizes;
  gridSizes.back() = b.getIndexAttr(n);
  Value zero = arith::ConstantOp::create(
      b, loc, b.getFloatAttr(type.getElementType(), 0.0));
  Value grid =
      tensor::EmptyOp::create(b, loc, gridSizes, type.getElementType());
  grid = linalg::FillOp::create(b, loc, zero, grid).getResult(0);

  SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
  auto moveTaps = [&](int64_t from, int64_t count, int64_t to) {
    if (count == 0)
      return;
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
    SmallVector<OpFoldResult> sliceSizes = sizes;
    offsets.back() = b.getIndexAttr(from);
    sliceSizes.back() = b.getIndexAttr(count);
    Value taps = tensor::ExtractSliceOp::create(b, loc, kernel, offsets,
                                                sliceSizes, strides);
    offsets.back() = b.getIndexAttr(to);
    grid = tensor::InsertSliceOp::create(b, loc, taps, grid, offsets,
                                         sliceSizes, strides);
  };
  moveTaps(seqLen - 1, seqLen, 0);
  moveTaps(0, seqLen - 1, n - (seqLen - 1));
  return grid;
}

/// The transform size of `op` (static L): its fft_size, or the convolution
/// grid; failure, reported, when it exceeds the planner's limit.
static FailureOr<int64_t> getTransformSize(FFTConvOp op, int64_t seqLen) {
  std::optional<int64_t> fixedSize = op.getFftSize();
  // L above the limit is refused before 2L - 1 is formed, which could
  // overflow.
  if (!fixedSize && seqLen > fft::kMaxFFTSize) {
    op.emitOpError() << "sequence length L = " << seqLen
                     << " needs a transform longer than the limit of "
                     << fft::kMaxFFTSize << " points (kMaxFFTSize)";
    return failure();
  }
  int64_t n = fixedSize ? *fixedSize : getConvolutionSize(seqLen);
  if (failed(fft::verifyFFTSize(op, n)))
    return failure();
  return n;
}

namespace {
struct LowerFFTConvPattern : public OpRewritePattern<FFTConvOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(FFTConvOp op,
                                PatternRewriter &rewriter) const override {
    int64_t seqLen = op.getInput().getType().getShape().back();
    if (ShapedType::isDynamic(seqLen))
      return rewriter.notifyMatchFailure(op, "sequence length is dynamic");

    ConvMode mode = op.getMode();
    // The pass checked the size before applying the pattern.
    int64_t n = op.getFftSize() ? *op.getFftSize() : getConvolutionSize(seqLen);
    // A circular convolution on exactly L points needs no folding; on any
    // other grid the linear result is folded modulo L.
    bool wrap = mode == ConvMode::circular && n != seqLen;
    // The verifier rejects grids too small for an exact convolution.
    if (n < 2 * seqLen - 1 && !(mode == ConvMode::circular && n == seqLen))
      return rewriter.notifyMatchFailure(op, "fft_size too small");

    Location loc = op.getLoc();
    Value kernel = op.getKernel();
    double scale = op.getScale().convertToDouble();
    if (scale != 1.0)
      kernel = scaleTensor(rewriter, loc, kernel, scale);
    if (mode == ConvMode::bidirectional)
      kernel = rotateBidirectionalKernel(rewriter, loc, kernel, seqLen, n);

    auto kernelType = op.getKernel().getType();
    SmallVector<int64_t> specShape(kernelType.getShape());
    specShape.back() = n / 2 + 1;
    auto specType = RankedTensorType::get(
        specShape, ComplexType::get(kernelType.getElementType()));
    Value spectrum = RFFTOp::create(
        rewriter, loc, specType, kernel, rewriter.getI64IntegerAttr(n),
        FFTNormAttr::get(rewriter.getContext(), FFTNorm::backward));
    rewriter.replaceOpWithNewOp<SpectralConvOp>(
        op, op.getType(), op.getInput(), spectrum, op.getBias(),
        rewriter.getI64IntegerAttr(n),
        wrap ? rewriter.getUnitAttr() : UnitAttr());
    return success();
  }
};

struct OrchidLowerFFTConvPass
    : public orchid::impl::OrchidLowerFFTConvBase<OrchidLowerFFTConvPass> {
  void runOnOperation() override {
    WalkResult sizes = getOperation()->walk([](FFTConvOp op) {
      int64_t seqLen = op.getInput().getType().getShape().back();
      if (ShapedType::isDynamic(seqLen) ||
          succeeded(getTransformSize(op, seqLen)))
        return WalkResult::advance();
      return WalkResult::interrupt();
    });
    if (sizes.wasInterrupted())
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    patterns.add<LowerFFTConvPattern>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
