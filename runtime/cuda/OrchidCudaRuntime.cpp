//===- OrchidCudaRuntime.cpp - mgpu* functions over the CUDA driver -------===//
//
// Implements the functions declared in OrchidCudaRuntime.h on the CUDA
// driver API, resolved from libcuda.so.1 at run time through the symbol
// table in CudaDriverSymbols.def. Nothing here needs the CUDA toolkit: the
// few driver types are declared below with the driver's ABI.
//
//===----------------------------------------------------------------------===//

#include "OrchidCudaRuntime.h"

#include "runtime/BlockCache.h"

#include <dlfcn.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <optional>
#include <string>

namespace {
using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = struct CUctx_st *;
using CUmodule = struct CUmod_st *;
using CUfunction = struct CUfunc_st *;
using CUstream = struct CUstream_st *;
using CUevent = struct CUevent_st *;

constexpr CUresult kCudaSuccess = 0;
constexpr CUresult kCudaErrorOutOfMemory = 2;
constexpr unsigned kStreamNonBlocking = 0x1;
constexpr unsigned kEventDisableTiming = 0x2;
constexpr unsigned kMemAttachGlobal = 0x1;
constexpr unsigned kHostRegisterPortable = 0x1;
constexpr int kFuncAttrMaxDynamicSharedBytes = 8;
constexpr int kDevAttrMaxSharedPerBlockOptin = 97;
// cuModuleLoadDataEx options for PTX JIT with an error log.
constexpr int kJitErrorLogBuffer = 5;
constexpr int kJitErrorLogBufferSizeBytes = 6;
constexpr int kJitOptimizationLevel = 7;
// Above this, a kernel must opt in to its dynamic shared memory size.
constexpr int32_t kDefaultSharedBytes = 48 * 1024;

/// The resolved driver entry points.
struct CudaDriver {
#define CU_SYMBOL(name, symbol, params) CUresult(*name) params = nullptr;
#include "CudaDriverSymbols.def"
};

struct RuntimeState {
  std::mutex mutex;
  bool initialized = false;
  bool available = false;
  bool verbose = true;
  int device = 0;
  CudaDriver driver;
  CUcontext context = nullptr;
  std::string lastError;
  bool hasError = false;
};

RuntimeState &state() {
  static RuntimeState s;
  return s;
}

/// Records the first error since the last clear and prints every error.
void reportError(const char *fmt, ...) {
  RuntimeState &s = state();
  char buffer[1024];
  va_list args;
  va_start(args, fmt);
  vsnprintf(buffer, sizeof(buffer), fmt, args);
  va_end(args);
  if (!s.hasError) {
    s.lastError = buffer;
    s.hasError = true;
  }
  if (s.verbose)
    fprintf(stderr, "orchid-cuda-runtime: %s\n", buffer);
}

/// Loads the driver, initialises it and retains the primary context of the
/// default device. Failures are reported once; later calls see
/// `available == false` and record a short error instead.
bool initialize() {
  RuntimeState &s = state();
  std::lock_guard<std::mutex> lock(s.mutex);
  if (s.initialized)
    return s.available;
  s.initialized = true;

  const char *library = getenv("ORCHID_CUDA_DRIVER");
  if (!library || !*library)
    library = "libcuda.so.1";
  void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    reportError("cannot load the CUDA driver (%s): %s", library, dlerror());
    return false;
  }
  CudaDriver &d = s.driver;
#define CU_SYMBOL(name, symbol, params)                                        \
  d.name = reinterpret_cast<decltype(d.name)>(dlsym(handle, symbol));          \
  if (!d.name) {                                                               \
    reportError("the CUDA driver (%s) lacks %s", library, symbol);             \
    return false;                                                              \
  }
#include "CudaDriverSymbols.def"

  CUresult err = d.cuInit(0);
  int count = 0;
  if (err == kCudaSuccess)
    err = d.cuDeviceGetCount(&count);
  if (err != kCudaSuccess) {
    const char *msg = nullptr;
    d.cuGetErrorString(err, &msg);
    reportError("cuInit failed: %s", msg ? msg : "unknown error");
    return false;
  }
  if (count <= s.device) {
    reportError("no CUDA device %d (found %d)", s.device, count);
    return false;
  }
  CUdevice device;
  if (d.cuDeviceGet(&device, s.device) != kCudaSuccess ||
      d.cuDevicePrimaryCtxRetain(&s.context, device) != kCudaSuccess) {
    reportError("cannot retain the primary context of device %d", s.device);
    return false;
  }
  s.available = true;
  return true;
}

/// Makes the runtime's context current on this thread; false (with an
/// error recorded for `caller`) when there is no usable driver.
bool enter(const char *caller) {
  if (!initialize()) {
    reportError("%s: CUDA is not available", caller);
    return false;
  }
  RuntimeState &s = state();
  if (s.driver.cuCtxSetCurrent(s.context) != kCudaSuccess) {
    reportError("%s: cannot make the CUDA context current", caller);
    return false;
  }
  return true;
}

/// Checks a driver result; returns true on success.
bool check(CUresult err, const char *expr) {
  if (err == kCudaSuccess)
    return true;
  const char *msg = nullptr;
  state().driver.cuGetErrorString(err, &msg);
  reportError("%s failed: %s", expr, msg ? msg : "unknown error");
  return false;
}

CudaDriver &cu() { return state().driver; }

#define CHECK(expr) check(expr, #expr)

/// A strided memref descriptor as passed by the C interface.
struct MemRefDescriptor {
  char *allocated;
  char *aligned;
  int64_t offset;
  int64_t sizesAndStrides[1];
};

/// The host range a memref descriptor of `rank` covers.
void memRefRange(int64_t rank, void *desc, int64_t elementSizeBytes,
                 void *&begin, uint64_t &sizeBytes) {
  auto *d = static_cast<MemRefDescriptor *>(desc);
  int64_t elements = 1;
  for (int64_t i = 0; i < rank; ++i)
    elements *= d->sizesAndStrides[i];
  begin = d->aligned + d->offset * elementSizeBytes;
  sizeBytes = static_cast<uint64_t>(elements * elementSizeBytes);
}
} // namespace

//===----------------------------------------------------------------------===//
// Status
//===----------------------------------------------------------------------===//

bool orchidCudaIsAvailable() { return initialize(); }

const char *orchidCudaGetLastError() {
  RuntimeState &s = state();
  return s.hasError ? s.lastError.c_str() : nullptr;
}

void orchidCudaClearError() {
  state().hasError = false;
  state().lastError.clear();
}

void orchidCudaSetVerbose(bool verbose) { state().verbose = verbose; }

//===----------------------------------------------------------------------===//
// Modules and launches
//===----------------------------------------------------------------------===//

void *mgpuModuleLoad(void *data, size_t /*gpuBlobSize*/) {
  CUmodule module = nullptr;
  if (enter("mgpuModuleLoad"))
    CHECK(cu().cuModuleLoadData(&module, data));
  return module;
}

void *mgpuModuleLoadJIT(void *data, int optLevel) {
  CUmodule module = nullptr;
  if (!enter("mgpuModuleLoadJIT"))
    return nullptr;
  char log[8192] = {0};
  int options[] = {kJitErrorLogBuffer, kJitErrorLogBufferSizeBytes,
                   kJitOptimizationLevel};
  void *values[] = {log, reinterpret_cast<void *>(sizeof(log)),
                    reinterpret_cast<void *>(static_cast<intptr_t>(optLevel))};
  if (!CHECK(cu().cuModuleLoadDataEx(&module, data, 3, options, values)) &&
      log[0])
    reportError("PTX JIT log: %s", log);
  return module;
}

void mgpuModuleUnload(void *module) {
  if (module && enter("mgpuModuleUnload"))
    CHECK(cu().cuModuleUnload(static_cast<CUmodule>(module)));
}

void *mgpuModuleGetFunction(void *module, const char *name) {
  CUfunction function = nullptr;
  if (!module) {
    reportError("mgpuModuleGetFunction(%s): the GPU module was not loaded",
                name);
    return nullptr;
  }
  if (enter("mgpuModuleGetFunction"))
    CHECK(cu().cuModuleGetFunction(&function, static_cast<CUmodule>(module),
                                   name));
  return function;
}

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream,
                      void **params, void **extra, size_t /*paramsCount*/) {
  if (!function) {
    reportError("mgpuLaunchKernel: no kernel function");
    return;
  }
  if (!enter("mgpuLaunchKernel"))
    return;
  auto fn = static_cast<CUfunction>(function);
  if (smem > kDefaultSharedBytes) {
    int maxShared = 0, device = state().device;
    CHECK(cu().cuDeviceGetAttribute(&maxShared, kDevAttrMaxSharedPerBlockOptin,
                                    device));
    if (smem > maxShared) {
      reportError("mgpuLaunchKernel: %d bytes of shared memory requested, "
                  "the device allows %d",
                  smem, maxShared);
      return;
    }
    if (!CHECK(
            cu().cuFuncSetAttribute(fn, kFuncAttrMaxDynamicSharedBytes, smem)))
      return;
  }
  CHECK(cu().cuLaunchKernel(fn, gridX, gridY, gridZ, blockX, blockY, blockZ,
                            smem, static_cast<CUstream>(stream), params,
                            extra));
}

//===----------------------------------------------------------------------===//
// Streams and events
//===----------------------------------------------------------------------===//

void *mgpuStreamCreate() {
  CUstream stream = nullptr;
  if (enter("mgpuStreamCreate"))
    CHECK(cu().cuStreamCreate(&stream, kStreamNonBlocking));
  return stream;
}

void mgpuStreamDestroy(void *stream) {
  if (stream && enter("mgpuStreamDestroy"))
    CHECK(cu().cuStreamDestroy(static_cast<CUstream>(stream)));
}

void mgpuStreamSynchronize(void *stream) {
  if (enter("mgpuStreamSynchronize"))
    CHECK(cu().cuStreamSynchronize(static_cast<CUstream>(stream)));
}

void mgpuStreamWaitEvent(void *stream, void *event) {
  if (enter("mgpuStreamWaitEvent"))
    CHECK(cu().cuStreamWaitEvent(static_cast<CUstream>(stream),
                                 static_cast<CUevent>(event), 0));
}

void *mgpuEventCreate() {
  CUevent event = nullptr;
  if (enter("mgpuEventCreate"))
    CHECK(cu().cuEventCreate(&event, kEventDisableTiming));
  return event;
}

void mgpuEventDestroy(void *event) {
  if (event && enter("mgpuEventDestroy"))
    CHECK(cu().cuEventDestroy(static_cast<CUevent>(event)));
}

void mgpuEventSynchronize(void *event) {
  if (enter("mgpuEventSynchronize"))
    CHECK(cu().cuEventSynchronize(static_cast<CUevent>(event)));
}

void mgpuEventRecord(void *event, void *stream) {
  if (enter("mgpuEventRecord"))
    CHECK(cu().cuEventRecord(static_cast<CUevent>(event),
                             static_cast<CUstream>(stream)));
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

/// Device blocks freed by compiled code, kept by size for its next
/// allocations: reuse needs no synchronisation because a compiled function
/// runs all of its work on one stream, in order, and synchronises it before
/// returning. Idle blocks are freed when the device runs out of memory.
static orchid::BlockCache<uint64_t, CUdeviceptr> &deviceBlocks() {
  static auto *cache = new orchid::BlockCache<uint64_t, CUdeviceptr>(
      std::numeric_limits<size_t>::max());
  return *cache;
}

void *mgpuMemAlloc(uint64_t sizeBytes, void * /*stream*/, bool isHostShared) {
  CUdeviceptr ptr = 0;
  if (sizeBytes == 0 || !enter("mgpuMemAlloc"))
    return nullptr;
  if (isHostShared) {
    CHECK(cu().cuMemAllocManaged(&ptr, sizeBytes, kMemAttachGlobal));
    return reinterpret_cast<void *>(ptr);
  }
  // cuMemAlloc aligns to 256 bytes at least; so do cached sizes.
  uint64_t bytes = (sizeBytes + 255) / 256 * 256;
  if (std::optional<CUdeviceptr> block = deviceBlocks().take(bytes))
    return reinterpret_cast<void *>(*block);
  CUresult err = cu().cuMemAlloc(&ptr, bytes);
  if (err == kCudaErrorOutOfMemory) {
    for (CUdeviceptr idle : deviceBlocks().drain())
      cu().cuMemFree(idle);
    err = cu().cuMemAlloc(&ptr, bytes);
  }
  if (!check(err, "cu().cuMemAlloc(&ptr, bytes)"))
    return nullptr;
  deviceBlocks().track(ptr, bytes, bytes);
  return reinterpret_cast<void *>(ptr);
}

void mgpuMemFree(void *ptr, void * /*stream*/) {
  auto block = reinterpret_cast<CUdeviceptr>(ptr);
  if (ptr && !deviceBlocks().give(block) && enter("mgpuMemFree"))
    CHECK(cu().cuMemFree(block));
}

void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream) {
  if (enter("mgpuMemcpy"))
    CHECK(cu().cuMemcpyAsync(reinterpret_cast<CUdeviceptr>(dst),
                             reinterpret_cast<CUdeviceptr>(src), sizeBytes,
                             static_cast<CUstream>(stream)));
}

void mgpuMemset16(void *dst, unsigned short value, size_t count, void *stream) {
  if (enter("mgpuMemset16"))
    CHECK(cu().cuMemsetD16Async(reinterpret_cast<CUdeviceptr>(dst), value,
                                count, static_cast<CUstream>(stream)));
}

void mgpuMemset32(void *dst, unsigned int value, size_t count, void *stream) {
  if (enter("mgpuMemset32"))
    CHECK(cu().cuMemsetD32Async(reinterpret_cast<CUdeviceptr>(dst), value,
                                count, static_cast<CUstream>(stream)));
}

void mgpuMemHostRegister(void *ptr, uint64_t sizeBytes) {
  if (enter("mgpuMemHostRegister"))
    CHECK(cu().cuMemHostRegister(ptr, sizeBytes, kHostRegisterPortable));
}

void mgpuMemHostRegisterMemRef(int64_t rank, void *desc,
                               int64_t elementSizeBytes) {
  void *begin;
  uint64_t sizeBytes;
  memRefRange(rank, desc, elementSizeBytes, begin, sizeBytes);
  mgpuMemHostRegister(begin, sizeBytes);
}

void mgpuMemHostUnregister(void *ptr) {
  if (enter("mgpuMemHostUnregister"))
    CHECK(cu().cuMemHostUnregister(ptr));
}

void mgpuMemHostUnregisterMemRef(int64_t rank, void *desc,
                                 int64_t elementSizeBytes) {
  void *begin;
  uint64_t sizeBytes;
  memRefRange(rank, desc, elementSizeBytes, begin, sizeBytes);
  mgpuMemHostUnregister(begin);
}

void mgpuSetDefaultDevice(int32_t device) {
  RuntimeState &s = state();
  std::lock_guard<std::mutex> lock(s.mutex);
  if (s.initialized && s.device != device)
    reportError("mgpuSetDefaultDevice(%d) after the runtime started on "
                "device %d is ignored",
                device, s.device);
  else
    s.device = device;
}
