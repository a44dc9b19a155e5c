//===- OrchidDialect.cpp - Orchid dialect registration ----------*- C++ -*-===//

#include "dialect/OrchidDialect.h"
#include "dialect/OrchidOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::orchid;

#include "dialect/OrchidDialect.cpp.inc"
#include "dialect/OrchidEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "dialect/OrchidAttrs.cpp.inc"

void OrchidDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dialect/OrchidAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "dialect/OrchidOps.cpp.inc"
      >();
}
