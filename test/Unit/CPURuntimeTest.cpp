//===- CPURuntimeTest.cpp - Allocation functions of CPU kernels -----------===//

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

extern "C" {
void *_mlir_memref_to_llvm_alloc(uint64_t size);
void *_mlir_memref_to_llvm_aligned_alloc(uint64_t alignment, uint64_t size);
void _mlir_memref_to_llvm_free(void *ptr);
}

namespace {

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

} // namespace
