//===- Allocator.cpp - Allocation functions of CPU kernels ----------------===//
//
// Kernels compiled by --orchid-cpu-pipeline allocate their lane and scratch
// buffers (up to hundreds of MiB for long sequences) on every call. From
// malloc, blocks that large are fresh mmap'ed pages each time, and touching
// them page-faults for about as long as a long FFT takes. The pipeline calls
// MLIR's generic allocation functions instead, defined here: blocks of at
// least kMinCachedBytes that a kernel frees are kept, by size, for the next
// call, up to a quarter of the machine's memory.
//
//===----------------------------------------------------------------------===//

#include "runtime/BlockCache.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <unistd.h>
#include <utility>

namespace {

constexpr size_t kMinCachedBytes = size_t(64) << 10;
/// Cached blocks are aligned to a cache line (at least).
constexpr size_t kCacheLine = 64;

size_t roundUp(size_t bytes, size_t alignment) {
  return (bytes + alignment - 1) / alignment * alignment;
}

/// A quarter of the machine's memory.
size_t getCacheLimit() {
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
  return pages > 0 && pageSize > 0 ? size_t(pages) * size_t(pageSize) / 4
                                   : size_t(1) << 30;
}

/// Large blocks by (size, alignment).
class LargeBlocks {
public:
  void *allocate(size_t bytes, size_t alignment) {
    if (bytes < kMinCachedBytes) {
      if (alignment <= alignof(std::max_align_t))
        return std::malloc(bytes);
      return std::aligned_alloc(alignment, roundUp(bytes, alignment));
    }
    size_t align = std::max(alignment, kCacheLine);
    Key key{roundUp(bytes, align), align};
    if (std::optional<void *> block = cache.take(key))
      return *block;
    void *block = std::aligned_alloc(key.second, key.first);
    if (block)
      cache.track(block, key, key.first);
    return block;
  }

  void release(void *block) {
    if (block && !cache.give(block))
      std::free(block);
  }

private:
  using Key = std::pair<size_t, size_t>;
  orchid::BlockCache<Key, void *> cache{getCacheLimit()};
};

/// Never destroyed: kernels may run from other static destructors.
LargeBlocks &getCache() {
  static LargeBlocks *cache = new LargeBlocks();
  return *cache;
}

} // namespace

extern "C" {

__attribute__((visibility("default"))) void *
_mlir_memref_to_llvm_alloc(uint64_t size) {
  return getCache().allocate(size, alignof(std::max_align_t));
}

__attribute__((visibility("default"))) void *
_mlir_memref_to_llvm_aligned_alloc(uint64_t alignment, uint64_t size) {
  return getCache().allocate(size, alignment);
}

__attribute__((visibility("default"))) void
_mlir_memref_to_llvm_free(void *ptr) {
  getCache().release(ptr);
}

} // extern "C"
