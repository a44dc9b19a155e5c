//===- BlockCacheTest.cpp - Reuse of freed blocks -------------------------===//

#include "runtime/BlockCache.h"

#include <gtest/gtest.h>

#include <algorithm>

using orchid::BlockCache;

namespace {

TEST(BlockCache, ReusesAFreedBlockOfTheSameKey) {
  BlockCache<int, int> cache(1000);
  EXPECT_FALSE(cache.take(64).has_value());
  cache.track(1, 64, 64);
  cache.track(2, 128, 128);
  EXPECT_TRUE(cache.give(1));
  EXPECT_EQ(cache.getIdleBytes(), 64u);
  // Another key does not get it; the same key does, once.
  EXPECT_FALSE(cache.take(128).has_value());
  EXPECT_EQ(cache.take(64), std::optional<int>(1));
  EXPECT_FALSE(cache.take(64).has_value());
  EXPECT_EQ(cache.getIdleBytes(), 0u);
  // A block taken again is live: it can be given back.
  EXPECT_TRUE(cache.give(1));
  EXPECT_TRUE(cache.give(2));
  EXPECT_EQ(cache.getIdleBytes(), 192u);
}

TEST(BlockCache, UntrackedBlocksAreTheCallersToFree) {
  BlockCache<int, int> cache(1000);
  EXPECT_FALSE(cache.give(7));
  cache.track(7, 8, 8);
  EXPECT_TRUE(cache.give(7));
  // Given twice: the second time it is no longer live.
  EXPECT_FALSE(cache.give(7));
}

TEST(BlockCache, KeepsAtMostItsLimit) {
  BlockCache<int, int> cache(100);
  cache.track(1, 60, 60);
  cache.track(2, 60, 60);
  EXPECT_TRUE(cache.give(1));
  EXPECT_FALSE(cache.give(2));
  EXPECT_EQ(cache.getIdleBytes(), 60u);
}

TEST(BlockCache, DrainReturnsEveryIdleBlock) {
  BlockCache<int, int> cache(1000);
  for (int block : {1, 2, 3})
    cache.track(block, 32, 32);
  cache.track(4, 16, 16);
  for (int block : {1, 2, 3, 4})
    EXPECT_TRUE(cache.give(block));
  std::vector<int> drained = cache.drain();
  std::sort(drained.begin(), drained.end());
  EXPECT_EQ(drained, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(cache.getIdleBytes(), 0u);
  EXPECT_FALSE(cache.take(32).has_value());
}

} // namespace
