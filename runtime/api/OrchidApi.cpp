//===- OrchidApi.cpp - Load and call compiled Orchid libraries ------------===//
//
// The checks stand between a caller's buffers and generated code that
// trusts its shapes: every count is compared with the manifest before an
// entry runs. Nothing here depends on LLVM or MLIR.
//
//===----------------------------------------------------------------------===//

#include "orchid/orchid.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <vector>

struct orchid_library {
  void *handle = nullptr;
  const orchid_manifest *manifest = nullptr;
};

namespace {

/// Per thread, so that concurrent calls report their own failures.
thread_local std::string lastError;

orchid_status fail(orchid_status status, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

orchid_status fail(orchid_status status, const char *format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  lastError = buffer;
  return status;
}

orchid_status succeed() {
  lastError.clear();
  return ORCHID_OK;
}

/// The element count of `tensor`, or -1 when its shape is not valid.
int64_t countElements(const orchid_manifest_tensor &tensor) {
  if (tensor.rank < 0 || tensor.rank > ORCHID_MAX_RANK ||
      (tensor.rank > 0 && !tensor.shape))
    return -1;
  int64_t count = 1;
  for (int64_t i = 0; i < tensor.rank; ++i) {
    if (tensor.shape[i] < 0 ||
        (tensor.shape[i] > 0 && count > INT64_MAX / tensor.shape[i]))
      return -1;
    count *= tensor.shape[i];
  }
  return count;
}

bool validDType(int64_t dtype) {
  return dtype == ORCHID_DTYPE_F32 || dtype == ORCHID_DTYPE_F64 ||
         dtype == ORCHID_DTYPE_C64;
}

/// Checks what the loader relies on, so that a damaged or foreign library
/// is rejected at open rather than misread at a call.
orchid_status checkManifest(const orchid_manifest *m, const char *path) {
  if (m->magic != int64_t(ORCHID_MANIFEST_MAGIC))
    return fail(ORCHID_ERROR_BAD_MANIFEST,
                "'%s': the manifest has a wrong magic number", path);
  if (m->version != ORCHID_MANIFEST_VERSION)
    return fail(ORCHID_ERROR_BAD_MANIFEST,
                "'%s': manifest version %lld, but this loader reads version %d",
                path, (long long)m->version, ORCHID_MANIFEST_VERSION);
  if (m->num_entries < 0 || (m->num_entries > 0 && !m->entries))
    return fail(ORCHID_ERROR_BAD_MANIFEST, "'%s': the manifest has no entries",
                path);
  for (int64_t e = 0; e < m->num_entries; ++e) {
    const orchid_manifest_entry &entry = m->entries[e];
    bool ok = entry.name && entry.function && entry.invoke &&
              entry.num_inputs >= 0 && entry.num_outputs >= 0 &&
              (entry.num_inputs == 0 || entry.inputs) &&
              (entry.num_outputs == 0 || entry.outputs) &&
              (entry.kind == ORCHID_ENTRY_FORWARD ||
               entry.kind == ORCHID_ENTRY_PREPARE);
    for (int64_t i = 0; ok && i < entry.num_inputs; ++i)
      ok = validDType(entry.inputs[i].dtype) &&
           countElements(entry.inputs[i]) >= 0;
    for (int64_t i = 0; ok && i < entry.num_outputs; ++i)
      ok = validDType(entry.outputs[i].dtype) &&
           countElements(entry.outputs[i]) >= 0;
    if (!ok)
      return fail(ORCHID_ERROR_BAD_MANIFEST,
                  "'%s': entry %lld of the manifest is malformed", path,
                  (long long)e);
  }
  return ORCHID_OK;
}

orchid_status checkEntry(const orchid_library *library, int64_t entry) {
  if (!library)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT, "the library is null");
  if (entry < 0 || entry >= library->manifest->num_entries)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT,
                "entry index %lld is out of range (the library has %lld)",
                (long long)entry, (long long)library->manifest->num_entries);
  return ORCHID_OK;
}

const char *dtypeName(int64_t dtype) {
  switch (dtype) {
  case ORCHID_DTYPE_F32:
    return "float32";
  case ORCHID_DTYPE_F64:
    return "float64";
  default:
    return "complex64";
  }
}

/// Checks the buffers of one side (inputs or outputs) of a call.
orchid_status checkBuffers(const orchid_manifest_entry &entry, const char *side,
                           const orchid_manifest_tensor *spec, int64_t expected,
                           const void *const *buffers, const int64_t *sizes,
                           int64_t count) {
  if (count != expected)
    return fail(ORCHID_ERROR_SIZE_MISMATCH,
                "'%s' takes %lld %ss but %lld were given", entry.name,
                (long long)expected, side, (long long)count);
  if (count > 0 && (!buffers || !sizes))
    return fail(ORCHID_ERROR_INVALID_ARGUMENT,
                "'%s': the array of %ss or of their sizes is null", entry.name,
                side);
  for (int64_t i = 0; i < count; ++i) {
    int64_t want = countElements(spec[i]);
    if (sizes[i] != want)
      return fail(ORCHID_ERROR_SIZE_MISMATCH,
                  "'%s': %s %lld has %lld elements but the entry expects "
                  "%lld (%s)",
                  entry.name, side, (long long)i, (long long)sizes[i],
                  (long long)want, dtypeName(spec[i].dtype));
    if (!buffers[i] && want > 0)
      return fail(ORCHID_ERROR_INVALID_ARGUMENT, "'%s': %s %lld is null",
                  entry.name, side, (long long)i);
  }
  return ORCHID_OK;
}

} // namespace

extern "C" {

const char *orchid_last_error(void) { return lastError.c_str(); }

orchid_status orchid_open(const char *path, orchid_library **library) {
  if (!library)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT, "the output handle is null");
  *library = nullptr;
  if (!path)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT, "the path is null");
  // RTLD_LOCAL: several compiled libraries may define the same names.
  void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *why = dlerror();
    return fail(ORCHID_ERROR_LOAD, "cannot load '%s': %s", path,
                why ? why : "unknown error");
  }
  auto *manifest = static_cast<const orchid_manifest *>(
      dlsym(handle, ORCHID_MANIFEST_SYMBOL));
  if (!manifest) {
    dlclose(handle);
    return fail(ORCHID_ERROR_LOAD,
                "'%s' has no '%s' symbol: it was not built by orchid-compile",
                path, ORCHID_MANIFEST_SYMBOL);
  }
  if (orchid_status status = checkManifest(manifest, path)) {
    dlclose(handle);
    return status;
  }
  *library = new orchid_library{handle, manifest};
  return succeed();
}

void orchid_close(orchid_library *library) {
  if (!library)
    return;
  dlclose(library->handle);
  delete library;
}

int64_t orchid_num_entries(const orchid_library *library) {
  return library ? library->manifest->num_entries : 0;
}

orchid_status orchid_entry_info_at(const orchid_library *library, int64_t entry,
                                   orchid_entry_info *info) {
  if (orchid_status status = checkEntry(library, entry))
    return status;
  if (!info)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT, "the output info is null");
  const orchid_manifest_entry &e = library->manifest->entries[entry];
  *info = {e.name,       e.function,   e.seq_len, orchid_entry_kind(e.kind),
           e.num_inputs, e.num_outputs};
  return succeed();
}

orchid_status orchid_tensor_info_at(const orchid_library *library,
                                    int64_t entry, int is_output, int64_t index,
                                    orchid_tensor_info *info) {
  if (orchid_status status = checkEntry(library, entry))
    return status;
  if (!info)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT, "the output info is null");
  const orchid_manifest_entry &e = library->manifest->entries[entry];
  int64_t count = is_output ? e.num_outputs : e.num_inputs;
  if (index < 0 || index >= count)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT,
                "'%s' has %lld %s: index %lld is out of range", e.name,
                (long long)count, is_output ? "outputs" : "inputs",
                (long long)index);
  const orchid_manifest_tensor &t =
      is_output ? e.outputs[index] : e.inputs[index];
  *info = {};
  info->dtype = orchid_dtype(t.dtype);
  info->rank = t.rank;
  std::memcpy(info->shape, t.shape, sizeof(int64_t) * t.rank);
  info->num_elements = countElements(t);
  info->source = t.source;
  return succeed();
}

orchid_status orchid_find_entry(const orchid_library *library, const char *name,
                                int64_t *entry) {
  if (!library || !name || !entry)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT,
                "orchid_find_entry: the library, name or output is null");
  const orchid_manifest *m = library->manifest;
  for (int64_t e = 0; e < m->num_entries; ++e)
    if (std::strcmp(m->entries[e].name, name) == 0) {
      *entry = e;
      return succeed();
    }
  return fail(ORCHID_ERROR_NOT_FOUND, "the library has no entry named '%s'",
              name);
}

orchid_status orchid_lookup(const orchid_library *library, const char *function,
                            int64_t seq_len, orchid_entry_kind kind,
                            int64_t *entry) {
  if (!library || !entry)
    return fail(ORCHID_ERROR_INVALID_ARGUMENT,
                "orchid_lookup: the library or the output is null");
  const orchid_manifest *m = library->manifest;
  // Without a name, the library must hold a single function.
  std::vector<const char *> functions;
  for (int64_t e = 0; e < m->num_entries; ++e) {
    bool seen = false;
    for (const char *f : functions)
      seen = seen || std::strcmp(f, m->entries[e].function) == 0;
    if (!seen)
      functions.push_back(m->entries[e].function);
  }
  if (!function) {
    if (functions.size() != 1)
      return fail(ORCHID_ERROR_INVALID_ARGUMENT,
                  "the library has %zu functions: name one", functions.size());
    function = functions.front();
  }
  std::string lengths;
  for (int64_t e = 0; e < m->num_entries; ++e) {
    const orchid_manifest_entry &candidate = m->entries[e];
    if (std::strcmp(candidate.function, function) != 0 ||
        candidate.kind != kind)
      continue;
    if (candidate.seq_len == seq_len) {
      *entry = e;
      return succeed();
    }
    lengths +=
        (lengths.empty() ? "" : ", ") + std::to_string(candidate.seq_len);
  }
  const char *kindName = kind == ORCHID_ENTRY_PREPARE ? "prepare" : "forward";
  if (lengths.empty())
    return fail(ORCHID_ERROR_NOT_FOUND, "the library has no %s entry of '%s'",
                kindName, function);
  return fail(ORCHID_ERROR_NOT_FOUND,
              "'%s' (%s) was not compiled for length %lld; it was for %s",
              function, kindName, (long long)seq_len, lengths.c_str());
}

orchid_status orchid_call(const orchid_library *library, int64_t entry,
                          const void *const *inputs, const int64_t *input_sizes,
                          int64_t num_inputs, void *const *outputs,
                          const int64_t *output_sizes, int64_t num_outputs) {
  if (orchid_status status = checkEntry(library, entry))
    return status;
  const orchid_manifest_entry &e = library->manifest->entries[entry];
  if (orchid_status status = checkBuffers(e, "input", e.inputs, e.num_inputs,
                                          inputs, input_sizes, num_inputs))
    return status;
  if (orchid_status status = checkBuffers(
          e, "output", e.outputs, e.num_outputs,
          const_cast<const void *const *>(outputs), output_sizes, num_outputs))
    return status;
  std::vector<void *> args;
  args.reserve(num_inputs + num_outputs);
  for (int64_t i = 0; i < num_inputs; ++i)
    args.push_back(const_cast<void *>(inputs[i]));
  for (int64_t i = 0; i < num_outputs; ++i)
    args.push_back(outputs[i]);
  if (int32_t code = e.invoke(args.data()))
    return fail(ORCHID_ERROR_ENTRY, "'%s' failed with code %d", e.name,
                int(code));
  return succeed();
}

orchid_status orchid_run(const orchid_library *library, const char *function,
                         int64_t seq_len, orchid_entry_kind kind,
                         const void *const *inputs, const int64_t *input_sizes,
                         int64_t num_inputs, void *const *outputs,
                         const int64_t *output_sizes, int64_t num_outputs) {
  int64_t entry;
  if (orchid_status status =
          orchid_lookup(library, function, seq_len, kind, &entry))
    return status;
  return orchid_call(library, entry, inputs, input_sizes, num_inputs, outputs,
                     output_sizes, num_outputs);
}

} // extern "C"
