//===- Gemm.cpp - The GEMM that CPU kernels call --------------------------===//
//
// orchid_sgemm(A, B, C) computes C += A B for 2-D f32 memrefs of any
// strides (orchid-convert-matmul-to-runtime emits the calls). Operands with
// a unit stride in one dimension go to OpenBLAS (a column-major operand as
// a transposed one); others, which the Orchid passes do not produce, take a
// plain loop.
//
//===----------------------------------------------------------------------===//

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <cblas.h>

#include <algorithm>
#include <cstdint>
#include <optional>

namespace {

using Memref2D = StridedMemRefType<float, 2>;

/// The first element of `m`.
float *getStart(const Memref2D &m) { return m.data + m.offset; }

/// How BLAS sees a rows x cols operand: row-major with a leading dimension,
/// or the transpose of a row-major cols x rows matrix.
struct BlasLayout {
  CBLAS_TRANSPOSE trans;
  int64_t ld;
};

std::optional<BlasLayout> getBlasLayout(const Memref2D &m) {
  int64_t rows = m.sizes[0], cols = m.sizes[1];
  if ((m.strides[1] == 1 || cols == 1) &&
      m.strides[0] >= std::max<int64_t>(cols, 1))
    return BlasLayout{CblasNoTrans, m.strides[0]};
  if ((m.strides[0] == 1 || rows == 1) &&
      m.strides[1] >= std::max<int64_t>(rows, 1))
    return BlasLayout{CblasTrans, m.strides[1]};
  return std::nullopt;
}

} // namespace

extern "C" __attribute__((visibility("default"))) void
_mlir_ciface_orchid_sgemm(Memref2D *a, Memref2D *b, Memref2D *c) {
  int64_t m = c->sizes[0], n = c->sizes[1], k = a->sizes[1];
  if (m == 0 || n == 0 || k == 0)
    return;
  std::optional<BlasLayout> la = getBlasLayout(*a), lb = getBlasLayout(*b);
  std::optional<BlasLayout> lc = getBlasLayout(*c);
  if (la && lb && lc && lc->trans == CblasNoTrans) {
    cblas_sgemm(CblasRowMajor, la->trans, lb->trans, m, n, k, 1.0f,
                getStart(*a), la->ld, getStart(*b), lb->ld, 1.0f, getStart(*c),
                lc->ld);
    return;
  }
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      float sum = 0;
      for (int64_t p = 0; p < k; ++p)
        sum += getStart(*a)[i * a->strides[0] + p * a->strides[1]] *
               getStart(*b)[p * b->strides[0] + j * b->strides[1]];
      getStart(*c)[i * c->strides[0] + j * c->strides[1]] += sum;
    }
}
