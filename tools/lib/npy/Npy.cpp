//===- Npy.cpp - NumPy .npy files -----------------------------------------===//

#include "tools/lib/npy/Npy.h"

#include "tools/lib/support/AtomicFile.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace mlir {
namespace orchid {

int64_t getElementSize(DType dtype) {
  switch (dtype) {
  case DType::F32:
    return 4;
  case DType::F64:
  case DType::C64:
    return 8;
  }
  llvm_unreachable("unknown dtype");
}

StringRef getDTypeName(DType dtype) {
  switch (dtype) {
  case DType::F32:
    return "float32";
  case DType::F64:
    return "float64";
  case DType::C64:
    return "complex64";
  }
  llvm_unreachable("unknown dtype");
}

NpyArray::NpyArray(DType dtype, std::vector<int64_t> shape)
    : dtype(dtype), shape(std::move(shape)) {
  std::optional<int64_t> bytes = getByteSize(dtype, this->shape);
  assert(bytes && "shape overflows: check it with getByteSize first");
  data.resize(*bytes);
}

int64_t NpyArray::getNumElements() const {
  int64_t n = 1;
  for (int64_t s : shape)
    n *= s;
  return n;
}

std::string NpyArray::describe() const {
  std::string s;
  for (int64_t d : shape)
    s += std::to_string(d) + "x";
  return s + getDTypeName(dtype).str();
}

namespace {

Error malformed(const Twine &path, const Twine &why) {
  return createStringError(inconvertibleErrorCode(),
                           "'" + path + "': not a valid .npy file: " + why);
}

/// Finds `'key':` in the header dictionary and returns the text after it.
std::optional<StringRef> findKey(StringRef header, StringRef key) {
  std::string quoted = ("'" + key + "'").str();
  size_t pos = header.find(quoted);
  if (pos == StringRef::npos)
    return std::nullopt;
  StringRef rest = header.drop_front(pos + quoted.size()).ltrim();
  if (!rest.consume_front(":"))
    return std::nullopt;
  return rest.ltrim();
}

} // namespace

namespace {

/// Reads from a file descriptor, of a regular file or of a pipe or device,
/// without ever asking for more than it is told to.
class BoundedReader {
public:
  BoundedReader(sys::fs::file_t file, StringRef path)
      : file(file), path(path) {}

  /// Appends exactly `size` bytes to `out`, growing it as the data
  /// arrives, so a source that promises more than it has costs no memory.
  Error read(size_t size, std::vector<char> &out, StringRef what) {
    size_t done = 0;
    while (done < size) {
      size_t chunk = std::min<size_t>(size - done, 1 << 20);
      size_t old = out.size();
      out.resize(old + chunk);
      Expected<size_t> got = sys::fs::readNativeFile(
          file, MutableArrayRef(out.data() + old, chunk));
      if (!got)
        return createStringError(errorToErrorCode(got.takeError()),
                                 "cannot read '" + path + "'");
      out.resize(old + *got);
      if (*got == 0)
        return malformed(path, "truncated " + what + ": expected " +
                                   Twine(size) + " bytes, found " +
                                   Twine(done));
      done += *got;
    }
    return Error::success();
  }

  /// Whether the file has nothing left.
  Expected<bool> atEnd() {
    char byte;
    Expected<size_t> got =
        sys::fs::readNativeFile(file, MutableArrayRef(&byte, 1));
    if (!got)
      return createStringError(errorToErrorCode(got.takeError()),
                               "cannot read '" + path + "'");
    return *got == 0;
  }

private:
  sys::fs::file_t file;
  StringRef path;
};

/// Parses the shape tuple "(2, 3,)" of a header.
Expected<std::vector<int64_t>> parseShape(StringRef path, StringRef text) {
  if (!text.consume_front("("))
    return malformed(path, "bad shape");
  StringRef dims = text.take_until([](char c) { return c == ')'; });
  if (dims.size() == text.size())
    return malformed(path, "bad shape");
  SmallVector<StringRef> parts;
  dims.split(parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<int64_t> shape;
  for (StringRef part : parts) {
    part = part.trim();
    if (part.empty())
      continue;
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return malformed(path, "bad shape dimension '" + part + "'");
    shape.push_back(dim);
  }
  return shape;
}

} // namespace

std::optional<int64_t> getByteSize(DType dtype, ArrayRef<int64_t> shape) {
  std::optional<int64_t> bytes = getElementSize(dtype);
  for (int64_t d : shape) {
    if (d < 0)
      return std::nullopt;
    bytes = checkedMul(*bytes, d);
    if (!bytes)
      return std::nullopt;
  }
  return bytes;
}

Expected<NpyArray> readNpy(StringRef path) {
  Expected<sys::fs::file_t> file = sys::fs::openNativeFileForRead(path);
  if (!file) {
    std::error_code ec = errorToErrorCode(file.takeError());
    return createStringError(ec, "cannot read '" + path + "': " + ec.message());
  }
  auto closeFile = llvm::make_scope_exit([&] { sys::fs::closeFile(*file); });
  BoundedReader reader(*file, path);

  std::vector<char> prefix;
  if (Error e = reader.read(10, prefix, "header"))
    return e;
  StringRef bytes(prefix.data(), prefix.size());
  if (!bytes.starts_with("\x93NUMPY"))
    return malformed(path, "missing the \\x93NUMPY magic string");
  uint8_t major = bytes[6];
  size_t headerLen;
  if (major == 1) {
    headerLen = uint8_t(bytes[8]) | (uint8_t(bytes[9]) << 8);
  } else if (major == 2 || major == 3) {
    if (Error e = reader.read(2, prefix, "header"))
      return e;
    headerLen = 0;
    for (int i = 0; i < 4; ++i)
      headerLen |= size_t(uint8_t(prefix[8 + i])) << (8 * i);
  } else {
    return malformed(path, "unsupported format version " + Twine(major));
  }
  if (headerLen > kMaxNpyHeaderSize)
    return malformed(path, "a header of " + Twine(headerLen) +
                               " bytes (at most " + Twine(kMaxNpyHeaderSize) +
                               " are accepted)");
  std::vector<char> headerBytes;
  if (Error e = reader.read(headerLen, headerBytes, "header"))
    return e;
  StringRef header(headerBytes.data(), headerBytes.size());

  std::optional<StringRef> descr = findKey(header, "descr");
  std::optional<StringRef> order = findKey(header, "fortran_order");
  std::optional<StringRef> shapeText = findKey(header, "shape");
  if (!descr || !order || !shapeText)
    return malformed(path, "header lacks descr, fortran_order or shape");

  if (!descr->consume_front("'"))
    return malformed(path, "unsupported descr (structured dtype?)");
  StringRef typeStr = descr->take_until([](char c) { return c == '\''; });
  NpyArray array;
  if (typeStr == "<f4" || typeStr == "=f4")
    array.dtype = DType::F32;
  else if (typeStr == "<f8" || typeStr == "=f8")
    array.dtype = DType::F64;
  else if (typeStr == "<c8" || typeStr == "=c8")
    array.dtype = DType::C64;
  else
    return createStringError(inconvertibleErrorCode(),
                             "'" + path + "': unsupported dtype '" + typeStr +
                                 "' (expected little-endian float32, "
                                 "float64 or complex64)");
  if (order->starts_with("True"))
    return createStringError(inconvertibleErrorCode(),
                             "'" + path +
                                 "': Fortran-order arrays are not supported");
  if (!order->starts_with("False"))
    return malformed(path, "bad fortran_order value");

  Expected<std::vector<int64_t>> shape = parseShape(path, *shapeText);
  if (!shape)
    return shape.takeError();
  array.shape = std::move(*shape);
  std::optional<int64_t> expected = getByteSize(array.dtype, array.shape);
  if (!expected)
    return malformed(path, "the size of shape " + array.describe() +
                               " overflows 64 bits");

  // A regular file says how much data it has: check before reading.
  sys::fs::file_status status;
  if (!sys::fs::status(*file, status) &&
      status.type() == sys::fs::file_type::regular_file) {
    uint64_t have = status.getSize() - prefix.size() - headerLen;
    if (have != uint64_t(*expected))
      return malformed(path, "expected " + Twine(*expected) +
                                 " bytes of data for shape " +
                                 array.describe() + ", found " + Twine(have));
  }
  if (Error e = reader.read(*expected, array.data, "data"))
    return e;
  Expected<bool> end = reader.atEnd();
  if (!end)
    return end.takeError();
  if (!*end)
    return malformed(path, "more than the " + Twine(*expected) +
                               " bytes of data of shape " + array.describe());
  return array;
}

Error writeNpy(StringRef path, const NpyArray &array) {
  std::string header = "{'descr': '";
  header += array.dtype == DType::F32   ? "<f4"
            : array.dtype == DType::F64 ? "<f8"
                                        : "<c8";
  header += "', 'fortran_order': False, 'shape': (";
  for (int64_t d : array.shape)
    header += std::to_string(d) + ",";
  if (array.shape.size() > 1)
    header.pop_back();
  header += "), }";
  // Pad with spaces so that the data starts on a 64-byte boundary.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';

  return mlir::orchid::writeFileAtomically(path, [&](raw_ostream &os) {
    os << "\x93NUMPY" << char(1) << char(0) << char(header.size() & 0xff)
       << char(header.size() >> 8) << header;
    os.write(array.data.data(), array.data.size());
  });
}

} // namespace orchid
} // namespace mlir
