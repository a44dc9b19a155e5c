//===- CudaRuntimeTest.cpp - CUDA runtime without a driver ----------------===//
//
// Without a driver (forced by pointing ORCHID_CUDA_DRIVER at a library that
// does not exist) every mgpu* function must record an error and return
// null handles instead of crashing, so that CPU-only machines can load code
// compiled for the GPU and report why it cannot run.
//
//===----------------------------------------------------------------------===//

#include "OrchidCudaRuntime.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <string>

namespace {
class CudaRuntimeWithoutDriver : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    setenv("ORCHID_CUDA_DRIVER", "liborchid-no-such-driver.so", 1);
    orchidCudaSetVerbose(false);
  }
  void SetUp() override { orchidCudaClearError(); }
};

TEST_F(CudaRuntimeWithoutDriver, ReportsMissingDriver) {
  EXPECT_FALSE(orchidCudaIsAvailable());
  const char *error = orchidCudaGetLastError();
  ASSERT_NE(error, nullptr);
  EXPECT_NE(std::string(error).find("liborchid-no-such-driver.so"),
            std::string::npos)
      << error;
}

TEST_F(CudaRuntimeWithoutDriver, HandlesAreNull) {
  // The first failed driver load is reported once; after it, each call
  // reports its own name. Load first so that the test does not depend on
  // running in the same process as the others.
  orchidCudaIsAvailable();
  orchidCudaClearError();
  static const char blob[] = "not a cubin";
  void *module = mgpuModuleLoad(const_cast<char *>(blob), sizeof(blob));
  EXPECT_EQ(module, nullptr);
  ASSERT_NE(orchidCudaGetLastError(), nullptr);
  EXPECT_NE(std::string(orchidCudaGetLastError()).find("mgpuModuleLoad"),
            std::string::npos);
  EXPECT_EQ(mgpuModuleLoadJIT(const_cast<char *>(blob), 2), nullptr);
  EXPECT_EQ(mgpuModuleGetFunction(module, "kernel"), nullptr);
  EXPECT_EQ(mgpuStreamCreate(), nullptr);
  EXPECT_EQ(mgpuEventCreate(), nullptr);
  EXPECT_EQ(mgpuMemAlloc(1024, nullptr, false), nullptr);
}

TEST_F(CudaRuntimeWithoutDriver, CallsOnNullHandlesAreHarmless) {
  int host[4] = {1, 2, 3, 4};
  mgpuLaunchKernel(nullptr, 1, 1, 1, 32, 1, 1, 0, nullptr, nullptr, nullptr, 0);
  EXPECT_NE(orchidCudaGetLastError(), nullptr);
  mgpuMemcpy(host, host + 2, 2 * sizeof(int), nullptr);
  mgpuMemset32(host, 0, 4, nullptr);
  mgpuStreamSynchronize(nullptr);
  mgpuStreamDestroy(nullptr);
  mgpuEventDestroy(nullptr);
  mgpuMemFree(nullptr, nullptr);
  mgpuModuleUnload(nullptr);
  // Nothing touched host memory.
  EXPECT_EQ(host[0], 1);
  EXPECT_EQ(host[3], 4);
}
} // namespace
