/*===- orchid.h - Load and call compiled Orchid libraries ---------*- C -*-===*
 *
 * The C API of liborchid_api: open a library that orchid-compile built,
 * list its entry points (their lengths and the shapes of their arguments)
 * and call them with sizes checked against its manifest. Every function
 * returns an orchid_status; on failure orchid_last_error() gives a message
 * for the calling thread. A library handle may be used by several threads
 * at once, each calling entries on buffers of its own.
 *
 *===----------------------------------------------------------------------===*/

#ifndef ORCHID_ORCHID_H
#define ORCHID_ORCHID_H

#include "orchid/manifest.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum orchid_status {
  ORCHID_OK = 0,
  /* A null pointer, a negative count or an index out of range. */
  ORCHID_ERROR_INVALID_ARGUMENT = 1,
  /* dlopen failed, or the library has no manifest. */
  ORCHID_ERROR_LOAD = 2,
  /* The manifest's magic number, version or contents are wrong. */
  ORCHID_ERROR_BAD_MANIFEST = 3,
  /* No entry of that name, function, kind or sequence length. */
  ORCHID_ERROR_NOT_FOUND = 4,
  /* A count of arguments or of elements differs from the manifest. */
  ORCHID_ERROR_SIZE_MISMATCH = 5,
  /* The entry point itself reported an error. */
  ORCHID_ERROR_ENTRY = 6
} orchid_status;

typedef struct orchid_library orchid_library;

/* What orchid_entry_info reports; the strings live as long as the library. */
typedef struct orchid_entry_info {
  const char *name;
  const char *function;
  int64_t seq_len;
  orchid_entry_kind kind;
  int64_t num_inputs;
  int64_t num_outputs;
} orchid_entry_info;

#define ORCHID_MAX_RANK 8

typedef struct orchid_tensor_info {
  orchid_dtype dtype;
  int64_t rank;
  int64_t shape[ORCHID_MAX_RANK];
  int64_t num_elements;
  int64_t source; /* as orchid_manifest_tensor::source */
} orchid_tensor_info;

/* The message of the calling thread's last failed call ("" if none). */
const char *orchid_last_error(void);

/* Loads the library at `path` and checks its manifest. */
orchid_status orchid_open(const char *path, orchid_library **library);
/* Unloads it; null is ignored. No call may be running on it. */
void orchid_close(orchid_library *library);

int64_t orchid_num_entries(const orchid_library *library);
orchid_status orchid_entry_info_at(const orchid_library *library, int64_t entry,
                                   orchid_entry_info *info);
/* Input (is_output = 0) or output `index` of `entry`. */
orchid_status orchid_tensor_info_at(const orchid_library *library,
                                    int64_t entry, int is_output, int64_t index,
                                    orchid_tensor_info *info);
/* The index of the entry named `name`. */
orchid_status orchid_find_entry(const orchid_library *library, const char *name,
                                int64_t *entry);
/* The index of the entry of `function` (null: the library's only function)
 * compiled for `seq_len`, of `kind`. */
orchid_status orchid_lookup(const orchid_library *library, const char *function,
                            int64_t seq_len, orchid_entry_kind kind,
                            int64_t *entry);

/* Calls `entry` on `num_inputs` input buffers and `num_outputs` output
 * buffers; `input_sizes[i]` and `output_sizes[i]` are the element counts
 * of those buffers (complex elements count once), and each must equal the
 * count of the manifest's shape. */
orchid_status orchid_call(const orchid_library *library, int64_t entry,
                          const void *const *inputs, const int64_t *input_sizes,
                          int64_t num_inputs, void *const *outputs,
                          const int64_t *output_sizes, int64_t num_outputs);

/* orchid_lookup then orchid_call. */
orchid_status orchid_run(const orchid_library *library, const char *function,
                         int64_t seq_len, orchid_entry_kind kind,
                         const void *const *inputs, const int64_t *input_sizes,
                         int64_t num_inputs, void *const *outputs,
                         const int64_t *output_sizes, int64_t num_outputs);

#ifdef __cplusplus
}
#endif

#endif /* ORCHID_ORCHID_H */
