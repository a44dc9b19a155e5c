//===- OrchidDialect.h - Orchid dialect -------------------------*- C++ -*-===//

#ifndef ORCHID_DIALECT_ORCHIDDIALECT_H
#define ORCHID_DIALECT_ORCHIDDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialect/OrchidDialect.h.inc"

#endif // ORCHID_DIALECT_ORCHIDDIALECT_H
