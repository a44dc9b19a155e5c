//===- OrchidOps.h - Orchid operations and attributes -----------*- C++ -*-===//

#ifndef ORCHID_DIALECT_ORCHIDOPS_H
#define ORCHID_DIALECT_ORCHIDOPS_H

#include "dialect/OrchidDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir {
/// Lets double-precision attribute parameters use the declarative
/// `struct(params)` format.
template <>
struct FieldParser<llvm::APFloat> {
  static FailureOr<llvm::APFloat> parse(AsmParser &parser) {
    double value;
    if (parser.parseFloat(value))
      return failure();
    return llvm::APFloat(value);
  }
};
} // namespace mlir

#include "dialect/OrchidEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dialect/OrchidAttrs.h.inc"

#define GET_OP_CLASSES
#include "dialect/OrchidOps.h.inc"

#endif // ORCHID_DIALECT_ORCHIDOPS_H
