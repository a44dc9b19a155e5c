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

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace {

constexpr size_t kMinCachedBytes = size_t(64) << 10;
/// Cached blocks are aligned to a cache line (at least).
constexpr size_t kCacheLine = 64;

class BlockCache {
public:
  BlockCache() {
    long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    limit = pages > 0 && pageSize > 0 ? size_t(pages) * size_t(pageSize) / 4
                                      : size_t(1) << 30;
  }

  void *allocate(size_t bytes, size_t alignment) {
    if (bytes < kMinCachedBytes) {
      if (alignment <= alignof(std::max_align_t))
        return std::malloc(bytes);
      return std::aligned_alloc(alignment, roundUp(bytes, alignment));
    }
    Key key{roundUp(bytes, std::max(alignment, kCacheLine)),
            std::max(alignment, kCacheLine)};
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto it = idle.find(key);
      if (it != idle.end()) {
        void *block = it->second;
        idle.erase(it);
        idleBytes -= key.first;
        live.emplace(block, key);
        return block;
      }
    }
    void *block = std::aligned_alloc(key.second, key.first);
    if (!block)
      return nullptr;
    std::lock_guard<std::mutex> lock(mutex);
    live.emplace(block, key);
    return block;
  }

  void release(void *block) {
    if (!block)
      return;
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto it = live.find(block);
      if (it != live.end()) {
        Key key = it->second;
        live.erase(it);
        if (idleBytes + key.first <= limit) {
          idle.emplace(key, block);
          idleBytes += key.first;
          return;
        }
      }
    }
    std::free(block);
  }

private:
  /// (size, alignment) of a large block.
  using Key = std::pair<size_t, size_t>;

  static size_t roundUp(size_t bytes, size_t alignment) {
    return (bytes + alignment - 1) / alignment * alignment;
  }

  std::mutex mutex;
  std::multimap<Key, void *> idle;
  std::unordered_map<void *, Key> live;
  size_t idleBytes = 0, limit;
};

/// Never destroyed: kernels may run from other static destructors.
BlockCache &getCache() {
  static BlockCache *cache = new BlockCache();
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
