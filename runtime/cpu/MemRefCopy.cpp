//===- MemRefCopy.cpp - Strided copies of CPU kernels ---------------------===//
//
// `memref.copy` between buffers that are not both contiguous lowers to a
// call of `memrefCopy(elementSize, source, destination)` on unranked
// descriptors. MLIR's C runner utilities define it, but a compiled library
// must not need MLIR at run time, so the CPU runtime defines it too.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstring>
#include <vector>

namespace {

/// The head of the ranked descriptor an unranked one points to: allocated
/// and aligned pointers and offset, followed by `rank` sizes and `rank`
/// strides.
struct Descriptor {
  char *allocated;
  char *aligned;
  int64_t offset;
};

/// The sizes, then the strides, of `desc`.
const int64_t *getSizesAndStrides(const Descriptor &desc) {
  return reinterpret_cast<const int64_t *>(&desc + 1);
}

struct UnrankedMemRef {
  int64_t rank;
  Descriptor *descriptor;
};

/// Whether the strides of `desc` are those of a row-major buffer.
bool isContiguous(const Descriptor &desc, int64_t rank) {
  int64_t expected = 1;
  for (int64_t i = rank - 1; i >= 0; --i) {
    int64_t size = getSizesAndStrides(desc)[i];
    if (size != 1 && getSizesAndStrides(desc)[rank + i] != expected)
      return false;
    expected *= size;
  }
  return true;
}

} // namespace

extern "C" __attribute__((visibility("default"))) void
memrefCopy(int64_t elementSize, UnrankedMemRef *source,
           UnrankedMemRef *destination) {
  int64_t rank = source->rank;
  const Descriptor &src = *source->descriptor;
  const Descriptor &dst = *destination->descriptor;
  const int64_t *sizes = getSizesAndStrides(src);
  int64_t count = 1;
  for (int64_t i = 0; i < rank; ++i)
    count *= sizes[i];
  if (count == 0)
    return;
  const char *from = src.aligned + src.offset * elementSize;
  char *to = dst.aligned + dst.offset * elementSize;
  if (isContiguous(src, rank) && isContiguous(dst, rank)) {
    std::memmove(to, from, count * elementSize);
    return;
  }
  // Walks the index space in row-major order, one element at a time.
  const int64_t *srcStrides = getSizesAndStrides(src) + rank;
  const int64_t *dstStrides = getSizesAndStrides(dst) + rank;
  std::vector<int64_t> index(rank, 0);
  int64_t srcOffset = 0, dstOffset = 0;
  for (int64_t n = 0; n < count; ++n) {
    std::memcpy(to + dstOffset * elementSize, from + srcOffset * elementSize,
                elementSize);
    for (int64_t d = rank - 1; d >= 0; --d) {
      srcOffset += srcStrides[d];
      dstOffset += dstStrides[d];
      if (++index[d] < sizes[d])
        break;
      srcOffset -= srcStrides[d] * sizes[d];
      dstOffset -= dstStrides[d] * sizes[d];
      index[d] = 0;
    }
  }
}
