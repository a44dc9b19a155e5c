//===- AtomicFile.cpp - Write output files all or nothing -----------------===//

#include "tools/lib/support/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace mlir {
namespace orchid {

/// Flushes `os` and turns its error state into an Error; clearing it keeps
/// raw_fd_ostream's destructor from reporting a fatal "IO failure".
static Error finish(raw_fd_ostream &os, StringRef path) {
  os.close();
  if (!os.has_error())
    return Error::success();
  std::error_code ec = os.error();
  os.clear_error();
  return createStringError(ec, "cannot write '" + path + "': " + ec.message());
}

Error writeFileAtomically(StringRef path,
                          function_ref<void(raw_ostream &)> write) {
  sys::fs::file_status status;
  bool exists = !sys::fs::status(path, status);
  if (path == "-" ||
      (exists && status.type() != sys::fs::file_type::regular_file)) {
    std::error_code ec;
    raw_fd_ostream os(path, ec, sys::fs::OF_None);
    if (ec)
      return createStringError(ec,
                               "cannot write '" + path + "': " + ec.message());
    write(os);
    return finish(os, path);
  }

  SmallString<256> model(path);
  model += ".tmp-%%%%%%";
  int fd;
  SmallString<256> temp;
  if (std::error_code ec = sys::fs::createUniqueFile(model, fd, temp))
    return createStringError(ec,
                             "cannot write '" + path + "': " + ec.message());
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    write(os);
    if (Error e = finish(os, path)) {
      sys::fs::remove(temp);
      return e;
    }
  }
  if (std::error_code ec = sys::fs::rename(temp, path)) {
    sys::fs::remove(temp);
    return createStringError(ec,
                             "cannot write '" + path + "': " + ec.message());
  }
  return Error::success();
}

} // namespace orchid
} // namespace mlir
