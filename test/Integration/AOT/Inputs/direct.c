/* Calls the entry points of a library built from conv.mlir for L = 16,
 * 100, 4096 and 8192 directly, through the header orchid-compile wrote, and
 * compares them with a direct causal convolution in double precision. The
 * last two lengths both generate an 8192-point transform of the same name,
 * which the library holds twice. */

#include "libconv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { B = 2, C = 3 };

/* y[b, c, t] = sum_{s <= t} k[c, s] u[b, c, t - s] + bias[c] u[b, c, t]. */
static double check(int64_t L, const float *u, const float *k,
                    const float *bias, const float *y) {
  double diff = 0, norm = 0;
  for (int b = 0; b < B; ++b)
    for (int c = 0; c < C; ++c)
      for (int64_t t = 0; t < L; ++t) {
        const float *row = u + (b * C + c) * L;
        double want = (double)bias[c] * row[t];
        for (int64_t s = 0; s <= t; ++s)
          want += (double)k[c * L + s] * row[t - s];
        double got = y[(b * C + c) * L + t];
        diff += (got - want) * (got - want);
        norm += want * want;
      }
  return sqrt(diff / norm);
}

typedef int32_t (*Entry)(const float *, const float *, const float *, float *);

static int run(int64_t L, Entry entry) {
  float *u = malloc(sizeof(float) * B * C * L);
  float *k = malloc(sizeof(float) * C * L);
  float *y = malloc(sizeof(float) * B * C * L);
  float *z = malloc(sizeof(float) * B * C * L);
  float bias[C] = {0.5f, -0.25f, 1.0f};
  unsigned state = 12345;
  for (int64_t i = 0; i < B * C * L; ++i)
    u[i] =
        (float)((state = state * 1103515245u + 12345u) >> 8) / (1 << 24) - 0.5f;
  for (int64_t i = 0; i < C * L; ++i)
    k[i] =
        (float)((state = state * 1103515245u + 12345u) >> 8) / (1 << 24) - 0.5f;
  int direct = entry(u, k, bias, y);
  int dispatched = conv(L, u, k, bias, z);
  double error = check(L, u, k, bias, y);
  int same = 1;
  for (int64_t i = 0; i < B * C * L; ++i)
    same = same && y[i] == z[i];
  printf("L = %lld: codes %d %d, relative L2 error %.3e, dispatcher %s\n",
         (long long)L, direct, dispatched, error, same ? "agrees" : "differs");
  free(u), free(k), free(y), free(z);
  return direct || dispatched || !(error <= 1e-5) || !same;
}

int main(void) {
  float x = 0;
  int status = run(16, conv_L16) | run(100, conv_L100) | run(4096, conv_L4096) |
               run(8192, conv_L8192);
  int unknown = conv(17, &x, &x, &x, &x);
  int null = conv_L16(&x, NULL, &x, &x);
  printf("L = 17: code %d; a null pointer: code %d\n", unknown, null);
  return status || unknown != 2 || null != 1;
}
