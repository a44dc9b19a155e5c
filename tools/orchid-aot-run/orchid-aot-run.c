/*===- orchid-aot-run.c - Run a compiled Orchid library -------------------===*
 *
 * Calls a library built by orchid-compile through the C API alone, as a
 * program without LLVM would: lists its entry points, or runs one function
 * at one length on .npy inputs given in the order of the source function's
 * arguments (its prepare entry first, when it has one), and writes the
 * result, or compares it with a reference .npy file. --threads runs the forward
 *entry from several threads at once on buffers of their own and checks that
 *they agree; --check-api exercises the API's error paths.
 *
 *===----------------------------------------------------------------------===*/

#include "orchid/orchid.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARGS 64

static int fail(const char *what) {
  fprintf(stderr, "orchid-aot-run: error: %s: %s\n", what, orchid_last_error());
  return 1;
}

static int failMessage(const char *message) {
  fprintf(stderr, "orchid-aot-run: error: %s\n", message);
  return 1;
}

static size_t elementSize(orchid_dtype dtype) {
  return dtype == ORCHID_DTYPE_F32 ? 4 : 8;
}

static const char *dtypeDescr(orchid_dtype dtype) {
  return dtype == ORCHID_DTYPE_F32   ? "<f4"
         : dtype == ORCHID_DTYPE_F64 ? "<f8"
                                     : "<c8";
}

typedef struct {
  char descr[8];
  int64_t count;
  void *data;
} NpyFile;

/* Reads a C-order .npy file of any shape; the caller checks its dtype and
 * element count. */
static int readNpy(const char *path, NpyFile *out) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "orchid-aot-run: error: cannot open '%s'\n", path);
    return 1;
  }
  unsigned char magic[8];
  unsigned headerLen = 0;
  int ok = fread(magic, 1, 8, f) == 8 && memcmp(magic, "\x93NUMPY", 6) == 0;
  if (ok && magic[6] == 1) {
    unsigned char len[2];
    ok = fread(len, 1, 2, f) == 2;
    headerLen = len[0] | (len[1] << 8);
  } else if (ok) {
    unsigned char len[4];
    ok = fread(len, 1, 4, f) == 4;
    headerLen =
        len[0] | (len[1] << 8) | (len[2] << 16) | ((unsigned)len[3] << 24);
  }
  char *header = ok && headerLen < 65536 ? calloc(headerLen + 1, 1) : NULL;
  ok = header && fread(header, 1, headerLen, f) == headerLen;
  const char *descr = ok ? strstr(header, "'descr': '") : NULL;
  const char *shape = ok ? strstr(header, "'shape': (") : NULL;
  ok = descr && shape && strstr(header, "'fortran_order': False");
  if (ok) {
    descr += strlen("'descr': '");
    size_t n = strcspn(descr, "'");
    ok = n < sizeof out->descr;
    if (ok) {
      memcpy(out->descr, descr, n);
      out->descr[n] = 0;
    }
    out->count = 1;
    for (const char *p = shape + strlen("'shape': ("); ok && *p != ')';) {
      char *end;
      long long d = strtoll(p, &end, 10);
      if (end == p) {
        ok = 0;
        break;
      }
      out->count *= d;
      p = end + strspn(end, ", ");
    }
  }
  free(header);
  size_t bytes = 0;
  if (ok) {
    size_t size = out->descr[1] == 'f' && out->descr[2] == '4' ? 4 : 8;
    bytes = (size_t)out->count * size;
    out->data = malloc(bytes ? bytes : 1);
    ok = out->data && fread(out->data, 1, bytes, f) == bytes;
  }
  fclose(f);
  if (!ok)
    fprintf(stderr,
            "orchid-aot-run: error: '%s' is not a .npy file this "
            "program reads\n",
            path);
  return !ok;
}

static int writeNpy(const char *path, const orchid_tensor_info *info,
                    const void *data) {
  char header[256];
  int n = snprintf(header, sizeof header,
                   "{'descr': '%s', 'fortran_order': False, 'shape': (",
                   dtypeDescr(info->dtype));
  for (int64_t i = 0; i < info->rank; ++i)
    n += snprintf(header + n, sizeof header - n, "%lld,",
                  (long long)info->shape[i]);
  n += snprintf(header + n, sizeof header - n, "), }");
  while ((10 + n + 1) % 64)
    header[n++] = ' ';
  header[n++] = '\n';
  FILE *f = fopen(path, "wb");
  unsigned char prefix[10] = {0x93,
                              'N',
                              'U',
                              'M',
                              'P',
                              'Y',
                              1,
                              0,
                              (unsigned char)(n & 0xff),
                              (unsigned char)(n >> 8)};
  size_t bytes = (size_t)info->num_elements * elementSize(info->dtype);
  int ok = f && fwrite(prefix, 1, 10, f) == 10 &&
           fwrite(header, 1, n, f) == (size_t)n &&
           fwrite(data, 1, bytes, f) == bytes;
  if (f)
    ok = fclose(f) == 0 && ok;
  if (!ok)
    fprintf(stderr, "orchid-aot-run: error: cannot write '%s'\n", path);
  return !ok;
}

/* Compares output 0 of `entry` with the float32 .npy file `path`: fails
 * when their relative L2 distance exceeds `tolerance`. */
static int compare(const orchid_library *library, int64_t entry,
                   const void *data, const char *path, double tolerance) {
  orchid_tensor_info info;
  NpyFile expected;
  if (orchid_tensor_info_at(library, entry, 1, 0, &info))
    return fail("orchid_tensor_info_at");
  if (readNpy(path, &expected))
    return 1;
  if (info.dtype != ORCHID_DTYPE_F32 || strcmp(expected.descr, "<f4") ||
      expected.count != info.num_elements) {
    fprintf(stderr,
            "orchid-aot-run: error: '%s' (%s, %lld elements) does "
            "not match output 0\n",
            path, expected.descr, (long long)expected.count);
    return 1;
  }
  const float *a = data, *b = expected.data;
  double diff = 0, norm = 0;
  for (int64_t i = 0; i < info.num_elements; ++i) {
    diff += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
    norm += (double)b[i] * b[i];
  }
  double error = norm > 0 ? sqrt(diff / norm) : sqrt(diff);
  int ok = error <= tolerance;
  printf("output 0: relative L2 error %.3e %s %.1e\n", error, ok ? "<=" : ">",
         tolerance);
  free(expected.data);
  return !ok;
}

static int list(const orchid_library *library) {
  for (int64_t e = 0; e < orchid_num_entries(library); ++e) {
    orchid_entry_info entry;
    if (orchid_entry_info_at(library, e, &entry))
      return fail("orchid_entry_info_at");
    printf("%s: %s L=%lld %s\n", entry.name, entry.function,
           (long long)entry.seq_len,
           entry.kind == ORCHID_ENTRY_PREPARE ? "prepare" : "forward");
    for (int side = 0; side < 2; ++side) {
      int64_t count = side ? entry.num_outputs : entry.num_inputs;
      for (int64_t i = 0; i < count; ++i) {
        orchid_tensor_info t;
        if (orchid_tensor_info_at(library, e, side, i, &t))
          return fail("orchid_tensor_info_at");
        printf("  %s %lld: ", side ? "out" : "in", (long long)i);
        for (int64_t d = 0; d < t.rank; ++d)
          printf("%lldx", (long long)t.shape[d]);
        printf("%s source %lld\n", dtypeDescr(t.dtype), (long long)t.source);
      }
    }
  }
  return 0;
}

/* The buffers of one call of an entry. */
typedef struct {
  const void *in[MAX_ARGS];
  int64_t inSizes[MAX_ARGS];
  void *out[MAX_ARGS];
  int64_t outSizes[MAX_ARGS];
  int64_t numIn, numOut;
} Call;

static int allocateOutputs(const orchid_library *library, int64_t entry,
                           Call *call) {
  orchid_entry_info info;
  if (orchid_entry_info_at(library, entry, &info))
    return fail("orchid_entry_info_at");
  if (info.num_outputs > MAX_ARGS)
    return failMessage("too many outputs");
  call->numOut = info.num_outputs;
  for (int64_t i = 0; i < info.num_outputs; ++i) {
    orchid_tensor_info t;
    if (orchid_tensor_info_at(library, entry, 1, i, &t))
      return fail("orchid_tensor_info_at");
    call->out[i] =
        calloc(t.num_elements ? t.num_elements : 1, elementSize(t.dtype));
    call->outSizes[i] = t.num_elements;
  }
  return 0;
}

static void freeOutputs(Call *call) {
  for (int64_t i = 0; i < call->numOut; ++i)
    free(call->out[i]);
  call->numOut = 0;
}

/* Fills the inputs of `entry` from the source arguments and the results of
 * its prepare call. */
static int gatherInputs(const orchid_library *library, int64_t entry,
                        NpyFile *args, int numArgs, const Call *prepared,
                        Call *call) {
  orchid_entry_info info;
  if (orchid_entry_info_at(library, entry, &info))
    return fail("orchid_entry_info_at");
  if (info.num_inputs > MAX_ARGS)
    return failMessage("too many inputs");
  call->numIn = info.num_inputs;
  for (int64_t i = 0; i < info.num_inputs; ++i) {
    orchid_tensor_info t;
    if (orchid_tensor_info_at(library, entry, 0, i, &t))
      return fail("orchid_tensor_info_at");
    if (t.source < 0) {
      int64_t k = -t.source - 1;
      if (!prepared || k >= prepared->numOut)
        return failMessage("an input comes from a prepare call that is "
                           "missing");
      call->in[i] = prepared->out[k];
      call->inSizes[i] = prepared->outSizes[k];
      continue;
    }
    if (t.source >= numArgs) {
      fprintf(stderr,
              "orchid-aot-run: error: '%s' reads argument %lld but %d "
              "--input files were given\n",
              info.name, (long long)t.source, numArgs);
      return 1;
    }
    if (strcmp(args[t.source].descr, dtypeDescr(t.dtype)) != 0) {
      fprintf(stderr,
              "orchid-aot-run: error: argument %lld is '%s' but '%s' "
              "expects '%s'\n",
              (long long)t.source, args[t.source].descr, info.name,
              dtypeDescr(t.dtype));
      return 1;
    }
    call->in[i] = args[t.source].data;
    call->inSizes[i] = args[t.source].count;
  }
  return 0;
}

static orchid_status invoke(const orchid_library *library, int64_t entry,
                            const Call *call) {
  return orchid_call(library, entry, call->in, call->inSizes, call->numIn,
                     call->out, call->outSizes, call->numOut);
}

typedef struct {
  const orchid_library *library;
  int64_t entry;
  Call call;
  orchid_status status;
  char message[512];
} Worker;

static void *runWorker(void *arg) {
  Worker *w = arg;
  for (int i = 0; i < 4 && w->status == ORCHID_OK; ++i)
    w->status = invoke(w->library, w->entry, &w->call);
  snprintf(w->message, sizeof w->message, "%s", orchid_last_error());
  return NULL;
}

/* Runs `entry` from `threads` threads at once on copies of `call`'s
 * buffers and compares each result with `call`'s. */
static int runConcurrently(const orchid_library *library, int64_t entry,
                           const Call *call, int threads) {
  Worker *workers = calloc(threads, sizeof *workers);
  pthread_t *ids = calloc(threads, sizeof *ids);
  int status = 0, ready = 1;
  for (int t = 0; t < threads; ++t) {
    workers[t].library = library;
    workers[t].entry = entry;
    workers[t].call = *call;
    workers[t].call.numOut = 0;
    ready = ready && !allocateOutputs(library, entry, &workers[t].call);
  }
  status = !ready;
  for (int t = 0; t < threads && ready; ++t)
    pthread_create(&ids[t], NULL, runWorker, &workers[t]);
  for (int t = 0; t < threads && ready; ++t)
    pthread_join(ids[t], NULL);
  for (int t = 0; t < threads && ready; ++t) {
    if (workers[t].status) {
      fprintf(stderr, "orchid-aot-run: error: thread %d: %s\n", t,
              workers[t].message);
      status = 1;
      continue;
    }
    for (int64_t i = 0; i < call->numOut; ++i) {
      orchid_tensor_info info;
      orchid_tensor_info_at(library, entry, 1, i, &info);
      if (memcmp(workers[t].call.out[i], call->out[i],
                 (size_t)info.num_elements * elementSize(info.dtype))) {
        fprintf(stderr,
                "orchid-aot-run: error: thread %d: output %lld differs\n", t,
                (long long)i);
        status = 1;
      }
    }
  }
  if (!status)
    printf("%d threads: outputs agree\n", threads);
  for (int t = 0; t < threads; ++t)
    freeOutputs(&workers[t].call);
  free(workers);
  free(ids);
  return status;
}

/* Expects `status` to be `want`; prints the message either way. */
static int expect(const char *what, orchid_status status, orchid_status want) {
  printf("%s: status %d: %s\n", what, (int)status, orchid_last_error());
  if (status == want)
    return 0;
  fprintf(stderr, "orchid-aot-run: error: %s returned %d, expected %d\n", what,
          (int)status, (int)want);
  return 1;
}

/* Misuses the API on a valid library: each call must fail cleanly. */
static int checkApi(const orchid_library *library, const char *function,
                    int64_t seqLen, int64_t entry, const Call *call) {
  int failures = 0;
  int64_t index;
  orchid_library *none;
  Call bad = *call;
  failures += expect("open null path", orchid_open(NULL, &none),
                     ORCHID_ERROR_INVALID_ARGUMENT);
  failures +=
      expect("open missing file", orchid_open("/nonexistent/lib.so", &none),
             ORCHID_ERROR_LOAD);
  failures += expect("open without a manifest", orchid_open("libm.so.6", &none),
                     ORCHID_ERROR_LOAD);
  failures += expect("unknown entry",
                     orchid_find_entry(library, "no_such_entry", &index),
                     ORCHID_ERROR_NOT_FOUND);
  failures += expect("length not compiled",
                     orchid_lookup(library, function, seqLen + 1,
                                   ORCHID_ENTRY_FORWARD, &index),
                     ORCHID_ERROR_NOT_FOUND);
  failures += expect("unknown function",
                     orchid_lookup(library, "no_such_function", seqLen,
                                   ORCHID_ENTRY_FORWARD, &index),
                     ORCHID_ERROR_NOT_FOUND);
  failures +=
      expect("null library",
             orchid_call(NULL, entry, call->in, call->inSizes, call->numIn,
                         call->out, call->outSizes, call->numOut),
             ORCHID_ERROR_INVALID_ARGUMENT);
  failures += expect("entry out of range",
                     orchid_call(library, orchid_num_entries(library), call->in,
                                 call->inSizes, call->numIn, call->out,
                                 call->outSizes, call->numOut),
                     ORCHID_ERROR_INVALID_ARGUMENT);
  failures += expect("too few inputs",
                     orchid_call(library, entry, call->in, call->inSizes,
                                 call->numIn - 1, call->out, call->outSizes,
                                 call->numOut),
                     ORCHID_ERROR_SIZE_MISMATCH);
  failures +=
      expect("null input array",
             orchid_call(library, entry, NULL, call->inSizes, call->numIn,
                         call->out, call->outSizes, call->numOut),
             ORCHID_ERROR_INVALID_ARGUMENT);
  bad.inSizes[0] = call->inSizes[0] - 1;
  failures += expect("wrong input size", invoke(library, entry, &bad),
                     ORCHID_ERROR_SIZE_MISMATCH);
  bad = *call;
  bad.outSizes[0] = call->outSizes[0] * 2;
  failures += expect("wrong output size", invoke(library, entry, &bad),
                     ORCHID_ERROR_SIZE_MISMATCH);
  bad = *call;
  bad.in[0] = NULL;
  failures += expect("null input", invoke(library, entry, &bad),
                     ORCHID_ERROR_INVALID_ARGUMENT);
  bad = *call;
  bad.out[0] = NULL;
  failures += expect("null output", invoke(library, entry, &bad),
                     ORCHID_ERROR_INVALID_ARGUMENT);
  failures += expect("valid call", invoke(library, entry, call), ORCHID_OK);
  return failures != 0;
}

static int usage(void) {
  fprintf(stderr,
          "usage: orchid-aot-run LIB --list\n"
          "       orchid-aot-run LIB --seq-len L [--function F] "
          "--input A.npy ...\n"
          "           [--output Y.npy] [--compare REF.npy [--tolerance T]] "
          "[--threads N] [--check-api]\n");
  return 2;
}

int main(int argc, char **argv) {
  if (argc < 3)
    return usage();
  const char *path = argv[1], *function = NULL, *output = NULL,
             *reference = NULL;
  double tolerance = 1e-4;
  const char *inputs[MAX_ARGS];
  int numInputs = 0, doList = 0, threads = 0, doCheckApi = 0;
  int64_t seqLen = 0;
  for (int i = 2; i < argc; ++i) {
    const char *a = argv[i];
    int hasValue = i + 1 < argc;
    if (!strcmp(a, "--list"))
      doList = 1;
    else if (!strcmp(a, "--check-api"))
      doCheckApi = 1;
    else if (!strcmp(a, "--seq-len") && hasValue)
      seqLen = strtoll(argv[++i], NULL, 10);
    else if (!strcmp(a, "--function") && hasValue)
      function = argv[++i];
    else if (!strcmp(a, "--output") && hasValue)
      output = argv[++i];
    else if (!strcmp(a, "--compare") && hasValue)
      reference = argv[++i];
    else if (!strcmp(a, "--tolerance") && hasValue)
      tolerance = strtod(argv[++i], NULL);
    else if (!strcmp(a, "--threads") && hasValue)
      threads = atoi(argv[++i]);
    else if (!strcmp(a, "--input") && hasValue && numInputs < MAX_ARGS)
      inputs[numInputs++] = argv[++i];
    else
      return usage();
  }

  orchid_library *library;
  if (orchid_open(path, &library))
    return fail("orchid_open");
  if (doList) {
    int status = list(library);
    orchid_close(library);
    return status;
  }

  NpyFile args[MAX_ARGS];
  for (int i = 0; i < numInputs; ++i)
    if (readNpy(inputs[i], &args[i]))
      return 1;
  int64_t prepareEntry, forwardEntry;
  int hasPrepare = orchid_lookup(library, function, seqLen,
                                 ORCHID_ENTRY_PREPARE, &prepareEntry) == 0;
  if (orchid_lookup(library, function, seqLen, ORCHID_ENTRY_FORWARD,
                    &forwardEntry))
    return fail("orchid_lookup");
  Call prepared = {0}, call = {0};
  if (hasPrepare) {
    if (gatherInputs(library, prepareEntry, args, numInputs, NULL, &prepared) ||
        allocateOutputs(library, prepareEntry, &prepared))
      return 1;
    if (invoke(library, prepareEntry, &prepared))
      return fail("prepare");
  }
  if (gatherInputs(library, forwardEntry, args, numInputs,
                   hasPrepare ? &prepared : NULL, &call) ||
      allocateOutputs(library, forwardEntry, &call))
    return 1;
  if (invoke(library, forwardEntry, &call))
    return fail("forward");
  if (output) {
    orchid_tensor_info info;
    if (orchid_tensor_info_at(library, forwardEntry, 1, 0, &info) ||
        writeNpy(output, &info, call.out[0]))
      return 1;
  }
  int status = 0;
  if (reference)
    status |= compare(library, forwardEntry, call.out[0], reference, tolerance);
  if (threads > 0)
    status |= runConcurrently(library, forwardEntry, &call, threads);
  if (doCheckApi) {
    orchid_entry_info info;
    orchid_entry_info_at(library, forwardEntry, &info);
    status |= checkApi(library, info.function, seqLen, forwardEntry, &call);
  }
  freeOutputs(&call);
  freeOutputs(&prepared);
  for (int i = 0; i < numInputs; ++i)
    free(args[i].data);
  orchid_close(library);
  return status;
}
