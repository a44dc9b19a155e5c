//===- CPURuntimeTest.cpp - Allocation functions of CPU kernels -----------===//

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

extern "C" {
void *_mlir_memref_to_llvm_alloc(uint64_t size);
void *_mlir_memref_to_llvm_aligned_alloc(uint64_t alignment, uint64_t size);
void _mlir_memref_to_llvm_free(void *ptr);

void _mlir_ciface_orchid_sgemm(StridedMemRefType<float, 2> *a,
                               StridedMemRefType<float, 2> *b,
                               StridedMemRefType<float, 2> *c);
}

namespace {

using Memref2D = StridedMemRefType<float, 2>;

TEST(CPURuntime, ReusesLargeBlocksOfTheSameSize) {
  constexpr uint64_t size = uint64_t(3) << 20;
  void *first = _mlir_memref_to_llvm_aligned_alloc(64, size);
  ASSERT_NE(first, nullptr);
  std::memset(first, 1, size);
  _mlir_memref_to_llvm_free(first);
  void *second = _mlir_memref_to_llvm_aligned_alloc(64, size);
  EXPECT_EQ(second, first);
  // A live block is never handed out twice.
  void *third = _mlir_memref_to_llvm_aligned_alloc(64, size);
  EXPECT_NE(third, second);
  _mlir_memref_to_llvm_free(second);
  _mlir_memref_to_llvm_free(third);
}

TEST(CPURuntime, HonoursAlignment) {
  for (uint64_t alignment : {16, 64, 128, 4096})
    for (uint64_t size : {uint64_t(24), uint64_t(1) << 20}) {
      void *block = _mlir_memref_to_llvm_aligned_alloc(alignment, size);
      ASSERT_NE(block, nullptr);
      EXPECT_EQ(reinterpret_cast<uintptr_t>(block) % alignment, 0u)
          << "alignment " << alignment << ", size " << size;
      _mlir_memref_to_llvm_free(block);
    }
}

TEST(CPURuntime, SmallBlocksAndNull) {
  void *block = _mlir_memref_to_llvm_alloc(100);
  ASSERT_NE(block, nullptr);
  std::memset(block, 0, 100);
  _mlir_memref_to_llvm_free(block);
  _mlir_memref_to_llvm_free(nullptr);
}

/// A rows x cols view of `data` with the given strides and offset.
Memref2D view(std::vector<float> &data, int64_t rows, int64_t cols,
              int64_t rowStride, int64_t colStride, int64_t offset) {
  return {
      data.data(), data.data(), offset, {rows, cols}, {rowStride, colStride}};
}

float &at(const Memref2D &m, int64_t i, int64_t j) {
  return m.data[m.offset + i * m.strides[0] + j * m.strides[1]];
}

/// C += A B through orchid_sgemm against a double-precision loop, for
/// row-major, column-major (BLAS transposes) and general strided operands.
TEST(CPURuntime, GemmMatchesLoopsForAnyStrides) {
  const int64_t m = 13, n = 7, k = 19;
  struct Layout {
    bool columnMajor;
    int64_t pad, offset;
  };
  // Row-major, row-major with padding and an offset, column-major; C also
  // with a stride of 2 in both dimensions (no BLAS layout: the loop).
  const Layout layouts[] = {{false, 0, 0}, {false, 3, 5}, {true, 2, 1}};
  std::mt19937 gen(7);
  std::uniform_real_distribution<float> dist(-1, 1);
  auto make = [&](std::vector<float> &data, int64_t rows, int64_t cols,
                  const Layout &l, bool gapped) {
    data.assign((rows + l.pad + 1) * (cols + l.pad + 1) * 4 + l.offset, 0);
    Memref2D v = gapped ? view(data, rows, cols, 2 * (cols + 1), 2, l.offset)
                 : l.columnMajor
                     ? view(data, rows, cols, 1, rows + l.pad, l.offset)
                     : view(data, rows, cols, cols + l.pad, 1, l.offset);
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < cols; ++j)
        at(v, i, j) = dist(gen);
    return v;
  };
  for (bool gapped : {false, true})
    for (const Layout &la : layouts)
      for (const Layout &lb : layouts) {
        std::vector<float> da, db, dc;
        Memref2D a = make(da, m, k, la, false);
        Memref2D b = make(db, k, n, lb, false);
        Memref2D c = make(dc, m, n, layouts[1], gapped);
        std::vector<double> want(m * n);
        for (int64_t i = 0; i < m; ++i)
          for (int64_t j = 0; j < n; ++j) {
            want[i * n + j] = at(c, i, j);
            for (int64_t p = 0; p < k; ++p)
              want[i * n + j] += double(at(a, i, p)) * at(b, p, j);
          }
        _mlir_ciface_orchid_sgemm(&a, &b, &c);
        for (int64_t i = 0; i < m; ++i)
          for (int64_t j = 0; j < n; ++j)
            EXPECT_NEAR(at(c, i, j), want[i * n + j], 1e-4)
                << "at (" << i << ", " << j << "), A column-major "
                << la.columnMajor << ", B column-major " << lb.columnMajor
                << ", C gapped " << gapped;
      }
}

} // namespace
