//===- CheckedSize.h - Overflow-checked size arithmetic ---------*- C++ -*-===//
//
// Sizes in Orchid programs come from users: a tensor dimension or an
// attribute such as `order` may be anything up to INT64_MAX. Every product
// or sum of sizes that the verifiers, passes and lowerings compute goes
// through these helpers, which report an overflow instead of wrapping
// around to a negative or small size.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_DIALECT_CHECKEDSIZE_H
#define ORCHID_DIALECT_CHECKEDSIZE_H

#include "llvm/Support/CheckedArithmetic.h"

#include <cstdint>
#include <optional>

namespace mlir {
namespace orchid {

/// `a * b`, or std::nullopt when it does not fit in int64_t.
inline std::optional<int64_t> checkedMulSize(int64_t a, int64_t b) {
  return llvm::checkedMul(a, b);
}

/// `a + b`, or std::nullopt when it does not fit in int64_t.
inline std::optional<int64_t> checkedAddSize(int64_t a, int64_t b) {
  return llvm::checkedAdd(a, b);
}

} // namespace orchid
} // namespace mlir

#endif // ORCHID_DIALECT_CHECKEDSIZE_H
