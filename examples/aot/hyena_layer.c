/* A program that uses a Hyena block compiled ahead of time, as a service
 * would: it opens the library through the C API, and for each length the
 * library was compiled for, runs the prepare entry once on the filter
 * weights and then times forward calls on an input of that length. The
 * weights are seeded random numbers; a real program reads trained ones
 * (docs/weights.md names them). */

#define _POSIX_C_SOURCE 199309L

#include "orchid/orchid.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_ARGS 32

static float *randomBuffer(int64_t count, unsigned *state) {
  float *data = malloc(sizeof(float) * (count ? count : 1));
  for (int64_t i = 0; i < count; ++i) {
    *state = *state * 1103515245u + 12345u;
    data[i] = (float)(*state >> 8) / (1 << 24) - 0.5f;
  }
  return data;
}

/* The buffers of one entry: inputs from the block's arguments `args` (by
 * their source index) or from `prepared`, outputs newly allocated. */
typedef struct {
  const void *in[MAX_ARGS];
  int64_t inSizes[MAX_ARGS], numIn;
  void *out[MAX_ARGS];
  int64_t outSizes[MAX_ARGS], numOut;
} Buffers;

static int bind(const orchid_library *lib, int64_t entry, float **args,
                int64_t *argSizes, const Buffers *prepared, Buffers *b) {
  orchid_entry_info info;
  if (orchid_entry_info_at(lib, entry, &info))
    return 1;
  b->numIn = info.num_inputs;
  b->numOut = info.num_outputs;
  for (int64_t i = 0; i < info.num_inputs; ++i) {
    orchid_tensor_info t;
    if (orchid_tensor_info_at(lib, entry, 0, i, &t))
      return 1;
    if (t.source < 0) {
      b->in[i] = prepared->out[-t.source - 1];
      b->inSizes[i] = prepared->outSizes[-t.source - 1];
    } else {
      b->in[i] = args[t.source];
      b->inSizes[i] = argSizes[t.source];
    }
  }
  for (int64_t i = 0; i < info.num_outputs; ++i) {
    orchid_tensor_info t;
    if (orchid_tensor_info_at(lib, entry, 1, i, &t))
      return 1;
    /* complex64 outputs are two floats per element. */
    int64_t floats = t.num_elements * (t.dtype == ORCHID_DTYPE_F32 ? 1 : 2);
    b->out[i] = malloc(sizeof(float) * (floats ? floats : 1));
    b->outSizes[i] = t.num_elements;
  }
  return 0;
}

static void release(Buffers *b) {
  for (int64_t i = 0; i < b->numOut; ++i)
    free(b->out[i]);
}

static int call(const orchid_library *lib, int64_t entry, const Buffers *b) {
  return orchid_call(lib, entry, b->in, b->inSizes, b->numIn, b->out,
                     b->outSizes, b->numOut);
}

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s LIBRARY\n", argv[0]);
    return 2;
  }
  orchid_library *lib;
  if (orchid_open(argv[1], &lib)) {
    fprintf(stderr, "error: %s\n", orchid_last_error());
    return 1;
  }
  int status = 0;
  for (int64_t e = 0; e < orchid_num_entries(lib) && !status; ++e) {
    orchid_entry_info info;
    int64_t prepare, forward;
    if (orchid_entry_info_at(lib, e, &info) ||
        info.kind != ORCHID_ENTRY_FORWARD)
      continue;
    forward = e;
    if (orchid_lookup(lib, info.function, info.seq_len, ORCHID_ENTRY_PREPARE,
                      &prepare)) {
      fprintf(stderr, "error: %s\n", orchid_last_error());
      return 1;
    }
    /* The block's arguments, by source index, sized from the manifest. */
    float *args[MAX_ARGS] = {0};
    int64_t argSizes[MAX_ARGS] = {0};
    unsigned state = 1;
    for (int side = 0; side < 2; ++side) {
      int64_t entry = side ? forward : prepare;
      orchid_entry_info ei;
      orchid_entry_info_at(lib, entry, &ei);
      for (int64_t i = 0; i < ei.num_inputs; ++i) {
        orchid_tensor_info t;
        orchid_tensor_info_at(lib, entry, 0, i, &t);
        if (t.source >= 0 && t.source < MAX_ARGS && !args[t.source]) {
          args[t.source] = randomBuffer(t.num_elements, &state);
          argSizes[t.source] = t.num_elements;
        }
      }
    }
    Buffers spectra = {0}, layer = {0};
    double start = seconds();
    status = bind(lib, prepare, args, argSizes, NULL, &spectra) ||
             call(lib, prepare, &spectra);
    double prepared = seconds();
    status = status || bind(lib, forward, args, argSizes, &spectra, &layer) ||
             call(lib, forward, &layer);
    const int calls = 10;
    double first = seconds();
    for (int i = 0; i < calls && !status; ++i)
      status = call(lib, forward, &layer);
    double end = seconds();
    if (status) {
      fprintf(stderr, "error: %s\n", orchid_last_error());
    } else {
      const float *y = layer.out[0];
      printf("%s: L = %lld: prepare %.3f ms, forward %.3f ms (mean of %d), "
             "y[0] = %g\n",
             info.function, (long long)info.seq_len, 1e3 * (prepared - start),
             1e3 * (end - first) / calls, calls, y[0]);
    }
    release(&spectra);
    release(&layer);
    for (int i = 0; i < MAX_ARGS; ++i)
      free(args[i]);
  }
  orchid_close(lib);
  return status;
}
