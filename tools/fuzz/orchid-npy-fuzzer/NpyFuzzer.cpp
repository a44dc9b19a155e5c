//===- NpyFuzzer.cpp - Fuzz the .npy reader -------------------------------===//
//
// Feeds each input to readNpy as a file and, when it is accepted, checks
// that writing it back and reading that again gives the same array.
//
//===----------------------------------------------------------------------===//

#include "tools/lib/npy/Npy.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace llvm;

namespace {
/// One scratch file for the whole run: the reader takes paths.
SmallString<128> &scratchPath() {
  static SmallString<128> path;
  return path;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  int fd;
  if (sys::fs::createTemporaryFile("orchid-npy-fuzz", "npy", fd,
                                   scratchPath())) {
    errs() << "cannot create a scratch file\n";
    std::abort();
  }
  sys::fs::closeFile(fd);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  StringRef path = scratchPath();
  {
    std::error_code ec;
    raw_fd_ostream os(path, ec);
    if (ec)
      std::abort();
    os.write(reinterpret_cast<const char *>(data), size);
  }
  Expected<mlir::orchid::NpyArray> array = mlir::orchid::readNpy(path);
  if (!array) {
    consumeError(array.takeError());
    return 0;
  }
  if (Error e = mlir::orchid::writeNpy(path, *array)) {
    errs() << toString(std::move(e)) << "\n";
    std::abort();
  }
  Expected<mlir::orchid::NpyArray> again = mlir::orchid::readNpy(path);
  if (!again || again->dtype != array->dtype || again->shape != array->shape ||
      again->data != array->data) {
    errs() << "an accepted array does not survive a write and a read\n";
    std::abort();
  }
  return 0;
}
