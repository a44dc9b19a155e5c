//===- BenchUtil.cpp - Helpers shared by the CPU benchmarks ---------------===//

#include "bench/BenchUtil.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <sys/resource.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cmath>
#include <string>
#include <thread>

using namespace llvm;

namespace mlir {
namespace orchid {
namespace bench {

Timing timeCalls(function_ref<void()> f, unsigned reps) {
  assert(reps > 0 && "no calls to time");
  f();
  std::vector<double> ms;
  for (unsigned i = 0; i < reps; ++i) {
    auto start = std::chrono::steady_clock::now();
    f();
    std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    ms.push_back(elapsed.count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front(), ms.back()};
}

double peakRssMiB() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

void printMachine(unsigned threads) {
  std::string model = "unknown CPU";
  std::string cores = "?";
  if (auto buffer = MemoryBuffer::getFileAsStream("/proc/cpuinfo")) {
    SmallVector<StringRef> lines;
    (*buffer)->getBuffer().split(lines, '\n');
    for (StringRef line : lines) {
      auto [key, value] = line.split(':');
      if (key.trim() == "model name")
        model = value.trim().str();
      else if (key.trim() == "cpu cores")
        cores = value.trim().str();
    }
  }
  outs() << "CPU: " << model << "; " << cores << " cores, "
         << std::thread::hardware_concurrency() << " hardware threads; "
         << threads << " threads used\n";
}

double relativeL2Error(const float *a, const float *b, int64_t n) {
  double diff = 0.0, norm = 0.0;
  for (int64_t i = 0; i < n; ++i) {
    double x = a[i], y = b[i];
    diff += (x - y) * (x - y);
    norm += y * y;
  }
  return std::sqrt(diff / norm);
}

} // namespace bench
} // namespace orchid
} // namespace mlir
