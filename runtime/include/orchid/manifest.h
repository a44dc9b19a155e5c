/*===- manifest.h - What a compiled Orchid library holds ----------*- C -*-===*
 *
 * orchid-compile writes one `orchid_manifest` into every library it builds,
 * under the symbol ORCHID_MANIFEST_SYMBOL. It lists each entry point (one
 * per function, sequence length and kind), the dtype and shape of each of
 * its arguments, and a uniform way to call it, so that a loader needs
 * neither the header nor a foreign-function library. Every field is 64 bits
 * wide: the layout is the same for every compiler of the x86-64 and AArch64
 * ABIs.
 *
 *===----------------------------------------------------------------------===*/

#ifndef ORCHID_MANIFEST_H
#define ORCHID_MANIFEST_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ORCHID_MANIFEST_SYMBOL "orchid_manifest"
/* "ORCHIDLB" in little-endian byte order. */
#define ORCHID_MANIFEST_MAGIC 0x424c44494843524fULL
#define ORCHID_MANIFEST_VERSION 1

typedef enum orchid_dtype {
  ORCHID_DTYPE_F32 = 1,
  ORCHID_DTYPE_F64 = 2,
  /* Interleaved (real, imaginary) float pairs; one element is one pair. */
  ORCHID_DTYPE_C64 = 3
} orchid_dtype;

typedef enum orchid_entry_kind {
  /* The function itself (after the filter work, when it has a prepare). */
  ORCHID_ENTRY_FORWARD = 0,
  /* Its filter work: weights in, kernel spectra out (docs/weights.md). */
  ORCHID_ENTRY_PREPARE = 1
} orchid_entry_kind;

typedef struct orchid_manifest_tensor {
  int64_t dtype; /* an orchid_dtype */
  int64_t rank;
  const int64_t *shape; /* `rank` sizes, row-major (C order), contiguous */
  /* Inputs: the index of the argument of the source function this is (>= 0),
   * or -(k + 1) for result k of the entry's prepare. Results: the index of
   * the result. */
  int64_t source;
} orchid_manifest_tensor;

typedef struct orchid_manifest_entry {
  const char *name;     /* its C symbol, e.g. "hyena_L1000_prepare" */
  const char *function; /* the source function, e.g. "hyena" */
  int64_t seq_len;
  int64_t kind; /* an orchid_entry_kind */
  int64_t num_inputs;
  int64_t num_outputs;
  const orchid_manifest_tensor *inputs;
  const orchid_manifest_tensor *outputs;
  /* Calls the entry with args[0 .. num_inputs) the inputs and the next
   * num_outputs pointers the caller-allocated outputs; returns what the
   * entry returns. */
  int32_t (*invoke)(void *const *args);
} orchid_manifest_entry;

typedef struct orchid_manifest {
  int64_t magic;   /* ORCHID_MANIFEST_MAGIC */
  int64_t version; /* ORCHID_MANIFEST_VERSION */
  int64_t num_entries;
  const orchid_manifest_entry *entries;
} orchid_manifest;

/* What the entry points return. */
#define ORCHID_ENTRY_OK 0
#define ORCHID_ENTRY_NULL_POINTER 1
#define ORCHID_ENTRY_UNKNOWN_LENGTH 2

#ifdef __cplusplus
}
#endif

#endif /* ORCHID_MANIFEST_H */
