//===- Npy.h - NumPy .npy files ---------------------------------*- C++ -*-===//
//
// Reads and writes the NumPy .npy format (versions 1.0 to 3.0, C order,
// little-endian) for the element types Orchid programs exchange: float32,
// float64 and complex64.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_TOOLS_LIB_NPY_NPY_H
#define ORCHID_TOOLS_LIB_NPY_NPY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace orchid {

enum class DType { F32, F64, C64 };

/// Bytes per element of `dtype`.
int64_t getElementSize(DType dtype);
/// The NumPy spelling: "float32", "float64", "complex64".
llvm::StringRef getDTypeName(DType dtype);

/// The largest .npy header readNpy accepts (NumPy itself writes a few
/// hundred bytes).
constexpr size_t kMaxNpyHeaderSize = 1 << 20;

/// The bytes of a dense array of `shape`, or nothing when a dimension is
/// negative or the product overflows int64_t.
std::optional<int64_t> getByteSize(DType dtype, llvm::ArrayRef<int64_t> shape);

/// A dense C-order array held in host memory.
struct NpyArray {
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  std::vector<char> data;

  NpyArray() = default;
  /// Zero-filled; `shape` must have a byte size (getByteSize).
  NpyArray(DType dtype, std::vector<int64_t> shape);

  int64_t getNumElements() const;
  template <typename T> T *as() { return reinterpret_cast<T *>(data.data()); }
  template <typename T> const T *as() const {
    return reinterpret_cast<const T *>(data.data());
  }
  /// "2x3xfloat32", for messages.
  std::string describe() const;
};

/// Reads `path` (a file, a pipe or a device); fails with a message naming
/// the file for unreadable, truncated, oversized or malformed files, shapes
/// whose size overflows, Fortran order, big-endian data and dtypes other
/// than float32, float64 and complex64. Memory grows only with the data
/// actually read.
llvm::Expected<NpyArray> readNpy(llvm::StringRef path);

/// Writes `array` to `path` in .npy version 1.0, atomically
/// (writeFileAtomically).
llvm::Error writeNpy(llvm::StringRef path, const NpyArray &array);

} // namespace orchid
} // namespace mlir

#endif // ORCHID_TOOLS_LIB_NPY_NPY_H
