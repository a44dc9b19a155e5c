//===- OrchidOps.cpp - Orchid operation verifiers ---------------*- C++ -*-===//

#include "dialect/OrchidOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::orchid;

LogicalResult
FilterConfigAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         int64_t lMax, APFloat shift, APFloat target,
                         APFloat fastDecayPct, APFloat slowDecayPct,
                         FilterNorm normalize, GridPolicy grid) {
  if (lMax < 1)
    return emitError() << "l_max must be positive, got " << lMax;
  double t = target.convertToDouble();
  if (!(t > 0.0 && t < 1.0))
    return emitError() << "target must lie in (0, 1), got " << t;
  if (!(fastDecayPct.convertToDouble() > 0.0) ||
      !(slowDecayPct.convertToDouble() > 0.0))
    return emitError() << "decay percentages must be positive";
  return success();
}

LogicalResult RFFTOp::verify() { return success(); }
LogicalResult IRFFTOp::verify() { return success(); }
LogicalResult FFTConvOp::verify() { return success(); }
LogicalResult SpectralConvOp::verify() { return success(); }
LogicalResult ShortConvOp::verify() { return success(); }
LogicalResult ImplicitFilterOp::verify() { return success(); }
LogicalResult ConditionOp::verify() { return success(); }
LogicalResult HyenaOp::verify() { return success(); }
LogicalResult OrchidOp::verify() { return success(); }

#define GET_OP_CLASSES
#include "dialect/OrchidOps.cpp.inc"
