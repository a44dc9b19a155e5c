//===- BlockCache.h - Freed blocks kept for reuse ---------------*- C++ -*-===//
//
// Compiled functions allocate their buffers on every call and free them
// before returning. Returning large blocks to the underlying allocator is
// expensive on both targets (fresh, page-faulting mmaps from malloc on the
// CPU; cuMemFree, which synchronises the device, on the GPU), so both
// runtimes keep freed blocks by key (size, and alignment on the CPU) and
// hand them out again. The cache only does the bookkeeping: the caller
// allocates and frees.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_RUNTIME_BLOCKCACHE_H
#define ORCHID_RUNTIME_BLOCKCACHE_H

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace orchid {

template <typename Key, typename Block> class BlockCache {
public:
  /// Keeps at most `limit` bytes of idle blocks.
  explicit BlockCache(size_t limit) : limit(limit) {}

  /// An idle block of `key`, live again, if there is one.
  std::optional<Block> take(const Key &key) {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = idle.find(key);
    if (it == idle.end())
      return std::nullopt;
    auto [block, bytes] = it->second;
    idle.erase(it);
    idleBytes -= bytes;
    live.emplace(block, Entry{key, bytes});
    return block;
  }

  /// Records a block of `bytes` bytes the caller allocated for `key`.
  void track(Block block, const Key &key, size_t bytes) {
    std::lock_guard<std::mutex> lock(mutex);
    live.emplace(block, Entry{key, bytes});
  }

  /// Ends the use of `block`: true when the cache keeps it, false when the
  /// caller must free it (it was not tracked, or the cache is full).
  bool give(Block block) {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = live.find(block);
    if (it == live.end())
      return false;
    Entry entry = it->second;
    live.erase(it);
    if (idleBytes + entry.bytes > limit)
      return false;
    idle.emplace(entry.key, std::make_pair(block, entry.bytes));
    idleBytes += entry.bytes;
    return true;
  }

  /// Forgets every idle block and returns them for the caller to free.
  std::vector<Block> drain() {
    std::lock_guard<std::mutex> lock(mutex);
    std::vector<Block> blocks;
    for (auto &[key, value] : idle)
      blocks.push_back(value.first);
    idle.clear();
    idleBytes = 0;
    return blocks;
  }

  size_t getIdleBytes() const {
    std::lock_guard<std::mutex> lock(mutex);
    return idleBytes;
  }

private:
  struct Entry {
    Key key;
    size_t bytes;
  };

  mutable std::mutex mutex;
  std::multimap<Key, std::pair<Block, size_t>> idle;
  std::unordered_map<Block, Entry> live;
  size_t idleBytes = 0;
  size_t limit;
};

} // namespace orchid

#endif // ORCHID_RUNTIME_BLOCKCACHE_H
