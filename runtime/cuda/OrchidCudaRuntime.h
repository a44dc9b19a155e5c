//===- OrchidCudaRuntime.h - Host functions for GPU code --------*- C++ -*-===//
//
// The `mgpu*` functions that MLIR 22 emits calls to: `gpu-to-llvm` for
// streams, events, allocation and copies, and the `gpu.binary` translation
// for module loading and kernel launches. The signatures match those calls
// exactly. The CUDA driver is loaded with dlopen on first use; when it is
// missing, or no device is present, every function records an error,
// returns a null handle where it has one, and does nothing else.
//
//===----------------------------------------------------------------------===//

#ifndef ORCHID_RUNTIME_CUDA_ORCHIDCUDARUNTIME_H
#define ORCHID_RUNTIME_CUDA_ORCHIDCUDARUNTIME_H

#include <stddef.h>
#include <stdint.h>

#define ORCHID_CUDA_EXPORT extern "C" __attribute__((visibility("default")))

// Runtime status, for drivers and tests.

/// Loads the driver and makes device 0 current; returns whether it worked.
/// `ORCHID_CUDA_DRIVER` overrides the library name (default libcuda.so.1).
ORCHID_CUDA_EXPORT bool orchidCudaIsAvailable();
/// The message of the first error since the last clear, or null.
ORCHID_CUDA_EXPORT const char *orchidCudaGetLastError();
ORCHID_CUDA_EXPORT void orchidCudaClearError();
/// Whether errors are also printed to stderr (the default).
ORCHID_CUDA_EXPORT void orchidCudaSetVerbose(bool verbose);

// Modules and launches (gpu.binary translation).
ORCHID_CUDA_EXPORT void *mgpuModuleLoad(void *data, size_t gpuBlobSize);
ORCHID_CUDA_EXPORT void *mgpuModuleLoadJIT(void *data, int optLevel);
ORCHID_CUDA_EXPORT void mgpuModuleUnload(void *module);
ORCHID_CUDA_EXPORT void *mgpuModuleGetFunction(void *module, const char *name);
ORCHID_CUDA_EXPORT void mgpuLaunchKernel(void *function, intptr_t gridX,
                                         intptr_t gridY, intptr_t gridZ,
                                         intptr_t blockX, intptr_t blockY,
                                         intptr_t blockZ, int32_t smem,
                                         void *stream, void **params,
                                         void **extra, size_t paramsCount);

// Streams and events (gpu-to-llvm).
ORCHID_CUDA_EXPORT void *mgpuStreamCreate();
ORCHID_CUDA_EXPORT void mgpuStreamDestroy(void *stream);
ORCHID_CUDA_EXPORT void mgpuStreamSynchronize(void *stream);
ORCHID_CUDA_EXPORT void mgpuStreamWaitEvent(void *stream, void *event);
ORCHID_CUDA_EXPORT void *mgpuEventCreate();
ORCHID_CUDA_EXPORT void mgpuEventDestroy(void *event);
ORCHID_CUDA_EXPORT void mgpuEventSynchronize(void *event);
ORCHID_CUDA_EXPORT void mgpuEventRecord(void *event, void *stream);

// Memory (gpu-to-llvm).
ORCHID_CUDA_EXPORT void *mgpuMemAlloc(uint64_t sizeBytes, void *stream,
                                      bool isHostShared);
ORCHID_CUDA_EXPORT void mgpuMemFree(void *ptr, void *stream);
ORCHID_CUDA_EXPORT void mgpuMemcpy(void *dst, void *src, size_t sizeBytes,
                                   void *stream);
ORCHID_CUDA_EXPORT void mgpuMemset16(void *dst, unsigned short value,
                                     size_t count, void *stream);
ORCHID_CUDA_EXPORT void mgpuMemset32(void *dst, unsigned int value,
                                     size_t count, void *stream);
ORCHID_CUDA_EXPORT void mgpuMemHostRegister(void *ptr, uint64_t sizeBytes);
ORCHID_CUDA_EXPORT void mgpuMemHostRegisterMemRef(int64_t rank, void *desc,
                                                  int64_t elementSizeBytes);
ORCHID_CUDA_EXPORT void mgpuMemHostUnregister(void *ptr);
ORCHID_CUDA_EXPORT void mgpuMemHostUnregisterMemRef(int64_t rank, void *desc,
                                                    int64_t elementSizeBytes);
ORCHID_CUDA_EXPORT void mgpuSetDefaultDevice(int32_t device);

#endif // ORCHID_RUNTIME_CUDA_ORCHIDCUDARUNTIME_H
